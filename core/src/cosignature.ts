/**
 * Agency co-signatures with ML-DSA-65 (FIPS 204, `@noble/post-quantum`).
 *
 * What is signed — exactly 84 bytes, the Solidity `abi.encodePacked(bytes32, uint256, address)` of:
 *   1. the document's content hash (sha-256 of the document file; the token id), 32 bytes;
 *      for a Merkle-anchored batch, the Merkle root in its place;
 *   2. the chain id, uint256 big-endian, 32 bytes;
 *   3. the DocumentRegistry address, 20 bytes.
 * Pure ML-DSA (no pre-hash) with an empty context string; signing is deterministic (`extraEntropy: false`), so the
 * same key and message always give the same signature. The metadata's `coSignature.message` is that message in
 * 0x hex; the DocumentRegistry anchors sha-256 of the signature bytes as `coSignatureDigest`.
 *
 * Which key: the AgencyRegistry stores `pqKeyHash` = sha-256 of the agency's raw public key (1,952 bytes). That
 * digest is also the CIDv1 (raw, sha2-256) of the key in the content store, so a verifier fetches the key by the
 * hash it reads on chain. Central-government documents (agency id 0: decrees, laws, budgets) are co-signed by the
 * Office of the Government, registered as agency {@link GOVERNMENT_OFFICE_AGENCY_ID}: see {@link coSigningAgencyId}.
 *
 * DEMO KEYS ONLY: {@link demoAgencyKeys} derives each agency's key pair from a fixed, public seed, so anyone can
 * sign as a demo agency. A real agency generates its key in an HSM and registers only the hash.
 */
import { ml_dsa65 } from "@noble/post-quantum/ml-dsa.js";
import { getAddress, sha256, solidityPacked, toUtf8Bytes } from "ethers";

import type { CoSignature, DocumentMetadata } from "./metadata.ts";

/** Agency id under which the Office of the Government registers the key that co-signs agency-0 documents. */
export const GOVERNMENT_OFFICE_AGENCY_ID = 3;

/** The agency whose `pqKeyHash` must verify a document issued under `agencyId`. */
export const coSigningAgencyId = (agencyId: number): number => (agencyId === 0 ? GOVERNMENT_OFFICE_AGENCY_ID : agencyId);

/** An ML-DSA-65 key pair. */
export interface AgencyKeys {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
  /** sha-256 of the public key, 0x hex: the AgencyRegistry's `pqKeyHash`. */
  publicKeyHash: string;
}

const hexToBytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex.replace(/^0x/, ""), "hex"));
const bytesToHex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString("hex")}`;

/** sha-256 of a raw ML-DSA public key, 0x hex (what the AgencyRegistry stores as `pqKeyHash`). */
export function publicKeyHash(publicKey: Uint8Array): string {
  return sha256(publicKey);
}

/** sha-256 of a signature, 0x hex (what the DocumentRegistry stores as `coSignatureDigest`). */
export function signatureDigest(signature: Uint8Array): string {
  return sha256(signature);
}

/**
 * DEMO ONLY. The key pair of agency `agencyId`, derived from the public seed
 * sha-256("government-dao demo ML-DSA-65 key, agency <id>"): reproducible, and therefore not secret.
 */
export function demoAgencyKeys(agencyId: number): AgencyKeys {
  const seed = hexToBytes(sha256(toUtf8Bytes(`government-dao demo ML-DSA-65 key, agency ${agencyId}`)));
  const { publicKey, secretKey } = ml_dsa65.keygen(seed);
  return { publicKey, secretKey, publicKeyHash: publicKeyHash(publicKey) };
}

/** The 84-byte message a co-signature covers: contentHash ‖ uint256 chainId ‖ registry (see the module comment). */
export function coSignedMessage(contentHash: string, chainId: bigint | number, registry: string): Uint8Array {
  return hexToBytes(solidityPacked(["bytes32", "uint256", "address"], [contentHash, BigInt(chainId), getAddress(registry)]));
}

/** The signed co-signature block for the metadata, and the digest to anchor on chain. */
export function coSign(
  keys: AgencyKeys,
  contentHash: string,
  chainId: bigint | number,
  registry: string,
): { coSignature: CoSignature; digest: string } {
  const message = coSignedMessage(contentHash, chainId, registry);
  const signature = ml_dsa65.sign(message, keys.secretKey, { extraEntropy: false });
  return {
    coSignature: {
      algorithm: "ML-DSA-65",
      publicKeySha256: keys.publicKeyHash,
      signature: Buffer.from(signature).toString("base64"),
      message: bytesToHex(message),
    },
    digest: signatureDigest(signature),
  };
}

/** Outcome of a co-signature check: `reason` says in plain words what failed. */
export type CoSignatureCheck = { ok: true } | { ok: false; reason: string };

/** What the verifier has besides the metadata. */
export interface CoSignatureEvidence {
  /** The raw public key (fetch it from the content store by `cidFromDigest(expectedKeyHash)`). */
  publicKey: Uint8Array;
  /** The `coSignatureDigest` anchored on chain; when given (and non-zero) the signature must hash to it. */
  anchoredDigest?: string;
}

const ZERO_HASH = `0x${"0".repeat(64)}`;

/** Checks a co-signature block against the message it must cover, the registered key and (optionally) the anchor. */
export function verifySignatureBlock(
  coSignature: CoSignature,
  signedHash: string,
  chainId: bigint | number,
  registry: string,
  expectedKeyHash: string,
  evidence: CoSignatureEvidence,
): CoSignatureCheck {
  const expected = expectedKeyHash.toLowerCase();
  if (coSignature.algorithm !== "ML-DSA-65") return { ok: false, reason: `unsupported algorithm "${coSignature.algorithm}"` };
  if (coSignature.publicKeySha256.toLowerCase() !== expected) {
    return {
      ok: false,
      reason: `signed with key ${coSignature.publicKeySha256}, but the agency's registered key is ${expected}`,
    };
  }
  if (publicKeyHash(evidence.publicKey) !== expected) {
    return { ok: false, reason: `the public key supplied does not hash to the registered key ${expected}` };
  }
  const message = bytesToHex(coSignedMessage(signedHash, chainId, registry));
  if (coSignature.message.toLowerCase() !== message) {
    return { ok: false, reason: "the signed message is not this document on this chain and registry" };
  }
  const signature = Uint8Array.from(Buffer.from(coSignature.signature, "base64"));
  if (evidence.anchoredDigest !== undefined && evidence.anchoredDigest.toLowerCase() !== ZERO_HASH) {
    if (signatureDigest(signature) !== evidence.anchoredDigest.toLowerCase()) {
      return { ok: false, reason: "the signature is not the one anchored on chain (coSignatureDigest differs)" };
    }
  }
  let valid = false;
  try {
    valid = ml_dsa65.verify(signature, hexToBytes(message), evidence.publicKey);
  } catch {
    valid = false;
  }
  return valid ? { ok: true } : { ok: false, reason: "the ML-DSA-65 signature does not verify" };
}

/**
 * Verifies the agency co-signature of a document's metadata.
 * @param metadata Parsed document metadata.
 * @param contentHash The document's content hash (sha-256 of the file; the token id), 0x hex.
 * @param chainId The chain the document is registered on.
 * @param registry The DocumentRegistry address.
 * @param expectedKeyHash The co-signing agency's `pqKeyHash` read from the AgencyRegistry.
 * @param evidence The public key, and optionally the anchored signature digest.
 */
export function verifyCoSignature(
  metadata: DocumentMetadata,
  contentHash: string,
  chainId: bigint | number,
  registry: string,
  expectedKeyHash: string,
  evidence: CoSignatureEvidence,
): CoSignatureCheck {
  if (metadata.body.sha256.toLowerCase() !== contentHash.toLowerCase()) {
    return { ok: false, reason: `the metadata describes file ${metadata.body.sha256}, not ${contentHash.toLowerCase()}` };
  }
  return verifySignatureBlock(metadata.coSignature, contentHash, chainId, registry, expectedKeyHash, evidence);
}
