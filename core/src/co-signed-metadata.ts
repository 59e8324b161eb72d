/**
 * From a description of a document (its file's sha-256 and size, type, agency, number, titles, dates) to the metadata
 * JSON the chain anchors: validated with the schema (metadata.ts), co-signed by the agency that must sign it
 * (cosignature.ts: {@link coSigningAgencyId}), in canonical bytes. The one builder, used by the CLI and the seed
 * (scripts/lib/documents.ts), the dApp's metadata routes (web/lib/co-signed-metadata.ts) and the agency gateway; and
 * the same for a Merkle-anchored batch (the seed's certificates, the gateway's batches).
 * Browser-safe. Nothing is stored here: the caller puts the bytes in its content store.
 */
import { buildBatchTree } from "./batch-proof.ts";
import { cidFromDigest } from "./cid.ts";
import { sha256Hex } from "./content-read.ts";
import { type CoSigner, coSignWith } from "./cosignature.ts";
import {
  BATCH_SCHEMA_ID,
  type BatchMetadata,
  DOCUMENT_SCHEMA_ID,
  type DocumentMetadata,
  type DocumentTypeName,
  formatBatchMetadata,
  formatDocumentMetadata,
  parseBatchMetadata,
  parseDocumentMetadata,
} from "./metadata.ts";

/** What describes a document besides its bytes. */
export interface DocumentDescription {
  /** sha-256 of the file (0x hex): the token id. */
  contentHash: string;
  type: DocumentTypeName;
  agency: { id: number; name: string };
  number: string;
  title: { kk: string; ru: string; en: string };
  /** ISO dates (YYYY-MM-DD). */
  dates: { adopted: string; effective?: string | undefined };
  body: { mediaType: string; size: number };
  /** Token id (0x hex) of the document this one amends, if any. */
  supersedes?: string | undefined;
}

/** Metadata ready to be stored and anchored. */
export interface CoSignedMetadata {
  metadata: DocumentMetadata;
  /** The canonical bytes; their sha-256 is the on-chain `metadataDigest`. */
  bytes: Uint8Array;
  /** sha-256 of the ML-DSA signature: the on-chain `coSignatureDigest`. */
  coSignatureDigest: string;
}

/**
 * Co-signs `description` with `signer` for the DocumentRegistry `registry` on chain `chainId`.
 * @throws MetadataError listing every bad field (nothing is signed then).
 */
export async function coSignedMetadata(description: DocumentDescription, signer: CoSigner, chainId: bigint | number, registry: string): Promise<CoSignedMetadata> {
  const { contentHash, dates, supersedes } = description;
  const unsigned = {
    schema: DOCUMENT_SCHEMA_ID,
    title: description.title,
    type: description.type,
    agency: description.agency,
    number: description.number,
    dates: dates.effective ? { adopted: dates.adopted, effective: dates.effective } : { adopted: dates.adopted },
    body: { sha256: contentHash, mediaType: description.body.mediaType, size: description.body.size },
    ...(supersedes ? { supersedes } : {}),
  };
  // Validate before signing (a placeholder signature of the right shape), so bad input costs no signature.
  parseDocumentMetadata({ ...unsigned, coSignature: PLACEHOLDER });
  const { coSignature, digest } = await coSignWith(signer, contentHash, chainId, registry);
  const metadata = parseDocumentMetadata({ ...unsigned, coSignature });
  return { metadata, bytes: formatDocumentMetadata(metadata), coSignatureDigest: digest };
}

/** A well-formed co-signature block, used only to validate the rest of the metadata before signing. */
const PLACEHOLDER = {
  algorithm: "ML-DSA-65",
  publicKeySha256: `0x${"0".repeat(64)}`,
  signature: "A".repeat(4412),
  message: `0x${"0".repeat(168)}`,
} as const;

/** What describes a Merkle-anchored batch (a bulk registry such as certificates) besides its members. */
export interface BatchDescription {
  type: DocumentTypeName;
  agency: { id: number; name: string };
  number: string;
  title: { kk: string; ru: string; en: string };
  dates: { adopted: string; effective?: string | undefined };
  /** Media type of the member files. */
  mediaType: string;
  /** The members' sha-256 (0x hex), in tree order. */
  contentHashes: readonly string[];
  /** CID of a stored JSON file naming the members (an open-data snapshot's manifest), if there is one. */
  manifestCid?: string | undefined;
}

/** Batch metadata ready to be stored and anchored, with the tree dump it names (stored first, by the caller). */
export interface CoSignedBatch {
  metadata: BatchMetadata;
  bytes: Uint8Array;
  root: string;
  count: number;
  /** The tree dump's bytes; their CID is `metadata.batch.treeDumpCid`. */
  treeDump: Uint8Array;
}

/**
 * Builds the batch's Merkle tree (batch-proof.ts), and co-signs its root in place of a content hash (cosignature.ts).
 * The tree dump is content-addressed: its CID is computed here, and the caller stores the same bytes.
 * @throws MetadataError listing every bad field.
 */
export async function coSignedBatchMetadata(description: BatchDescription, signer: CoSigner, chainId: bigint | number, registry: string): Promise<CoSignedBatch> {
  const tree = buildBatchTree(description.contentHashes);
  const treeDump = new TextEncoder().encode(`${JSON.stringify(tree.dump())}\n`);
  const cid = cidFromDigest(sha256Hex(treeDump));
  const { dates } = description;
  const unsigned = {
    schema: BATCH_SCHEMA_ID,
    title: description.title,
    type: description.type,
    agency: description.agency,
    number: description.number,
    dates: dates.effective ? { adopted: dates.adopted, effective: dates.effective } : { adopted: dates.adopted },
    batch: { root: tree.root, count: description.contentHashes.length, leafEncoding: "bytes32" as const, treeDumpCid: cid, mediaType: description.mediaType, ...(description.manifestCid ? { manifestCid: description.manifestCid } : {}) },
  };
  parseBatchMetadata({ ...unsigned, coSignature: PLACEHOLDER });
  const { coSignature } = await coSignWith(signer, tree.root, chainId, registry);
  const metadata = parseBatchMetadata({ ...unsigned, coSignature });
  return { metadata, bytes: formatBatchMetadata(metadata), root: tree.root, count: description.contentHashes.length, treeDump };
}
