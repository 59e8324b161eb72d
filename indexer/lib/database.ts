/**
 * Where the indexer keeps its data, how a fresh start clears it (indexer/README.md, fact F3: a reset chain with the
 * same id leaves stale rows and a stale RPC cache, so a fresh start must drop both), and how the app lock a dead
 * indexer left is released.
 *  - PGlite (default): a directory; fresh = remove it.
 *  - PostgreSQL (`DATABASE_URL`): the app schema and Ponder's `ponder_sync` cache; fresh = drop both.
 *
 * The app lock: Ponder keeps `{"is_locked": 0|1, "heartbeat_at": ms, …}` in `"<schema>"._ponder_meta` under key 'app'
 * (ponder/src/database/index.ts) and a new `ponder start` waits until 25 s after the last heartbeat while it is set.
 * Setting `is_locked` to 0 is what Ponder's own clean shutdown does, and its start then takes the same crash-recovery
 * path as after an expired lock. Only call the release functions once the owner is known to be dead (lib/state-owner.ts).
 *
 * The reported progress: on every start on existing state Ponder's crash recovery rolls the rows of blocks after the
 * safe checkpoint back and indexes those blocks again, but leaves `_ponder_checkpoint.latest_checkpoint` (what
 * `/status` reports, and what the API's answer cache keys on) at the old head until the first of them is committed.
 * For that moment the API would claim the old head while serving fewer rows. So before a restart the latest checkpoint
 * is moved back to the safe one: what the rows will be once recovery has run (ponder/src/database/index.ts: "We don't
 * update the `_ponder_checkpoint` table here").
 */
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { Worker } from "node:worker_threads";

import pg from "pg";

/** Schema names are put into SQL text (identifiers cannot be parameters): only plain lower-case names pass. */
function assertSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
}

/** Drops the Ponder app schema `schema` and the sync cache `ponder_sync` of the database at `url`. */
export async function dropPostgresState(url: string, schema: string): Promise<void> {
  assertSchemaName(schema);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.query(`DROP SCHEMA IF EXISTS ponder_sync CASCADE`);
  } finally {
    await client.end();
  }
}

/** Removes a PGlite data directory. */
export async function dropPgliteState(directory: string): Promise<void> {
  await rm(directory, { recursive: true, force: true });
}

/** Ponder's app lock on a schema. */
export interface AppLock {
  isLocked: boolean;
  /** Last heartbeat of the app that held it (ms since the epoch). */
  heartbeatAt: number;
}

/** What releasing a dead indexer's app lock found: it released it, there was no lock set, no lock table, or (PostgreSQL) live connections of that app. */
export type LockRelease = "released" | "not locked" | "no schema" | "in use";

const metaTable = (schema: string) => `"${schema}"._ponder_meta`;
const LOCK_QUERY = (schema: string) => `SELECT value->>'is_locked' AS is_locked, value->>'heartbeat_at' AS heartbeat_at FROM ${metaTable(schema)} WHERE key = 'app'`;
const UNLOCK_QUERY = (schema: string) =>
  `UPDATE ${metaTable(schema)} SET value = jsonb_set(value, '{is_locked}', to_jsonb(0)) WHERE key = 'app' AND value->>'is_locked' = '1' RETURNING key`;
const TABLE_EXISTS_QUERY = "SELECT to_regclass($1) IS NOT NULL AS present";

type Row = Record<string, unknown>;
/** The part of a PGlite or node-postgres client used here. */
type Query = (sql: string, values?: unknown[]) => Promise<Row[]>;

async function readLock(query: Query, schema: string): Promise<AppLock | undefined> {
  const [table] = await query(TABLE_EXISTS_QUERY, [metaTable(schema)]);
  if (table?.present !== true) return undefined;
  const [row] = await query(LOCK_QUERY(schema));
  if (row === undefined) return undefined;
  return { isLocked: row.is_locked === "1", heartbeatAt: Number(row.heartbeat_at) };
}

async function unlock(query: Query, schema: string): Promise<LockRelease> {
  const [table] = await query(TABLE_EXISTS_QUERY, [metaTable(schema)]);
  if (table?.present !== true) return "no schema";
  return (await query(UNLOCK_QUERY(schema))).length > 0 ? "released" : "not locked";
}

const checkpointTable = (schema: string) => `"${schema}"._ponder_checkpoint`;
const REWIND_QUERY = (schema: string) =>
  `UPDATE ${checkpointTable(schema)} SET latest_checkpoint = safe_checkpoint WHERE latest_checkpoint > safe_checkpoint RETURNING chain_name`;

/** Moves each chain's latest checkpoint back to its safe checkpoint; how many chains it moved. */
async function rewind(query: Query, schema: string): Promise<number> {
  const [table] = await query(TABLE_EXISTS_QUERY, [checkpointTable(schema)]);
  if (table?.present !== true) return 0;
  return (await query(REWIND_QUERY(schema))).length;
}

