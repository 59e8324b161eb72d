import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import { sha256 } from "viem";

import { cidFromDigest, contentId, digestFromCid, openContentStore } from "@government-dao/core/content-store";

describe("content store (core/src/content-store.ts)", () => {
  let dir = "";
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "gdao-store-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("stores bytes under their CIDv1 raw sha2-256 and returns the sha-256 digest", async () => {
    const store = openContentStore(dir);
    const bytes = new TextEncoder().encode("hi");
    const stored = await store.put(bytes);
    // Known value: CIDv1 raw sha2-256 of "hi" (base32).
    assert.equal(stored.cid, "bafkreiepinbumzepnoln7co5vea4kf3lcctnqolb3u6bvsellgznymt2uq");
    assert.equal(stored.digest, sha256(bytes));
    assert.equal(stored.size, 2);
    assert.equal(await readFile(path.join(dir, stored.cid), "utf8"), "hi");
    assert.equal(await store.getText(stored.cid), "hi");
    assert.deepEqual(await store.getByDigest(stored.digest), bytes);
  });

  it("is idempotent: the same bytes give the same CID and one file", async () => {
    const store = openContentStore(dir);
    const a = await store.putText("same");
    const b = await store.putText("same");
    assert.deepEqual(a, b);
    assert.equal(await store.has(a.cid), true);
  });

  it("converts between the digest the chain stores and the CID", async () => {
    const { cid, digest } = await contentId(new Uint8Array([1, 2, 3]));
    assert.equal(cidFromDigest(digest), cid);
    assert.equal(digestFromCid(cid), digest);
    assert.throws(() => digestFromCid("not-a-cid"), /is not a CID/);
    // CIDv0 (dag-pb) is not what the registry renders.
    assert.throws(() => digestFromCid("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"), /not CIDv1 raw sha2-256/);
    assert.throws(() => cidFromDigest("0x1234"), /not a 32-byte/);
  });

  it("refuses altered or missing content with a plain message", async () => {
    const store = openContentStore(dir);
    const { cid } = await store.putText("original");
    await writeFile(path.join(dir, cid), "tampered");
    let message = "";
    await store.get(cid).catch((error: Error) => (message = error.message));
    assert.match(message, new RegExp(`^Content ${cid} in .* is corrupted: its sha-256 is 0x`));
    const missing = (await contentId(new TextEncoder().encode("never stored"))).cid;
    await store.get(missing).catch((error: Error) => (message = error.message));
    assert.equal(message, `Content ${missing} is not in the store (${dir})`);
  });
});
