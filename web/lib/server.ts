/**
 * Running the dApp from other programs (`npm start`, the e2e tests): build it once, then serve the build against
 * a chain and a deployment chosen at start time.
 *
 *   await buildWeb();                                          // generated ABIs + `next build`
 *   const web = await startWeb({ port, rpcUrl, chainId, deploymentDir, apiUrl });
 *   console.log(web.url); … await web.stop();
 *
 * Node-only (child processes); never imported by the app itself.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { generateAbis } from "@government-dao/core/generate-abis";

/** The web/ folder. */
export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface StartWebOptions {
  /** TCP port for `next start` on 127.0.0.1 (choose a free one, e.g. freePort() of devchain/src/anvil.ts). */
  port: number;
  /** JSON-RPC URL of the chain, used by the server and by the browser. */
  rpcUrl: string;
  chainId: number;
  /** Ignition deployment folder (holding deployed_addresses.json); omitted: the addresses generated at build time. */
  deploymentDir?: string;
  /** Content store of the deployment (metadata JSON); default <repo>/.local/content. */
  contentDir?: string;
  /** Base URL of the indexer's public API (e.g. http://127.0.0.1:42069), read by the public pages (env API_URL). */
  apiUrl?: string;
  /** Base URL of the agency gateway, which co-signs registrars' documents (env GATEWAY_URL). */
  gatewayUrl?: string;
  /** Offer anvil's development accounts as a wallet (honoured on chain 31337 only). Default: chainId === 31337. */
  devAccounts?: boolean;
  /** Where the server's output goes (default: kept in memory and shown if the start fails). */
  log?: (line: string) => void;
}

export interface RunningWeb {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

function nextBin(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve("next/package.json")), "dist", "bin", "next");
}

function run(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [nextBin(), ...args], {
    cwd: WEB_DIR,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** The build folder: web/.next, or web/$NEXT_DIST_DIR (next.config.ts reads the same variable). */
export const WEB_BUILD_DIR = path.join(WEB_DIR, process.env.NEXT_DIST_DIR || ".next");

/** Whether a production build exists (BUILD_ID in the build folder). */
export const isWebBuilt = (): boolean => existsSync(path.join(WEB_BUILD_DIR, "BUILD_ID"));

/** Generates the ABIs (core) and runs `next build`; rejects with the build output on failure. */
export async function buildWeb(log: (line: string) => void = () => {}): Promise<void> {
  await generateAbis();
  const child = run(["build"], {});
  let output = "";
  const take = (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split("\n")) if (line.trim()) log(line);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`next build failed (code ${code}):\n${output}`);
}

/** Serves the existing build (WEB_BUILD_DIR) with `next start`; resolves once the home page answers. */
export async function startWeb(options: StartWebOptions): Promise<RunningWeb> {
  if (!isWebBuilt()) throw new Error(`The dApp is not built (no ${path.relative(WEB_DIR, WEB_BUILD_DIR)}/BUILD_ID in web/): run buildWeb() or npm run build -w web first.`);
  const url = `http://127.0.0.1:${options.port}`;
  const devAccounts = options.devAccounts ?? options.chainId === 31337;
  const child = run(["start", "--hostname", "127.0.0.1", "--port", String(options.port)], {
    RPC_URL: options.rpcUrl,
    CHAIN_ID: String(options.chainId),
    DEV_ACCOUNTS: devAccounts ? "1" : "0",
    ...(options.deploymentDir ? { DEPLOYMENT_DIR: path.resolve(options.deploymentDir) } : {}),
    ...(options.contentDir ? { CONTENT_DIR: path.resolve(options.contentDir) } : {}),
    ...(options.apiUrl ? { API_URL: options.apiUrl } : {}),
    ...(options.gatewayUrl ? { GATEWAY_URL: options.gatewayUrl } : {}),
  });
  let output = "";
  const take = (chunk: Buffer) => {
    output += chunk.toString();
    if (options.log) for (const line of chunk.toString().split("\n")) if (line.trim()) options.log(line);
  };
  child.stdout?.on("data", take);
  child.stderr?.on("data", take);

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });

  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`next start exited (code ${code}) before it was ready:\n${output}`))),
  );
  const ready = (async () => {
    for (let attempt = 0; attempt < 300; attempt++) {
      try {
        const response = await fetch(url, { headers: { "accept-language": "en" } });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the web server did not answer on ${url} within 30 s:\n${output}`);
  })();
  try {
    await Promise.race([ready, exited]);
  } catch (error) {
    await stop();
    throw error;
  }
  exited.catch(() => {});
  return { url, process: child, stop };
}