/**
 * Opens the PGlite data directory `directory` for `use`, or returns undefined when it holds no database yet. The
 * database runs in a worker thread (lib/pglite-worker.mjs): PGlite's WebAssembly memory would otherwise stay in this
 * process after close (≈ 300 MB measured in `npm start`'s own process).
 */
async function withPglite<T>(directory: string, use: (query: Query) => Promise<T>): Promise<T | undefined> {
  // Opening a directory without a cluster would create one (initdb): a start that never got that far has nothing to release.
  if (!existsSync(path.join(directory, "PG_VERSION"))) return undefined;
  const worker = new Worker(new URL("./pglite-worker.mjs", import.meta.url), { workerData: { directory } });
  const failed = new Promise<never>((_, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`the PGlite worker for ${directory} ended (exit ${code})`)));
  });
  failed.catch(() => {});
  // One statement at a time, answers in order.
  let queue: Promise<unknown> = Promise.resolve();
  const query: Query = (sql, values) => {
    const answer = queue.then(() =>
      Promise.race([
        failed,
        new Promise<Row[]>((resolve, reject) => {
          worker.once("message", (message: { rows?: Row[]; error?: string }) => (message.error === undefined ? resolve(message.rows ?? []) : reject(new Error(message.error))));
          worker.postMessage({ sql, values });
        }),
      ]),
    );
    queue = answer.catch(() => {});
    return answer;
  };
  try {
    return await use(query);
  } finally {
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.postMessage("close");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    await worker.terminate();
  }
}

/** Ponder's app lock on `schema` in the PGlite data directory `directory`; undefined when there is none yet. */
export async function readPgliteAppLock(directory: string, schema: string): Promise<AppLock | undefined> {
  assertSchemaName(schema);
  return withPglite(directory, (query) => readLock(query, schema));
}

/** Releases the app lock a dead indexer left on `schema` in the PGlite data directory `directory`. */
export async function releasePgliteAppLock(directory: string, schema: string): Promise<LockRelease> {
  assertSchemaName(schema);
  return (await withPglite(directory, (query) => unlock(query, schema))) ?? "no schema";
}

/**
 * Before a restart on `schema` in the PGlite data directory `directory` (no indexer running on it): moves the
 * reported progress back to the safe checkpoint, see above; how many chains it moved (0 where there is no state yet).
 */
export async function rewindPgliteCheckpoint(directory: string, schema: string): Promise<number> {
  assertSchemaName(schema);
  return (await withPglite(directory, (query) => rewind(query, schema))) ?? 0;
}

/** Ponder's application names for the connections of an app on `schema` (ponder/src/database/index.ts). */
const appConnectionNames = (schema: string) => [`${schema}_internal`, `${schema}_user`, `${schema}_readonly`];

/**
 * Releases the app lock a dead indexer left on `schema` in the PostgreSQL database at `url`, unless connections of
 * that app are still open after `settleMs` (another machine, or another state directory, may run it: then the lock is
 * left to Ponder's own expiry).
 */
export async function releasePostgresAppLock(url: string, schema: string, settleMs = 3_000): Promise<LockRelease> {
  return (await withIdlePostgresSchema(url, schema, settleMs, (query) => unlock(query, schema))) ?? "in use";
}

/**
 * Before a restart on `schema` in the PostgreSQL database at `url`: moves the reported progress back to the safe
 * checkpoint (see above), unless connections of that app are still open after `settleMs` (it runs elsewhere: then
 * nothing is touched and "in use" is returned); how many chains it moved.
 */
export async function rewindPostgresCheckpoint(url: string, schema: string, settleMs = 3_000): Promise<number | "in use"> {
  return (await withIdlePostgresSchema(url, schema, settleMs, (query) => rewind(query, schema))) ?? "in use";
}

/** Runs `use` on the database at `url` once no connection of the app on `schema` is open; undefined if one stays open past `settleMs`. */
async function withIdlePostgresSchema<T>(url: string, schema: string, settleMs: number, use: (query: Query) => Promise<T>): Promise<T | undefined> {
  assertSchemaName(schema);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const query: Query = async (sql, values) => (await client.query(sql, values)).rows;
    // The backends of a process killed a moment ago end when the server notices the closed sockets.
    const deadline = Date.now() + settleMs;
    for (;;) {
      const [open] = await query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ANY($1) AND pid <> pg_backend_pid()", [appConnectionNames(schema)]);
      if (open?.n === 0) break;
      if (Date.now() > deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await use(query);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL URL without its credentials and options (host:port/database), to tell servers apart in records. */
export function postgresServer(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}
