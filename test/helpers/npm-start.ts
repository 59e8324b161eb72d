/**
 * The real `npm start` as a child process, for the integration tests: `node --import tsx scripts/start.ts` (what the
 * npm script runs, without npm in between, so a signal reaches the start script itself), its output lines, a way to
 * wait for a line, and the process-tree checks the tests make after a stop.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";

/** A running `npm start`: its output so far and a way to wait for a line. */
export interface StartRun {
  child: ChildProcess;
  lines: string[];
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export function npmStart(env: NodeJS.ProcessEnv, args: string[] = []): StartRun {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "start.ts"), ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on("line", (line) => {
      lines.push(line);
      for (const w of [...waiters]) {
        if (!w.pattern.test(line)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    });
  }
  child.once("exit", (code) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`npm start exited (${code}) before ${w.pattern}; output:\n${lines.join("\n")}`));
  });
  return {
    child,
    lines,
    waitFor(pattern, timeoutMs = 180_000) {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${lines.join("\n")}`)), timeoutMs);
        waiters.push({
          pattern,
          resolve: (line) => (clearTimeout(timer), resolve(line)),
          reject: (error) => (clearTimeout(timer), reject(error)),
        });
      });
    },
  };
}

/** Every descendant pid of `pid` (Linux /proc). */
export function descendants(pid: number): number[] {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return children.flatMap((c) => [c, ...descendants(c)]);
  } catch {
    return [];
  }
}
/** Whether process `pid` still runs (the same check `npm start` uses for leftovers). */
export { isAlive as alive } from "@government-dao/core/process-owner";

export async function stop(run: StartRun): Promise<void> {
  if (run.child.exitCode !== null) return;
  const exited = new Promise((resolve) => run.child.once("exit", resolve));
  run.child.kill("SIGINT");
  await exited;
}

