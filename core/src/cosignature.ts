/**
 * Agency co-signatures with ML-DSA-65 (FIPS 204, `@noble/post-quantum`): the one implementation, used to sign (CLI,
 * seed, dApp demo metadata) and to check (CLI `gov verify`, the indexer's /verify answer, the browser's /verify).
 * Browser-safe (viem, @noble/*; no Node built-ins).
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
import { sha256 } from "@noble/hashes/sha2.js";
import { ml_dsa65 } from "@noble/post-quantum/ml-dsa.js";
import { type Hex, bytesToHex, encodePacked, getAddress, hexToBytes, stringToBytes } from "viem";

import { fromBase64, toBase64 } from "./base64.ts";
import { type ContentRead, hashMatches, sha256Hex } from "./content-read.ts";
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


/** sha-256 of a raw ML-DSA public key, 0x hex (what the AgencyRegistry stores as `pqKeyHash`). */
export function publicKeyHash(publicKey: Uint8Array): string {
  return sha256Hex(publicKey);
}

/** sha-256 of a signature, 0x hex (what the DocumentRegistry stores as `coSignatureDigest`). */
export function signatureDigest(signature: Uint8Array): string {
  return sha256Hex(signature);
}

/**
 * DEMO ONLY. The key pair of agency `agencyId`, derived from the public seed
 * sha-256("government-dao demo ML-DSA-65 key, agency <id>"): reproducible, and therefore not secret.
 */
export function demoAgencyKeys(agencyId: number): AgencyKeys {
  const seed = sha256(stringToBytes(`government-dao demo ML-DSA-65 key, agency ${agencyId}`));
  const { publicKey, secretKey } = ml_dsa65.keygen(seed);
  return { publicKey, secretKey, publicKeyHash: publicKeyHash(publicKey) };
}

/** The 84-byte message a co-signature covers, 0x hex: contentHash ‖ uint256 chainId ‖ registry (module comment). */
export function coSignedMessageHex(contentHash: string, chainId: bigint | number, registry: string): Hex {
  return encodePacked(["bytes32", "uint256", "address"], [contentHash as Hex, BigInt(chainId), getAddress(registry)]);
}

/** The 84-byte message a co-signature covers: contentHash ‖ uint256 chainId ‖ registry (see the module comment). */
export function coSignedMessage(contentHash: string, chainId: bigint | number, registry: string): Uint8Array {
  return hexToBytes(coSignedMessageHex(contentHash, chainId, registry));
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
      signature: toBase64(signature),
      message: bytesToHex(message),
    },
    digest: signatureDigest(signature),
  };
}

/**
 * What co-signs for an agency: the key's hash (the AgencyRegistry's `pqKeyHash`) and a signing function. A key in
 * memory ({@link keySigner}) here; an HSM or a KMS behind the same two members in production.
 */
export interface CoSigner {
  publicKeyHash: string;
  /** The ML-DSA-65 signature of `message` (pure, empty context, as {@link coSign} makes it). */
  sign(message: Uint8Array): Promise<Uint8Array>;
}

/** A co-signer holding the key pair in memory. */
export function keySigner(keys: AgencyKeys): CoSigner {
  return {
    publicKeyHash: keys.publicKeyHash,
    sign: async (message) => ml_dsa65.sign(message, keys.secretKey, { extraEntropy: false }),
  };
}

/** {@link coSign} through a {@link CoSigner}. */
export async function coSignWith(
  signer: CoSigner,
  contentHash: string,
  chainId: bigint | number,
  registry: string,
): Promise<{ coSignature: CoSignature; digest: string }> {
  const message = coSignedMessage(contentHash, chainId, registry);
  const signature = await signer.sign(message);
  return {
    coSignature: { algorithm: "ML-DSA-65", publicKeySha256: signer.publicKeyHash, signature: toBase64(signature), message: bytesToHex(message) },
    digest: signatureDigest(signature),
  };
}

/**
 * An ML-DSA-65 key file: JSON `{ "publicKey": <base64>, "secretKey": <base64> }` (what `gov` takes with --pq-key and
 * the gateway's file-key signer reads). Throws a plain error naming what is wrong, never the key.
 */
export function parseAgencyKeyFile(text: string, where: string): AgencyKeys {
  let json: { publicKey?: unknown; secretKey?: unknown };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw new Error(`Cannot read the ML-DSA key file ${where} (JSON with base64 publicKey and secretKey).`);
  }
  const publicKey = typeof json.publicKey === "string" ? fromBase64(json.publicKey) : undefined;
  const secretKey = typeof json.secretKey === "string" ? fromBase64(json.secretKey) : undefined;
  if (!publicKey || !secretKey) throw new Error(`The ML-DSA key file ${where} needs base64 "publicKey" and "secretKey".`);
  return { publicKey, secretKey, publicKeyHash: publicKeyHash(publicKey) };
}

