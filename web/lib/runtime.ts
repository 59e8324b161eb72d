/**
 * What the running server knows about the chain, read at request time from its environment (set by startWeb or
 * `npm start`), so one build serves any deployment:
 *   RPC_URL         JSON-RPC endpoint the browser and the server read from (default http://127.0.0.1:8545)
 *   CHAIN_ID        chain id (default 31337)
 *   DEPLOYMENT_DIR  an Ignition deployment folder (default: the chain's under <repo>/ignition/deployments/)
 *   DEV_ACCOUNTS=1  offer anvil's development accounts as a wallet (only honoured on chain 31337)
 *   CONTENT_DIR     the local content store (metadata JSON) of the deployment (default <repo>/.local/content)
 *   API_URL         the indexer's public API, read by the public pages (lib/api/client.ts)
 *   GATEWAY_URL     the agency gateway, which co-signs registrars' documents (app/api/co-signatures)
 */
import path from "node:path";

import type { ContractName } from "@government-dao/core/contracts";
import { listDeployments, readAddresses } from "@government-dao/core/deployment";
import { DEV_ROLES, devAccountAddress } from "@government-dao/core/dev-accounts";
import { type Address, getAddress } from "viem";

import { LOCAL_CHAIN_ID, type RuntimeConfig, type DevAccount } from "@/lib/config";
import { rpcUrlFromEnv } from "@/lib/env";

/** The repository root (the web server runs in web/): its ignition/deployments/ is read when DEPLOYMENT_DIR is unset. */
const repositoryRoot = (): string => path.resolve(process.cwd(), "..");

/** Checksummed addresses of a deployment (core's one deployment reader). */
function checksummed(addresses: Partial<Record<ContractName, string>>): Partial<Record<ContractName, Address>> {
  return Object.fromEntries(Object.entries(addresses).map(([name, address]) => [name, getAddress(address)]));
}

let devAccountsCache: DevAccount[] | undefined;
function devAccounts(): DevAccount[] {
  devAccountsCache ??= DEV_ROLES.map((role, index) => ({
    index,
    role,
    address: devAccountAddress(index),
  }));
  return devAccountsCache;
}

export function runtimeConfig(): RuntimeConfig {
  const chainId = Number(process.env.CHAIN_ID ?? LOCAL_CHAIN_ID);
  const rpcUrl = rpcUrlFromEnv();
  const deploymentDir = process.env.DEPLOYMENT_DIR;
  const addresses = checksummed(deploymentDir ? readAddresses(deploymentDir) : (listDeployments(repositoryRoot())[chainId] ?? {}));
  const dev = chainId === LOCAL_CHAIN_ID && (process.env.DEV_ACCOUNTS === "1" || process.env.NEXT_PUBLIC_DEV_ACCOUNTS === "1");
  return { chainId, rpcUrl, addresses, devAccounts: dev ? devAccounts() : [] };
}

/** Where metadata JSON is stored (the local stand-in for IPFS). */
export const contentDir = (): string => process.env.CONTENT_DIR ?? path.resolve(process.cwd(), "..", ".local", "content");

/** The agency gateway's base URL, if this dApp has one. */
export const gatewayUrl = (): string | undefined => process.env.GATEWAY_URL || undefined;

let chainChecked: { at: number; local: boolean } | undefined;

/**
 * Whether the public demo keys may co-sign and this server may store content here: development accounts are on and
 * the RPC itself answers `eth_chainId` 31337 (anvil) — not the configured CHAIN_ID, which defaults to 31337. The
 * answer is kept 30 s.
 */
export async function onLocalChain(): Promise<boolean> {
  const runtime = runtimeConfig();
  if (runtime.devAccounts.length === 0) return false;
  if (chainChecked && Date.now() - chainChecked.at < 30_000) return chainChecked.local;
  let local = false;
  try {
    const response = await fetch(runtime.rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(5000),
    });
    const answer = (await response.json()) as { result?: string };
    local = typeof answer.result === "string" && Number(BigInt(answer.result)) === LOCAL_CHAIN_ID;
  } catch {
    local = false;
  }
  chainChecked = { at: Date.now(), local };
  return local;
}
