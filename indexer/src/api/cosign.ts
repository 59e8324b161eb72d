// The ML-DSA-65 co-signature check of a document (scripts/lib/mldsa.ts describes what is signed): the metadata JSON
// and the agency's public key come from the content store, by the digests the chain holds.
import { readFile } from "node:fs/promises";
import path from "node:path";

import { sha256 } from "@noble/hashes/sha2.js";
import { ml_dsa65 } from "@noble/post-quantum/ml-dsa.js";
import { z } from "zod";

import type { CoSignatureCheck } from "@government-dao/core/api/verify";
import { cidFromDigest } from "@government-dao/core/cid";
import { contentDir, deployment } from "./context.js";

/** The check's result (its shape: core's coSignatureCheckSchema). */
export type CoSignatureResult = CoSignatureCheck;

const metadataSchema = z.object({
  coSignature: z.object({ algorithm: z.string(), publicKeySha256: z.string(), signature: z.string(), message: z.string() }),
});

const hex = (bytes: Uint8Array): string => `0x${Buffer.from(bytes).toString("hex")}`;
/** Agency 0 (central government) documents are co-signed by the Office of the Government, agency 3. */
export const coSigningAgencyId = (agencyId: bigint): bigint => (agencyId === 0n ? 3n : agencyId);

async function readContent(digest: string): Promise<Uint8Array | null> {
  try {
    const bytes = new Uint8Array(await readFile(path.join(contentDir, cidFromDigest(digest))));
    return hex(sha256(bytes)) === digest.toLowerCase() ? bytes : null;
  } catch {
    return null;
  }
}

/** Checks the co-signature of document `contentHash` against the key registered for the co-signing agency. */
export async function checkCoSignature(doc: {
  contentHash: string;
  metadataDigest: string;
  coSignatureDigest: string | null;
  agencyId: bigint;
  keyHash: string | null;
}): Promise<CoSignatureResult> {
  if (doc.coSignatureDigest === null) return { status: "none" };
  if (doc.keyHash === null) return { status: "unavailable", reason: "the co-signing agency has no registered key" };
  const metadataBytes = await readContent(doc.metadataDigest);
  if (metadataBytes === null) return { status: "unavailable", reason: "the metadata JSON is not in the content store" };
  // The metadata digest is whatever the issuer anchored: its bytes need not be JSON (nor UTF-8). Unparsable metadata
  // is an invalid co-signature, not a 500 (tests/security.test.ts).
  let metadata: unknown;
  try {
    metadata = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(metadataBytes));
  } catch {
    return { status: "invalid", reason: "the metadata is not UTF-8 JSON" };
  }
  const parsed = metadataSchema.safeParse(metadata);
  if (!parsed.success) return { status: "invalid", reason: "the metadata carries no co-signature block" };
  const block = parsed.data.coSignature;
  if (block.algorithm !== "ML-DSA-65") return { status: "invalid", reason: `unsupported algorithm ${block.algorithm}` };
  if (block.publicKeySha256.toLowerCase() !== doc.keyHash.toLowerCase()) return { status: "invalid", reason: "signed with a key the agency has not registered" };
  const publicKey = await readContent(doc.keyHash);
  if (publicKey === null) return { status: "unavailable", reason: "the agency's public key is not in the content store" };
  const registry = deployment.contracts.DocumentRegistry.address.replace(/^0x/, "");
  const expected = `${doc.contentHash.replace(/^0x/, "")}${BigInt(deployment.chainId).toString(16).padStart(64, "0")}${registry}`.toLowerCase();
  if (block.message.replace(/^0x/, "").toLowerCase() !== expected) return { status: "invalid", reason: "the signed message is not this document on this chain and registry" };
  const signature = Uint8Array.from(Buffer.from(block.signature, "base64"));
  if (hex(sha256(signature)) !== doc.coSignatureDigest.toLowerCase()) return { status: "invalid", reason: "the signature is not the one anchored on chain" };
  let valid = false;
  try {
    valid = ml_dsa65.verify(signature, Uint8Array.from(Buffer.from(expected, "hex")), publicKey);
  } catch {
    valid = false;
  }
  return valid ? { status: "valid", keySha256: doc.keyHash, agencyId: coSigningAgencyId(doc.agencyId).toString() } : { status: "invalid", reason: "the ML-DSA-65 signature does not verify" };
}
