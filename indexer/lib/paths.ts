/** Paths of the indexer package and the repository around it (absolute, independent of the working directory). */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The indexer package (`indexer/`). */
export const INDEXER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The Hardhat project (repository root). */
export const ROOT_DIR = path.resolve(INDEXER_DIR, "..");
/** Hardhat build output. */
export const ARTIFACTS_DIR = path.join(ROOT_DIR, "artifacts");
/** Generated code (git-ignored). */
export const GENERATED_DIR = path.join(INDEXER_DIR, "generated");
export const ABIS_FILE = path.join(GENERATED_DIR, "abis.ts");
/** Default Ignition deployment (the one `npm start` writes). */
export const DEFAULT_DEPLOYMENT_DIR = path.join(ROOT_DIR, "ignition", "deployments", "chain-31337");
/** Default state of a local run: PGlite data, the API signing key (git-ignored `.local/`). */
export const DEFAULT_STATE_DIR = path.join(ROOT_DIR, ".local", "indexer");

/**
 * The contracts the indexer reads: Ponder contract name = artifact name, artifact path under `artifacts/`,
 * Ignition future id. DigitalTenge is decode-only (proposal actions that call it are named).
 */
export const CONTRACTS = [
  { name: "GovernmentGovernor", artifact: "contracts/governance/GovernmentGovernor.sol/GovernmentGovernor.json", futureId: "GovernmentDAO#GovernmentGovernor" },
  { name: "TimelockController", artifact: "contracts/governance/GovernmentTimelock.sol/GovernmentTimelock.json", futureId: "GovernmentDAO#TimelockController" },
  { name: "AgencyRegistry", artifact: "contracts/governance/AgencyRegistry.sol/AgencyRegistry.json", futureId: "GovernmentDAO#AgencyRegistry" },
  { name: "OfficialSeats", artifact: "contracts/governance/OfficialSeats.sol/OfficialSeats.json", futureId: "GovernmentDAO#OfficialSeats" },
  { name: "DocumentRegistry", artifact: "contracts/documents/DocumentRegistry.sol/DocumentRegistry.json", futureId: "GovernmentDAO#DocumentRegistry" },
  { name: "BudgetEscrow", artifact: "contracts/treasury/BudgetEscrow.sol/BudgetEscrow.json", futureId: "GovernmentDAO#BudgetEscrow" },
] as const;

export const DECODE_ONLY_CONTRACTS = [
  { name: "DigitalTenge", artifact: "contracts/treasury/DigitalTenge.sol/DigitalTenge.json", futureId: "DigitalTenge#DigitalTenge" },
] as const;

export type IndexedContractName = (typeof CONTRACTS)[number]["name"];
export type ContractName = IndexedContractName | (typeof DECODE_ONLY_CONTRACTS)[number]["name"];
