/**
 * Reads a Hardhat Ignition deployment directory: `deployed_addresses.json` (address per future id) and
 * `journal.jsonl` (chain id, and the block of each contract's creation = its start block). This is what the
 * Ponder config is generated from at build time: nothing is typed by hand.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { CONTRACTS, type ContractName, DECODE_ONLY_CONTRACTS, type IndexedContractName } from "./paths.js";

export interface DeployedContract {
  address: `0x${string}`;
  startBlock: number;
}

export interface Deployment {
  chainId: number;
  dir: string;
  contracts: Record<IndexedContractName, DeployedContract>;
  /** Contracts named when decoding calls (DigitalTenge on local chains), if deployed. */
  decodeOnly: Partial<Record<ContractName, DeployedContract>>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** Reads deployment `dir` synchronously (Ponder evaluates its config module once, at build time). */
export function readDeployment(dir: string): Deployment {
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
      if (typeof block === "number" && typeof entry.receipt.contractAddress === "string") blocks.set(entry.futureId, block);
    }
  }
  if (chainId === undefined) throw new Error(`${dir}/journal.jsonl has no DEPLOYMENT_INITIALIZE entry`);
  const read = (futureId: string): DeployedContract | undefined => {
    const address = addresses[futureId];
    const startBlock = blocks.get(futureId);
    if (typeof address !== "string" || startBlock === undefined) return undefined;
    return { address: address.toLowerCase() as `0x${string}`, startBlock };
  };
  const contracts = {} as Record<IndexedContractName, DeployedContract>;
  for (const c of CONTRACTS) {
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
