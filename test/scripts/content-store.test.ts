import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";
import { sha256 } from "ethers";

import { cidFromDigest, contentId, digestFromCid, openContentStore } from "@government-dao/core/content-store";

describe("content store (scripts/lib/content-store.ts)", function () {
  let dir = "";
  beforeEach(async function () {
    dir = await mkdtemp(path.join(os.tmpdir(), "gdao-store-"));
  });
  afterEach(async function () {
    await rm(dir, { recursive: true, force: true });
  });

  it("stores bytes under their CIDv1 raw sha2-256 and returns the sha-256 digest", async function () {
    const store = openContentStore(dir);
    const bytes = new TextEncoder().encode("hi");
    const stored = await store.put(bytes);
    // Known value: CIDv1 raw sha2-256 of "hi" (base32).
    expect(stored.cid).to.equal("bafkreiepinbumzepnoln7co5vea4kf3lcctnqolb3u6bvsellgznymt2uq");
    expect(stored.digest).to.equal(sha256(bytes));
    expect(stored.size).to.equal(2);
    expect(await readFile(path.join(dir, stored.cid), "utf8")).to.equal("hi");
    expect(await store.getText(stored.cid)).to.equal("hi");
    expect(await store.getByDigest(stored.digest)).to.deep.equal(bytes);
  });

  it("is idempotent: the same bytes give the same CID and one file", async function () {
    const store = openContentStore(dir);
    const a = await store.putText("same");
    const b = await store.putText("same");
    expect(a).to.deep.equal(b);
    expect(await store.has(a.cid)).to.equal(true);
  });

  it("converts between the digest the chain stores and the CID", async function () {
    const { cid, digest } = await contentId(new Uint8Array([1, 2, 3]));
    expect(cidFromDigest(digest)).to.equal(cid);
    expect(digestFromCid(cid)).to.equal(digest);
    expect(() => digestFromCid("not-a-cid")).to.throw(/is not a CID/);
    // CIDv0 (dag-pb) is not what the registry renders.
    expect(() => digestFromCid("QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG")).to.throw(/not CIDv1 raw sha2-256/);
    expect(() => cidFromDigest("0x1234")).to.throw(/not a 32-byte/);
  });

  it("refuses altered or missing content with a plain message", async function () {
    const store = openContentStore(dir);
    const { cid } = await store.putText("original");
    await writeFile(path.join(dir, cid), "tampered");
    let message = "";
    await store.get(cid).catch((error: Error) => (message = error.message));
    expect(message).to.match(new RegExp(`^Content ${cid} in .* is corrupted: its sha-256 is 0x`));
    const missing = (await contentId(new TextEncoder().encode("never stored"))).cid;
    await store.get(missing).catch((error: Error) => (message = error.message));
    expect(message).to.equal(`Content ${missing} is not in the store (${dir})`);
  });
});
