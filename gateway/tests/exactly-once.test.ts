/**
 * Exactly once, on a real anvil: a simulated agency system posts 1,000 documents, eight at a time, retrying every
 * request whose answer it did not get and sending one in ten a second time; the gateway is killed (SIGKILL) in the
 * middle of the run and started again. Every document is registered exactly once and nothing is lost. On embedded
 * PGlite (the default), then with 200 documents on a real PostgreSQL server (production's database).
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { type Hex, parseAbiItem, sha256, stringToHex } from "viem";

import type { GatewayHealth, Receipt } from "@government-dao/core/api/gateway";
import { type Postgres, startPostgres } from "../../indexer/tests/support/postgres.ts";
import { type World, documentRequest, startWorld } from "./support/world.ts";

const CONCURRENCY = 8;

for (const [backend, DOCUMENTS] of [["PGlite", 1000], ["PostgreSQL", 200]] as const) describe(`AgencyGateway under retries, duplicates and a crash (${backend})`, { timeout: 600_000 }, () => {
  const KILL_AFTER = Math.round(DOCUMENTS * 0.4);
  let world: World;
  let postgres: Postgres | undefined;
  before(async () => {
    if (backend === "PostgreSQL") postgres = await startPostgres();
    world = await startWorld(postgres ? { databaseUrl: postgres.url } : {});
  });
  after(async () => {
    await world?.close();
    await postgres?.stop();
  });

  it(`registers each of ${DOCUMENTS} documents exactly once though the gateway is killed mid-run`, async () => {
    const docs = Array.from({ length: DOCUMENTS }, (_, i) => ({ n: i, key: `bulk-${String(i).padStart(5, "0")}`, hash: sha256(stringToHex(`bulk document ${i}`)) }));
    let accepted = 0;
    let retries = 0;
    let duplicates = 0;
    let killed: Promise<void> | undefined;
    const started = Date.now();

    /** Sends until the gateway answers 202 or 200 (a lost answer, a refused connection or a 5xx is tried again). */
    async function send(doc: (typeof docs)[number]): Promise<number> {
      for (;;) {
        await killed;
        try {
          const response = await world.call(1, { method: "POST", path: "/v1/agencies/1/documents", body: documentRequest(doc.n, doc.hash), idempotencyKey: doc.key });
          if (response.status === 202 || response.status === 200) {
            await response.body?.cancel();
            return response.status;
          }
          assert.ok(response.status >= 500, `${doc.key}: ${response.status} ${await response.text()}`);
        } catch (error) {
          if (error instanceof assert.AssertionError) throw error;
        }
        retries += 1;
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < docs.length) {
          const doc = docs[next++] as (typeof docs)[number];
          await send(doc);
          accepted += 1;
          if (accepted >= KILL_AFTER && !killed) {
            killed = (async () => {
              world.gateway.process.kill("SIGKILL");
              await world.gateway.exited;
              await world.restart();
            })();
          }
          if (doc.n % 10 === 0) {
            assert.equal(await send(doc), 200, `${doc.key} sent again is answered with its first receipt`);
            duplicates += 1;
          }
        }
      }),
    );
    assert.ok(killed, "the gateway was killed");

    // Wait until the queue is empty.
    const until = Date.now() + 300_000;
    let health: GatewayHealth;
    for (;;) {
      health = (await (await fetch(`${world.gateway.url}/health`)).json()) as GatewayHealth;
      if (health.queue.queued + health.queue.submitted === 0) break;
      assert.ok(Date.now() < until, `queue not empty: ${JSON.stringify(health.queue)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const seconds = (Date.now() - started) / 1000;
    assert.deepEqual(health.queue, { queued: 0, submitted: 0, confirmed: DOCUMENTS, failed: 0 });
    assert.equal(health.database, backend);

    // The chain holds each document once: one DocumentIssued per content hash, none missing, none extra.
    const issued = await world.chain.getLogs({
      address: world.addresses.documents as Hex,
      event: parseAbiItem("event DocumentIssued(uint256 indexed tokenId, uint8 indexed docType, uint32 indexed agencyId, address issuer, bytes32 metadataDigest, bytes32 coSignatureDigest)"),
      fromBlock: 0n,
    });
    const ids = issued.map((log) => `0x${(log.args.tokenId as bigint).toString(16).padStart(64, "0")}`);
    assert.equal(ids.length, DOCUMENTS);
    assert.equal(new Set(ids).size, DOCUMENTS);
    const expected = new Set(docs.map((d) => d.hash));
    assert.equal(ids.filter((id) => !expected.has(id as Hex)).length, 0);

    // And every receipt says so.
    for (const doc of docs.filter((d) => d.n % 97 === 0)) {
      const receipt = (await (await world.call(1, { method: "GET", path: `/v1/agencies/1/requests/${doc.key}` })).json()) as Receipt;
      assert.equal(receipt.state, "confirmed");
      assert.equal(receipt.documentId, doc.hash);
    }
    console.log(`# ${backend}: ${DOCUMENTS} documents through the gateway in ${seconds.toFixed(1)} s (${(DOCUMENTS / seconds).toFixed(1)}/s), ${duplicates} duplicates, ${retries} retries, one SIGKILL`);
  });
});

describe("AgencyGateway across a restart of the chain", { timeout: 300_000 }, () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(async () => world?.close());

  it("re-broadcasts the transactions a restarted node forgot, and registers each document once", async () => {
    // Blocks every 2 s, so that transactions wait in the node's pool when it stops.
    await world.rpc("evm_setAutomine", [false]);
    await world.rpc("evm_setIntervalMining", [2]);
    const docs = Array.from({ length: 40 }, (_, i) => ({ n: i, key: `chain-restart-${String(i).padStart(3, "0")}`, hash: sha256(stringToHex(`chain restart ${i}`)) }));
    for (const doc of docs) {
      const response = await world.call(1, { method: "POST", path: "/v1/agencies/1/documents", body: documentRequest(doc.n, doc.hash), idempotencyKey: doc.key });
      assert.equal(response.status, 202);
    }
    // Wait until some are signed and broadcast but not mined, then stop the node.
    for (;;) {
      const health = (await (await fetch(`${world.gateway.url}/health`)).json()) as GatewayHealth;
      if (health.queue.submitted > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const pending = (await world.rpc("txpool_status", [])) as { pending: string };
    assert.ok(Number(pending.pending) > 0, "some of the gateway's transactions wait in the pool when the node stops");
    await world.restartChain();
    let health: GatewayHealth;
    for (const until = Date.now() + 120_000; ; ) {
      health = (await (await fetch(`${world.gateway.url}/health`)).json()) as GatewayHealth;
      if (health.queue.queued + health.queue.submitted === 0) break;
      assert.ok(Date.now() < until, `queue not empty: ${JSON.stringify(health.queue)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.deepEqual(health.queue, { queued: 0, submitted: 0, confirmed: docs.length, failed: 0 });
    const issued = await world.chain.getLogs({
      address: world.addresses.documents as Hex,
      event: parseAbiItem("event DocumentIssued(uint256 indexed tokenId, uint8 indexed docType, uint32 indexed agencyId, address issuer, bytes32 metadataDigest, bytes32 coSignatureDigest)"),
      fromBlock: 0n,
    });
    assert.equal(issued.length, docs.length);
    assert.equal(new Set(issued.map((l) => l.args.tokenId)).size, docs.length);
    console.log(`# chain restarted with ${Number(pending.pending)} of the gateway's transactions pending; ${docs.length} documents registered once each`);
  });
});