/** The JSON text of an ML-DSA-65 key file (see {@link parseAgencyKeyFile}). */
export const formatAgencyKeyFile = (keys: AgencyKeys): string =>
  `${JSON.stringify({ publicKey: toBase64(keys.publicKey), secretKey: toBase64(keys.secretKey) }, null, 2)}\n`;

/** Why a co-signature is invalid: the metadata or the signature contradicts the chain. */
export type InvalidReason =
  | "malformed"
  | "bodyMismatch"
  | "typeMismatch"
  | "agencyMismatch"
  | "algorithm"
  | "otherKey"
  | "keyMismatch"
  | "messageMismatch"
  | "digestMismatch"
  | "signatureInvalid";

/** Why a co-signature could not be checked: a file is absent from the content store, or differs from its digest. */
export type UncheckedReason = "noKeyRegistered" | "keyMissing" | "keyAltered" | "metadataMissing" | "metadataAltered";

/** Each reason code in one plain English sentence (the dApp translates the same codes: web/messages `why.*`). */
export const CO_SIGNATURE_REASONS: Readonly<Record<InvalidReason | UncheckedReason, string>> = {
  malformed: "the metadata is not a document metadata JSON with a co-signature",
  bodyMismatch: "the metadata describes a different file",
  typeMismatch: "the metadata names a different document type than the chain",
  agencyMismatch: "the metadata names a different agency than the chain",
  algorithm: "the signature is not ML-DSA-65",
  otherKey: "it was signed with a key other than the one the agency registered",
  keyMismatch: "the public key supplied does not hash to the registered key",
  messageMismatch: "the signed message is not this document on this chain and registry",
  digestMismatch: "the signature is not the one anchored on chain",
  signatureInvalid: "the ML-DSA-65 signature does not verify",
  noKeyRegistered: "the co-signing agency has no key registered on chain",
  keyMissing: "the agency's public key is not in the content store",
  keyAltered: "the public key in the content store does not match the hash registered on chain",
  metadataMissing: "the document's metadata is not in the content store",
  metadataAltered: "the metadata in the content store does not match the digest on chain",
};

/** Outcome of a co-signature check: `code` says what failed, `reason` says it in plain words (with the values). */
export type CoSignatureCheck = { ok: true } | { ok: false; code: InvalidReason; reason: string };

/** What the verifier has besides the metadata. */
export interface CoSignatureEvidence {
  /** The raw public key (fetch it from the content store by `cidFromDigest(expectedKeyHash)`). */
  publicKey: Uint8Array;
  /** The `coSignatureDigest` anchored on chain; when given (and non-zero) the signature must hash to it. */
  anchoredDigest?: string;
}

const ZERO = /^0x0{64}$/;

const fail = (code: InvalidReason, reason: string = CO_SIGNATURE_REASONS[code]): CoSignatureCheck => ({ ok: false, code, reason });

/** A co-signature block as read from any JSON (the metadata's `coSignature`, before it is known to be valid). */
export type SignatureBlock = { [K in keyof CoSignature]: string };

/** Checks a co-signature block against the message it must cover, the registered key and (optionally) the anchor. */
export function verifySignatureBlock(
  coSignature: SignatureBlock,
  signedHash: string,
  chainId: bigint | number,
  registry: string,
  expectedKeyHash: string,
  evidence: CoSignatureEvidence,
): CoSignatureCheck {
  const expected = expectedKeyHash.toLowerCase();
  if (coSignature.algorithm !== "ML-DSA-65") return fail("algorithm", `unsupported algorithm "${coSignature.algorithm}"`);
  if (coSignature.publicKeySha256.toLowerCase() !== expected) {
    return fail("otherKey", `signed with key ${coSignature.publicKeySha256}, but the agency's registered key is ${expected}`);
  }
  if (!hashMatches(evidence.publicKey, expected)) return fail("keyMismatch", `the public key supplied does not hash to the registered key ${expected}`);
  let message: Hex;
  try {
    message = coSignedMessageHex(signedHash, chainId, registry);
  } catch {
    return fail("messageMismatch");
  }
  if (coSignature.message.toLowerCase() !== message) return fail("messageMismatch");
  const signature = fromBase64(coSignature.signature);
  if (signature === undefined) return fail("malformed", "the co-signature is not base64");
  if (evidence.anchoredDigest !== undefined && !ZERO.test(evidence.anchoredDigest) && !hashMatches(signature, evidence.anchoredDigest)) {
    return fail("digestMismatch", "the signature is not the one anchored on chain (coSignatureDigest differs)");
  }
  let valid = false;
  try {
    valid = ml_dsa65.verify(signature, hexToBytes(message), evidence.publicKey);
  } catch {
    valid = false;
  }
  return valid ? { ok: true } : fail("signatureInvalid");
}

