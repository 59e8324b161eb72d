import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { getAddress, sha256, stringToHex } from "viem";

import { buildBatchTree } from "../src/batch-proof.ts";
import { cidFromDigest } from "../src/cid.ts";
import { coSignedBatchMetadata, coSignedMetadata } from "../src/co-signed-metadata.ts";
import { sha256Hex } from "../src/content-read.ts";
import { type CoSigner, demoAgencyKeys, keySigner, verifyCoSignature } from "../src/cosignature.ts";
import { MetadataError } from "../src/metadata.ts";

const registry = getAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3");
const keys = demoAgencyKeys(1);
const contentHash = sha256(stringToHex("an order"));
const description = {
  contentHash,
  type: "order" as const,
  agency: { id: 1, name: "Ministry of Finance" },
  number: "17-P",
  title: { kk: "Бұйрық", ru: "Приказ", en: "Order" },
  dates: { adopted: "2026-12-01" },
  body: { mediaType: "application/pdf", size: 1234 },
};

describe("co-signed metadata (core/src/co-signed-metadata.ts)", () => {
  it("co-signs a document's metadata so that the co-signature verifies against the chain's facts", async () => {
    const signed = await coSignedMetadata(description, keySigner(keys), 31337, registry);
    const check = verifyCoSignature(signed.metadata, contentHash, 31337, registry, keys.publicKeyHash, { publicKey: keys.publicKey, anchoredDigest: signed.coSignatureDigest });
    assert.deepEqual(check, { ok: true });
    assert.equal(new TextDecoder().decode(signed.bytes).endsWith("}\n"), true);
  });

  it("refuses bad metadata before anything is signed", async () => {
    let signatures = 0;
    const counting: CoSigner = { publicKeyHash: keys.publicKeyHash, sign: async () => (signatures++, new Uint8Array()) };
    await assert.rejects(coSignedMetadata({ ...description, number: " ", dates: { adopted: "1 December" } }, counting, 31337, registry), (error: unknown) => {
      assert.ok(error instanceof MetadataError);
      assert.ok(error.problems.some((p) => p.startsWith("number")) && error.problems.some((p) => p.startsWith("dates.adopted")));
      return true;
    });
    assert.equal(signatures, 0);
  });

  it("co-signs a batch's Merkle root and names its tree dump by the dump's own CID", async () => {
    const members = [sha256(stringToHex("a")), sha256(stringToHex("b")), sha256(stringToHex("c"))];
    const batch = await coSignedBatchMetadata(
      { type: "certificate", agency: description.agency, number: "B-1", title: description.title, dates: description.dates, mediaType: "application/pdf", contentHashes: members },
      keySigner(keys),
      31337,
      registry,
    );
    assert.equal(batch.root, buildBatchTree(members).root);
    assert.equal(batch.metadata.batch.treeDumpCid, cidFromDigest(sha256Hex(batch.treeDump)));
    assert.equal(batch.metadata.coSignature.message.slice(0, 66), batch.root);
  });
});
