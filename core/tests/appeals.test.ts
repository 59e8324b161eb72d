/**
 * The appeal texts' schemas refuse personal data, the calendar's day numbers match the contract's, and the EIP-712
 * request types are exactly the type strings Appeals.sol hashes (read from its source: one home, checked).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import {
  APPEAL_REQUEST_TYPES,
  appealAnswerSchema,
  appealDigest,
  appealJson,
  appealTextSchema,
  calendarDay,
  calendarDayOf,
  personalDataIn,
} from "@government-dao/core/appeals";
import { openContentStore } from "@government-dao/core/content-store";

const text = (body: string) => ({ schema: "government-dao/appeal@1", language: "ru", text: body });

describe("appeal texts (core/src/appeals.ts)", () => {
  it("accepts a plain appeal in each language and writes it as one JSON line", () => {
    for (const [language, body] of [
      ["ru", "Прошу пересмотреть приказ: в нём неверно указан срок подачи отчётов."],
      ["kk", "Бұйрықты қайта қарауды сұраймын: есеп беру мерзімі қате көрсетілген."],
      ["en", "Please review the order: it states the wrong deadline for the reports."],
    ] as const) {
      const parsed = appealTextSchema.parse({ schema: "government-dao/appeal@1", language, text: body });
      assert.equal(appealJson(parsed), `${JSON.stringify(parsed)}\n`);
    }
  });

  it("names a text by the digest the content store gives its stored bytes, so the chain's digest names a readable file", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "appeal-digest-"));
    try {
      const body = appealTextSchema.parse({ schema: "government-dao/appeal@1", language: "en", text: "Please review the order: it states the wrong deadline." });
      const stored = await openContentStore(dir).putText(appealJson(body));
      assert.equal(appealDigest(body), stored.digest);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses e-mail addresses, phone numbers, IINs and self-introductions, naming what it found", () => {
    const cases: [string, string][] = [
      ["email", "Ответ прошу направить на aigerim.k@mail.kz, спасибо заранее."],
      ["phone", "Позвоните мне по номеру +7 701 234 56 78 по этому вопросу."],
      ["phone", "Мой телефон 8 (727) 123-45-67, звоните в рабочее время."],
      ["iin", "Мой ИИН 900101300123, прошу проверить начисление пени."],
      ["name", "Здравствуйте, меня зовут Айгерим, прошу пересмотреть решение."],
      ["name", "Сәлеметсіз бе, менің атым Айгерім, шешімді қайта қараңыз."],
    ];
    for (const [kind, body] of cases) {
      assert.deepEqual(personalDataIn(body), [kind], body);
      const result = appealTextSchema.safeParse(text(body));
      assert.equal(result.success, false, body);
      assert.match(result.error?.issues[0]?.message ?? "", new RegExp(`personal data .*${kind}`));
    }
    // Numbers that are not personal: a document number, a date, an amount, a 64-digit hash.
    assert.deepEqual(personalDataIn("Приказ P-2026/014 от 12.12.2026 на сумму 100 000 000 тенге, хэш 3f4e" + "0".repeat(60)), []);
  });

  it("refuses unknown fields, an unknown language, and texts too short or too long", () => {
    assert.equal(appealTextSchema.safeParse({ ...text("Достаточно длинный текст обращения."), phone: "x" }).success, false);
    assert.equal(appealTextSchema.safeParse({ ...text("Достаточно длинный текст обращения."), language: "de" }).success, false);
    assert.equal(appealTextSchema.safeParse(text("Коротко.")).success, false);
    assert.equal(appealTextSchema.safeParse(text("а".repeat(10_001))).success, false);
    assert.equal(appealAnswerSchema.safeParse({ schema: "government-dao/appeal-answer@1", language: "en", outcome: "rejected", reasons: "" }).success, false);
  });
});

describe("the working-day calendar's day numbers", () => {
  it("numbers days from 1970-01-01 in UTC+5, as WorkingDayCalendar.dayOf does", () => {
    assert.equal(calendarDay("1970-01-01"), 0);
    assert.equal(calendarDay("2026-12-16"), 20_803);
    // 2026-12-15 19:00 UTC is 16 December 00:00 in Astana.
    assert.equal(calendarDayOf(Date.UTC(2026, 11, 15, 19) / 1000), 20_803);
    assert.equal(calendarDayOf(Date.UTC(2026, 11, 15, 18, 59, 59) / 1000), 20_802);
    assert.throws(() => calendarDay("2026-02-30"), /not a calendar date/);
    assert.throws(() => calendarDay("16.12.2026"), /yyyy-mm-dd/);
  });
});

describe("the EIP-712 request types", () => {
  it("are the type strings Appeals.sol hashes", () => {
    const source = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../contracts/appeals/Appeals.sol"), "utf8");
    const hashed = [...source.replace(/"\s*\n\s*/g, '"').matchAll(/keccak256\(\s*"(\w+\([^"]*\))"\s*\)/g)].map((m) => m[1]);
    const ours = Object.entries(APPEAL_REQUEST_TYPES).map(([name, fields]) => `${name}(${fields.map((f) => `${f.type} ${f.name}`).join(",")})`);
    assert.deepEqual([...hashed].sort(), [...ours].sort());
  });
});
