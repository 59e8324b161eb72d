/**
 * Reads a Hardhat Ignition deployment directory: `deployed_addresses.json` (address per future id) and
 * `journal.jsonl` (chain id, and the block of each contract's creation = its start block). This is what the
 * Ponder config is generated from at build time: nothing is typed by hand.
 */
import { readIgnitionRecord } from "../../scripts/lib/deployment.js";
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

/** Reads deployment `dir` synchronously (Ponder evaluates its config module once, at build time). */
export function readDeployment(dir: string): Deployment {
  const { chainId, futures } = readIgnitionRecord(dir);
  const read = (futureId: string): DeployedContract | undefined => {
    const deployed = futures.get(futureId);
    return deployed ? { address: deployed.address as `0x${string}`, startBlock: deployed.startBlock } : undefined;
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
