/**
 * The saved local chain of `npm start`: anvil's state file plus a "ready" marker written only once the deployment
 * and the demo data are complete. A later start resumes from them; a start that finds no marker (first run,
 * `--fresh`, or a run killed half-way) removes the leftovers and starts clean — never half a deployment.
 *
 *   <dir>/state.json   anvil --state (loaded at start, dumped every few seconds and at exit)
 *   <dir>/ready.json   {@link ReadyMarker}
 */
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";

import type { GovernmentAddresses } from "@government-dao/core/deployment";

/** What a finished start recorded. */
export interface ReadyMarker {
  chainId: number;
  deploymentId: string;
  addresses: GovernmentAddresses & { tenge: string };
  seeded: boolean;
  /** Proposals that existed when the system became ready (the keeper leaves these alone). */
  proposalsAtReady: number;
  readyAt: string;
}

export interface LocalChainFiles {
  dir: string;
  stateFile: string;
  readyFile: string;
}

export const localChainFiles = (dir: string): LocalChainFiles => ({
  dir,
  stateFile: path.join(dir, "state.json"),
  readyFile: path.join(dir, "ready.json"),
});

/** The ready marker, or undefined if there is none or it is unreadable. */
export async function readReady(files: LocalChainFiles): Promise<ReadyMarker | undefined> {
  try {
    const json = JSON.parse(await readFile(files.readyFile, "utf8")) as Partial<ReadyMarker>;
    if (typeof json.chainId !== "number" || typeof json.deploymentId !== "string" || typeof json.addresses?.governor !== "string") return undefined;
    await stat(files.stateFile);
    return json as ReadyMarker;
  } catch {
    return undefined;
  }
}

export async function writeReady(files: LocalChainFiles, marker: ReadyMarker): Promise<void> {
  await writeFile(files.readyFile, `${JSON.stringify(marker, null, 2)}\n`);
}

/** Removes the saved chain (state and marker). */
export async function clearLocalChain(files: LocalChainFiles): Promise<void> {
  await rm(files.readyFile, { force: true });
  await rm(files.stateFile, { force: true });
}

/** Waits until anvil has dumped its state after `since` (ms since epoch), so the marker never runs ahead of the state. */
export async function waitForStateDump(files: LocalChainFiles, since: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mtime = await stat(files.stateFile).then((s) => s.mtimeMs, () => 0);
    if (mtime > since) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`anvil did not write its state to ${files.stateFile} within ${timeoutMs / 1000} s`);
}
