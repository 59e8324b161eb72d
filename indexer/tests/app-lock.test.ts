/**
 * The pieces that let a restart skip Ponder's lock wait, without Ponder: the owner record of a state directory
 * (lib/state-owner.ts), the release of a dead indexer's app lock in `_ponder_meta`, and the reported progress moved
 * back to the safe checkpoint before a restart (lib/database.ts), on PGlite and on a throwaway PostgreSQL. The whole path, with `ponder start` killed and restarted, is in faults.test.ts.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

import { readPgliteAppLock, releasePgliteAppLock, releasePostgresAppLock, rewindPgliteCheckpoint, rewindPostgresCheckpoint } from "../lib/database.js";
import { commandLine } from "@government-dao/core/process-owner";
import { OWNER_FILE, StateDirInUseError, claimStateDir, readOwner } from "../lib/state-owner.js";
import { type Postgres, postgresInstalled, startPostgres } from "./support/postgres.js";

const SCHEMA = "dao_31337_locktest";
/** `_ponder_checkpoint` as Ponder 0.16.10 creates it: chain "dao" reported at block 90, safe at block 60. */
const CHECKPOINTS = [
  `CREATE SCHEMA IF NOT EXISTS "${SCHEMA}"`,
  `CREATE TABLE "${SCHEMA}"._ponder_checkpoint ("chain_name" TEXT PRIMARY KEY, "chain_id" BIGINT NOT NULL, "safe_checkpoint" VARCHAR(75) NOT NULL, "latest_checkpoint" VARCHAR(75) NOT NULL, "finalized_checkpoint" VARCHAR(75) NOT NULL)`,
  `INSERT INTO "${SCHEMA}"._ponder_checkpoint VALUES ('dao', 31337, '${"0".repeat(10)}60', '${"0".repeat(10)}90', '${"0".repeat(10)}60')`,
];
/** `_ponder_meta` as Ponder 0.16.10 creates it, with the app row locked by an app whose last heartbeat was just now. */
const LOCKED_APP = [
  `CREATE SCHEMA "${SCHEMA}"`,
  `CREATE TABLE "${SCHEMA}"._ponder_meta ("key" TEXT PRIMARY KEY, "value" JSONB NOT NULL)`,
  `INSERT INTO "${SCHEMA}"._ponder_meta VALUES ('app', '{"version": "6", "is_locked": 1, "is_ready": 1, "heartbeat_at": ${Date.now()}}')`,
];

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "indexer-lock-"));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("owner record of a state directory", () => {
  const home = () => ({ kind: "pglite" as const, directory: path.join(dir, "pglite") });

  it("claims a directory nobody owns, and a clean stop gives it up", async () => {
    const stateDir = await mkdtemp(path.join(dir, "state-"));
    const claim = await claimStateDir(stateDir, { schema: SCHEMA, database: home() });
    assert.equal(claim.previous, undefined);
    assert.equal((await readOwner(stateDir))?.pid, process.pid, "the starting process holds it until the child runs");
    await claim.vacate();
    assert.equal(existsSync(path.join(stateDir, OWNER_FILE)), false);
  });

  it("refuses while the recorded owner runs, whoever asks", async () => {
    const stateDir = await mkdtemp(path.join(dir, "state-"));
    const owner = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "ignore" });
    try {
      const claim = await claimStateDir(stateDir, { schema: SCHEMA, database: home() });
      await claim.recordOwner(owner.pid ?? -1);
      await assert.rejects(claimStateDir(stateDir, { schema: SCHEMA, database: home() }), (error: unknown) => {
        assert.ok(error instanceof StateDirInUseError);
        assert.equal(error.message, `another indexer (pid ${owner.pid}) is using ${stateDir}; stop it first`);
        return true;
      });
      assert.equal((await readOwner(stateDir))?.pid, owner.pid, "the refused start left the record alone");
    } finally {
      owner.kill("SIGKILL");
    }
  });

  it("hands a dead owner's record to the next start, which may then release its lock", async () => {
    const stateDir = await mkdtemp(path.join(dir, "state-"));
    const owner = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60_000)"], { stdio: "ignore" });
    const claim = await claimStateDir(stateDir, { schema: SCHEMA, database: home() });
    await claim.recordOwner(owner.pid ?? -1);
    const exited = new Promise((resolve) => owner.once("exit", resolve));
    owner.kill("SIGKILL");
    await exited;
    const next = await claimStateDir(stateDir, { schema: SCHEMA, database: home() });
    assert.equal(next.previous?.pid, owner.pid);
    assert.deepEqual(next.previous?.database, home());
    await next.vacate();
  });

  it("takes a live pid running another command line for a dead owner (pids are reused)", async (t) => {
    if (commandLine(process.pid) === undefined) return t.skip("no /proc here");
    const stateDir = await mkdtemp(path.join(dir, "state-"));
    // This test's own pid, recorded with a command line it does not run.
    const reused = { pid: process.pid, command: "node ponder start --schema other", schema: SCHEMA, database: home(), recordedAt: new Date().toISOString() };
    await writeFile(path.join(stateDir, OWNER_FILE), JSON.stringify(reused));
    const claim = await claimStateDir(stateDir, { schema: SCHEMA, database: home() });
    assert.equal(claim.previous?.command, reused.command);
    await claim.vacate();
  });
});

