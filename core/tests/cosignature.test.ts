import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { getAddress, sha256, stringToBytes, zeroHash } from "viem";

import {
  type ChainFacts,
  CO_SIGNATURE_REASONS,
  GOVERNMENT_OFFICE_AGENCY_ID,
  checkCoSignature,
  coSign,
  coSignedMessage,
  coSigningAgencyId,
  demoAgencyKeys,
  publicKeyHash,
  verifyCoSignature,
} from "@government-dao/core/cosignature";
import { DOCUMENT_SCHEMA_ID, type DocumentMetadata, formatDocumentMetadata } from "@government-dao/core/metadata";

const registry = getAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3");
const contentHash = sha256(stringToBytes("a decree"));
const keys = demoAgencyKeys(1);

function metadataFor(hash: string, coSignature: DocumentMetadata["coSignature"]): DocumentMetadata {
  return {
    schema: DOCUMENT_SCHEMA_ID,
    title: { kk: "Қаулы", ru: "Постановление", en: "Decree" },
    type: "order",
    agency: { id: 1, name: "Ministry of Finance" },
    number: "MF-1",
    dates: { adopted: "2026-01-15" },
    body: { sha256: hash, mediaType: "text/plain", size: 8 },
    coSignature,
  };
}

const reason = (r: ReturnType<typeof verifyCoSignature>): string => (r.ok ? "ok" : r.reason);

describe("ML-DSA co-signatures: signing and the CLI's check (core/src/cosignature.ts)", () => {
  it("signs exactly contentHash ‖ uint256 chainId ‖ registry address (84 bytes)", () => {
    const message = coSignedMessage(contentHash, 31337n, registry);
    assert.equal(message.length, 84);
    const hex = Buffer.from(message).toString("hex");
    assert.equal(`0x${hex.slice(0, 64)}`, contentHash);
    assert.equal(BigInt(`0x${hex.slice(64, 128)}`), 31337n);
    assert.equal(getAddress(`0x${hex.slice(128)}`), registry);
    // A lower-case registry address is the same message.
    assert.deepEqual(coSignedMessage(contentHash, 31337, registry.toLowerCase()), message);
  });

  it("derives the same demo key for an agency every time, a different one per agency, and hashes it with sha-256", () => {
    assert.equal(demoAgencyKeys(1).publicKeyHash, keys.publicKeyHash);
    assert.notEqual(demoAgencyKeys(2).publicKeyHash, keys.publicKeyHash);
    assert.equal(keys.publicKey.length, 1952);
    assert.equal(publicKeyHash(keys.publicKey), sha256(keys.publicKey));
  });

  it("keeps the vectors: the demo key of agency 1 and its deterministic signature of a fixed message", () => {
    // Computed by the former ethers-based implementation: the key derivation, the message format and the
    // signature must not change, or every co-signature already anchored on a chain stops verifying.
    const { coSignature, digest } = coSign(keys, `0x${"ab".repeat(32)}`, 31337n, "0x5FbDB2315678afecb367f032d93F642f64180aa3");
    assert.equal(keys.publicKeyHash, "0x87d8f54311c496b24b743d58651f61387442f233bb59cdad7cff66ec4875a957");
    assert.equal(digest, "0xd38f6a5fad45578e1e0441e9cc0238f266862a9cab24b2b436b2e4f237f8eefe");
    assert.equal(coSignature.message, `0x${"ab".repeat(32)}${(31337).toString(16).padStart(64, "0")}5fbdb2315678afecb367f032d93f642f64180aa3`);
    assert.equal(Buffer.from(coSignature.signature, "base64").length, 3309);
    assert.equal(digest, sha256(Buffer.from(coSignature.signature, "base64")));
  });

  it("verifies a co-signature and checks the anchored digest", () => {
    const { coSignature, digest } = coSign(keys, contentHash, 31337n, registry);
    assert.equal(coSign(keys, contentHash, 31337n, registry).coSignature.signature, coSignature.signature); // deterministic
    const metadata = metadataFor(contentHash, coSignature);
    const evidence = { publicKey: keys.publicKey, anchoredDigest: digest };
    assert.deepEqual(verifyCoSignature(metadata, contentHash, 31337n, registry, keys.publicKeyHash, evidence), { ok: true });
    // A zero anchor means "not anchored": the signature alone decides.
    assert.equal(verifyCoSignature(metadata, contentHash, 31337, registry, keys.publicKeyHash, { ...evidence, anchoredDigest: zeroHash }).ok, true);
  });

  it("gives a plain reason for each kind of mismatch", () => {
    const { coSignature, digest } = coSign(keys, contentHash, 31337n, registry);
    const metadata = metadataFor(contentHash, coSignature);
    const ev = { publicKey: keys.publicKey };

    assert.match(reason(verifyCoSignature(metadata, sha256(stringToBytes("other")), 31337n, registry, keys.publicKeyHash, ev)), /^the metadata describes file 0x/);
    assert.equal(
      reason(verifyCoSignature(metadata, contentHash, 1n, registry, keys.publicKeyHash, ev)),
      "the signed message is not this document on this chain and registry",
    );
    const other = demoAgencyKeys(2);
    // Wrong key: the agency's registered key is another one.
    assert.match(
      reason(verifyCoSignature(metadata, contentHash, 31337n, registry, other.publicKeyHash, { publicKey: other.publicKey })),
      /^signed with key 0x[0-9a-f]{64}, but the agency's registered key is 0x/,
    );
    // The key supplied does not match the on-chain pqKeyHash.
    assert.match(reason(verifyCoSignature(metadata, contentHash, 31337n, registry, keys.publicKeyHash, { publicKey: other.publicKey })), /does not hash to the registered key/);
    const sig = Buffer.from(coSignature.signature, "base64");
    sig[0] = (sig[0] ?? 0) ^ 1;
    const forged = metadataFor(contentHash, { ...coSignature, signature: sig.toString("base64") });
    assert.equal(
      reason(verifyCoSignature(forged, contentHash, 31337n, registry, keys.publicKeyHash, { ...ev, anchoredDigest: digest })),
      "the signature is not the one anchored on chain (coSignatureDigest differs)",
    );
    assert.equal(reason(verifyCoSignature(forged, contentHash, 31337n, registry, keys.publicKeyHash, ev)), "the ML-DSA-65 signature does not verify");
  });

  it("has the Office of the Government co-sign central-government documents", () => {
    assert.equal(coSigningAgencyId(0), GOVERNMENT_OFFICE_AGENCY_ID);
    assert.equal(coSigningAgencyId(2), 2);
  });
});

