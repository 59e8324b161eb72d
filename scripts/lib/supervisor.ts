/**
 * Supervision of `npm start`'s long-running children (the agents, the indexer, the dApp): a child that dies
 * unexpectedly is started again after an exponential backoff (1 s, 2 s, 4 s … capped at 30 s; back to 1 s once a
 * child has run for a stable minute), each event is one plain log line, and the state of every child is written to a
 * small JSON file (`.local/run/supervisor.json`) that the API serves at `GET /api/v1/health`.
 *
 *   const supervisor = createSupervisor({ stateFile, log: console.log });
 *   await supervisor.add({ name: "agent", start: async (spawned) => { …; await spawned(pid); return { pid, exited, stop } } });
 *   …
 *   await supervisor.stopAll();   // reverse order; nothing is restarted after this
 *
 * anvil is not supervised: it is the chain. Restarted from its last state dump (every 2 s) it would come back without
 * the blocks after that dump, which the indexer and the agents have already seen — the same chain id with another
 * history. `npm start` stops everything instead (scripts/start.ts).
 */
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** How a child ended. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A started child: its pid, a promise of its end, and a way to stop it. */
export interface StartedChild {
  pid: number;
  exited: Promise<ChildExit>;
  stop(): Promise<void>;
}

export interface ChildSpec {
  name: string;
  /**
   * Starts the child and resolves once it is ready (the indexer: caught up with the head). `spawned` is called with
   * the pid as soon as there is one (npm start records it for the SIGKILL recovery before a long catch-up).
   */
  start(spawned: (pid: number) => Promise<void>): Promise<StartedChild>;
}

export type ChildStatus = "running" | "restarting" | "stopped";

/** What `supervisor.json` says of one child. */
export interface ChildState {
  name: string;
  state: ChildStatus;
  /** Pid of the running child; null while restarting or stopped. */
  pid: number | null;
  /** Restarts after an unexpected exit that came up (failed attempts are not counted here, see `failedStarts`). */
  restarts: number;
  /** Restart attempts that failed to come up. */
  failedStarts: number;
  lastExit: (ChildExit & { at: string }) | null;
  /** Time from the last unexpected exit to the child being ready again, in ms. */
  lastRecoveryMs: number | null;
  /** When the child entered its current state (ISO). */
  since: string;
}

/** The file the API reads. */
export interface SupervisorFile {
  /** Pid of the supervising `npm start`. */
  pid: number;
  updatedAt: string;
  children: ChildState[];
}

export interface BackoffOptions {
  /** First delay (default 1 000 ms). */
  initialMs: number;
  /** Cap (default 30 000 ms). */
  maxMs: number;
  /** A child that ran this long without dying starts again from `initialMs` (default 60 000 ms). */
  stableMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1_000, maxMs: 30_000, stableMs: 60_000 };

/** The delay before restart attempt `attempt` (0-based): initial × 2^attempt, capped. */
export const backoffDelay = (attempt: number, backoff: BackoffOptions = DEFAULT_BACKOFF): number =>
  Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));

export interface SupervisorOptions {
  /** Where the state is written (JSON, replaced atomically); none: kept in memory only. */
  stateFile?: string;
  log?: (line: string) => void;
  backoff?: Partial<BackoffOptions>;
  /** Called with every new pid of a child (npm start's children.json). */
  onSpawn?: (name: string, pid: number) => Promise<void>;
}

export interface Supervisor {
  /** Starts the child the first time (a failure rejects, nothing is retried), then restarts it whenever it dies. */
  add(spec: ChildSpec): Promise<StartedChild>;
  /** The state of every child, in the order they were added. */
  states(): ChildState[];
  /** Stops every child in reverse order; no restart after this. Removes the state file. */
  stopAll(): Promise<void>;
}

interface Entry {
  spec: ChildSpec;
  state: ChildState;
  current: StartedChild | undefined;
  /** Consecutive quick deaths: the backoff exponent. */
  attempt: number;
  runningSince: number;
  timer: NodeJS.Timeout | undefined;
  /** A restart under way (start() not resolved yet). */
  starting: Promise<void> | undefined;
}

