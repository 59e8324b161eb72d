/**
 * Writes `config/<name>.json` (addresses and start blocks of one network) from a Hardhat Ignition deployment:
 * `deployed_addresses.json` gives the addresses, the deployment journal (`journal.jsonl`) the block in which each
 * contract was deployed. Never edit a config file by hand: re-run this after each deployment.
 *
 *   tsx scripts/config.ts [--name local] [--network localhost] [--deployment-dir ../ignition/deployments/chain-31337]
 *
 * `--network` is the graph-node network name the subgraph is deployed against (see deploy/graph-node/).
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

import { readIgnitionRecord } from "@government-dao/core/deployment";
import { contractEntry } from "@government-dao/core/contracts";

import { CONFIG_DIR, CONTRACTS, ROOT_DIR } from "./lib/paths.js";

/** One contract in a network config. */
export interface ContractConfig {
  address: string;
  startBlock: number;
}

/** The shape of `config/<name>.json`, the view rendered into subgraph.yaml. */
export interface NetworkConfig {
  network: string;
  chainId: number;
  deployment: string;
  governor: ContractConfig;
  timelock: ContractConfig;
  agencies: ContractConfig;
  seats: ContractConfig;
  documents: ContractConfig;
  escrow: ContractConfig;
  appeals: ContractConfig;
  signingKeys: ContractConfig;
  /** The dev DigitalTenge (local chains only); used to name calls to it in proposals. */
  tenge?: ContractConfig;
}

/** Reads a deployment directory and returns its network config. */
export async function configFromDeployment(deploymentDir: string, network: string): Promise<NetworkConfig> {
  const { chainId, futures } = readIgnitionRecord(deploymentDir);
  const read = (futureId: string, required: boolean): ContractConfig | undefined => {
    const deployed = futures.get(futureId);
    if (!deployed && required) throw new Error(`Deployment ${deploymentDir} has no address or block for ${futureId}: half a deployment?`);
    return deployed;
  };
  const required = (futureId: string): ContractConfig => read(futureId, true) as ContractConfig;
  const byKey = Object.fromEntries(CONTRACTS.map((c) => [c.key, required(c.futureId)])) as Record<
    (typeof CONTRACTS)[number]["key"],
    ContractConfig
  >;
  const tenge = read(contractEntry("DigitalTenge").futureId, false);
  return {
    network,
    chainId,
    deployment: path.basename(deploymentDir),
    ...byKey,
    ...(tenge ? { tenge } : {}),
  };
}

/** Writes `config/<name>.json` and returns its path. */
export async function writeNetworkConfig(name: string, config: NetworkConfig): Promise<string> {
  await mkdir(CONFIG_DIR, { recursive: true });
  const file = path.join(CONFIG_DIR, `${name}.json`);
  await writeFile(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      name: { type: "string", default: "local" },
      network: { type: "string", default: "localhost" },
      "deployment-dir": { type: "string", default: path.join(ROOT_DIR, "ignition", "deployments", "chain-31337") },
    },
  });
  const config = await configFromDeployment(path.resolve(values["deployment-dir"]), values.network);
  const file = await writeNetworkConfig(values.name, config);
  console.log(`config: wrote ${path.relative(process.cwd(), file)} (chain ${config.chainId}, deployment ${config.deployment})`);
}
