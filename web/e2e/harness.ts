/**
 * The e2e world: a fresh anvil on a free port with GovernmentDAO deployed by Ignition (into a temporary deployment
 * folder, so the repository's deployments are untouched) and seeded with the demo data (scripts/seed.ts), the
 * production build of the dApp served by `next start` on a free port, and Debian's chromium driven by
 * playwright-core with an injected EIP-1193 wallet that forwards to anvil (which holds the dev keys unlocked).
 * The indexer + public API (indexer/lib/run.ts, fresh PGlite in the temp folder) indexes the same chain; the
 * digital auditor runs once so that the API has flags to serve; the dApp reads its public pages from that API.
 * Everything started here is stopped by `stop()`.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import type {} from "@nomicfoundation/hardhat-toolbox-mocha-ethers";
import { type BrowserContext, type Page, chromium } from "playwright-core";

import { type Anvil, freePort, startAnvil } from "@government-dao/devchain/anvil";
import { cidFromDigest } from "@government-dao/core/content-store";
import { deploySystem, isolatedConnection } from "../../scripts/lib/deploy-system";
import { writeDemoExtractSeed } from "@government-dao/devchain/extract-key";
import { devAccount } from "@government-dao/devchain/demo-cast";
import type { SeedRecord } from "../../scripts/lib/seed/record";
import { seed } from "../../scripts/lib/seed/run";
import { runAudit } from "../../scripts/lib/agents/auditor";
import { openContext } from "../../scripts/lib/gov/context";
import { writeDemoGatewayConfig } from "@government-dao/devchain/gateway-config";
import { type RunningGateway, startGateway } from "../../gateway/lib/run";
import { type RunningIndexer, startIndexer } from "../../indexer/lib/run";
import { type RunningWeb, WEB_DIR, startWeb } from "../lib/server";
import { type ApiProxy, startApiProxy } from "./api-proxy";

/** The repository's root (where the CLI runs from). */
export const ROOT_DIR = path.resolve(WEB_DIR, "..");
export const ARTIFACTS_DIR = path.join(WEB_DIR, "e2e", "artifacts");
const DEPLOYMENT_ID = "web-e2e";

/** What the test wallet does; tests change it between steps. */
export interface WalletSettings {
  /** anvil development account index whose address the wallet exposes. */
  account: number;
  /** Chain id the wallet reports (the chain's own by default). */
  chainId?: number;
  /** Reject every transaction as a user pressing "Reject" would (EIP-1193 error 4001). */
  rejectTransactions?: boolean;
}

export interface World {
  chainId: number;
  rpcUrl: string;
  web: RunningWeb;
  /** The indexer + public API the dApp reads from, through `api`. */
  indexer: RunningIndexer;
  /** The proxy in front of the indexer that is the dApp's API_URL; honest until a test calls `api.lie`. */
  api: ApiProxy;
  /** The agency gateway (npm start's demo configuration: Finance, Digital Development, the Office of the Government). */
  gateway: RunningGateway;
  deploymentDir: string;
  record: SeedRecord;
  wallet: WalletSettings;
  context: BrowserContext;
  contentDir: string;
  tempDir: string;
  /** A new page of the shared browser context (English unless the cookie says otherwise). */
  page(): Promise<Page>;
  /** Writes the bytes of a seeded document (by catalogue key) to a temp file and returns its path. */
  documentFile(key: string): Promise<string>;
  /** Writes arbitrary bytes to a temp file. */
  tempFile(name: string, bytes: Uint8Array | string): Promise<string>;
  screenshot(page: Page, name: string): Promise<void>;
  /** Moves the chain clock forward (anvil's evm_increaseTime + evm_mine). */
  advanceTime(seconds: number): Promise<void>;
  /**
   * Starts the indexer again on the same port and state after a test stopped it (`world.indexer.stop()`), so the
   * dApp's API_URL answers again; resolves once it has caught up with the chain. `world.indexer` is the new one.
   */
  restartIndexer(): Promise<void>;
  stop(): Promise<void>;
}

interface RpcResponse {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** The injected EIP-1193 provider: every request goes to the Node side (window.__wallet). */
const INJECTED_PROVIDER = `(() => {
  const listeners = {};
  window.ethereum = {
    isE2EWallet: true,
    async request({ method, params }) {
      const response = await window.__wallet(JSON.stringify({ method, params: params ?? [] }));
      const parsed = JSON.parse(response);
      if (parsed.error) {
        const error = new Error(parsed.error.message);
        error.code = parsed.error.code;
        if (parsed.error.data !== undefined) error.data = parsed.error.data;
        throw error;
      }
      return parsed.result;
    },
    on(event, fn) { (listeners[event] ??= []).push(fn); },
    removeListener(event, fn) { listeners[event] = (listeners[event] ?? []).filter((f) => f !== fn); },
  };
})();`;

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];

async function rpc(url: string, method: string, params: unknown[]): Promise<RpcResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return (await response.json()) as RpcResponse;
}

async function deployAndSeed(rpcUrl: string, tempDir: string, contentDir: string): Promise<{ deploymentDir: string; record: SeedRecord }> {
  // Hardhat's config reads paths relative to the repository root.
  const cwd = process.cwd();
  process.chdir(ROOT_DIR);
  try {
    return await deployAndSeedFromRoot(rpcUrl, tempDir, contentDir);
  } finally {
    process.chdir(cwd);
  }
}

async function deployAndSeedFromRoot(rpcUrl: string, tempDir: string, contentDir: string): Promise<{ deploymentDir: string; record: SeedRecord }> {
  const ignitionDir = path.join(tempDir, "ignition");
  const connection = await isolatedConnection(rpcUrl, ignitionDir);
  const addresses = await deploySystem(connection, DEPLOYMENT_ID);
  const result = await seed(connection, addresses, {
    contentDir,
    stateDir: path.join(tempDir, "state"),
    certificates: 16,
    log: () => {},
  });
  await connection.close();
  return { deploymentDir: path.join(ignitionDir, "deployments", DEPLOYMENT_ID), record: result.record };
}

