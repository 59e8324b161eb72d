/**
 * Every custom error any system contract can revert with has a plain sentence in core's catalogue
 * (core/src/errors.ts): a contract change that adds an error without words fails here. The dApp's translated
 * sentences (web/messages/{kk,ru,en}.json `errors.revert.<Name>`) are checked against the same names by the dApp's
 * build and web/e2e/messages.test.ts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { encodeErrorResult } from "viem";

import { abis } from "@government-dao/core/abis";
import { CUSTOM_ERRORS, decodeCustomError, explainCustomError, sentenceFor } from "@government-dao/core/errors";

const sample = (type: string): unknown =>
  type === "address" ? `0x${"ab".repeat(20)}` : type === "bool" ? true : type.startsWith("bytes") ? `0x${"cd".repeat(Number(type.slice(5)) || 32)}` : type === "string" ? "text" : 1n;

describe("plain error messages (core/src/errors.ts)", () => {
  for (const [contract, abi] of Object.entries(abis)) {
    it(`has a sentence for every custom error of ${contract}`, () => {
      const missing: string[] = [];
      for (const error of abi) {
        if (error.type !== "error") continue;
        const sentence = sentenceFor({ name: error.name, args: error.inputs.map((input) => sample(input.type)) });
        if (sentence === undefined || sentence.length < 10 || /undefined|\[object/.test(sentence)) missing.push(`${error.name}(${error.inputs.map((i) => i.type).join(",")})`);
      }
      assert.deepEqual(missing, [], `errors of ${contract} without a plain sentence`);
    });
  }

  it("decodes revert data of any system contract into its sentence, arguments included", () => {
    const data = encodeErrorResult({ abi: abis.DocumentRegistry, errorName: "UnknownDocument", args: [0xabn] });
    const decoded = decodeCustomError(data);
    assert.deepEqual(decoded, { name: "UnknownDocument", args: [0xabn] });
    assert.equal(explainCustomError(decoded!), `Unknown document 0x${"ab".padStart(64, "0")}.`);
    assert.equal(decodeCustomError("0xdeadbeef"), undefined);
    assert.equal(explainCustomError({ name: "SomethingElse", args: [1n] }), "Reverted with SomethingElse(1).");
  });

  it("lists each custom error once, across contracts", () => {
    const names = CUSTOM_ERRORS.map((e) => e.name);
    assert.equal(new Set(names).size, names.length);
    assert.ok(names.includes("GovernorNotAnOfficial") && names.includes("InsufficientFunds"));
  });
});
