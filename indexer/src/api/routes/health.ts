// GET /api/v1/health: the chain head (from the RPC), the indexed head (Ponder's checkpoint), the lag between them, and
// the state of npm start's supervised children (scripts/lib/supervisor.ts writes SUPERVISOR_STATE_FILE).
import { readFile } from "node:fs/promises";

import { Hono } from "hono";
import { db } from "ponder:api";
import { sql } from "ponder";

import type { ChildHealth, Health } from "@government-dao/core/api/service";

// Set by npm start only: an indexer started any other way (tests, by hand) has no supervised children to show.
const supervisorFile = process.env.SUPERVISOR_STATE_FILE;
const rpcUrl = process.env.INDEXER_RPC_URL ?? "http://127.0.0.1:8545";
/** Lag (blocks) above which the status is "degraded". */
const MAX_LAG = Number(process.env.HEALTH_MAX_LAG_BLOCKS ?? 10);

/** The chain's latest block number, or the reason it could not be read. */
async function chainHead(): Promise<{ head: number | null; error: string | null }> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
      signal: AbortSignal.timeout(2_000),
    });
    const body = (await response.json()) as { result?: unknown };
    if (typeof body.result !== "string") return { head: null, error: "eth_blockNumber gave no result" };
    return { head: Number(BigInt(body.result)), error: null };
  } catch (error) {
    return { head: null, error: `chain RPC unreachable (${error instanceof Error ? error.name : "error"})` };
  }
}

/**
 * The indexed block: `_ponder_checkpoint.latest_checkpoint`, what Ponder's /status reports. A checkpoint is decimal
 * digits: block timestamp (10), chain id (16), block number (16), then the position inside the block.
 */
async function indexedHead(): Promise<number | null> {
  const result = await db.execute(sql`SELECT latest_checkpoint FROM _ponder_checkpoint`);
  const blocks = (result.rows as { latest_checkpoint: string }[]).map((row) => Number(row.latest_checkpoint.slice(26, 42)));
  return blocks.length > 0 ? Math.min(...blocks) : null;
}

/** The supervisor's children; null when there is no file (the indexer runs without npm start) or it is unreadable. */
async function children(): Promise<{ children: ChildHealth[] | null; supervisor: { pid: number; updatedAt: string } | null }> {
  if (!supervisorFile) return { children: null, supervisor: null };
  let text: string;
  try {
    text = await readFile(supervisorFile, "utf8");
  } catch {
    return { children: null, supervisor: null };
  }
  try {
    const file = JSON.parse(text) as { pid?: unknown; updatedAt?: unknown; children?: unknown };
    if (typeof file.pid !== "number" || typeof file.updatedAt !== "string" || !Array.isArray(file.children)) return { children: null, supervisor: null };
    const list = (file.children as Partial<ChildHealth>[]).filter((c) => typeof c.name === "string" && typeof c.state === "string");
    return {
      supervisor: { pid: file.pid, updatedAt: file.updatedAt },
      children: list.map((c) => ({
        name: c.name as string,
        state: c.state as string,
        pid: typeof c.pid === "number" ? c.pid : null,
        restarts: typeof c.restarts === "number" ? c.restarts : 0,
        failedStarts: typeof c.failedStarts === "number" ? c.failedStarts : 0,
        lastExit: c.lastExit ?? null,
        lastRecoveryMs: typeof c.lastRecoveryMs === "number" ? c.lastRecoveryMs : null,
        since: typeof c.since === "string" ? c.since : "",
      })),
    };
  } catch {
    return { children: null, supervisor: null };
  }
}

/** Always 200 while the API answers (a monitor reads `status`); "degraded" lists its reasons in `problems`. */
export const health = new Hono().get("/health", async (c) => {
  const [chain, indexed, supervised] = await Promise.all([chainHead(), indexedHead(), children()]);
  const lag = chain.head !== null && indexed !== null ? Math.max(0, chain.head - indexed) : null;
  const problems = [
    ...(chain.error ? [chain.error] : []),
    ...(indexed === null ? ["nothing indexed yet"] : []),
    ...(lag !== null && lag > MAX_LAG ? [`indexer ${lag} blocks behind the chain`] : []),
    ...(supervised.children ?? []).filter((child) => child.state !== "running").map((child) => `${child.name} ${child.state}`),
  ];
  c.header("Cache-Control", "no-store");
  const answer: Health = { status: problems.length === 0 ? "ok" : "degraded", problems, chainHead: chain.head, indexedHead: indexed, lagBlocks: lag, ...supervised };
  return c.json(answer);
});
