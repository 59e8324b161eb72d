import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";

import { batchProof, batchProofs, buildBatchTree, loadBatchTree, verifyBatchProof } from "../src/batch-proof.ts";

const sha = (text: string): string => `0x${createHash("sha256").update(text).digest("hex")}`;
const hashes = Array.from({ length: 9 }, (_, i) => sha(`certificate ${i}`));

describe("batch proofs", () => {
  const tree = buildBatchTree(hashes);
  const dumped = JSON.stringify(tree.dump());

  it("proves every member of a tree loaded back from its dump", () => {
    const loaded = loadBatchTree(dumped);
    assert.equal(loaded.root, tree.root);
    const proofs = batchProofs(loaded);
    assert.equal(proofs.size, hashes.length);
    for (const hash of hashes) {
      const proof = batchProof(loaded, hash);
      assert.ok(proof, hash);
      assert.deepEqual(proofs.get(hash)?.proof, proof);
      assert.equal(verifyBatchProof(tree.root, hash, proof), true, hash);
      assert.equal(verifyBatchProof(tree.root.toUpperCase().replace("0X", "0x"), hash.toUpperCase().replace("0X", "0x"), proof), true, "any hex case");
    }
  });

  it("fails for a changed byte, a wrong proof, another root and a non-member", () => {
    const [first = "", second = ""] = hashes;
    const proof = batchProof(tree, first) ?? [];
    const changed = `${first.slice(0, -1)}${first.endsWith("0") ? "1" : "0"}`;
    assert.equal(verifyBatchProof(tree.root, changed, proof), false, "a changed byte of the file's hash");
    assert.equal(verifyBatchProof(tree.root, first, batchProof(tree, second) ?? []), false, "another member's proof");
    assert.equal(verifyBatchProof(tree.root, first, proof.slice(1)), false, "a shortened proof");
    assert.equal(verifyBatchProof(buildBatchTree(hashes.slice(1)).root, first, proof), false, "another batch's root");
    assert.equal(batchProof(tree, sha("not a member")), undefined);
    assert.equal(verifyBatchProof(tree.root, first, ["0x1234"]), false, "a malformed proof element");
    assert.equal(verifyBatchProof("root", first, proof), false, "a malformed root");
  });

  it("refuses a dump that is not a bytes32 tree, or whose nodes were altered", () => {
    const other = JSON.parse(dumped) as { leafEncoding: string[]; tree: string[] };
    assert.throws(() => loadBatchTree({ ...other, leafEncoding: ["address"] }));
    const altered = { ...other, tree: [...other.tree] };
    altered.tree[altered.tree.length - 1] = sha("forged leaf");
    assert.throws(() => loadBatchTree(altered));
    assert.throws(() => loadBatchTree("not json"));
  });
});
