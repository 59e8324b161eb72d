/**
 * Child processes of `npm start` (the agents, the indexer, the dApp): started with their output prefixed, stopped
 * with SIGTERM (SIGKILL after a grace period), and their memory read from /proc for the ready table.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";

/** A running child. */
export interface Service {
  name: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `command args` with each output line prefixed by `[name]`. */
export function startService(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Service {
  const child = spawn(command, [...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on("line", (line) => console.log(line.startsWith("[") ? line : `[${name}] ${line}`));
  }
  return { name, process: child, stop: () => stopChild(child) };
}

/** A promise of how `child` ends (already ended: at once). */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/** SIGTERM, then SIGKILL if the child is still there after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Resident memory of process `pid` in bytes (Linux /proc), including its descendants; 0 if unknown. */
export function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  let total = 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    for (const child of children ? children.split(/\s+/) : []) total += rssOf(Number(child));
  } catch {
    // gone or not Linux
  }
  return total;
}

/** Bytes as "123 MB". */
export const megabytes = (bytes: number): string => `${Math.round(bytes / 1_000_000)} MB`;

/**
 * The children a start left running, by name and pid, in `<dir>/children.json`. A start that was killed outright
 * (SIGKILL, a crash of the machine's session) cannot stop its children; the next start finds them here and stops
 * them before it needs their ports.
 */
export interface ChildRegistry {
  add(name: string, pid: number | undefined): Promise<void>;
  clear(): Promise<void>;
}

/** Whether process `pid` still runs. */
export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The command line of `pid` (NULs as spaces), or undefined when it cannot be read (no such process, no /proc). */
export const commandLine = (pid: number): string | undefined => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return undefined;
  }
};

