/**
 * Bad input to the operations CLI, property-based (fast-check; reliability suite): random, oversized, unicode,
 * injection-shaped and wrong-type values for every value parser and for whole command lines. Each is either
 * accepted as a well-typed value or refused with one plain line — never a crash, a stack trace or a second line of
 * noise. Command lines point at a dead RPC port, so nothing can be sent whatever gets through the parsers.
 *
 *   npx hardhat test mocha test/reliability/cli-inputs.test.ts
 */
import { expect } from "chai";
import fc from "fast-check";

import { freePort } from "@government-dao/devchain/anvil";
import { PlainError } from "../../scripts/lib/explain-error.js";
import { parseMilestone } from "../../scripts/lib/gov/builders.js";
import { parseAddress } from "../../scripts/lib/gov/context.js";
import {
  parseAgencyId,
  parseAmount,
  parseDocumentType,
  parseDuration,
  parseHash,
  parsePosition,
  parseSupport,
  parseTime,
  parseUint,
} from "../../scripts/lib/gov/inputs.js";
import { runGov } from "../../scripts/lib/gov/program.js";
import { recordFigure } from "../helpers/figures.js";

/** Strings a careless or hostile caller might type. */
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ minLength: 10_000, maxLength: 12_000 }),
  fc.constantFrom(
    "",
    " ",
    "0",
    "-1",
    "1e309",
    "NaN",
    "Infinity",
    "0x",
    "0xZZ",
    `0x${"f".repeat(65)}`,
    "'; DROP TABLE documents; --",
    "../../../../etc/passwd",
    "a\r\nSet-Cookie: x=1",
    "nul\u0000byte",
    '{"__proto__":{"polluted":true}}',
    "<script>alert(1)</script>",
    "١٢٣",
    "ＡＢＣ",
    "Қазақстан",
    "9".repeat(100),
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.bigInt().map(String),
);

const PARSERS: [string, (text: string) => unknown][] = [
  ["parseUint", (t) => parseUint(t, "value")],
  ["parseAgencyId", parseAgencyId],
  ["parsePosition", parsePosition],
  ["parseAmount", (t) => parseAmount(t, 2)],
  ["parseTime", (t) => parseTime(t)],
  ["parseHash", (t) => parseHash(t)],
  ["parseDuration", parseDuration],
  ["parseDocumentType", (t) => parseDocumentType(t)],
  ["parseSupport", parseSupport],
  ["parseAddress", (t) => parseAddress(t)],
  ["parseMilestone", (t) => parseMilestone(t, 2)],
];

describe("operations CLI under bad input (property-based)", function () {
  this.timeout(300_000);
  let tried = 0;

  after(function () {
    recordFigure("bad inputs tried", "operations CLI: value parsers and whole command lines (fast-check)", tried);
  });

  for (const [name, parse] of PARSERS) {
    it(`${name} returns a value or refuses with one plain line, for any string`, function () {
      fc.assert(
        fc.property(hostile, (text) => {
          tried += 1;
          try {
            parse(text);
          } catch (error) {
            expect(error, `${name}(${JSON.stringify(text.slice(0, 80))})`).to.be.instanceOf(PlainError);
            const message = (error as Error).message;
            expect(message, "one line").not.to.match(/[\r\n]/);
            expect(message.length, "a short line: the value is cut and escaped").to.be.lessThan(400);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it("refuses bad command lines in one or two lines (message + usage hint), never with a stack trace", async function () {
    const deadRpc = `http://127.0.0.1:${await freePort()}`;
    const commands = fc.oneof(
      fc.tuple(hostile, hostile).map(([id, support]) => ["vote", id, support]),
      fc.tuple(hostile, hostile, hostile).map(([who, agency, position]) => ["propose", "seat", who, "--agency", agency, "--position", position, "--title", "t"]),
      fc.tuple(hostile, hostile).map(([allocation, index]) => ["propose", "release", allocation, index, "--title", "t"]),
      fc.tuple(hostile, hostile).map(([name, value]) => ["propose", "setting", name, value, "--title", "t"]),
      fc.tuple(hostile, hostile).map(([recipient, milestone]) => ["propose", "allocation", "--recipient", recipient, "--budget", `0x${"1".repeat(64)}`, "--milestone", milestone, "--title", "t"]),
      fc.tuple(hostile, hostile).map(([id, reason]) => ["revoke", id, "--reason", reason]),
      fc.tuple(hostile).map(([duration]) => ["warp", duration]),
      fc.array(hostile, { maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(commands, async (argv) => {
        tried += 1;
        const out: string[] = [];
        const err: string[] = [];
        const code = await runGov(["--rpc", deadRpc, ...argv], { out: (l) => out.push(l), err: (l) => err.push(l) });
        const text = [...out, ...err].join("\n");
        expect(text, JSON.stringify(argv).slice(0, 200)).not.to.match(/\n\s+at [^\n]*\(/);
        expect(text).not.to.match(/node_modules\//);
        for (const line of err.flatMap((w) => w.split("\n"))) expect(line.length, "stderr lines stay short").to.be.lessThan(400);
        if (code !== 0) {
          expect(code).to.equal(1);
          expect(err.length, `stderr for ${JSON.stringify(argv).slice(0, 200)}: ${err.join(" | ").slice(0, 300)}`).to.be.within(1, 2);
        }
      }),
      { numRuns: 200 },
    );
  });
});
