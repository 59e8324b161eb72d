/**
 * Finding a file among the Merkle-anchored batches, in the browser, from the chain alone (issue 18 finding 1): each
 * `BatchAnchored` log gives a root and the digest of the batch metadata; the metadata and the tree dump it names are
 * fetched from the content store and kept only when they hash to those digests (utils/content.ts); the member's
 * proof is built and checked with the core's implementation, then the registry itself is asked
 * (`verifyBatchMember`: anchored, member, revoked, superseded). No answer of the API or the web server is trusted.
 */
import "@/utils/zod-jitless";
import { batchProof, loadBatchTree, verifyBatchProof } from "@government-dao/core/batch-proof";
import { digestFromCid } from "@government-dao/core/cid";
import { type BatchMetadata, parseBatchMetadata } from "@government-dao/core/metadata";
import { type SnapshotFile, type SnapshotManifest, parseSnapshotManifest } from "@government-dao/core/snapshot";
import type { Address, Client, Hex } from "viem";
import { getContractEvents, readContract } from "viem/actions";

import type { abis } from "@government-dao/core/abis";
import { fetchContent } from "@/utils/content";

/** A file found as a member of an anchored batch. */
export interface BatchMember {
  root: Hex;
  agencyId: number;
  count: number;
  anchoredAt: bigint;
  issuer: Address;
  metadataDigest: Hex;
  metadata: BatchMetadata;
  revoked: boolean;
  superseded: boolean;
  /**
   * The member's entry in the batch's manifest (an open-data snapshot's file: its name and data set), read through the
   * CID the hash-checked metadata names; null when the batch has no manifest or it could not be read intact.
   */
  file: SnapshotFile | null;
}

/** What could not be searched: batches whose metadata or tree is not (or not intact) in the content store. */
export interface BatchSearch {
  member: BatchMember | undefined;
  unsearched: number;
}

type Registry = { address: Address; abi: typeof abis.DocumentRegistry };

/** A batch's metadata and tree, read once per metadata digest (immutable: the chain anchors its hash). */
const trees = new Map<string, { metadata: BatchMetadata; tree: ReturnType<typeof loadBatchTree> }>();
/** Manifests read so far, by CID. */
const manifests = new Map<string, SnapshotManifest | null>();

/** The manifest `metadata` names, hash-checked on the way (null: none named, or not intact in the content store). */
async function manifestOf(metadata: BatchMetadata): Promise<SnapshotManifest | null> {
  const cid = metadata.batch.manifestCid;
  if (cid === undefined) return null;
  if (manifests.has(cid)) return manifests.get(cid) ?? null;
  let manifest: SnapshotManifest | null = null;
  try {
    const file = await fetchContent(digestFromCid(cid) as Hex);
    if ("bytes" in file) manifest = parseSnapshotManifest(file.bytes);
  } catch {
    manifest = null; // malformed: the member stays found, without its file name
  }
  manifests.set(cid, manifest);
  return manifest;
}

/** Looks for `contentHash` in every batch anchored on chain. */
export async function findBatchMember(client: Client, registry: Registry, contentHash: Hex): Promise<BatchSearch> {
  const anchored = await getContractEvents(client, { ...registry, eventName: "BatchAnchored", fromBlock: 0n, strict: true });
  let unsearched = 0;
  for (const log of anchored) {
    const { root, agencyId, issuer, metadataDigest } = log.args;
    let loaded = trees.get(metadataDigest);
    if (!loaded) {
      const metadataFile = await fetchContent(metadataDigest);
      if (!("bytes" in metadataFile)) {
        unsearched++;
        continue;
      }
      try {
        const parsed = parseBatchMetadata(metadataFile.bytes);
        const dump = await fetchContent(digestFromCid(parsed.batch.treeDumpCid) as Hex);
        if (!("bytes" in dump)) {
          unsearched++;
          continue;
        }
        loaded = { metadata: parsed, tree: loadBatchTree(new TextDecoder().decode(dump.bytes)) };
      } catch {
        unsearched++; // metadata or tree malformed: this batch cannot be searched
        continue;
      }
      trees.set(metadataDigest, loaded);
    }
    const { metadata, tree } = loaded;
    if (tree.root.toLowerCase() !== root.toLowerCase()) {
      unsearched++; // a dump that is not this root's tree
      continue;
    }
    const proof = batchProof(tree, contentHash);
    if (!proof || !verifyBatchProof(root, contentHash, proof)) continue;
    const [member, revoked, superseded] = await readContract(client, {
      ...registry,
      functionName: "verifyBatchMember",
      args: [agencyId, root, contentHash, proof as Hex[]],
    });
    if (!member) continue;
    const batch = await readContract(client, { ...registry, functionName: "batch", args: [agencyId, root] });
    const file = (await manifestOf(metadata))?.files.find((f) => f.sha256 === contentHash.toLowerCase()) ?? null;
    return {
      member: { root, agencyId, count: batch.count, anchoredAt: BigInt(batch.anchoredAt), issuer, metadataDigest, metadata, revoked, superseded, file },
      unsearched,
    };
  }
  return { member: undefined, unsearched };
}
