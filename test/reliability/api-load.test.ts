/**
 * The public API under load (reliability suite), on a real anvil: the seeded system plus 10,000 documents — 1,000
 * issued one by one by a registrar and 9 Merkle-anchored batches of 1,000 certificates — indexed by the real
 * indexer (`ponder start`) on each of its two databases in turn, the embedded default (PGlite) and PostgreSQL (a
 * throwaway Debian cluster, as the indexer's own tests use), and served: every single-minted document is listed
 * exactly once, the totals match the chain, sampled batch members verify, and a mix of read routes under 200 and
 * 1,000 requests/s (autocannon, loopback) is answered without an error or a 5xx. The rate each database achieves is
 * recorded side by side, not asserted (docs/sizing.md). (The per-client rate limit's 429s are checked in
 * indexer-faults.test.ts.)
 *
 *   npx hardhat test mocha test/reliability/api-load.test.ts
 */
import path from "node:path";

import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { expect } from "chai";
import { type Hex, type Log, sha256, stringToBytes } from "viem";

import { type LoadRoute, describeLoad, memory, runLoad } from "../../indexer/bench/load.js";
import { type RunningIndexer, startIndexer } from "../../indexer/lib/run.js";
import { type TestChain, startTestChain } from "../../indexer/tests/support/chain.js";
import { type Postgres, startPostgres } from "../../indexer/tests/support/postgres.js";
import { type BurstCall, rpc, sendBurst } from "../../indexer/tests/support/rpc.js";
import { DocumentRegistry__factory } from "../../types/ethers-contracts/index.js";
import { freePort } from "@government-dao/devchain/anvil";
import { openContentStore } from "@government-dao/core/content-store";
import { demoKeyring } from "../../scripts/lib/documents.js";
import { AGENCY, cast } from "@government-dao/devchain/demo-cast";
import { type GovContext, openContext } from "../../scripts/lib/gov/context.js";
import { verifyFile } from "../../scripts/lib/gov/verify.js";
import { megabytes, rssOf } from "../../scripts/lib/processes.js";
import { type PreparedBatch, certificateText, prepareCertificateBatch } from "../../scripts/lib/seed/certificates.js";
import { allPages, compareIds, csvRoute, getJson, graphql, jsonRoute } from "../helpers/api.js";
import { recordFigure, recordLoss } from "../helpers/figures.js";

/** The registry's ABI from the build (TypeChain), to encode the burst of issues and anchors. */
const registryInterface = DocumentRegistry__factory.createInterface();

const SINGLES = 1_000;
const BATCHES = 9;
const PER_BATCH = 1_000;
const SAMPLED_MEMBERS = 50;
/** Connections of the load runs. */
const CONNECTIONS = 50;
/** Per-client limit of the load runs: one loopback client sends all the load (the default is 1,000/s). */
const LOAD_RATE_LIMIT = 100_000;
/** Registrar-issued types: ORDER, CERTIFICATE, NOTICE (decrees, laws and budgets need the Timelock). */
const SINGLE_TYPES = [3, 4, 5] as const;

type Document = { id: string };
type Agency = { documentsIssued: string; batchesAnchored: string; batchDocumentsAnchored: string };

/** Text of single-minted document `i` of this test. */
const singleText = (i: number) => `api-load: registrar document ${i}\n`;

/** The indexer's two databases, measured one after the other on the same chain (never both at once: 2 cores). */
const DATABASES = ["PGlite", "PostgreSQL"] as const;

