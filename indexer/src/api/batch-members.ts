// Members of Merkle-anchored batches (issue 18 finding 1): the chain holds only a batch's root, so a certificate is
// found through the batch's tree dump in the content store (metadata digest on chain → batch metadata → treeDumpCid).
// Every read is hash-checked; the trees are immutable, so each batch's members are read once and kept.
import { type BatchMetadata, parseBatchMetadata } from "@government-dao/core/metadata";
import { batchProofs, loadBatchTree } from "@government-dao/core/batch-proof";
import { openContentStore } from "@government-dao/core/content-store";
import { type SnapshotFile, type SnapshotManifest, parseSnapshotManifest } from "@government-dao/core/snapshot";

import { contentDir } from "./context.js";

/** What the API serves of one member: its batch, position and proof (checked by clients against the root on chain). */
export interface BatchMembership {
  batchId: string;
  index: number;
  proof: string[];
  metadata: BatchMetadata;
  /** The member's entry in the batch's manifest (an open-data snapshot's file), when the batch names one. */
  file: SnapshotFile | null;
}

interface BatchRow {
  id: string;
  metadataDigest: string;
}

interface LoadedBatch {
  metadata: BatchMetadata;
  /** Proof of each member, by lower-case sha-256. */
  members: Map<string, { index: number; proof: string[] }>;
}

/** The members of each batch read so far, by batch id (a batch whose content is missing is retried next time). */
const loaded = new Map<string, LoadedBatch>();
/** Each batch's metadata and manifest read so far, by batch id and by CID (immutable: content-addressed). */
const metadataRead = new Map<string, BatchMetadata>();
const manifestRead = new Map<string, SnapshotManifest>();

/** A batch's metadata, by the digest on chain (hash-checked); throws when it is not in the content store or malformed. */
export async function batchMetadataOf(batch: BatchRow): Promise<BatchMetadata> {
  const kept = metadataRead.get(batch.id);
  if (kept) return kept;
  const metadata = parseBatchMetadata(await openContentStore(contentDir).getByDigest(batch.metadataDigest));
  metadataRead.set(batch.id, metadata);
  return metadata;
}

/** The manifest a batch's metadata names (hash-checked by its CID), null when it names none; throws when unreadable. */
export async function batchManifestOf(metadata: BatchMetadata): Promise<SnapshotManifest | null> {
  const cid = metadata.batch.manifestCid;
  if (cid === undefined) return null;
  const kept = manifestRead.get(cid);
  if (kept) return kept;
  const manifest = parseSnapshotManifest(await openContentStore(contentDir).get(cid));
  manifestRead.set(cid, manifest);
  return manifest;
}

async function membersOf(batch: BatchRow): Promise<LoadedBatch> {
  const kept = loaded.get(batch.id);
  if (kept) return kept;
  const store = openContentStore(contentDir);
  const metadata = await batchMetadataOf(batch);
  const tree = loadBatchTree(await store.getText(metadata.batch.treeDumpCid));
  // A dump whose root is not the metadata's is not this batch's tree (the chain's root is checked by the caller).
  if (tree.root.toLowerCase() !== metadata.batch.root.toLowerCase()) throw new Error(`batch ${batch.id}: the tree dump's root is not the metadata's`);
  const entry = { metadata, members: batchProofs(tree) };
  loaded.set(batch.id, entry);
  return entry;
}

/**
 * The batches (of those anchored) that hold file `contentHash`, with its proof in each. A batch whose metadata or
 * tree is not in the content store, or is malformed, cannot be searched: it is reported in `unreadable`.
 */
export async function findBatchMemberships(batches: readonly (BatchRow & { root: string })[], contentHash: string): Promise<{ found: BatchMembership[]; unreadable: string[] }> {
  const found: BatchMembership[] = [];
  const unreadable: string[] = [];
  for (const batch of batches) {
    let entry: LoadedBatch;
    try {
      entry = await membersOf(batch);
    } catch {
      unreadable.push(batch.id);
      continue;
    }
    if (entry.metadata.batch.root.toLowerCase() !== batch.root.toLowerCase()) {
      unreadable.push(batch.id);
      continue;
    }
    const member = entry.members.get(contentHash.toLowerCase());
    if (!member) continue;
    // A manifest that cannot be read leaves the member found, without its file name.
    const manifest = await batchManifestOf(entry.metadata).catch(() => null);
    const file = manifest?.files.find((f) => f.sha256 === contentHash.toLowerCase()) ?? null;
    found.push({ batchId: batch.id, index: member.index, proof: member.proof, metadata: entry.metadata, file });
  }
  return { found, unreadable };
}
