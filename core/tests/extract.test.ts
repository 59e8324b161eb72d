import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { EXTRACT_SCHEMA, apiKeysFromSeed, canonicalJson, signExtract, verifyExtract } from "@government-dao/core/extract";

describe("citizen extracts (core/src/extract.ts)", () => {
  const keys = apiKeysFromSeed(new Uint8Array(32).fill(7));
  const body = { chainId: 31337, document: { id: `0x${"ab".repeat(32)}`, status: "ACTIVE" } };

  it("signs canonical JSON that checks out against the API's key, in any key order", () => {
    assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }), '{"a":[{"c":3,"d":2}],"b":1}');
    const extract = signExtract(body, keys);
    assert.equal(extract.schema, EXTRACT_SCHEMA);
    assert.deepEqual(verifyExtract(JSON.parse(JSON.stringify(extract)), keys.publicKey), { ok: true });
  });

  it("catches a changed extract, another key and a malformed signature", () => {
    const extract = signExtract(body, keys);
    assert.equal(verifyExtract({ ...extract, chainId: 1 }, keys.publicKey).ok, false);
    assert.deepEqual(verifyExtract(extract, apiKeysFromSeed(new Uint8Array(32).fill(8)).publicKey), { ok: false, reason: "signed with another key" });
    assert.deepEqual(verifyExtract({ ...extract, signature: { ...extract.signature, value: "!!" } }, keys.publicKey), { ok: false, reason: "the signature is not base64" });
    assert.equal(verifyExtract("text", keys.publicKey).ok, false);
  });
});
