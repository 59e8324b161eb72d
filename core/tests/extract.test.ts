import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  EXTRACT_KEY_PURPOSE,
  EXTRACT_SCHEMA,
  type ExtractChain,
  type ExtractClaims,
  apiKeysFromSeed,
  canonicalJson,
  extractKeyVerdict,
  signExtract,
  verifyExtractSignature,
} from "@government-dao/core/extract";

describe("citizen extracts (core/src/extract.ts)", () => {
  const keys = apiKeysFromSeed(new Uint8Array(32).fill(7));
  const other = apiKeysFromSeed(new Uint8Array(32).fill(8));
  const registry = `0x${"12".repeat(20)}`;
  const dating = { chainId: 31337, key: { registry, id: 1, sha256: keys.publicKeySha256 }, block: { number: 40, timestamp: 1_800_000_000 } };
  const body = { document: { id: `0x${"ab".repeat(32)}`, status: "ACTIVE" } };

  it("signs canonical JSON dated at a block, which checks out under the key it carries, in any key order", () => {
    assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }), '{"a":[{"c":3,"d":2}],"b":1}');
    const extract = signExtract(body, dating, keys);
    assert.equal(extract.schema, EXTRACT_SCHEMA);
    assert.deepEqual(verifyExtractSignature(JSON.parse(JSON.stringify(extract))), { ok: true, version: 2, claims: { schema: EXTRACT_SCHEMA, ...dating } });
  });

  it("refuses to sign under a key other than the one the extract names", () => {
    assert.throws(() => signExtract(body, { ...dating, key: { ...dating.key, sha256: other.publicKeySha256 } }, keys), /the key claimed is not the signing key/);
  });

  it("catches a changed extract, a changed date, a swapped key and a malformed signature", () => {
    const extract = signExtract(body, dating, keys);
    const changed = "the signature does not verify: the extract was changed or is not from this key";
    assert.deepEqual(verifyExtractSignature({ ...extract, document: { ...body.document, status: "REVOKED" } }), { ok: false, reason: changed });
    assert.deepEqual(verifyExtractSignature({ ...extract, block: { number: 40, timestamp: 1_900_000_000 } }), { ok: false, reason: changed });
    // Another key, named as such: the signature does not hold under it.
    const resigned = { ...extract, key: { ...dating.key, sha256: other.publicKeySha256 }, signature: { ...extract.signature, publicKey: Buffer.from(other.publicKey).toString("base64") } };
    assert.deepEqual(verifyExtractSignature(resigned), { ok: false, reason: changed });
    assert.deepEqual(verifyExtractSignature({ ...extract, signature: { ...extract.signature, publicKey: Buffer.from(other.publicKey).toString("base64") } }), { ok: false, reason: "the public key it carries is not the key it names" });
    assert.deepEqual(verifyExtractSignature({ ...extract, signature: { ...extract.signature, value: "!!" } }), { ok: false, reason: changed });
    assert.deepEqual(verifyExtractSignature({ ...extract, key: { registry, id: 1 } }), { ok: false, reason: "the extract does not name its key (registry, id, sha256)" });
    assert.deepEqual(verifyExtractSignature({ ...extract, block: { number: -1, timestamp: 1 } }), { ok: false, reason: "the extract does not name its block (number, timestamp)" });
    assert.deepEqual(verifyExtractSignature({ ...extract, schema: "other" }), { ok: false, reason: `schema is not ${EXTRACT_SCHEMA}` });
    assert.deepEqual(verifyExtractSignature("text"), { ok: false, reason: "not a JSON object" });
  });

  describe("extractKeyVerdict", () => {
    const claims: ExtractClaims = { schema: EXTRACT_SCHEMA, ...dating };
    const chain = (key: Partial<NonNullable<ExtractChain["key"]>> | null, extra: Partial<ExtractChain> = {}): ExtractChain => ({
      chainId: 31337,
      registry: registry.toUpperCase().replace("0X", "0x"),
      key: key === null ? null : { purpose: EXTRACT_KEY_PURPOSE, keyHash: keys.publicKeySha256, validFrom: 1_700_000_000, validUntil: 0, ...key },
      ...extra,
    });
    const verdict = (c: ExtractChain) => {
      const v = extractKeyVerdict(claims, c);
      return v.ok ? "ok" : v.reason;
    };

    it("accepts a key registered for extracts and valid at the block time, retired or not", () => {
      assert.equal(verdict(chain({})), "ok");
      assert.equal(verdict(chain({}, { blockTimestamp: 1_800_000_000 })), "ok");
      assert.equal(verdict(chain({ validFrom: 1_800_000_000 })), "ok", "valid from exactly that block");
      assert.equal(verdict(chain({ validUntil: 1_800_000_001 })), "ok", "retired one second after");
    });

    it("refuses another chain, registry, block time, key, purpose, and a time outside the validity period", () => {
      assert.equal(verdict(chain({}, { chainId: 1 })), "the extract is for chain 31337, not this chain (1)");
      assert.match(verdict(chain({}, { registry: `0x${"34".repeat(20)}` })), /^the extract names key registry 0x1212.*, not this deployment's \(0x3434/);
      assert.equal(verdict(chain({}, { blockTimestamp: 1_800_000_005 })), "block 40 has time 1800000005 on chain, not 1800000000");
      assert.equal(verdict(chain(null)), "no key 1 is registered on chain");
      assert.equal(verdict(chain({ keyHash: other.publicKeySha256 })), `key 1 on chain is another key (${other.publicKeySha256})`);
      assert.equal(verdict(chain({ purpose: 1 })), "key 1 is not registered for extracts");
      assert.equal(verdict(chain({ validFrom: 1_800_000_001 })), "key 1 was not yet valid at the extract's block time (1800000000 < 1800000001)");
      assert.equal(verdict(chain({ validUntil: 1_800_000_000 })), "key 1 was retired before the extract's block time (1800000000 <= 1800000000)");
      assert.equal(verdict(chain({ validFrom: 1_700_000_000, validUntil: 1_700_000_000 })), "key 1 was retired as compromised: nothing it signed is valid");
    });
  });
});
