/**
 * The gateway's durable state, in schema `gateway`: the request queue and the message log. Embedded PGlite (a data
 * directory, `.local/gateway/db` under `npm start`) by default; PostgreSQL with `DATABASE_URL` — the indexer's
 * database in production, where the gateway's schema sits beside Ponder's. (Embedded PGlite is one process's: the
 * gateway keeps its own directory beside the indexer's.)
 *
 * Every statement and every transaction runs one at a time through one connection, so a transaction never
 * interleaves with another statement of this process; PostgreSQL makes each transaction atomic across a crash, so a
 * request is either queued whole or not at all, and a state change is never half-written.
 */
import { mkdir, rm } from "node:fs/promises";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

/** Runs statements: `query` inside or outside a transaction. */
export interface Queryable {
  query<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** "PGlite" or "PostgreSQL". */
  readonly kind: string;
}

/** The tables (idempotent: run at every start). */
const MIGRATION = `
CREATE SCHEMA IF NOT EXISTS gateway;
CREATE TABLE IF NOT EXISTS gateway.requests (
  id bigserial PRIMARY KEY,
  agency_id integer NOT NULL,
  idempotency_key text NOT NULL,
  operation text NOT NULL,
  body_sha256 text NOT NULL,
  payload jsonb NOT NULL,
  content_hash text,
  target text,
  registrar text NOT NULL,
  state text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at bigint NOT NULL,
  nonce bigint,
  tx_hash text,
  raw_tx text,
  block_number bigint,
  metadata_digest text,
  metadata_cid text,
  co_signature_digest text,
  error_name text,
  error_message text,
  accepted_at bigint NOT NULL,
  finished_at bigint,
  webhook_state text NOT NULL DEFAULT 'none',
  webhook_attempts integer NOT NULL DEFAULT 0,
  webhook_next_at bigint,
  UNIQUE (agency_id, idempotency_key)
);
CREATE UNIQUE INDEX IF NOT EXISTS requests_live_content ON gateway.requests (content_hash) WHERE state <> 'failed' AND content_hash IS NOT NULL;
CREATE INDEX IF NOT EXISTS requests_open ON gateway.requests (registrar, id) WHERE state IN ('queued', 'submitted');
CREATE TABLE IF NOT EXISTS gateway.message_log (
  seq bigserial PRIMARY KEY,
  at bigint NOT NULL,
  agency_id integer NOT NULL,
  kind text NOT NULL,
  idempotency_key text,
  method text,
  path text,
  body_sha256 text,
  signer text,
  signature text,
  signed_at bigint,
  status integer,
  outcome text NOT NULL,
  detail text
);
CREATE INDEX IF NOT EXISTS message_log_agency ON gateway.message_log (agency_id, seq);
`;

/** One at a time: each call waits for the previous one to settle. */
function serialized(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

function wrap(kind: string, raw: Queryable, exec: (sql: string) => Promise<void>, close: () => Promise<void>): Database {
  const one = serialized();
  return {
    kind,
    query: (sql, params) => one(() => raw.query(sql, params)),
    transaction: (work) =>
      one(async () => {
        await exec("BEGIN");
        try {
          const result = await work(raw);
          await exec("COMMIT");
          return result;
        } catch (error) {
          await exec("ROLLBACK");
          throw error;
        }
      }),
    close: () => one(close),
  };
}

/** Opens the gateway's database: PostgreSQL at `databaseUrl`, else PGlite in `directory`; creates its tables. */
export async function openDatabase(options: { databaseUrl?: string | undefined; directory: string; fresh?: boolean }): Promise<Database> {
  let db: Database;
  if (options.fresh && !options.databaseUrl) await rm(options.directory, { recursive: true, force: true });
  if (options.databaseUrl) {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    await client.connect();
    const raw: Queryable = { query: async <T extends object>(sql: string, params?: readonly unknown[]) => (await client.query<T>(sql, params ? [...params] : [])).rows };
    db = wrap("PostgreSQL", raw, async (sql) => void (await client.query(sql)), () => client.end());
  } else {
    await mkdir(options.directory, { recursive: true });
    const lite = new PGlite(options.directory);
    await lite.waitReady;
    const raw: Queryable = { query: async <T extends object>(sql: string, params?: readonly unknown[]) => (await lite.query<T>(sql, params ? [...params] : undefined)).rows };
    db = wrap("PGlite", raw, async (sql) => void (await lite.exec(sql)), () => lite.close());
  }
  if (db.kind === "PostgreSQL") {
    // One gateway per database: it alone numbers the transactions of its registrar keys.
    const [lock] = await db.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext('government-dao gateway')) AS locked");
    if (!lock?.locked) {
      await db.close();
      throw new Error("Another gateway already runs on this database (its advisory lock is held): stop it first.");
    }
  }
  if (options.fresh) await db.query("DROP SCHEMA IF EXISTS gateway CASCADE");
  await wrapExec(db, MIGRATION);
  return db;
}

/** Runs a multi-statement script (the migration) one statement at a time. */
async function wrapExec(db: Database, script: string): Promise<void> {
  for (const statement of script.split(";").map((s) => s.trim()).filter(Boolean)) await db.query(statement);
}
