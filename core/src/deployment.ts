/**
 * The one deployment reader: addresses (and creation blocks) of a GovernmentDAO deployment, read from Hardhat
 * Ignition's output (`ignition/deployments/<deployment id>/deployed_addresses.json` and `journal.jsonl`), never typed
 * by hand. The CLI, the agents, the indexer's config, the subgraph's config and the dApp's build read it. Node only.
 */
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { CONTRACTS, type ContractName, DECODE_ONLY_CONTRACTS, INDEXED_CONTRACTS, type IndexedContractName, contractEntry } from "./contracts.ts";

/** The contracts of one deployment of the GovernmentDAO module. */
export interface GovernmentAddresses {
  timelock: string;
  agencies: string;
  seats: string;
  documents: string;
  escrow: string;
  governor: string;
  appeals: string;
  signingKeys: string;
}

/** Ignition future id of each contract of the module, by address-book key (from `contracts.ts`). */
const FUTURE_IDS = Object.fromEntries(INDEXED_CONTRACTS.map((c) => [c.key, c.futureId])) as Record<keyof GovernmentAddresses, string>;

/** Ignition's default deployment id for a chain. */
export const deploymentIdFor = (chainId: bigint | number): string => `chain-${chainId}`;

/** Ignition's folder of deployment `deploymentId` under `root` (the repository root by default). */
export const deploymentDir = (deploymentId: string, root = process.cwd()): string =>
  path.join(root, "ignition", "deployments", deploymentId);

/** Reads the addresses of deployment `deploymentId` under `root` (the repository root by default). */
export async function loadDeployment(deploymentId: string, root = process.cwd()): Promise<GovernmentAddresses> {
  return loadDeploymentFrom(deploymentDir(deploymentId, root));
}

/** Reads the addresses of the Ignition deployment in folder `dir`. */
export async function loadDeploymentFrom(dir: string): Promise<GovernmentAddresses> {
  const file = path.join(dir, "deployed_addresses.json");
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    throw new Error(`No deployment "${path.basename(dir)}" (missing ${path.relative(process.cwd(), file)}). Deploy first.`);
  }
  const json: unknown = JSON.parse(raw);
  if (typeof json !== "object" || json === null) throw new Error(`${file} is not a JSON object`);
  const entries = json as Record<string, unknown>;
  const read = (key: keyof GovernmentAddresses): string => {
    const value = entries[FUTURE_IDS[key]];
    if (typeof value !== "string") throw new Error(`${file} has no address for ${FUTURE_IDS[key]}: half a deployment?`);
    return value;
  };
  return {
    timelock: read("timelock"),
    agencies: read("agencies"),
    seats: read("seats"),
    documents: read("documents"),
    escrow: read("escrow"),
    governor: read("governor"),
    appeals: read("appeals"),
    signingKeys: read("signingKeys"),
  };
}

/** Address of the dev DigitalTenge (Ignition future "DigitalTenge#DigitalTenge") of deployment `deploymentId`. */
export async function loadDevTenge(deploymentId: string, root = process.cwd()): Promise<string> {
  return loadDevTengeFrom(deploymentDir(deploymentId, root));
}

/** Address of the dev DigitalTenge of the Ignition deployment in folder `dir`. */
export async function loadDevTengeFrom(dir: string): Promise<string> {
  const deploymentId = path.basename(dir);
  const file = path.join(dir, "deployed_addresses.json");
  const json: unknown = JSON.parse(await readFile(file, "utf8").catch(() => "{}"));
  const tenge = contractEntry("DigitalTenge").futureId;
  const value = typeof json === "object" && json !== null ? (json as Record<string, unknown>)[tenge] : undefined;
  if (typeof value !== "string") throw new Error(`Deployment "${deploymentId}" has no DigitalTenge (local/dev chains deploy it with npm start).`);
  return value;
}

/** Address and creation block of one Ignition future. */
export interface DeployedFuture {
  /** Lower-case address. */
  address: string;
  /** Block of the transaction that created the contract (an indexer's start block). */
  startBlock: number;
}