describe("releasing a dead indexer's app lock (PGlite)", () => {
  it("finds nothing to release where no database or no schema exists yet, and creates none", async () => {
    const missing = path.join(dir, "no-pglite");
    assert.equal(await releasePgliteAppLock(missing, SCHEMA), "no schema");
    assert.equal(existsSync(missing), false, "no data directory was created");
    const empty = path.join(dir, "empty-pglite");
    await new PGlite(empty).close();
    assert.equal(await releasePgliteAppLock(empty, SCHEMA), "no schema");
  });

  it("sets is_locked to 0 and keeps the rest of the app row; a second release finds it unlocked", async () => {
    const directory = path.join(dir, "locked-pglite");
    const db = new PGlite(directory);
    for (const sql of LOCKED_APP) await db.exec(sql);
    await db.close();
    const before = await readPgliteAppLock(directory, SCHEMA);
    assert.equal(before?.isLocked, true);

    assert.equal(await releasePgliteAppLock(directory, SCHEMA), "released");
    assert.deepEqual(await readPgliteAppLock(directory, SCHEMA), { isLocked: false, heartbeatAt: before?.heartbeatAt });
    assert.equal(await releasePgliteAppLock(directory, SCHEMA), "not locked");
  });
});

describe("moving the reported progress back to the safe checkpoint before a restart (PGlite)", () => {
  it("sets latest_checkpoint to safe_checkpoint once; nothing where there is no database or no schema, and creates none", async () => {
    const missing = path.join(dir, "no-pglite-rewind");
    assert.equal(await rewindPgliteCheckpoint(missing, SCHEMA), 0);
    assert.equal(existsSync(missing), false, "no data directory was created");

    const directory = path.join(dir, "rewind-pglite");
    const db = new PGlite(directory);
    for (const sql of CHECKPOINTS) await db.exec(sql);
    await db.close();
    assert.equal(await rewindPgliteCheckpoint(directory, SCHEMA), 1);
    assert.equal(await rewindPgliteCheckpoint(directory, SCHEMA), 0, "already at the safe checkpoint");
    const check = new PGlite(directory);
    try {
      const { rows } = await check.query<{ latest: string; safe: string }>(`SELECT latest_checkpoint AS latest, safe_checkpoint AS safe FROM "${SCHEMA}"._ponder_checkpoint`);
      assert.deepEqual(rows, [{ latest: `${"0".repeat(10)}60`, safe: `${"0".repeat(10)}60` }]);
    } finally {
      await check.close();
    }
  });
});

describe("releasing a dead indexer's app lock (PostgreSQL)", { skip: postgresInstalled() ? false : "PostgreSQL is not installed" }, () => {
  let postgres: Postgres | undefined;
  const url = () => postgres?.url ?? "";
  const isLocked = async (): Promise<unknown> => {
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    try {
      return (await client.query(`SELECT value->>'is_locked' AS locked FROM "${SCHEMA}"._ponder_meta`)).rows[0]?.locked;
    } finally {
      await client.end();
    }
  };
  before(async () => {
    postgres = await startPostgres();
  });
  after(async () => {
    await postgres?.stop();
  });

  it("finds no schema on an empty database", async () => {
    assert.equal(await releasePostgresAppLock(url(), SCHEMA, 0), "no schema");
  });

  it("leaves the lock alone while a connection of that app is open (it may run elsewhere), and releases it once none is", async () => {
    const setup = new pg.Client({ connectionString: url() });
    await setup.connect();
    for (const sql of LOCKED_APP) await setup.query(sql);
    await setup.end();
    // A connection named the way Ponder names its admin pool.
    const live = new URL(url());
    live.searchParams.set("application_name", `${SCHEMA}_internal`);
    const app = new pg.Client({ connectionString: live.toString() });
    await app.connect();
    try {
      assert.equal(await releasePostgresAppLock(url(), SCHEMA, 300), "in use");
      assert.equal(await isLocked(), "1");
    } finally {
      await app.end();
    }
    assert.equal(await releasePostgresAppLock(url(), SCHEMA), "released");
    assert.equal(await isLocked(), "0");
    assert.equal(await releasePostgresAppLock(url(), SCHEMA), "not locked");
  });

  it("moves the reported progress back only when no connection of that app is open", async () => {
    const setup = new pg.Client({ connectionString: url() });
    await setup.connect();
    for (const sql of CHECKPOINTS) await setup.query(sql);
    await setup.end();
    const live = new URL(url());
    live.searchParams.set("application_name", `${SCHEMA}_readonly`);
    const app = new pg.Client({ connectionString: live.toString() });
    await app.connect();
    try {
      assert.equal(await rewindPostgresCheckpoint(url(), SCHEMA, 300), "in use");
    } finally {
      await app.end();
    }
    assert.equal(await rewindPostgresCheckpoint(url(), SCHEMA), 1);
    assert.equal(await rewindPostgresCheckpoint(url(), SCHEMA), 0);
  });
});
