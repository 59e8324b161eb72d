/**
 * Certificates of a Merkle-anchored batch verify through the API (issue 18 finding 1): every one of the seed's 1,000
 * certificates is `found: true` with its batch and proof, and the proof holds against the root on chain — checked
 * with the core's implementation and by `DocumentRegistry.verifyBatchMember` itself. A changed byte, a wrong proof, a
 * revoked member and a revoked batch each fail. Real anvil, PGlite.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { loadBatchTree, verifyBatchProof } from "@government-dao/core/batch-proof";
import { coSignedBatchMetadata } from "@government-dao/core/co-signed-metadata";
import { openContentStore } from "@government-dao/core/content-store";
import { demoAgencyKeys, keySigner } from "@government-dao/core/cosignature";
import { SNAPSHOT_SCHEMA_ID, formatSnapshotManifest } from "@government-dao/core/snapshot";
import { sha256, stringToHex } from "viem";

import { connectGovernment } from "../../scripts/lib/contracts.js";
import { cast } from "@government-dao/devchain/demo-cast";
import type { RunningIndexer } from "../lib/run.js";
import { type TestChain, startChainIndexer, startTestChain } from "./support/chain.js";

interface Verified {
  found: boolean;
  status?: string;
  docType?: string;
  agency?: { id: string; name: string | null };
  coSignature?: { status: string };
  revoked?: { reason: string | null } | null;
  batch?: { root: string; agencyId: string; index: number; proof: string[]; revoked: boolean };
}

const CERTIFICATES = 1_000;

describe("batch members verify through the API (anvil, PGlite)", () => {
  let chain: TestChain;
  let indexer: RunningIndexer;
  let hashes: string[] = [];
  let root = "";

  before(async () => {
    chain = await startTestChain({ certificates: CERTIFICATES });
    const batch = chain.seeded?.record.batch;
    assert.ok(batch, "the seed anchored a batch");
    root = batch.root;
    const tree = loadBatchTree(await openContentStore(chain.contentDir).getText(batch.treeDumpCid));
    hashes = [...tree.entries()].map(([, [hash]]) => hash.toLowerCase());
    indexer = await startChainIndexer(chain);
  });
  after(async () => {
    await indexer?.stop();
    await chain?.close();
  });

  const verify = async (hash: string): Promise<Verified> => {
    const response = await fetch(`${indexer.url}/api/v1/verify/${hash}`);
    assert.equal(response.status, 200, hash);
    return (await response.json()) as Verified;
  };

  it(`finds every one of the ${CERTIFICATES} certificates, with a proof that holds against the root on chain`, async () => {
    assert.equal(hashes.length, CERTIFICATES);
    const { documents } = connectGovernment(chain.addresses, chain.connection.ethers.provider);
    let checkedOnChain = 0;
    for (const [i, hash] of hashes.entries()) {
      const answer = await verify(hash);
      assert.equal(answer.found, true, hash);
      assert.equal(answer.status, "ACTIVE");
      assert.equal(answer.docType, "CERTIFICATE");
      assert.equal(answer.batch?.root, root);
      assert.equal(answer.coSignature?.status, "valid", hash);
      const proof = answer.batch?.proof ?? [];
      assert.equal(verifyBatchProof(root, hash, proof), true, `core check of ${hash}`);
      // The registry's own check on a sample (every 50th): member, not revoked, not superseded.
      if (i % 50 === 0) {
        assert.deepEqual([...(await documents.verifyBatchMember(Number(answer.batch?.agencyId), root, hash, proof))], [true, false, false]);
        checkedOnChain++;
      }
    }
    const anchored = await documents.batch(Number((await verify(hashes[0] ?? "")).batch?.agencyId), root);
    assert.equal(anchored.count, BigInt(CERTIFICATES), "the root on chain anchors this many members");
    console.log(`# ${CERTIFICATES} certificates found with a valid proof (core), ${checkedOnChain} also by the registry`);
  });

  it("fails a changed byte and a wrong proof", async () => {
    const [first = "", second = ""] = hashes;
    const changed = `${first.slice(0, -1)}${first.endsWith("0") ? "1" : "0"}`;
    assert.equal((await verify(changed)).found, false, "one changed byte of the file's hash");
    const other = (await verify(second)).batch?.proof ?? [];
    assert.equal(verifyBatchProof(root, first, other), false, "another member's proof");
    const { documents } = connectGovernment(chain.addresses, chain.connection.ethers.provider);
    const agencyId = Number((await verify(first)).batch?.agencyId);
    assert.equal((await documents.verifyBatchMember(agencyId, root, first, other))[0], false, "the registry refuses it too");
  });

  it("lists the open-data snapshots newest first, page by page with a cursor, and no other batch", async () => {
    const signers = await chain.connection.ethers.getSigners();
    const office = signers.find((s) => s.address === cast.officeRegistrar);
    assert.ok(office, "the Office of the Government's registrar");
    const { documents } = connectGovernment(chain.addresses, office);
    const store = openContentStore(chain.contentDir);
    const numbers = ["OPEN-DATA-2026-12-01T00:00Z", "OPEN-DATA-2026-12-02T00:00Z", "OPEN-DATA-2026-12-03T00:00Z"];
    for (const number of numbers) {
      const file = { name: "documents.csv", dataset: "documents", mediaType: "text/csv", sha256: sha256(stringToHex(number)), size: number.length, rows: 1 };
      const manifest = await store.put(formatSnapshotManifest({ schema: SNAPSHOT_SCHEMA_ID, number, takenAt: "2026-12-04T00:00:00.000Z", source: "http://127.0.0.1:1", indexedBlock: 1, files: [file] }));
      const signed = await coSignedBatchMetadata(
        { type: "notice", agency: { id: 3, name: "Office of the Government" }, number, title: { kk: "Ашық деректер", ru: "Открытые данные", en: "Open data" }, dates: { adopted: "2026-12-04" }, mediaType: "multipart/mixed", contentHashes: [file.sha256], manifestCid: manifest.cid },
        keySigner(demoAgencyKeys(3)),
        31337,
        chain.addresses.documents,
      );
      await store.put(signed.treeDump);
      const stored = await store.put(signed.bytes);
      await (await documents.anchorBatch(3, signed.root, signed.count, stored.digest)).wait();
    }
    type Snapshots = { items: { number: string }[]; unreadable: string[]; nextCursor: string | null };
    const page = async (query: string): Promise<Snapshots> => (await (await fetch(`${indexer.url}/api/v1/snapshots${query}`)).json()) as Snapshots;
    for (let i = 0; (await page("")).items.length < numbers.length; i++) {
      assert.ok(i < 200, "the three snapshots indexed within 20 s");
      await new Promise((r) => setTimeout(r, 100));
    }
    const all = await page("");
    assert.deepEqual(all.items.map((s) => s.number), [...numbers].reverse(), "newest first; the certificate batch is not a snapshot");
    assert.equal(all.nextCursor, null);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const next: Snapshots = await page(`?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      walked.push(...next.items.map((s) => s.number));
      cursor = next.nextCursor;
    } while (cursor !== null && walked.length <= numbers.length);
    assert.deepEqual(walked, all.items.map((s) => s.number), "one page per snapshot, none skipped or repeated");
    assert.equal((await fetch(`${indexer.url}/api/v1/snapshots?cursor=zz`)).status, 400);
  });

  it("reports a revoked member and then a revoked batch as REVOKED, with the reason", async () => {
    const [first = "", second = ""] = hashes;
    const before = await verify(first);
    const agencyId = Number(before.batch?.agencyId);
    const signers = await chain.connection.ethers.getSigners();
    const registrar = signers.find((s) => s.address === (agencyId === 1 ? cast.financeRegistrar : cast.digitalRegistrar));
    assert.ok(registrar, `a registrar of agency ${agencyId}`);
    const { documents } = connectGovernment(chain.addresses, registrar);
    const waitFor = async (hash: string, reason: string) => {
      for (let i = 0; i < 200; i++) {
        const answer = await verify(hash);
        if (answer.status === "REVOKED" && answer.revoked?.reason === reason) return answer;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.fail(`${hash} not REVOKED (${reason}) within 20 s`);
    };
    await (await documents.revokeBatchMember(agencyId, root, first, before.batch?.proof ?? [], "issued in error")).wait();
    await waitFor(first, "issued in error");
    await (await documents.revokeBatch(agencyId, root, "the course was cancelled")).wait();
    const member = await waitFor(second, "the course was cancelled");
    assert.equal(member.batch?.revoked, true);
    assert.deepEqual((await verify(first)).revoked?.reason, "the course was cancelled", "the whole batch's revocation wins");
  });
});