/** What an Ignition deployment folder says: its chain id and each deployed future's address and creation block. */
export interface IgnitionRecord {
  chainId: number;
  /** By future id (e.g. "GovernmentDAO#GovernmentGovernor"). */
  futures: Map<string, DeployedFuture>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/**
 * Reads `deployed_addresses.json` and `journal.jsonl` of Ignition deployment folder `dir` (synchronously: Ponder
 * evaluates its config module once). The journal gives the chain id (DEPLOYMENT_INITIALIZE) and each contract's
 * creation block (the TRANSACTION_CONFIRM whose receipt created it). Shared by the subgraph's and the indexer's
 * generated configs.
 */
export function readIgnitionRecord(dir: string): IgnitionRecord {
  let addressesRaw: string;
  let journalRaw: string;
  try {
    addressesRaw = readFileSync(path.join(dir, "deployed_addresses.json"), "utf8");
    journalRaw = readFileSync(path.join(dir, "journal.jsonl"), "utf8");
  } catch {
    throw new Error(`No Ignition deployment in ${dir} (deployed_addresses.json + journal.jsonl). Deploy first.`);
  }
  const addresses: unknown = JSON.parse(addressesRaw);
  if (!isRecord(addresses)) throw new Error(`${dir}/deployed_addresses.json is not a JSON object`);
  let chainId: number | undefined;
  const blocks = new Map<string, number>();
  for (const line of journalRaw.split("\n")) {
    if (line.trim() === "") continue;
    const entry: unknown = JSON.parse(line);
    if (!isRecord(entry)) continue;
    if (entry.type === "DEPLOYMENT_INITIALIZE" && typeof entry.chainId === "number") chainId = entry.chainId;
    if (entry.type === "TRANSACTION_CONFIRM" && typeof entry.futureId === "string" && isRecord(entry.receipt)) {
      const block = entry.receipt.blockNumber;
      // The deployment transaction is the one that created the contract.
      if (typeof block === "number" && typeof entry.receipt.contractAddress === "string") blocks.set(entry.futureId, block);
    }
  }
  if (chainId === undefined) throw new Error(`${dir}/journal.jsonl has no DEPLOYMENT_INITIALIZE entry`);
  const futures = new Map<string, DeployedFuture>();
  for (const [futureId, address] of Object.entries(addresses)) {
    const startBlock = blocks.get(futureId);
    if (typeof address === "string" && startBlock !== undefined) futures.set(futureId, { address: address.toLowerCase(), startBlock });
  }
  return { chainId, futures };
}

/** Address and start block of one contract of a deployment. */
export interface DeployedContract {
  address: `0x${string}`;
  startBlock: number;
}

/** A deployment as an indexer reads it: chain id, and each contract's address and creation block. */
export interface Deployment {
  chainId: number;
  dir: string;
  contracts: Record<IndexedContractName, DeployedContract>;
  /** Contracts named when decoding calls (DigitalTenge on local chains), if deployed. */
  decodeOnly: Partial<Record<ContractName, DeployedContract>>;
}

/** Reads deployment folder `dir` synchronously (Ponder evaluates its config module once, at build time). */
export function readDeployment(dir: string): Deployment {
  const { chainId, futures } = readIgnitionRecord(dir);
  const read = (futureId: string): DeployedContract | undefined => {
    const deployed = futures.get(futureId);
    return deployed ? { address: deployed.address as `0x${string}`, startBlock: deployed.startBlock } : undefined;
  };
  const contracts = {} as Record<IndexedContractName, DeployedContract>;
  for (const c of INDEXED_CONTRACTS) {
    const deployed = read(c.futureId);
    if (!deployed) throw new Error(`Deployment ${dir} has no address or block for ${c.futureId}: half a deployment?`);
    contracts[c.name] = deployed;
  }
  const decodeOnly: Partial<Record<ContractName, DeployedContract>> = {};
  for (const c of DECODE_ONLY_CONTRACTS) {
    const deployed = read(c.futureId);
    if (deployed) decodeOnly[c.name] = deployed;
  }
  return { chainId, dir, contracts, decodeOnly };
}

/** Our contract names by lower-case address (indexed and decode-only), to name the targets of calls. */
export function contractNamesByAddress(deployment: Deployment): Map<string, ContractName> {
  const names = new Map<string, ContractName>();
  for (const [name, c] of Object.entries(deployment.contracts)) names.set(c.address, name as ContractName);
  for (const [name, c] of Object.entries(deployment.decodeOnly)) if (c) names.set(c.address, name as ContractName);
  return names;
}

/** The addresses in deployment folder `dir`'s `deployed_addresses.json`, by contract name (those deployed). */
export function readAddresses(dir: string): Partial<Record<ContractName, `0x${string}`>> {
  const file = path.join(dir, "deployed_addresses.json");
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new Error(`No deployment in ${dir} (missing or unreadable deployed_addresses.json). Deploy first.`);
  }
  if (!isRecord(json)) throw new Error(`${file} is not a JSON object`);
  const addresses: Partial<Record<ContractName, `0x${string}`>> = {};
  for (const c of CONTRACTS) {
    const value = json[c.futureId];
    if (typeof value === "string" && /^0x[0-9a-fA-F]{40}$/.test(value)) addresses[c.name] = value as `0x${string}`;
  }
  return addresses;
}

/**
 * The complete GovernmentDAO deployments under `root`'s `ignition/deployments/`, by chain id: each contract's
 * address (the dev token's where deployed). Of two deployments of one chain, Ignition's default id `chain-<id>` wins.
 */
export function listDeployments(root: string): Record<number, Partial<Record<ContractName, `0x${string}`>>> {
  const base = path.join(root, "ignition", "deployments");
  let entries: string[];
  try {
    entries = readdirSync(base);
  } catch {
    return {};
  }
  const result: Record<number, Partial<Record<ContractName, `0x${string}`>>> = {};
  for (const name of entries.sort()) {
    let record: IgnitionRecord;
    try {
      record = readIgnitionRecord(path.join(base, name));
    } catch {
      continue;
    }
    const addresses = readAddresses(path.join(base, name));
    if (!INDEXED_CONTRACTS.every((c) => addresses[c.name])) continue;
    if (!result[record.chainId] || name === deploymentIdFor(record.chainId)) result[record.chainId] = addresses;
  }
  return result;
}