export function createSupervisor(options: SupervisorOptions = {}): Supervisor {
  const backoff: BackoffOptions = { ...DEFAULT_BACKOFF, ...options.backoff };
  const log = options.log ?? (() => {});
  const entries: Entry[] = [];
  let stopping = false;
  let writing: Promise<void> = Promise.resolve();

  const snapshot = (): SupervisorFile => ({ pid: process.pid, updatedAt: new Date().toISOString(), children: entries.map((e) => ({ ...e.state })) });
  /** Writes the state file; writes are queued so an older state never lands after a newer one. */
  const persist = (): Promise<void> => {
    const file = options.stateFile;
    if (!file || stopping) return writing;
    const text = `${JSON.stringify(snapshot(), null, 2)}\n`;
    writing = writing.then(async () => {
      try {
        await mkdir(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        await writeFile(temporary, text);
        await rename(temporary, file);
      } catch (error) {
        log(`supervisor: could not write ${file}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return writing;
  };
  const setState = (entry: Entry, state: ChildStatus, pid: number | null) => {
    entry.state.state = state;
    entry.state.pid = pid;
    entry.state.since = new Date().toISOString();
    void persist();
  };

  const spawnedHook = (entry: Entry) => async (pid: number) => {
    entry.state.pid = pid;
    await options.onSpawn?.(entry.spec.name, pid);
  };

  const watch = (entry: Entry, child: StartedChild) => {
    entry.current = child;
    entry.runningSince = Date.now();
    setState(entry, "running", child.pid);
    void child.exited.then((exit) => {
      if (entry.current !== child) return;
      entry.current = undefined;
      if (stopping) return;
      const at = new Date();
      entry.state.lastExit = { ...exit, at: at.toISOString() };
      // A child that ran for a stable period starts its backoff again from the first step.
      if (Date.now() - entry.runningSince >= backoff.stableMs) entry.attempt = 0;
      log(`supervisor: ${entry.spec.name} (pid ${child.pid}) exited unexpectedly (${describeExit(exit)})`);
      scheduleRestart(entry, at.getTime());
    });
  };

  const scheduleRestart = (entry: Entry, diedAt: number) => {
    const delay = backoffDelay(entry.attempt, backoff);
    entry.attempt += 1;
    setState(entry, "restarting", null);
    log(`supervisor: restarting ${entry.spec.name} in ${formatMs(delay)} (attempt ${entry.attempt})`);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      if (stopping) return;
      entry.starting = (async () => {
        try {
          const child = await entry.spec.start(spawnedHook(entry));
          if (stopping) {
            await child.stop();
            return;
          }
          entry.state.restarts += 1;
          entry.state.lastRecoveryMs = Date.now() - diedAt;
          watch(entry, child);
          log(`supervisor: ${entry.spec.name} is back (pid ${child.pid}), ${formatMs(entry.state.lastRecoveryMs)} after it died; restarts ${entry.state.restarts}`);
        } catch (error) {
          entry.state.failedStarts += 1;
          log(`supervisor: ${entry.spec.name} did not come back: ${firstLine(error)}`);
          if (!stopping) scheduleRestart(entry, diedAt);
        } finally {
          entry.starting = undefined;
        }
      })();
    }, delay);
  };

  return {
    async add(spec) {
      const entry: Entry = {
        spec,
        state: { name: spec.name, state: "restarting", pid: null, restarts: 0, failedStarts: 0, lastExit: null, lastRecoveryMs: null, since: new Date().toISOString() },
        current: undefined,
        attempt: 0,
        runningSince: Date.now(),
        timer: undefined,
        starting: undefined,
      };
      // Listed before the first start resolves, so a Ctrl-C during a long first start (the indexer's catch-up) stops it.
      entries.push(entry);
      const starting = spec.start(spawnedHook(entry));
      entry.starting = starting.then(
        () => {},
        () => {},
      );
      let child: StartedChild;
      try {
        child = await starting;
      } catch (error) {
        entries.splice(entries.indexOf(entry), 1);
        throw error;
      } finally {
        entry.starting = undefined;
      }
      if (stopping) {
        await child.stop();
        entry.state.state = "stopped";
        return child;
      }
      watch(entry, child);
      return child;
    },
    states: () => entries.map((e) => ({ ...e.state })),
    async stopAll() {
      stopping = true;
      for (const entry of [...entries].reverse()) {
        if (entry.timer) clearTimeout(entry.timer);
        if (entry.starting) {
          // A restart under way (the indexer catching up can take minutes): interrupt the child it spawned, so its
          // start fails at once, rather than wait for it. SIGINT: what Ponder needs for a clean stop, and Node's default.
          if (entry.state.pid !== null) signal(entry.state.pid, "SIGINT");
          await Promise.race([entry.starting, new Promise((r) => setTimeout(r, 15_000))]);
        }
        const child = entry.current;
        entry.current = undefined;
        if (child) await child.stop();
        entry.state.state = "stopped";
        entry.state.pid = null;
      }
      await writing;
      if (options.stateFile) await rm(options.stateFile, { force: true });
    },
  };
}

const signal = (pid: number, name: NodeJS.Signals) => {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
};

/** "code 1", "signal SIGKILL". */
export const describeExit = (exit: ChildExit): string => (exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`);
const formatMs = (ms: number): string => (ms < 1_000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`);
const firstLine = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
