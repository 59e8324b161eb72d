/** Paths shared by the subgraph's scripts and tests (all absolute, independent of the working directory). */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { GENERATED_DIR } from "@government-dao/core/paths";

/** The subgraph package (`subgraph/`). */
export const SUBGRAPH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
/** The Hardhat project (repository root). */
export const ROOT_DIR = path.resolve(SUBGRAPH_DIR, "..");
/** The generated JSON ABIs (core's generator, git-ignored), which the manifest names. */
export const ABIS_DIR = path.join(GENERATED_DIR, "abis");
/** Generated function table for the mappings (git-ignored). */
export const FUNCTIONS_FILE = path.join(SUBGRAPH_DIR, "src", "generated", "functions.ts");
/** Per-network config, written by scripts/config.ts. */
export const CONFIG_DIR = path.join(SUBGRAPH_DIR, "config");
/** The scenario recording and its Ignition deployment (git-ignored). */
export const SCENARIO_DIR = path.join(SUBGRAPH_DIR, "tests", ".scenario");
export const SCENARIO_FILE = path.join(SCENARIO_DIR, "scenario.json");
/** Ignition deployment id used by the scenario (under SCENARIO_DIR/ignition/deployments/). */
export const SCENARIO_DEPLOYMENT_ID = "subgraph-scenario";

/** The contracts (names = data source names of subgraph.template.yaml; keys = the config keys): core's one list. */
export { DECODE_ONLY_CONTRACTS, INDEXED_CONTRACTS as CONTRACTS } from "@government-dao/core/contracts";