describe("ML-DSA co-signatures: the check from the chain's facts and fetched files (browser and indexer)", () => {
  const body = stringToBytes("an order of the Ministry of Finance");
  const bodyHash = sha256(body);
  const signed = coSign(keys, bodyHash, 31337n, registry);
  const metadataBytes = formatDocumentMetadata(metadataFor(bodyHash, signed.coSignature));
  const chain: ChainFacts = {
    contentHash: bodyHash,
    chainId: 31337,
    registry,
    type: "order",
    agencyId: 1,
    metadataDigest: sha256(metadataBytes),
    coSignatureDigest: signed.digest,
    keyHash: keys.publicKeyHash,
  };
  const key = { bytes: keys.publicKey };
  const metadata = { bytes: metadataBytes };

  it("the signer and the browser check agree: what coSign writes, checkCoSignature finds valid", () => {
    assert.deepEqual(checkCoSignature(chain, metadata, key), { status: "valid", signer: 1 });
    // Central documents (agency 0) name the Office of the Government as the signer.
    const office = demoAgencyKeys(GOVERNMENT_OFFICE_AGENCY_ID);
    const decree = coSign(office, bodyHash, 31337n, registry);
    const decreeBytes = formatDocumentMetadata({ ...metadataFor(bodyHash, decree.coSignature), type: "decree", agency: { id: 0, name: "Government" } });
    const decreeChain = { ...chain, type: "decree", agencyId: 0, metadataDigest: sha256(decreeBytes), coSignatureDigest: decree.digest, keyHash: office.publicKeyHash };
    assert.deepEqual(checkCoSignature(decreeChain, { bytes: decreeBytes }, { bytes: office.publicKey }), { status: "valid", signer: GOVERNMENT_OFFICE_AGENCY_ID });
  });

  it("no anchored digest: no co-signature; no registered key or missing files: unchecked", () => {
    assert.deepEqual(checkCoSignature({ ...chain, coSignatureDigest: zeroHash }, metadata, key), { status: "none" });
    assert.deepEqual(checkCoSignature({ ...chain, keyHash: zeroHash }, metadata, key), { status: "unchecked", reason: "noKeyRegistered" });
    assert.deepEqual(checkCoSignature(chain, { missing: "absent" }, key), { status: "unchecked", reason: "metadataMissing" });
    assert.deepEqual(checkCoSignature(chain, { missing: "altered" }, key), { status: "unchecked", reason: "metadataAltered" });
    assert.deepEqual(checkCoSignature(chain, metadata, { missing: "absent" }), { status: "unchecked", reason: "keyMissing" });
  });

  it("a key not matching the on-chain pqKeyHash is refused (keyAltered), never used", () => {
    assert.deepEqual(checkCoSignature(chain, metadata, { bytes: demoAgencyKeys(2).publicKey }), { status: "unchecked", reason: "keyAltered" });
  });

  it("tampered metadata: bytes that differ from the anchored digest are not checked", () => {
    const tampered = Uint8Array.from(metadataBytes);
    tampered[10] = (tampered[10] ?? 0) ^ 1;
    assert.deepEqual(checkCoSignature(chain, { bytes: tampered }, key), { status: "unchecked", reason: "metadataAltered" });
    // Re-anchored edits: the signature covers the file, not the metadata's other fields; naming another file is caught.
    const edited = formatDocumentMetadata({ ...metadataFor(bodyHash, signed.coSignature), number: "MF-2" });
    assert.deepEqual(checkCoSignature({ ...chain, metadataDigest: sha256(edited) }, { bytes: edited }, key), { status: "valid", signer: 1 });
    const otherBody = formatDocumentMetadata(metadataFor(sha256(stringToBytes("another file")), signed.coSignature));
    assert.deepEqual(checkCoSignature({ ...chain, metadataDigest: sha256(otherBody) }, { bytes: otherBody }, key), { status: "invalid", reason: "bodyMismatch" });
    const notJson = stringToBytes("not json");
    assert.deepEqual(checkCoSignature({ ...chain, metadataDigest: sha256(notJson) }, { bytes: notJson }, key), { status: "invalid", reason: "malformed" });
  });

  it("wrong agency, wrong type, wrong key, other chain, forged signature: invalid, with the reason", () => {
    assert.deepEqual(checkCoSignature({ ...chain, agencyId: 2 }, metadata, key), { status: "invalid", reason: "agencyMismatch" });
    assert.deepEqual(checkCoSignature({ ...chain, type: "decree" }, metadata, key), { status: "invalid", reason: "typeMismatch" });
    const other = demoAgencyKeys(2);
    assert.deepEqual(checkCoSignature({ ...chain, keyHash: other.publicKeyHash }, metadata, { bytes: other.publicKey }), { status: "invalid", reason: "otherKey" });
    assert.deepEqual(checkCoSignature({ ...chain, chainId: 1 }, metadata, key), { status: "invalid", reason: "messageMismatch" });
    const sig = Buffer.from(signed.coSignature.signature, "base64");
    sig[5] = (sig[5] ?? 0) ^ 1;
    const forgedBytes = formatDocumentMetadata(metadataFor(bodyHash, { ...signed.coSignature, signature: sig.toString("base64") }));
    const forgedChain = { ...chain, metadataDigest: sha256(forgedBytes) };
    assert.deepEqual(checkCoSignature(forgedChain, { bytes: forgedBytes }, key), { status: "invalid", reason: "digestMismatch" });
    assert.deepEqual(checkCoSignature({ ...forgedChain, coSignatureDigest: sha256(sig) }, { bytes: forgedBytes }, key), { status: "invalid", reason: "signatureInvalid" });
  });

  it("every reason code has a plain sentence", () => {
    for (const [code, sentence] of Object.entries(CO_SIGNATURE_REASONS)) assert.ok(sentence.length > 10, code);
  });
});
