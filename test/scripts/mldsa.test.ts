import { expect } from "chai";
import { ZeroHash, getAddress, sha256, toUtf8Bytes } from "ethers";

import { DOCUMENT_SCHEMA_ID, type DocumentMetadata } from "@government-dao/core/metadata";
import {
  GOVERNMENT_OFFICE_AGENCY_ID,
  coSign,
  coSignedMessage,
  coSigningAgencyId,
  demoAgencyKeys,
  publicKeyHash,
  verifyCoSignature,
} from "@government-dao/core/cosignature";

const registry = getAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3");
const contentHash = sha256(toUtf8Bytes("a decree"));
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

describe("ML-DSA co-signatures (scripts/lib/mldsa.ts)", function () {
  it("signs exactly contentHash ‖ uint256 chainId ‖ registry address (84 bytes)", function () {
    const message = coSignedMessage(contentHash, 31337n, registry);
    expect(message.length).to.equal(84);
    const hex = Buffer.from(message).toString("hex");
    expect(`0x${hex.slice(0, 64)}`).to.equal(contentHash);
    expect(BigInt(`0x${hex.slice(64, 128)}`)).to.equal(31337n);
    expect(getAddress(`0x${hex.slice(128)}`)).to.equal(registry);
  });

  it("derives the same demo key for an agency every time, a different one per agency, and hashes it with sha-256", function () {
    expect(demoAgencyKeys(1).publicKeyHash).to.equal(keys.publicKeyHash);
    expect(demoAgencyKeys(2).publicKeyHash).to.not.equal(keys.publicKeyHash);
    expect(keys.publicKey.length).to.equal(1952);
    expect(publicKeyHash(keys.publicKey)).to.equal(sha256(keys.publicKey));
  });

  it("verifies a co-signature and checks the anchored digest", function () {
    const { coSignature, digest } = coSign(keys, contentHash, 31337n, registry);
    expect(coSign(keys, contentHash, 31337n, registry).coSignature.signature).to.equal(coSignature.signature); // deterministic
    const metadata = metadataFor(contentHash, coSignature);
    const evidence = { publicKey: keys.publicKey, anchoredDigest: digest };
    expect(verifyCoSignature(metadata, contentHash, 31337n, registry, keys.publicKeyHash, evidence)).to.deep.equal({ ok: true });
    // A zero anchor means "not anchored": the signature alone decides.
    expect(verifyCoSignature(metadata, contentHash, 31337, registry, keys.publicKeyHash, { ...evidence, anchoredDigest: ZeroHash }).ok).to.equal(true);
  });

  it("gives a plain reason for each kind of mismatch", function () {
    const { coSignature, digest } = coSign(keys, contentHash, 31337n, registry);
    const metadata = metadataFor(contentHash, coSignature);
    const ev = { publicKey: keys.publicKey };
    const reason = (r: ReturnType<typeof verifyCoSignature>) => (r.ok ? "ok" : r.reason);

    expect(reason(verifyCoSignature(metadata, sha256(toUtf8Bytes("other")), 31337n, registry, keys.publicKeyHash, ev))).to.match(
      /^the metadata describes file 0x/,
    );
    expect(reason(verifyCoSignature(metadata, contentHash, 1n, registry, keys.publicKeyHash, ev))).to.equal(
      "the signed message is not this document on this chain and registry",
    );
    const other = demoAgencyKeys(2);
    expect(reason(verifyCoSignature(metadata, contentHash, 31337n, registry, other.publicKeyHash, { publicKey: other.publicKey }))).to.match(
      /^signed with key 0x[0-9a-f]{64}, but the agency's registered key is 0x/,
    );
    expect(reason(verifyCoSignature(metadata, contentHash, 31337n, registry, keys.publicKeyHash, { publicKey: other.publicKey }))).to.match(
      /does not hash to the registered key/,
    );
    const sig = Buffer.from(coSignature.signature, "base64");
    sig[0] = (sig[0] ?? 0) ^ 1;
    const forged = metadataFor(contentHash, { ...coSignature, signature: sig.toString("base64") });
    expect(reason(verifyCoSignature(forged, contentHash, 31337n, registry, keys.publicKeyHash, { ...ev, anchoredDigest: digest }))).to.equal(
      "the signature is not the one anchored on chain (coSignatureDigest differs)",
    );
    expect(reason(verifyCoSignature(forged, contentHash, 31337n, registry, keys.publicKeyHash, ev))).to.equal(
      "the ML-DSA-65 signature does not verify",
    );
  });

  it("has the Office of the Government co-sign central-government documents", function () {
    expect(coSigningAgencyId(0)).to.equal(GOVERNMENT_OFFICE_AGENCY_ID);
    expect(coSigningAgencyId(2)).to.equal(2);
  });
});