/**
 * Verifies the agency co-signature of a document's parsed metadata.
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
    return fail("bodyMismatch", `the metadata describes file ${metadata.body.sha256}, not ${contentHash.toLowerCase()}`);
  }
  return verifySignatureBlock(metadata.coSignature, contentHash, chainId, registry, expectedKeyHash, evidence);
}

/** The verdict of a co-signature check from the chain's facts and the fetched files. */
export type CoSignatureVerdict =
  | { status: "none" }
  | { status: "valid"; signer: number }
  | { status: "invalid"; reason: InvalidReason }
  | { status: "unchecked"; reason: UncheckedReason };

/** What the chain says about a document, read by the caller. */
export interface ChainFacts {
  contentHash: string;
  chainId: number | bigint;
  /** The DocumentRegistry address. */
  registry: string;
  /** The document type name (`decree`, `order`, …). */
  type: string;
  agencyId: number;
  metadataDigest: string;
  /** The anchored `coSignatureDigest`; zero when the document carries no co-signature. */
  coSignatureDigest: string;
  /** The co-signing agency's pqKeyHash (AgencyRegistry); zero when it has none. */
  keyHash: string;
}

interface SignedMetadata {
  type: string;
  agencyId: number;
  bodySha256: string;
  coSignature: SignatureBlock;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** The fields the check needs from a government-dao/document@1 JSON, or undefined when it is not one. */
function signedMetadata(bytes: Uint8Array): SignedMetadata | undefined {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (!isRecord(json) || !isRecord(json.agency) || !isRecord(json.body) || !isRecord(json.coSignature)) return undefined;
  const { type } = json;
  const { id } = json.agency;
  const { sha256: bodySha256 } = json.body;
  const { algorithm, publicKeySha256, signature, message } = json.coSignature;
  if (typeof type !== "string" || typeof id !== "number" || typeof bodySha256 !== "string") return undefined;
  if (typeof algorithm !== "string" || typeof publicKeySha256 !== "string" || typeof signature !== "string" || typeof message !== "string") return undefined;
  return { type, agencyId: id, bodySha256, coSignature: { algorithm, publicKeySha256, signature, message } };
}

/**
 * Checks the co-signature of one document from the chain's facts and the two files fetched by their on-chain digests
 * (the metadata JSON by `metadataDigest`, the public key by `keyHash`):
 *   1. each file must hash to its digest — otherwise the verdict is "unchecked";
 *   2. the metadata's `body.sha256`, `type` and `agency.id` must be the chain's content hash, type and agency;
 *   3. the signature must be by the registered key, over the 84-byte message, and hash to the anchored digest.
 * The verdict is none, valid, invalid (why) or unchecked (why).
 */
export function checkCoSignature(chain: ChainFacts, metadata: ContentRead, key: ContentRead): CoSignatureVerdict {
  if (ZERO.test(chain.coSignatureDigest)) return { status: "none" };
  if (ZERO.test(chain.keyHash)) return { status: "unchecked", reason: "noKeyRegistered" };
  if ("missing" in metadata) return { status: "unchecked", reason: metadata.missing === "absent" ? "metadataMissing" : "metadataAltered" };
  if (!hashMatches(metadata.bytes, chain.metadataDigest)) return { status: "unchecked", reason: "metadataAltered" };
  if ("missing" in key) return { status: "unchecked", reason: key.missing === "absent" ? "keyMissing" : "keyAltered" };
  if (!hashMatches(key.bytes, chain.keyHash)) return { status: "unchecked", reason: "keyAltered" };

  const m = signedMetadata(metadata.bytes);
  if (!m) return { status: "invalid", reason: "malformed" };
  if (m.bodySha256.toLowerCase() !== chain.contentHash.toLowerCase()) return { status: "invalid", reason: "bodyMismatch" };
  if (m.type !== chain.type) return { status: "invalid", reason: "typeMismatch" };
  if (m.agencyId !== chain.agencyId) return { status: "invalid", reason: "agencyMismatch" };
  const check = verifySignatureBlock(m.coSignature, chain.contentHash, chain.chainId, chain.registry, chain.keyHash, {
    publicKey: key.bytes,
    anchoredDigest: chain.coSignatureDigest,
  });
  return check.ok ? { status: "valid", signer: coSigningAgencyId(chain.agencyId) } : { status: "invalid", reason: check.code };
}

/** For tests and logs: the verdict in one line. */
export const describeVerdict = (v: CoSignatureVerdict): string => ("reason" in v ? `${v.status}: ${v.reason}` : v.status);
