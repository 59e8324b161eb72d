/**
 * scripts/lib/terminal-text.ts: untrusted text shown on a terminal with every control and bidi character visible.
 *
 *   npx hardhat test mocha test/scripts/terminal-text.test.ts
 */
import { expect } from "chai";

import { jsonSafe, terminalLines, terminalOutput, terminalSafe } from "../../scripts/lib/terminal-text.js";

/** Every character a terminal or a bidi algorithm acts on (the module's list). */
const DANGEROUS = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c,
  0x200e,
  0x200f,
  0x2028,
  0x2029,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
].map((code) => String.fromCharCode(code));
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe("terminal-text: untrusted text on a terminal", function () {
  it("shows ANSI escapes visibly: cursor-up, erase line, concealed text, a window title (OSC)", function () {
    expect(terminalSafe("Seat\x1b[1A\x1b[2K official")).to.equal("Seat\\x1b[1A\\x1b[2K official");
    expect(terminalSafe("\x1b[8mhidden\x1b[0m")).to.equal("\\x1b[8mhidden\\x1b[0m");
    expect(terminalSafe("\x1b]0;title\x07")).to.equal("\\x1b]0;title\\x07");
    expect(terminalSafe("\u009b2J")).to.equal("\\x9b2J"); // C1 CSI
  });

  it("shows CR, newline, tab, NUL and DEL visibly: a value cannot forge a line", function () {
    expect(terminalSafe("ok\r  state       Executed")).to.equal("ok\\x0d  state       Executed");
    expect(terminalSafe("a\nb\tc\0d\x7f")).to.equal("a\\x0ab\\x09c\\x00d\\x7f");
  });

  it("shows the Unicode bidi controls visibly (Trojan Source)", function () {
    expect(terminalSafe("abc\u202edcba\u202c")).to.equal("abc\\u202edcba\\u202c");
    expect(terminalSafe("\u2066\u2067\u2068\u2069\u200e\u200f\u061c")).to.equal("\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c");
  });

  it("escapes every dangerous character and nothing else (Kazakh, Cyrillic, emoji, quotes, backslashes stay)", function () {
    for (const c of DANGEROUS) {
      const shown = terminalSafe(`x${c}y`);
      expect(shown, `U+${c.charCodeAt(0).toString(16)}`).to.not.match(RAW);
      expect(shown).to.match(/^x\\(x[0-9a-f]{2}|u[0-9a-f]{4})y$/);
    }
    const plain = 'Қаулы № 45-ө «О бюджете» 🇰🇿 "quoted" C:\\path \u00a0nbsp';
    expect(terminalSafe(plain)).to.equal(plain);
    expect(terminalSafe(42n)).to.equal("42");
  });

  it("terminalLines splits a rationale at its newlines and escapes each line (a lone CR stays visible)", function () {
    expect(terminalLines("first\r\nsecond\x1b[1A\nthird\rover")).to.deep.equal(["first", "second\\x1b[1A", "third\\x0dover"]);
  });

  it("terminalOutput keeps newlines and escapes the rest", function () {
    expect(terminalOutput("a\n  b\x1b[2K\r\u202e")).to.equal("a\n  b\\x1b[2K\\x0d\\u202e");
  });

  it("jsonSafe is the same JSON value, with no raw control, C1 or bidi character in the text", function () {
    const value = { title: "\x1b[8m\u202eevil\u009b\x7f", n: 1, nested: ["\u2066ok\u2069"] };
    const text = jsonSafe(value);
    expect(text.replace(/\n/g, "")).to.not.match(RAW); // the newlines are JSON's indentation
    expect(JSON.parse(text)).to.deep.equal(value);
    expect(text).to.contain("\\u202e").and.to.contain("\\u001b").and.to.contain("\\u009b");
    expect(jsonSafe({ big: 10n }, (_, v) => (typeof v === "bigint" ? v.toString() : v))).to.equal('{\n  "big": "10"\n}');
  });
});
