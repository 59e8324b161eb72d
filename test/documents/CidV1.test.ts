import { expect } from "chai";
import { ZeroHash, getBytes, hexlify, id as keccakId, toUtf8Bytes, zeroPadValue } from "ethers";
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import * as Digest from "multiformats/hashes/digest";
import { sha256 } from "multiformats/hashes/sha2";

import { DocType, hashOf, setup } from "../helpers/fixtures.js";

const t = await setup();

/** The CIDv1 string `multiformats` produces for raw content whose sha-256 is `digest` (a bytes32 hex string). */
const cidOf = (digest: string): string => CID.createV1(raw.code, Digest.create(sha256.code, getBytes(digest))).toString();

/** Digests at the edges of the base32 encoding: all bits clear, all set, single bits at both ends, patterns. */
const EDGE_DIGESTS: readonly string[] = [
  zeroPadValue("0x01", 32),
  `0x80${"00".repeat(31)}`,
  `0x${"00".repeat(31)}80`,
  `0x${"ff".repeat(32)}`,
  `0x${"ff".repeat(31)}fe`,
  `0x7f${"ff".repeat(31)}`,
  `0x${"aa".repeat(32)}`,
  `0x${"55".repeat(32)}`,
  `0x${"0f".repeat(32)}`,
  "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
];

/** Deterministic pseudo-random digests. */
const RANDOM_DIGESTS: readonly string[] = Array.from({ length: 24 }, (_, i) => keccakId(`digest #${i}`));

async function deployHarness() {
  return t.ethers.deployContract("CidV1Harness");
}

describe("CidV1 (library behind tokenURI)", function () {
  it("encodes the all-zero digest as multiformats does", async function () {
    const harness = await t.networkHelpers.loadFixture(deployHarness);
    expect(await harness.fromSha256(ZeroHash)).to.equal(cidOf(ZeroHash));
  });

  it("encodes edge-case digests (0x00..01, 0xff..ff, single high/low bits, bit patterns) as multiformats does", async function () {
    const harness = await t.networkHelpers.loadFixture(deployHarness);
    for (const digest of EDGE_DIGESTS) {
      expect(await harness.fromSha256(digest), digest).to.equal(cidOf(digest));
    }
  });

  it("encodes pseudo-random digests as multiformats does", async function () {
    const harness = await t.networkHelpers.loadFixture(deployHarness);
    for (const digest of RANDOM_DIGESTS) {
      expect(await harness.fromSha256(digest), digest).to.equal(cidOf(digest));
    }
  });

  it("yields a 59-character base32 CIDv1 (raw, sha2-256) that parses back to the same digest", async function () {
    const harness = await t.networkHelpers.loadFixture(deployHarness);
    for (const digest of [ZeroHash, ...EDGE_DIGESTS, ...RANDOM_DIGESTS.slice(0, 4)]) {
      const text = await harness.fromSha256(digest);
      expect(text).to.have.length(59);
      expect(text).to.match(/^bafkrei[a-z2-7]{52}$/);
      const parsed = CID.parse(text);
      expect(parsed.version).to.equal(1);
      expect(parsed.code).to.equal(raw.code);
      expect(parsed.multihash.code).to.equal(sha256.code);
      expect(hexlify(parsed.multihash.digest)).to.equal(digest);
    }
  });

  it("gives the CID of the content itself: multiformats' CID of the metadata bytes", async function () {
    const harness = await t.networkHelpers.loadFixture(deployHarness);
    const json = toUtf8Bytes(JSON.stringify({ title: "Decree No. 1", language: "kk" }));
    const expected = CID.createV1(raw.code, await sha256.digest(json)).toString();
    expect(await harness.fromSha256(hexlify((await sha256.digest(json)).digest))).to.equal(expected);
  });
});

describe("DocumentRegistry.tokenURI", function () {
  it("returns ipfs:// + the multiformats CIDv1 of the metadata digest, for several digests", async function () {
    const s = await t.loadSystem();
    const timelock = await t.asTimelock(s);
    const digests = [zeroPadValue("0x01", 32), `0x${"ff".repeat(32)}`, `0x80${"00".repeat(31)}`, hashOf("metadata JSON")];
    for (const [i, digest] of digests.entries()) {
      const contentHash = hashOf(`decree for CID #${i}`);
      await s.documents.connect(timelock).issue(DocType.Decree, 0, contentHash, digest, ZeroHash);
      expect(await s.documents.tokenURI(contentHash), digest).to.equal(`ipfs://${cidOf(digest)}`);
    }
  });

  it("returns the CID of the new version's metadata after an amendment, and keeps the old one's", async function () {
    const s = await t.loadSystem();
    const timelock = await t.asTimelock(s);
    const oldHash = hashOf("law v1");
    const newHash = hashOf("law v2");
    const oldMeta = hashOf("law v1 metadata");
    const newMeta = `0x${"ff".repeat(32)}`;
    await s.documents.connect(timelock).issue(DocType.Law, 0, oldHash, oldMeta, ZeroHash);
    await s.documents.connect(timelock).amend(oldHash, newHash, newMeta, ZeroHash, "typo in article 2");
    expect(await s.documents.tokenURI(oldHash)).to.equal(`ipfs://${cidOf(oldMeta)}`);
    expect(await s.documents.tokenURI(newHash)).to.equal(`ipfs://${cidOf(newMeta)}`);
  });

  it("reverts with UnknownDocument for a token that was never issued", async function () {
    const s = await t.loadSystem();
    const unknown = hashOf("never issued");
    await expect(s.documents.tokenURI(unknown))
      .to.be.revertedWithCustomError(s.documents, "UnknownDocument")
      .withArgs(BigInt(unknown));
  });
});
