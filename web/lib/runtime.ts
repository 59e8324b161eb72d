/**
 * What the running server knows about the chain, read at request time from its environment (set by startWeb or
 * `npm start`), so one build serves any deployment:
 *   RPC_URL         JSON-RPC endpoint the browser and the server read from (default http://127.0.0.1:8545)
 *   CHAIN_ID        chain id (default 31337)
 *   DEPLOYMENT_DIR  an Ignition deployment folder (default: the chain's under <repo>/ignition/deployments/)
 *   DEV_ACCOUNTS=1  offer anvil's development accounts as a wallet (only honoured on chain 31337)
 *   CONTENT_DIR     the local content store (metadata JSON) of the deployment (default <repo>/.local/content)
 *   API_URL         the indexer's public API, read by the public pages (lib/api/client.ts)
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
