/**
 * Ponder config, generated at build time from the Ignition deployment the indexer is pointed at (never edited per
 * network): addresses and start blocks come from `INDEXER_DEPLOYMENT_DIR`, the ABIs from `@government-dao/core/abis`.
 *
 * Environment (set by lib/run.ts `startIndexer`):
 *   INDEXER_DEPLOYMENT_DIR  Ignition deployment dir (default ../ignition/deployments/chain-31337)
 *   INDEXER_RPC_URL         JSON-RPC of the chain (default http://127.0.0.1:8545)
 *   DATABASE_URL            PostgreSQL connection string; unset = embedded PGlite in INDEXER_PGLITE_DIR
 *   INDEXER_POLLING_MS      head polling interval (default 1000)
 */
import { createConfig } from "ponder";

import { abis } from "@government-dao/core/abis";
import { readDeployment } from "@government-dao/core/deployment";
import { DEFAULT_DEPLOYMENT_DIR, DEFAULT_STATE_DIR } from "./lib/paths.js";

const deployment = readDeployment(process.env.INDEXER_DEPLOYMENT_DIR ?? DEFAULT_DEPLOYMENT_DIR);
const rpcUrl = process.env.INDEXER_RPC_URL ?? "http://127.0.0.1:8545";
// Ponder throttles each RPC URL at first; listing the local URL several times lifts that (indexer/README.md, fact F1).
const rpc = Array.from({ length: 8 }, () => rpcUrl);
const contract = <name extends keyof typeof deployment.contracts>(name: name) => ({
  chain: "dao" as const,
  abi: abis[name],
  address: deployment.contracts[name].address,
  startBlock: deployment.contracts[name].startBlock,
});

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: "postgres", connectionString: process.env.DATABASE_URL }
    : { kind: "pglite", directory: process.env.INDEXER_PGLITE_DIR ?? `${DEFAULT_STATE_DIR}/pglite` },
  chains: {
    dao: {
      id: deployment.chainId,
      rpc,
      pollingInterval: Number(process.env.INDEXER_POLLING_MS ?? 1000),
    },
  },
  contracts: {
    GovernmentGovernor: contract("GovernmentGovernor"),
    TimelockController: contract("TimelockController"),
    AgencyRegistry: contract("AgencyRegistry"),
    OfficialSeats: contract("OfficialSeats"),
    DocumentRegistry: contract("DocumentRegistry"),
    BudgetEscrow: contract("BudgetEscrow"),
    Appeals: contract("Appeals"),
    SigningKeyRegistry: contract("SigningKeyRegistry"),
  },
});
