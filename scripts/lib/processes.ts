/**
 * Child processes of `npm start` (the agents, the indexer, the dApp): started with their output prefixed, stopped
 * with SIGTERM (SIGKILL after a grace period), and their memory read from /proc for the ready table.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";

import { claimOwnerFile, commandLine, isAlive, isRecordedProcessAlive, startTimeOf } from "@government-dao/core/process-owner";

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

/** Whether the recorded `npm start` still runs (see {@link isRecordedProcessAlive}). */
export const isStartOwnerAlive = (owner: StartOwner): boolean => isRecordedProcessAlive(owner);

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
