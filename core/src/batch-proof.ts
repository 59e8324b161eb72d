/**
 * Merkle-anchored batches (bulk certificates): `DocumentRegistry.anchorBatch(agencyId, root, count, metadataDigest)`
 * puts only the root on chain; the tree is an OpenZeppelin StandardMerkleTree with leaf encoding `["bytes32"]` (the
 * member file's sha-256), whose dump (`tree.dump()`) is in the content store at the batch metadata's `treeDumpCid`.
 * This is the one implementation that builds trees, finds a member's proof in a dump and checks a proof against a
 * root — used by the seed, the CLI, the indexer's API and the dApp's /verify page (browser-safe).
 */
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";

/** The leaf encoding of every batch (DocumentRegistry hashes leaves as `keccak256(keccak256(abi.encode(hash)))`). */
export const BATCH_LEAF_ENCODING = ["bytes32"] as const;

export type BatchTree = StandardMerkleTree<[string]>;

/** The tree of a batch of member files, by their sha-256 (0x hex), in this order. */
export const buildBatchTree = (contentHashes: readonly string[]): BatchTree =>
  StandardMerkleTree.of(
    contentHashes.map((hash) => [hash] as [string]),
    [...BATCH_LEAF_ENCODING],
  );

/** Loads a tree dump (the JSON text or its parsed value); throws when it is not a bytes32 standard tree. */
export function loadBatchTree(dump: string | unknown): BatchTree {
  const value: unknown = typeof dump === "string" ? JSON.parse(dump) : dump;
  const tree = StandardMerkleTree.load(value as Parameters<typeof StandardMerkleTree.load<[string]>>[0]);
  const encoding = (value as { leafEncoding?: unknown }).leafEncoding;
  if (!Array.isArray(encoding) || encoding.length !== 1 || encoding[0] !== "bytes32") {
    throw new Error(`not a batch tree: leaf encoding ${JSON.stringify(encoding)}, expected ["bytes32"]`);
  }
  tree.validate();
  return tree;
}

/** Every member of a tree with its proof, by lower-case sha-256 (one pass over the tree). */
export function batchProofs(tree: BatchTree): Map<string, { index: number; proof: string[] }> {
  const proofs = new Map<string, { index: number; proof: string[] }>();
  for (const [index, [hash]] of tree.entries()) proofs.set(hash.toLowerCase(), { index, proof: tree.getProof(index) });
  return proofs;
}

/** The proof of member `contentHash` in `tree`, or undefined when it is not a member. */
export function batchProof(tree: BatchTree, contentHash: string): string[] | undefined {
  const wanted = contentHash.toLowerCase();
  for (const [index, [hash]] of tree.entries()) if (hash.toLowerCase() === wanted) return tree.getProof(index);
  return undefined;
}

/** Whether `proof` proves that file `contentHash` is a member of the batch whose root is `root`. */
export function verifyBatchProof(root: string, contentHash: string, proof: readonly string[]): boolean {
  const hex32 = /^0x[0-9a-fA-F]{64}$/;
  if (!hex32.test(root) || !hex32.test(contentHash) || !proof.every((p) => hex32.test(p))) return false;
  try {
    return StandardMerkleTree.verify(root.toLowerCase(), [...BATCH_LEAF_ENCODING], [contentHash.toLowerCase()], [...proof]);
  } catch {
    return false; // a malformed proof is not a proof
  }
}
