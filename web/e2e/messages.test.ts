/**
 * The three languages carry exactly the same messages: a missing key would show a raw key to a reader. Every custom
 * error of the contracts has its own sentence (`errors.revert.<Name>`), and none names an error no contract has.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";

import { CUSTOM_ERRORS } from "@government-dao/core/errors";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "messages");

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("translations", () => {
  it("kk, ru and en have the same keys and no empty text", async () => {
    const load = async (locale: string) => JSON.parse(await readFile(path.join(dir, `${locale}.json`), "utf8")) as unknown;
    const en = keys(await load("en")).sort();
    for (const locale of ["kk", "ru"]) {
      const messages = await load(locale);
      assert.deepEqual(keys(messages).sort(), en, `${locale}.json differs from en.json`);
      assert.ok(!JSON.stringify(messages).includes('""'), `${locale}.json has an empty text`);
    }
  });

  it("words every custom error of the contracts, with no placeholder a revert cannot fill", async () => {
    const en = JSON.parse(await readFile(path.join(dir, "en.json"), "utf8")) as { errors: { revert: Record<string, string> } };
    assert.deepEqual(Object.keys(en.errors.revert).sort(), CUSTOM_ERRORS.map((e) => e.name).sort(), "errors.revert differs from the contracts' custom errors");
    for (const locale of ["en", "kk", "ru"]) {
      const { errors } = JSON.parse(await readFile(path.join(dir, `${locale}.json`), "utf8")) as { errors: { revert: Record<string, string> } };
      for (const [name, text] of Object.entries(errors.revert)) {
        const placeholders = [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
        assert.deepEqual(placeholders, name === "InsufficientFunds" ? ["available", "requested"] : [], `${locale} ${name}: ${text}`);
      }
    }
  });
});
