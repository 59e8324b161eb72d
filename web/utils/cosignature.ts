/**
 * The agency co-signature check of /verify, in the browser (loaded only there, by a dynamic import: ML-DSA is large).
 * The same check as `gov verify` (scripts/lib/gov/verify.ts, scripts/lib/mldsa.ts), from the chain's facts and the
 * two files fetched from the content store:
 *
 *   1. the metadata JSON must hash (sha-256) to the document's `metadataDigest`, the public key to the co-signing
 *      agency's `pqKeyHash` (AgencyRegistry); a file that is absent or whose bytes differ means "could not check";
 *   2. the metadata's own `body.sha256`, `type` and `agency.id` must be the chain's content hash, type and agency;
 *   3. the signature must be by the registered key, over the 84-byte message contentHash ‖ uint256 chainId ‖
 *      DocumentRegistry address (pure ML-DSA-65, empty context), and its sha-256 must be the `coSignatureDigest`
 *      anchored on chain.
 *
 * The verdict is valid, invalid (why) or unchecked (why); never "anchored".
 */
import { ml_dsa65 } from "@noble/post-quantum/ml-dsa.js";
import { type Address, type Hex, encodePacked, hexToBytes } from "viem";

import { type ContentRead, hashMatches } from "@/utils/content";

/** Agency id of the Office of the Government, whose key co-signs central documents (agency 0). */
export const GOVERNMENT_OFFICE_AGENCY_ID = 3;

/** The agency whose `pqKeyHash` must verify a document issued under `agencyId`. */
export const coSigningAgencyId = (agencyId: number): number => (agencyId === 0 ? GOVERNMENT_OFFICE_AGENCY_ID : agencyId);

export type InvalidReason =
  | "malformed"
  | "bodyMismatch"
  | "typeMismatch"
  | "agencyMismatch"
  | "algorithm"
  | "otherKey"
  | "messageMismatch"
  | "digestMismatch"
  | "signatureInvalid";

export type UncheckedReason = "noKeyRegistered" | "keyMissing" | "keyAltered" | "metadataMissing" | "metadataAltered";

export type CoSignatureVerdict =
  | { status: "none" }
  | { status: "valid"; signer: number }
  | { status: "invalid"; reason: InvalidReason }
  | { status: "unchecked"; reason: UncheckedReason };

/** A file asked of the content store: its bytes, or nothing (absent, or refused because its bytes were altered). */
export type Fetched = ContentRead;

/** What the chain says, read by the caller. */
export interface ChainFacts {
  contentHash: Hex;
  chainId: number;
  registry: Address;
  type: string;
  agencyId: number;
  metadataDigest: Hex;
  coSignatureDigest: Hex;
  /** The co-signing agency's pqKeyHash (AgencyRegistry). */
  keyHash: Hex;
}

const ZERO = /^0x0{64}$/;

/** The 84 bytes a co-signature covers (scripts/lib/mldsa.ts `coSignedMessage`). */
export const coSignedMessage = (contentHash: Hex, chainId: number, registry: Address): Hex =>
  encodePacked(["bytes32", "uint256", "address"], [contentHash, BigInt(chainId), registry]);

function base64Bytes(text: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

interface SignedMetadata {
  type: string;
  agencyId: number;
  bodySha256: string;
  algorithm: string;
  publicKeySha256: string;
  signature: string;
  message: string;
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
  const { sha256 } = json.body;
  const { algorithm, publicKeySha256, signature, message } = json.coSignature;
  if (typeof type !== "string" || typeof id !== "number" || typeof sha256 !== "string") return undefined;
  if (typeof algorithm !== "string" || typeof publicKeySha256 !== "string" || typeof signature !== "string" || typeof message !== "string") return undefined;
  return { type, agencyId: id, bodySha256: sha256, algorithm, publicKeySha256, signature, message };
}

/** Checks the co-signature of one document from the chain's facts and the two fetched files. */
export function checkCoSignature(chain: ChainFacts, metadata: Fetched, key: Fetched): CoSignatureVerdict {
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
  if (m.algorithm !== "ML-DSA-65") return { status: "invalid", reason: "algorithm" };
  if (m.publicKeySha256.toLowerCase() !== chain.keyHash.toLowerCase()) return { status: "invalid", reason: "otherKey" };
  const message = coSignedMessage(chain.contentHash, chain.chainId, chain.registry);
  if (m.message.toLowerCase() !== message.toLowerCase()) return { status: "invalid", reason: "messageMismatch" };
  const signature = base64Bytes(m.signature);
  if (!signature) return { status: "invalid", reason: "malformed" };
  if (!hashMatches(signature, chain.coSignatureDigest)) return { status: "invalid", reason: "digestMismatch" };
  let ok = false;
  try {
    ok = ml_dsa65.verify(signature, hexToBytes(message), key.bytes);
  } catch {
    ok = false;
  }
  return ok ? { status: "valid", signer: coSigningAgencyId(chain.agencyId) } : { status: "invalid", reason: "signatureInvalid" };
}

/** For tests and logs: the verdict in one line. */
export const describeVerdict = (v: CoSignatureVerdict): string => ("reason" in v ? `${v.status}: ${v.reason}` : v.status);
