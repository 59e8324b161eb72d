/**
 * GET /api/v1/health (src/api/routes/health.ts) on a real anvil and `ponder start`: the chain head from the RPC, the
 * indexed head from Ponder's checkpoint, the lag, and npm start's supervised children from SUPERVISOR_STATE_FILE
 * (none: `children: null`, not an error).
 *
 *   node --import tsx --test tests/health.test.ts
 */
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { type RunningIndexer, chainHead } from "../lib/run.js";
import { type TestChain, startChainIndexer, startTestChain } from "./support/chain.js";

interface Health {
  status: string;
  problems: string[];
  chainHead: number | null;
  indexedHead: number | null;
  lagBlocks: number | null;
  supervisor: { pid: number; updatedAt: string } | null;
  children: { name: string; state: string; pid: number | null; restarts: number; lastExit: unknown }[] | null;
}

describe("GET /api/v1/health", () => {
  let chain: TestChain;
  let indexer: RunningIndexer;
  let stateFile: string;
  const health = async (): Promise<Health> => {
    const response = await fetch(`${indexer.url}/api/v1/health`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("cache-control"), "no-store");
    return (await response.json()) as Health;
  };

  before(async () => {
    chain = await startTestChain({ seedDemo: false });
    stateFile = path.join(chain.dir, "run", "supervisor.json");
    indexer = await startChainIndexer(chain, { env: { SUPERVISOR_STATE_FILE: stateFile } });
  });
  after(async () => {
    await indexer?.stop();
    await chain?.close();
  });

  it("reports the chain head, the indexed head and the lag; no supervisor file → children null", async () => {
    const head = await chainHead(chain.anvil.rpcUrl);
    const answer = await health();
    assert.equal(answer.chainHead, head);
    assert.equal(answer.indexedHead, head);
    assert.equal(answer.lagBlocks, 0);
    assert.equal(answer.children, null);
    assert.equal(answer.supervisor, null);
    assert.deepEqual([answer.status, answer.problems], ["ok", []]);
  });

  it("shows the lag when the chain moves on, until the indexer catches up", async () => {
    await fetch(chain.anvil.rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "anvil_mine", params: ["0x20"] }) });
    const answer = await health();
    assert.equal(answer.chainHead, await chainHead(chain.anvil.rpcUrl));
    assert.equal(answer.lagBlocks, (answer.chainHead ?? 0) - (answer.indexedHead ?? 0));
    await indexer.waitForHead(60_000);
    assert.equal((await health()).lagBlocks, 0);
  });

  it("serves each supervised child's state and restarts; a child not running makes the status degraded", async () => {
    const children = [
      { name: "agent", state: "running", pid: 101, restarts: 2, failedStarts: 0, lastExit: { code: null, signal: "SIGKILL", at: "2026-12-01T00:00:00.000Z" }, lastRecoveryMs: 1012, since: "2026-12-01T00:00:01.012Z" },
      { name: "web", state: "restarting", pid: null, restarts: 0, failedStarts: 1, lastExit: { code: 1, signal: null, at: "2026-12-01T00:00:02.000Z" }, lastRecoveryMs: null, since: "2026-12-01T00:00:02.000Z" },
    ];
    await mkdir(path.dirname(stateFile), { recursive: true });
    await writeFile(stateFile, JSON.stringify({ pid: 4242, updatedAt: "2026-12-01T00:00:02.000Z", children }));
    const answer = await health();
    assert.deepEqual(answer.supervisor, { pid: 4242, updatedAt: "2026-12-01T00:00:02.000Z" });
    assert.deepEqual(answer.children, children);
    assert.equal(answer.status, "degraded");
    assert.deepEqual(answer.problems, ["web restarting"]);

    await writeFile(stateFile, "{ not json");
    assert.equal((await health()).children, null, "an unreadable file proves nothing");
    await rm(stateFile);
    assert.equal((await health()).children, null);
  });
});
