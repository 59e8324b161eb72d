/**
 * Generates a 4-validator Hyperledger Besu QBFT network (plus one RPC node) for the Government DAO: genesis with
 * free gas, node keys, static nodes, and the accounts and nodes allow-lists. See deploy/besu/README.md.
 *
 *   npm run besu:generate -- --out deploy/besu/network [--chain-id 3980] [--block-period 2] [--request-timeout 4]
 *       [--epoch 30000] [--gas-limit 30000000] [--deployer 0x…] [--account 0x… …] [--force]
 *
 * The output directory holds node private keys: it is git-ignored and must never be committed or shared.
 */
import path from "node:path";
import { parseArgs } from "node:util";

import { DEFAULT_SETTINGS } from "./lib/genesis.js";
import { generateNetwork } from "./lib/network.js";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: path.join("deploy", "besu", "network") },
    "chain-id": { type: "string", default: String(DEFAULT_SETTINGS.chainId) },
    "block-period": { type: "string", default: String(DEFAULT_SETTINGS.blockPeriodSeconds) },
    "request-timeout": { type: "string", default: String(DEFAULT_SETTINGS.requestTimeoutSeconds) },
    epoch: { type: "string", default: String(DEFAULT_SETTINGS.epochLength) },
    "gas-limit": { type: "string", default: DEFAULT_SETTINGS.gasLimit.toString() },
    deployer: { type: "string" },
    account: { type: "string", multiple: true, default: [] },
    force: { type: "boolean", default: false },
  },
});

const integer = (name: string, text: string | undefined): number => {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer, got ${text}`);
  return value;
};

const network = await generateNetwork({
  out: values.out,
  settings: {
    chainId: integer("chain-id", values["chain-id"]),
    blockPeriodSeconds: integer("block-period", values["block-period"]),
    requestTimeoutSeconds: integer("request-timeout", values["request-timeout"]),
    epochLength: integer("epoch", values.epoch),
    gasLimit: BigInt(integer("gas-limit", values["gas-limit"])),
    timestamp: Math.floor(Date.now() / 1000),
  },
  accounts: values.account,
  ...(values.deployer ? { deployer: values.deployer } : {}),
  force: values.force,
});

const rel = path.relative(process.cwd(), network.dir) || ".";
console.log(`besu: QBFT network for chain ${network.summary.chainId} in ${rel}/`);
for (const node of network.summary.nodes) console.log(`  ${node.name.padEnd(11)} ${node.role.padEnd(9)} ${node.address}  ${node.ip}`);
console.log(`  tolerates ${network.summary.faultTolerance} faulty validator(s); block every ${network.summary.blockPeriodSeconds} s; gas limit ${network.summary.gasLimit}`);
console.log(`  deployer ${network.summary.deployer}${network.generatedDeployerKey ? ` (new key in ${rel}/deployer/key, mode 0600)` : ""}`);
console.log(`  node keys: ${rel}/nodes/*/key (mode 0600, git-ignored). Next: docker compose -f deploy/besu/docker-compose.yml up -d`);
