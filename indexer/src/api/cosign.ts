// The indexer's answer to "is this document's co-signature valid?": the metadata JSON and the agency's public key
// are read from the content store by the digests the chain holds, then checked by core's one ML-DSA-65 check
// (core/src/cosignature.ts describes what is signed).
import { readFile } from "node:fs/promises";
import path from "node:path";

import type { CoSignatureCheck } from "@government-dao/core/api/verify";
import { cidFromDigest } from "@government-dao/core/cid";
import { type ContentRead, hashMatches } from "@government-dao/core/content-read";
import { CO_SIGNATURE_REASONS, checkCoSignature as checkVerdict, coSigningAgencyId as signerOf, verifySignatureBlock } from "@government-dao/core/cosignature";
import type { BatchMetadata } from "@government-dao/core/metadata";
import { contentDir, deployment } from "./context.js";

/** The check's result (its shape: core's coSignatureCheckSchema). */
export type CoSignatureResult = CoSignatureCheck;

const ZERO_HASH = `0x${"0".repeat(64)}`;

/** The agency whose key co-signs a document of agency `agencyId` (agency 0's documents: the Office of the Government). */
export const coSigningAgencyId = (agencyId: bigint): bigint => BigInt(signerOf(Number(agencyId)));

async function readContent(digest: string): Promise<ContentRead> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path.join(contentDir, cidFromDigest(digest))));
  } catch {
    return { missing: "absent" };
  }
  return hashMatches(bytes, digest) ? { bytes } : { missing: "altered" };
}

/** Checks the co-signature of document `contentHash` against the key registered for the co-signing agency. */
export async function checkCoSignature(doc: {
  contentHash: string;
  docType: string;
  metadataDigest: string;
  coSignatureDigest: string | null;
  agencyId: bigint;
  keyHash: string | null;
}): Promise<CoSignatureResult> {
  if (doc.coSignatureDigest === null) return { status: "none" };
  const keyHash = doc.keyHash ?? ZERO_HASH;
  const [metadata, key] = await Promise.all([readContent(doc.metadataDigest), keyHash === ZERO_HASH ? ({ missing: "absent" } as const) : readContent(keyHash)]);
  const verdict = checkVerdict(
    {
      contentHash: doc.contentHash,
      chainId: deployment.chainId,
      registry: deployment.contracts.DocumentRegistry.address,
      type: doc.docType.toLowerCase(),
      agencyId: Number(doc.agencyId),
      metadataDigest: doc.metadataDigest,
      coSignatureDigest: doc.coSignatureDigest,
      keyHash,
    },
    metadata,
    key,
  );
  switch (verdict.status) {
    case "none":
      return verdict;
    case "valid":
      return { status: "valid", keySha256: keyHash, agencyId: verdict.signer.toString() };
    case "invalid":
      return { status: "invalid", reason: CO_SIGNATURE_REASONS[verdict.reason] };
    case "unchecked":
      return { status: "unavailable", reason: CO_SIGNATURE_REASONS[verdict.reason] };
  }
}

/**
 * Checks the co-signature of a batch: the batch metadata's block over the root, by the co-signing agency's
 * registered key (`keyHash`, from the registry as indexed), with the key read hash-checked from the content store.
 */
export async function checkBatchCoSignature(metadata: BatchMetadata, root: string, keyHash: string | null, agencyId: bigint): Promise<CoSignatureResult> {
  if (keyHash === null || keyHash === ZERO_HASH) return { status: "unavailable", reason: CO_SIGNATURE_REASONS.noKeyRegistered };
  const key = await readContent(keyHash);
  if (!("bytes" in key)) return { status: "unavailable", reason: CO_SIGNATURE_REASONS[key.missing === "altered" ? "keyAltered" : "keyMissing"] };
  const check = verifySignatureBlock(metadata.coSignature, root, deployment.chainId, deployment.contracts.DocumentRegistry.address, keyHash, { publicKey: key.bytes });
  return check.ok ? { status: "valid", keySha256: keyHash, agencyId: coSigningAgencyId(agencyId).toString() } : { status: "invalid", reason: check.reason };
}
