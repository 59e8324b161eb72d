/**
 * Child processes of `npm start` (the agents, the indexer, the dApp): started with their output prefixed, stopped
 * with SIGTERM (SIGKILL after a grace period), and their memory read from /proc for the ready table.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
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
