/**
 * Generates the files of a 4-validator QBFT network plus one RPC node, laid out for deploy/besu/docker-compose.yml:
 *
 *   <out>/genesis.json              QBFT genesis, free gas, forks to Cancun at 0          (public)
 *   <out>/static-nodes.json         enode URLs of all nodes                                 (public)
 *   <out>/permissions_config.toml   accounts and nodes allow-lists                          (public)
 *   <out>/network.json              summary: chain id, settings, nodes, enodes, addresses   (public)
 *   <out>/besu.env                  BESU_RPC_URL for the hardhat `besu` network             (public)
 *   <out>/nodes/<name>/key          node private key, mode 0600                             (SECRET)
 *   <out>/nodes/<name>/key.pub      node public key                                         (public)
 *   <out>/deployer/key              deployer private key, only if no --deployer was given   (SECRET)
 *   <out>/.gitignore                "*": nothing of it is ever committed
 */
import { chmod, mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { Wallet, getAddress } from "ethers";

import { type QbftGenesis, type QbftSettings, buildGenesis } from "./genesis.js";
import { type NodePlan, type NodeWithKey, makeNode, publicPart } from "./nodes.js";
import { type Allowlists, renderPermissions } from "./permissions.js";
import { faultTolerance } from "./qbft.js";

/** The compose network (deploy/besu/docker-compose.yml): subnet and the fixed address of each node. */
export const COMPOSE_SUBNET = "172.16.239.0/24";
export const NODE_LAYOUT = [
  { name: "validator1", role: "validator", ip: "172.16.239.11" },
  { name: "validator2", role: "validator", ip: "172.16.239.12" },
  { name: "validator3", role: "validator", ip: "172.16.239.13" },
  { name: "validator4", role: "validator", ip: "172.16.239.14" },
  { name: "rpc1", role: "rpc", ip: "172.16.239.15" },
] as const;
/** devp2p port inside the compose network. */
export const P2P_PORT = 30303;
/** JSON-RPC port the RPC node publishes on the host. */
export const RPC_HOST_PORT = 8545;

/** Options of {@link generateNetwork}. */
export interface GenerateOptions {
  out: string;
  settings: QbftSettings;
  /** Accounts allowed to transact from the start (officials, registrars, keepers). The deployer is added. */
  accounts?: readonly string[];
  /** Deployer address; when absent a deployer key is generated into `<out>/deployer/key`. */
  deployer?: string;
  /** Overwrite a directory that already holds a generated network (its keys are lost). */
  force?: boolean;
}

/** Public summary written to `network.json`. */
export interface NetworkSummary {
  chainId: number;
  blockPeriodSeconds: number;
  requestTimeoutSeconds: number;
  epochLength: number;
  gasLimit: string;
  faultTolerance: number;
  deployer: string;
  rpcUrl: string;
  nodes: NodePlan[];
}

/** What {@link generateNetwork} returns (the deployer key only if it generated one). */
export interface GeneratedNetwork {
  dir: string;
  genesis: QbftGenesis;
  summary: NetworkSummary;
  allowlists: Allowlists;
  generatedDeployerKey?: string;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

async function writeSecret(file: string, text: string): Promise<void> {
  await writeFile(file, text, { mode: 0o600 });
  await chmod(file, 0o600); // writeFile keeps the mode of an existing file
}

/** Generates the network's files into `options.out` and returns what it wrote. */
export async function generateNetwork(options: GenerateOptions): Promise<GeneratedNetwork> {
  const dir = path.resolve(options.out);
  await mkdir(dir, { recursive: true });
  const existing = await readdir(dir);
  if (existing.includes("genesis.json") && !options.force) {
    throw new Error(`${dir} already holds a network (genesis.json); its node keys would be lost. Use --force to overwrite.`);
  }
  await writeFile(path.join(dir, ".gitignore"), "# Generated network: node keys are secrets. Never commit.\n*\n");

  const nodes: NodeWithKey[] = NODE_LAYOUT.map((n) => makeNode(n.name, n.role, n.ip, P2P_PORT));
  const validators = nodes.filter((n) => n.role === "validator").map((n) => n.address);
  const genesis = buildGenesis(options.settings, validators);

  let deployer = options.deployer ? getAddress(options.deployer) : undefined;
  let generatedDeployerKey: string | undefined;
  if (!deployer) {
    const wallet = Wallet.createRandom();
    deployer = wallet.address;
    generatedDeployerKey = wallet.privateKey;
    await mkdir(path.join(dir, "deployer"), { recursive: true });
    await writeSecret(path.join(dir, "deployer", "key"), `${wallet.privateKey}\n`);
  }
  const allowlists: Allowlists = {
    accounts: [deployer, ...(options.accounts ?? [])],
    nodes: nodes.map((n) => n.enode),
  };

  for (const node of nodes) {
    const nodeDir = path.join(dir, "nodes", node.name);
    await mkdir(path.join(nodeDir, "data"), { recursive: true });
    await writeSecret(path.join(nodeDir, "key"), node.privateKey);
    await writeFile(path.join(nodeDir, "key.pub"), `0x${node.publicKey}`);
  }

  const summary: NetworkSummary = {
    chainId: options.settings.chainId,
    blockPeriodSeconds: options.settings.blockPeriodSeconds,
    requestTimeoutSeconds: options.settings.requestTimeoutSeconds,
    epochLength: options.settings.epochLength,
    gasLimit: options.settings.gasLimit.toString(),
    faultTolerance: faultTolerance(validators.length),
    deployer,
    rpcUrl: `http://127.0.0.1:${RPC_HOST_PORT}`,
    nodes: nodes.map(publicPart),
  };
  await writeFile(path.join(dir, "genesis.json"), json(genesis));
  await writeFile(path.join(dir, "static-nodes.json"), json(allowlists.nodes));
  await writeFile(path.join(dir, "permissions_config.toml"), renderPermissions(allowlists));
  await writeFile(path.join(dir, "network.json"), json(summary));
  await writeFile(
    path.join(dir, "besu.env"),
    [
      "# Append to the repository's .env for `--network besu` (hardhat.config.ts). Public values only:",
      "# DEPLOYER_PRIVATE_KEY is yours to add (from deployer/key if the generator made one, or a hardware-held key).",
      `BESU_RPC_URL=${summary.rpcUrl}`,
      "",
    ].join("\n"),
  );
  return { dir, genesis, summary, allowlists, ...(generatedDeployerKey ? { generatedDeployerKey } : {}) };
}