describe("public API under load: 10,000 documents indexed and served (real anvil; PGlite, then PostgreSQL)", function () {
  this.timeout(600_000);

  let chain: TestChain | undefined;
  let gov: GovContext | undefined;
  let postgres: Postgres | undefined;
  const singles: string[] = [];
  const batches: PreparedBatch[] = [];
  const started = (): TestChain => {
    if (!chain) throw new Error("the chain did not start");
    return chain;
  };

  before(async function () {
    chain = await startTestChain({ certificates: 20 });
    const { anvil, addresses, contentDir } = chain;

    // 1,000 documents issued one by one by the digital ministry's registrar, 100 per block.
    const issue = (i: number): BurstCall => {
      const contentHash = sha256(stringToBytes(singleText(i)));
      singles.push(contentHash);
      const args = [SINGLE_TYPES[i % SINGLE_TYPES.length] ?? 3, AGENCY.digital, contentHash, sha256(stringToBytes(`metadata ${i}`)), `0x${"00".repeat(32)}`] as const;
      return { to: addresses.documents, data: registryInterface.encodeFunctionData("issue", [...args]) as Hex };
    };
    await sendBurst(anvil.rpcUrl, cast.digitalRegistrar, Array.from({ length: SINGLES }, (_, i) => issue(i)), 100);

    // 9 batches of 1,000 certificates: files, tree dumps and co-signed metadata in the content store, roots on chain.
    const signing = { store: openContentStore(contentDir), chainId: 31337n, registry: addresses.documents, keys: demoKeyring() };
    const now = Math.floor(Date.now() / 1000);
    for (let b = 0; b < BATCHES; b++) {
      batches.push(await prepareCertificateBatch(signing, { agencyId: AGENCY.digital, series: `LOAD-${b}`, count: PER_BATCH, adoptedAt: now }));
    }
    const anchors = batches.map((batch): BurstCall => ({
      to: addresses.documents,
      data: registryInterface.encodeFunctionData("anchorBatch", [batch.agencyId, batch.root, batch.count, batch.metadataDigest]) as Hex,
    }));
    await sendBurst(anvil.rpcUrl, cast.digitalRegistrar, anchors, BATCHES);
    gov = await openContext({ rpc: anvil.rpcUrl, deploymentDir: chain.deploymentDir, contentDir });
  });

  after(async function () {
    gov?.close();
    await postgres?.stop();
    await chain?.close();
  });

  it(`verifies ${SAMPLED_MEMBERS} random batch members by gov verify's proof check`, async function () {
    // The API's /verify answers for documents of their own, not for batch members: a member is proven by its Merkle
    // proof (from the tree dump in the content store) against the root, checked by the registry's verifyBatchMember
    // — what `gov verify` does; two members go through `gov verify`'s whole path (verifyFile) too. (That each
    // database serves the 9 roots is checked below, per database.)
    const g = gov as GovContext;
    const trees = await Promise.all(batches.map(async (b) => StandardMerkleTree.load<[string]>(JSON.parse(await g.store.getText(b.treeDumpCid)))));
    let verified = 0;
    for (let n = 0; n < SAMPLED_MEMBERS; n++) {
      const b = Math.floor(Math.random() * BATCHES);
      const i = 1 + Math.floor(Math.random() * PER_BATCH);
      const hash = sha256(stringToBytes(certificateText(AGENCY.digital, `LOAD-${b}`, i)));
      const tree = trees[b] as StandardMerkleTree<[string]>;
      const [member, revoked] = await g.contracts.documents.verifyBatchMember(AGENCY.digital, tree.root, hash, tree.getProof([hash]));
      expect([member, revoked], `certificate LOAD-${b} #${i}`).to.deep.equal([true, false]);
      verified++;
    }
    for (const [b, i] of [[0, 1], [BATCHES - 1, PER_BATCH]] as const) {
      const verdict = await verifyFile(g, stringToBytes(certificateText(AGENCY.digital, `LOAD-${b}`, i)));
      expect([verdict.found, verdict.status, verdict.batch?.root]).to.deep.equal([true, "Active", batches[b]?.root]);
    }
    recordFigure("load held", "random members of the 9 batches verified (proof from the stored tree, registry's verifyBatchMember)", `${verified}/${SAMPLED_MEMBERS}`);
  });

  /** The read mix: lists with filters, one document, verify, proposals, budget, CSV export. */
  async function readMix(api: RunningIndexer): Promise<LoadRoute[]> {
    const proposal = (await getJson<{ items: { id: string }[] }>(`${api.url}/api/v1/proposals?limit=1`)).items[0]?.id;
    const decree = started().seeded?.record.documents.decreePilot?.tokenId;
    const single = singles[SINGLES / 2];
    if (!proposal || !decree || !single) throw new Error("nothing to read");
    return [
      jsonRoute("/api/v1/documents?limit=20"),
      jsonRoute(`/api/v1/documents?type=CERTIFICATE&agency=${AGENCY.digital}&limit=20`),
      jsonRoute("/api/v1/documents?status=AMENDED"),
      jsonRoute(`/api/v1/documents/${single}`),
      jsonRoute(`/api/v1/documents/${decree}`),
      jsonRoute(`/api/v1/verify/${single}`),
      jsonRoute(`/api/v1/verify/${decree}`),
      jsonRoute("/api/v1/proposals?limit=20"),
      jsonRoute(`/api/v1/proposals/${proposal}`),
      jsonRoute("/api/v1/budget/allocations"),
      jsonRoute("/api/v1/budget/totals"),
      csvRoute("/api/v1/documents?format=csv&limit=100", "id,"),
    ];
  }

  for (const database of DATABASES) {
    describe(`on ${database}`, function () {
      let indexer: RunningIndexer | undefined;
      const api = (): RunningIndexer => {
        if (!indexer) throw new Error(`the indexer on ${database} did not start`);
        return indexer;
      };

      after(async function () {
        await indexer?.stop();
      });

      it("indexes the 10,000 documents from nothing: records the backfill time and events/s", async function () {
        const { anvil, addresses, deploymentDir, dir, contentDir } = started();
        const contracts = [addresses.governor, addresses.timelock, addresses.agencies, addresses.seats, addresses.documents, addresses.escrow];
        const logs = await rpc<Log[]>(anvil.rpcUrl, "eth_getLogs", [{ fromBlock: "0x0", toBlock: "latest", address: contracts }]);
        if (database === "PostgreSQL") postgres = await startPostgres();
        const start = performance.now();
        indexer = await startIndexer({
          rpcUrl: anvil.rpcUrl,
          deploymentDir,
          port: await freePort(),
          fresh: true,
          ...(postgres ? { databaseUrl: postgres.url } : {}),
          stateDir: path.join(dir, `indexer-${database.toLowerCase()}`),
          contentDir,
          pollingMs: 200,
          timeoutMs: 300_000,
          env: { API_RATE_LIMIT: String(LOAD_RATE_LIMIT) },
        });
        const seconds = (performance.now() - start) / 1000;
        recordFigure(
          "load held",
          `${database}: indexing ${(SINGLES + BATCHES * PER_BATCH).toLocaleString("en")} documents (${SINGLES.toLocaleString("en")} minted + ${BATCHES} Merkle batches of ${PER_BATCH.toLocaleString("en")}) on the seed, ponder start → head`,
          `${logs.length.toLocaleString("en")} events in ${seconds.toFixed(1)} s (${(logs.length / seconds).toFixed(0)} events/s)`,
        );
      });

      it("lists every single-minted document exactly once, serves every batch root, and its totals match the chain", async function () {
        const { documents } = (gov as GovContext).contracts;
        const issued = (await documents.queryFilter(documents.filters.DocumentIssued(), 0, "latest")).map((e) => `0x${e.args.tokenId.toString(16).padStart(64, "0")}`);
        const anchored = await documents.queryFilter(documents.filters.BatchAnchored(), 0, "latest");

        const listed = (await allPages<Document>(api().url, "/api/v1/documents?limit=1000")).map((d) => d.id);
        // Recorded before the assertions, so a missing or doubled document shows as a number.
        const lost = recordLoss(`${database}: documents missing, listed twice or unexpected in the API (${listed.length.toLocaleString("en")} paginated, 1,000 per page)`, { expected: issued, found: listed });
        expect(lost).to.equal(0);
        expect(compareIds(singles, listed).missing, "single-minted documents missing from the list").to.equal(0);
        expect(compareIds(issued, listed)).to.deep.equal({ missing: 0, duplicates: 0, extra: 0 });

        const served = await graphql<{ batchs: { items: { root: string; count: string }[] } }>(api().url, "{ batchs(limit: 100) { items { root count } } }");
        const roots = new Map(served.batchs.items.map((b) => [b.root.toLowerCase(), Number(b.count)]));
        for (const batch of batches) expect(roots.get(batch.root.toLowerCase()), `batch ${batch.root} served`).to.equal(PER_BATCH);

        // /agencies lists the registry's agencies only: the central government's acts (agency 0) are not an agency's.
        const agencies = (await getJson<{ items: Agency[] }>(`${api().url}/api/v1/agencies`)).items;
        const sum = (key: keyof Agency) => agencies.reduce((n, a) => n + Number(a[key]), 0);
        const byAgencies = (await documents.queryFilter(documents.filters.DocumentIssued(), 0, "latest")).filter((e) => e.args.agencyId !== 0n).length;
        expect(sum("documentsIssued")).to.equal(byAgencies);
        expect(sum("batchesAnchored")).to.equal(anchored.length);
        expect(sum("batchDocumentsAnchored")).to.equal(anchored.reduce((n, e) => n + Number(e.args.count), 0));
      });

      // 50 connections carry 1,000 requests/s while an answer takes ≤ 50 ms; when the server is slower, the achieved
      // rate shows it (recorded, not asserted: the machine's other work moves it; more connections would only queue
      // longer, into the 10 s client timeout). The mix repeats its 12 URLs, so after the first round the answer cache
      // serves them (npm run bench -w indexer measures the API with the cache on and off side by side).
      for (const rate of [200, 1_000]) {
        it(`serves a mix of 12 read routes at ${rate.toLocaleString("en")} requests/s for 30 s: no error, no 5xx, every body valid`, async function () {
          const result = await runLoad({ url: api().url, routes: await readMix(api()), connections: CONNECTIONS, overallRate: rate, duration: 30 });
          const mem = memory(api().pid);
          recordFigure("load held", `${database}: API read mix of 12 URLs (answer cache on, the default), ${rate.toLocaleString("en")} req/s target, 30 s, ${CONNECTIONS} connections (API_RATE_LIMIT raised to ${LOAD_RATE_LIMIT.toLocaleString("en")}/s: one loopback client)`, describeLoad(result));
          const server = postgres ? `; PostgreSQL server ${megabytes(rssOf(postgres.serverPid()))} (RSS summed over its processes, shared buffers counted in each)` : "";
          recordFigure(
            "load held",
            `${database}: memory after ${rate.toLocaleString("en")} req/s (10k+ documents)`,
            `indexer ${megabytes(rssOf(api().pid))} with its children (main process peak ${mem.peakMb.toFixed(0)} MB)${server}; anvil ${megabytes(rssOf(started().anvil.process.pid))}`,
          );
          expect(result.errors, `connection errors and timeouts ${JSON.stringify(result.errorKinds)}`).to.equal(0);
          expect(result.fiveXx, "5xx answers").to.equal(0);
          expect(result.non2xx, `non-2xx answers ${JSON.stringify(result.statuses)}`).to.equal(0);
          expect(result.invalid, `answers that were not valid JSON/CSV: ${result.invalidSamples.join("\n")}`).to.equal(0);
          expect(result.requests, "requests answered").to.be.greaterThan(0);
        });
      }
    });
  }
});
