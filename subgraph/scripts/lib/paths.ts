/** Paths shared by the subgraph's scripts and tests (all absolute, independent of the working directory). */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The subgraph package (`subgraph/`). */
export const SUBGRAPH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The Hardhat project (repository root). */
export const ROOT_DIR = path.resolve(SUBGRAPH_DIR, "..");
/** Hardhat build output. */
export const ARTIFACTS_DIR = path.join(ROOT_DIR, "artifacts");
/** Generated ABIs (git-ignored). */
export const ABIS_DIR = path.join(SUBGRAPH_DIR, "abis");
/** Generated function table for the mappings (git-ignored). */
export const FUNCTIONS_FILE = path.join(SUBGRAPH_DIR, "src", "generated", "functions.ts");
/** Per-network config, written by scripts/config.ts. */
export const CONFIG_DIR = path.join(SUBGRAPH_DIR, "config");
/** The scenario recording and its Ignition deployment (git-ignored). */
export const SCENARIO_DIR = path.join(SUBGRAPH_DIR, "tests", ".scenario");
export const SCENARIO_FILE = path.join(SCENARIO_DIR, "scenario.json");
/** Ignition deployment id used by the scenario (under SCENARIO_DIR/ignition/deployments/). */
export const SCENARIO_DEPLOYMENT_ID = "subgraph-scenario";

/**
 * The contracts the subgraph indexes: data source name, Hardhat artifact (relative to artifacts/), Ignition
 * future id, and the config key. Names are the data source names of subgraph.template.yaml.
 */
export const CONTRACTS = [
  {
    name: "GovernmentGovernor",
    key: "governor",
    artifact: "contracts/governance/GovernmentGovernor.sol/GovernmentGovernor.json",
    futureId: "GovernmentDAO#GovernmentGovernor",
  },
  {
    name: "TimelockController",
    key: "timelock",
    artifact: "contracts/governance/GovernmentTimelock.sol/GovernmentTimelock.json",
    futureId: "GovernmentDAO#TimelockController",
  },
  {
    name: "AgencyRegistry",
    key: "agencyRegistry",
    artifact: "contracts/governance/AgencyRegistry.sol/AgencyRegistry.json",
    futureId: "GovernmentDAO#AgencyRegistry",
  },
  {
    name: "OfficialSeats",
    key: "officialSeats",
    artifact: "contracts/governance/OfficialSeats.sol/OfficialSeats.json",
    futureId: "GovernmentDAO#OfficialSeats",
  },
  {
    name: "DocumentRegistry",
    key: "documentRegistry",
    artifact: "contracts/documents/DocumentRegistry.sol/DocumentRegistry.json",
    futureId: "GovernmentDAO#DocumentRegistry",
  },
  {
    name: "BudgetEscrow",
    key: "budgetEscrow",
    artifact: "contracts/treasury/BudgetEscrow.sol/BudgetEscrow.json",
    futureId: "GovernmentDAO#BudgetEscrow",
  },
] as const;

/** Contracts whose ABIs are extracted for decoding proposal actions only (not data sources). */
export const DECODE_ONLY_CONTRACTS = [
  {
    name: "DigitalTenge",
    key: "digitalTenge",
    artifact: "contracts/treasury/DigitalTenge.sol/DigitalTenge.json",
    futureId: "DigitalTenge#DigitalTenge",
  },
] as const;

export type ContractKey = (typeof CONTRACTS)[number]["key"] | (typeof DECODE_ONLY_CONTRACTS)[number]["key"];