export interface WorldOptions {
  /** Sub-folder of e2e/artifacts for this test file's screenshots (emptied at start). Default "dapp". */
  artifacts?: string;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "gov-web-e2e-"));
  const contentDir = path.join(tempDir, "content");
  const artifactsDir = path.join(ARTIFACTS_DIR, options.artifacts ?? "dapp");
  // Screenshots of this run only.
  await rm(artifactsDir, { recursive: true, force: true });
  await mkdir(artifactsDir, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => {});
    await rm(tempDir, { recursive: true, force: true });
  };
  try {
    const anvil: Anvil = await startAnvil({ port: await freePort() });
    stops.push(() => anvil.stop());
    const { deploymentDir, record } = await deployAndSeed(anvil.rpcUrl, tempDir, contentDir);
    const chainId = 31337;
    const flagsFile = path.join(tempDir, "agent", "flags.json");
    const ctx = await openContext({ rpc: anvil.rpcUrl, deploymentDir, contentDir });
    try {
      await runAudit(ctx, flagsFile);
    } finally {
      ctx.provider.destroy();
    }
    const indexerOptions = {
      rpcUrl: anvil.rpcUrl,
      chainId,
      deploymentDir,
      port: await freePort(),
      fresh: true,
      stateDir: path.join(tempDir, "indexer"),
      // The demo extract key, which the demo deployment registered: the indexer's extracts verify against the chain.
      signingSeedFile: await writeDemoExtractSeed(path.join(tempDir, "keys")),
      contentDir,
      flagsFile,
    };
    let indexer = await startIndexer(indexerOptions);
    // Stops whichever indexer is current (restartIndexer replaces it).
    stops.push(() => indexer.stop());
    const api = await startApiProxy(() => indexer.url);
    stops.push(() => api.stop());
    // The agency gateway co-signs the registrars' documents (the demo configuration of npm start).
    const webPort = await freePort();
    const gateway = await startGateway({
      rpcUrl: anvil.rpcUrl, deploymentDir, contentDir, port: await freePort(), stateDir: path.join(tempDir, "gateway"),
      configFile: await writeDemoGatewayConfig(path.join(tempDir, "gateway")), publicSite: `http://127.0.0.1:${webPort}`,
    });
    stops.push(() => gateway.stop());
    const web = await startWeb({ port: webPort, rpcUrl: anvil.rpcUrl, chainId, deploymentDir, contentDir, devAccounts: true, apiUrl: api.url, gatewayUrl: gateway.url });
    stops.push(() => web.stop());

    const wallet: WalletSettings = { account: 1 };
    const context = await chromium.launchPersistentContext(path.join(tempDir, "profile"), {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      headless: true,
      args: CHROMIUM_ARGS,
      locale: "en-US",
      viewport: { width: 1280, height: 900 },
    });
    stops.push(() => context.close());
    await context.exposeFunction("__wallet", async (body: string): Promise<string> => {
      const { method, params } = JSON.parse(body) as { method: string; params: unknown[] };
      const address = devAccount(wallet.account).toLowerCase();
      const chainHex = `0x${(wallet.chainId ?? chainId).toString(16)}`;
      const answer = (response: RpcResponse) => JSON.stringify(response);
      switch (method) {
        case "eth_requestAccounts":
        case "eth_accounts":
          return answer({ result: [address] });
        case "eth_chainId":
          return answer({ result: chainHex });
        case "net_version":
          return answer({ result: String(wallet.chainId ?? chainId) });
        case "wallet_requestPermissions":
        case "wallet_getPermissions":
          return answer({ result: [{ parentCapability: "eth_accounts" }] });
        case "wallet_revokePermissions":
          return answer({ result: null });
        case "wallet_switchEthereumChain":
          wallet.chainId = Number((params[0] as { chainId: string }).chainId);
          return answer({ result: null });
        case "eth_sendTransaction":
          if (wallet.rejectTransactions) return answer({ error: { code: 4001, message: "User rejected the request." } });
          return answer(await rpc(anvil.rpcUrl, method, [{ ...(params[0] as object), from: address }]));
        default:
          return answer(await rpc(anvil.rpcUrl, method, params));
      }
    });
    await context.addInitScript(INJECTED_PROVIDER);

    const store = (name: string, bytes: Uint8Array | string) => {
      const file = path.join(tempDir, "files", name);
      return mkdir(path.dirname(file), { recursive: true }).then(() => writeFile(file, bytes)).then(() => file);
    };
    return {
      chainId,
      rpcUrl: anvil.rpcUrl,
      web,
      get indexer() {
        return indexer;
      },
      api,
      gateway,
      deploymentDir,
      record,
      wallet,
      context,
      contentDir,
      tempDir,
      page: () => context.newPage(),
      async documentFile(key) {
        const doc = record.documents[key];
        if (!doc) throw new Error(`the seed has no document "${key}"`);
        return store(`${key}.bin`, await readFile(path.join(contentDir, cidFromDigest(doc.tokenId))));
      },
      tempFile: store,
      async screenshot(page, name) {
        await page.screenshot({ path: path.join(artifactsDir, `${name}.png`), fullPage: true });
      },
      async advanceTime(seconds) {
        await rpc(anvil.rpcUrl, "evm_increaseTime", [seconds]);
        await rpc(anvil.rpcUrl, "evm_mine", []);
      },
      async restartIndexer() {
        await indexer.stop();
        indexer = await startIndexer({ ...indexerOptions, fresh: false });
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