/** Opens the registry in `dir` after stopping whatever an earlier start left running there; returns what was stopped. */
export async function openChildRegistry(dir: string): Promise<{ registry: ChildRegistry; stopped: string[] }> {
  const file = path.join(dir, "children.json");
  const stopped: string[] = [];
  const previous = (JSON.parse(await readFile(file, "utf8").catch(() => "[]")) as { name: string; pid: number; command: string }[]).filter(
    (c) => typeof c.pid === "number",
  );
  for (const child of previous) {
    // Only a process that still runs the same command line is ours: pids are reused.
    if (!isAlive(child.pid) || (commandLine(child.pid) ?? "") !== child.command) continue;
    process.kill(child.pid, "SIGTERM");
    for (let i = 0; i < 50 && isAlive(child.pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (isAlive(child.pid)) process.kill(child.pid, "SIGKILL");
    stopped.push(`${child.name} (pid ${child.pid})`);
  }
  const children: { name: string; pid: number; command: string }[] = [];
  await mkdir(dir, { recursive: true });
  await writeFile(file, "[]\n");
  return {
    stopped,
    registry: {
      async add(name, pid) {
        if (!pid) return;
        // A restarted child replaces its dead predecessor.
        const previous = children.findIndex((c) => c.name === name);
        if (previous >= 0) children.splice(previous, 1);
        children.push({ name, pid, command: commandLine(pid) ?? "" });
        await writeFile(file, `${JSON.stringify(children, null, 2)}\n`);
      },
      async clear() {
        await rm(file, { force: true });
      },
    },
  };
}

/** When process `pid` started (field 22 of /proc/<pid>/stat, clock ticks since boot), or undefined without /proc. */
export const startTimeOf = (pid: number): string | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count from the last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
};

/** The `npm start` that owns a state directory: `<dir>/owner.json`. */
export interface StartOwner {
  pid: number;
  /** Its command line and start time when recorded: a recycled pid runs another command or started later. */
  command: string;
  startTime: string;
  startedAt: string;
}

/** Thrown when another `npm start` runs on the same state directory. */
export class AlreadyRunningError extends Error {
  constructor(readonly owner: StartOwner) {
    super(`npm start is already running in this checkout (pid ${owner.pid}); stop it first`);
    this.name = "AlreadyRunningError";
  }
}

/** A process named in an owner file: its pid, and what identifies it beyond the pid (pids are reused). */
export interface RecordedProcess {
  pid: number;
  /** Its command line when recorded (`/proc/<pid>/cmdline`); empty where /proc was not available. */
  command: string;
  /** Its start time when recorded (`/proc/<pid>/stat`), if recorded. */
  startTime?: string;
}

/**
 * Whether a recorded process still runs: its pid exists and, where /proc tells, it runs the recorded command line
 * and started at the recorded time (a recycled pid runs another command or started later).
 */
export function isRecordedProcessAlive(recorded: RecordedProcess): boolean {
  // 0 and negative numbers name process groups for kill(), never one process.
  if (!Number.isInteger(recorded.pid) || recorded.pid <= 0) return false;
  try {
    process.kill(recorded.pid, 0);
  } catch (error) {
    // EPERM: the pid exists but belongs to another user, so it is not a dead owner.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const command = commandLine(recorded.pid);
  if (command !== undefined && recorded.command !== "" && command !== recorded.command) return false;
  const startTime = startTimeOf(recorded.pid);
  return startTime === undefined || !recorded.startTime || startTime === recorded.startTime;
}

/** Whether the recorded `npm start` still runs (see {@link isRecordedProcessAlive}). */
export const isStartOwnerAlive = (owner: StartOwner): boolean => isRecordedProcessAlive(owner);

/**
 * Claims the owner file `file` for `owner`, atomically: throws `inUse(previous)` while the recorded owner runs, else
 * replaces a dead owner's record and returns it as `previous`. The record is written to a temporary file and linked
 * into place, so a reader never sees half of one, and of two claims racing here exactly one wins (link() fails when
 * the file exists). `read` parses the file (undefined: absent or not a record).
 */
export async function claimOwnerFile<T extends RecordedProcess>(
  file: string,
  owner: T,
  read: () => Promise<T | undefined>,
  inUse: (owner: T) => Error,
): Promise<{ previous: T | undefined }> {
  // Two rounds: a dead owner's record is removed in the first; a concurrent claim that won the race is seen in the second.
  for (let round = 0; round < 2; round++) {
    const previous = await read();
    if (previous && isRecordedProcessAlive(previous)) throw inUse(previous);
    if (round === 0) await rm(file, { force: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, `${JSON.stringify(owner, null, 2)}\n`);
    try {
      await link(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw error;
    } finally {
      await rm(temporary, { force: true });
    }
    return { previous };
  }
  throw inUse((await read()) ?? owner);
}

async function readStartOwner(file: string): Promise<StartOwner | undefined> {
  try {
    const value = JSON.parse(await readFile(file, "utf8")) as Partial<StartOwner>;
    if (!Number.isInteger(value.pid) || typeof value.command !== "string" || typeof value.startTime !== "string") return undefined;
    return value as StartOwner;
  } catch {
    return undefined;
  }
}

/**
 * Claims `<dir>/owner.json` for this process before `npm start` touches anything: throws AlreadyRunningError while
 * the recorded owner runs; a dead owner's record (SIGKILL, crash) is replaced. `release()` removes the record.
 */
export async function claimStartOwner(dir: string, pid: number = process.pid): Promise<{ release(): Promise<void> }> {
  const file = path.join(dir, "owner.json");
  await mkdir(dir, { recursive: true });
  const owner: StartOwner = { pid, command: commandLine(pid) ?? "", startTime: startTimeOf(pid) ?? "", startedAt: new Date().toISOString() };
  await claimOwnerFile(file, owner, () => readStartOwner(file), (running) => new AlreadyRunningError(running));
  return {
    async release() {
      if ((await readStartOwner(file))?.pid === pid) await rm(file, { force: true });
    },
  };
}
