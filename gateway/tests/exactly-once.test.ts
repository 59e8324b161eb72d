/**
 * Exactly once, on a real anvil: a simulated agency system posts 1,000 documents, eight at a time, retrying every
 * request whose answer it did not get and sending one in ten a second time; the gateway is killed (SIGKILL) in the
 * middle of the run and started again. Every document is registered exactly once and nothing is lost.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { type Hex, parseAbiItem, sha256, stringToHex } from "viem";

import type { GatewayHealth, Receipt } from "@government-dao/core/api/gateway";
import { type World, documentRequest, startWorld } from "./support/world.ts";

const DOCUMENTS = 1000;
const CONCURRENCY = 8;
const KILL_AFTER = 400;

describe("AgencyGateway under retries, duplicates and a crash", { timeout: 600_000 }, () => {
  let world: World;
  before(async () => {
    world = await startWorld();
  });
  after(async () => world?.close());

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
          if (doc.n % 10 === 0) {
            assert.equal(await send(doc), 200, `${doc.key} sent again is answered with its first receipt`);
            duplicates += 1;
          }
          if (accepted === KILL_AFTER && !killed) {
            killed = (async () => {
              world.gateway.process.kill("SIGKILL");
              await world.gateway.exited;
              await world.restart();
            })();
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
    console.log(`# ${DOCUMENTS} documents through the gateway in ${seconds.toFixed(1)} s (${(DOCUMENTS / seconds).toFixed(1)}/s), ${duplicates} duplicates, ${retries} retries, one SIGKILL`);
  });
});
