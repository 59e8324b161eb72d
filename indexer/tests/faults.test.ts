/**
 * Correctness under faults, on a real anvil (PGlite): a restart in the middle of the backfill, a chain
 * reorganisation (evm_snapshot / evm_revert, then a longer different history), and a burst of 1,000 events in one
 * block. After each, the indexer's rows match the chain. Then the ownership of a state directory: a second indexer on
 * it is refused, and a restart after a clean stop or a SIGKILL finds Ponder's app lock released instead of waiting
 * for it to expire (25 s after the last heartbeat).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { connectGovernment } from "../../scripts/lib/contracts.js";
import { cast } from "@government-dao/devchain/demo-cast";
import { readPgliteAppLock } from "../lib/database.js";
import { type RunningIndexer } from "../lib/run.js";
import { StateDirInUseError, readOwner } from "../lib/state-owner.js";
import { type TestChain, startChainIndexer, startTestChain } from "./support/chain.js";
import { depositBurst, rpc } from "./support/rpc.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("indexer under faults (anvil, PGlite)", () => {
  let chain: TestChain;
  let indexer: RunningIndexer | undefined;
  /** What startIndexer reported (its `log` option). */
  const reported: string[] = [];
  const stateDir = () => path.join(chain.dir, "indexer");
  const start = async (fresh: boolean, wait = true) =>
    startChainIndexer(chain, {
      fresh,
      pollingMs: 200,
      log: (line) => reported.push(line),
      ...(wait ? {} : { timeoutMs: 1 }),
    });
  /** How often Ponder waited for a schema lock in this run (its warning "Schema is locked by a different Ponder app"). */
  const lockWaits = async (running: RunningIndexer): Promise<number> =>
    (await readFile(running.logFile, "utf8")).split("\n").filter((line) => line.includes('"msg":"Schema is locked by a different Ponder app"')).length;
  const appLock = async (schema: string) => readPgliteAppLock(path.join(stateDir(), "pglite"), schema);
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
    assert.equal(await lockWaits(indexer), 0, "the resumed start did not wait for the stopped one's lock");
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

  it("refuses a second indexer on a state directory whose indexer runs, and leaves its data alone", async () => {
    const running = indexer as RunningIndexer;
    const before = await documentIds();
    // fresh: true would drop the PGlite directory: the refusal must come before that.
    await assert.rejects(start(true), (error: unknown) => {
      assert.ok(error instanceof StateDirInUseError);
      assert.equal(error.message, `another indexer (pid ${running.pid}) is using ${stateDir()}; stop it first`);
      return true;
    });
    assert.ok(existsSync(path.join(stateDir(), "pglite", "PG_VERSION")), "the running indexer's data directory is still there");
    assert.equal((await readOwner(stateDir()))?.pid, running.pid, "the running indexer still owns the directory");
    assert.deepEqual(await documentIds(), before);
  });

  it("releases Ponder's app lock on a clean stop, so the next start on the same state resumes without waiting", async () => {
    const running = indexer as RunningIndexer;
    const before = await documentIds();
    await running.stop();
    indexer = undefined;
    assert.equal(await readOwner(stateDir()), undefined, "a clean stop gives the directory up");
    assert.equal((await appLock(running.schema))?.isLocked, false, "Ponder's shutdown unlocked its schema");

    indexer = await start(false);
    assert.equal(await lockWaits(indexer), 0);
    // At once: startIndexer moved the reported progress back to the safe checkpoint, so "caught up" means crash
    // recovery has re-indexed the blocks after it (lib/database.ts), not that the old head is still on record.
    assert.deepEqual(await documentIds(), before, "nothing lost, nothing twice");
  });

  it("after a SIGKILL, releases the dead indexer's lock before the next start: Ponder recovers without waiting", async () => {
    const killed = indexer as RunningIndexer;
    const before = await documentIds();
    process.kill(killed.pid, "SIGKILL");
    await killed.stop();
    indexer = undefined;
    assert.equal((await readOwner(stateDir()))?.pid, killed.pid, "the record of the killed indexer stays");
    assert.equal((await appLock(killed.schema))?.isLocked, true, "a SIGKILL leaves Ponder's lock set");

    reported.length = 0;
    indexer = await start(false);
    assert.ok(reported.includes(`indexer: pid ${killed.pid} did not stop cleanly; its app lock on ${killed.schema}: released`), reported.join("\n"));
    assert.equal(await lockWaits(indexer), 0, "Ponder found the schema unlocked");
    assert.equal((await readOwner(stateDir()))?.pid, indexer.pid);
    assert.deepEqual(await documentIds(), before, "crash recovery from the last checkpoint: nothing lost, nothing twice");
  });
});
