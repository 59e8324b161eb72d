/**
 * Correctness under faults, on a real anvil (PGlite): a restart in the middle of the backfill, a chain
 * reorganisation (evm_snapshot / evm_revert, then a longer different history), and a burst of 1,000 events in one
 * block. After each, the indexer's rows match the chain.
 */
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { freePort } from "../../scripts/lib/anvil.js";
import { connectGovernment } from "../../scripts/lib/contracts.js";
import { cast } from "../../scripts/lib/demo-cast.js";
import { type RunningIndexer, startIndexer } from "../lib/run.js";
import { type TestChain, startTestChain } from "./support/chain.js";
import { depositBurst, rpc } from "./support/rpc.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("indexer under faults (anvil, PGlite)", () => {
  let chain: TestChain;
  let indexer: RunningIndexer | undefined;
  const start = async (fresh: boolean, wait = true) =>
    startIndexer({
      rpcUrl: chain.anvil.rpcUrl,
      deploymentDir: chain.deploymentDir,
      port: await freePort(),
      fresh,
      stateDir: path.join(chain.dir, "indexer"),
      contentDir: chain.contentDir,
      pollingMs: 200,
      ...(wait ? {} : { timeoutMs: 1 }),
    });
  const graphql = async <T>(query: string): Promise<T> => {
    const response = await fetch(`${indexer?.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    const body = (await response.json()) as { data: T; errors?: unknown };
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data;
  };
  const documentIds = async (): Promise<string[]> =>
    ((await (await fetch(`${indexer?.url}/api/v1/documents?limit=1000`)).json()) as { items: { id: string }[] }).items.map((d) => d.id).sort();
  const issueOrder = async (label: string): Promise<string> => {
    const signers = await chain.connection.ethers.getSigners();
    const registrar = signers.find((s) => s.address === cast.financeRegistrar);
    assert.ok(registrar);
    const { documents } = connectGovernment(chain.addresses, registrar);
    const hash = `0x${Buffer.from(label).toString("hex").padEnd(64, "0")}`;
    await (await documents.issue(3, 1, hash, `0x${"11".repeat(32)}`, `0x${"00".repeat(32)}`)).wait();
    return hash;
  };

  before(async () => {
    chain = await startTestChain();
  });
  after(async () => {
    await indexer?.stop();
    await chain?.close();
  });

  it("resumes a backfill stopped before it reached the head, without loss or duplicates", async () => {
    // Stop the first run as soon as its server answers, long before it reaches the head.
    await start(true, false).then(
      (running) => running.stop(),
      () => undefined,
    );
    indexer = await start(false);
    const ids = await documentIds();
    assert.equal(ids.length, chain.seeded?.summary.documents.total);
    assert.equal(new Set(ids).size, ids.length);
  });

  it("follows a reorganisation: rows of the abandoned branch disappear, the new branch's appear", async () => {
    const snapshot = await rpc<string>(chain.anvil.rpcUrl, "evm_snapshot");
    const abandoned = await issueOrder("reorg: abandoned branch");
    await indexer?.waitForHead();
    assert.ok((await documentIds()).includes(abandoned));
    await rpc(chain.anvil.rpcUrl, "evm_revert", [snapshot]);
    const kept = await issueOrder("reorg: new branch");
    // The new branch must be longer than the old one for the reorganisation to win.
    for (let i = 0; i < 3; i++) await rpc(chain.anvil.rpcUrl, "evm_mine");
    const deadline = Date.now() + 60_000;
    let ids = await documentIds();
    while ((ids.includes(abandoned) || !ids.includes(kept)) && Date.now() < deadline) {
      await sleep(250);
      ids = await documentIds();
    }
    assert.ok(!ids.includes(abandoned), "the abandoned branch's document is gone");
    assert.ok(ids.includes(kept), "the new branch's document is indexed");
    assert.equal(ids.length, (chain.seeded?.summary.documents.total ?? 0) + 1, "the seed's documents and the new branch's one");
  });

  it("indexes a burst of 1,000 events in one block completely", async () => {
    const query = `{ treasuryTokens(where: { native: true }) { items { depositCount deposited } } }`;
    type Tokens = { treasuryTokens: { items: { depositCount: number; deposited: string }[] } };
    const before = (await graphql<Tokens>(query)).treasuryTokens.items[0] ?? { depositCount: 0, deposited: "0" };
    await depositBurst(chain.anvil.rpcUrl, chain.addresses.escrow, cast.treasurer, 1000);
    await indexer?.waitForHead();
    const afterBurst = (await graphql<Tokens>(query)).treasuryTokens.items[0];
    assert.equal(afterBurst?.depositCount, before.depositCount + 1000);
    assert.equal(BigInt(afterBurst?.deposited ?? 0), BigInt(before.deposited) + 1000n);
  });
});
