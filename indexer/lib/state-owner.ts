/**
 * Who owns an indexer state directory: `<stateDir>/indexer.pid` records the process that runs `ponder start` on it
 * (pid, command line, the Ponder schema it locks and where that schema lives).
 *
 * Why: PGlite has no lock across processes (its `postmaster.pid` is a constant placeholder), so a second indexer on
 * the same directory would open the same data files; and Ponder's own app lock (`_ponder_meta`, key 'app') cannot tell
 * a dead owner from a live one until 25 s after the last heartbeat. This record can: an owner whose pid is gone, or
 * runs another command line (pids are reused), is dead, and only then may its lock be released (lib/database.ts).
 *
 *   const claim = await claimStateDir(stateDir, { schema, database });   // throws StateDirInUseError if the owner runs
 *   claim.previous;                 // a dead owner that did not stop cleanly (its app lock may still be set)
 *   await claim.recordOwner(child.pid);
 *   await claim.vacate();           // after a clean stop
 */
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { claimOwnerFile, commandLine, isRecordedProcessAlive } from "@government-dao/core/process-owner";

/** The owner record's file name inside the state directory. */
export const OWNER_FILE = "indexer.pid";

/** Where a Ponder schema lives: a PGlite data directory, or a PostgreSQL server named without credentials. */
export type SchemaHome = { kind: "pglite"; directory: string } | { kind: "postgres"; server: string };

export interface StateOwner {
  pid: number;
  /** Its command line when recorded (`/proc/<pid>/cmdline`); empty where /proc is not available. */
  command: string;
  /** The Ponder schema whose app lock it holds. */
  schema: string;
  database: SchemaHome;
  /** ISO time the record was written. */
  recordedAt: string;
}

/** Thrown when the state directory's owner still runs. */
export class StateDirInUseError extends Error {
  constructor(
    readonly owner: StateOwner,
    readonly stateDir: string,
  ) {
    super(`another indexer (pid ${owner.pid}) is using ${stateDir}; stop it first`);
    this.name = "StateDirInUseError";
  }
}

export interface StateClaim {
  /** The previous owner, dead, when its record was still there: it did not stop cleanly, its app lock may be set. */
  previous: StateOwner | undefined;
  /** Records `pid` (the `ponder start` child) as the owner in place of the process that claimed the directory. */
  recordOwner(pid: number): Promise<void>;
  /** Removes the record if it still names this claim's owner (after a clean stop, or a start that never spawned). */
  vacate(): Promise<void>;
}

/** Whether the recorded owner still runs: its pid exists and, where /proc tells, runs the recorded command line. */
export const isOwnerAlive = (owner: StateOwner): boolean => isRecordedProcessAlive(owner);

/** The owner record of `stateDir`; undefined when there is none or it is not a record (then it proves nothing). */
export async function readOwner(stateDir: string): Promise<StateOwner | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(stateDir, OWNER_FILE), "utf8");
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as Partial<StateOwner>;
    const home = value.database;
    const homeValid = home?.kind === "pglite" ? typeof home.directory === "string" : home?.kind === "postgres" && typeof home.server === "string";
    if (!Number.isInteger(value.pid) || (value.pid ?? 0) <= 0 || typeof value.command !== "string" || typeof value.schema !== "string" || !homeValid) return undefined;
    return value as StateOwner;
  } catch {
    return undefined;
  }
}

/**
 * Claims `stateDir` for an indexer on `schema` in `database`: refuses while the recorded owner runs, else records this
 * process as the owner (until `recordOwner` names the child) and returns the dead previous owner, if any.
 */
export async function claimStateDir(stateDir: string, target: { schema: string; database: SchemaHome }): Promise<StateClaim> {
  const file = path.join(stateDir, OWNER_FILE);
  const record = (pid: number): StateOwner => ({ pid, command: commandLine(pid) ?? "", ...target, recordedAt: new Date().toISOString() });
  // Written to a temporary file first, so a reader never sees half a record.
  const writeTemporary = async (owner: StateOwner): Promise<string> => {
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, `${JSON.stringify(owner, null, 2)}\n`);
    return temporary;
  };

  let owner = record(process.pid);
  const { previous } = await claimOwnerFile(file, owner, () => readOwner(stateDir), (running) => new StateDirInUseError(running, stateDir));
  return {
    previous,
    async recordOwner(pid) {
      owner = record(pid);
      const next = await writeTemporary(owner);
      await rename(next, file);
    },
    async vacate() {
      const current = await readOwner(stateDir);
      if (current?.pid === owner.pid) await rm(file, { force: true });
    },
  };
}
