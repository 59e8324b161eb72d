/** Paths of the indexer package and the repository around it (absolute, independent of the working directory). */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The indexer package (`indexer/`). */
export const INDEXER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The Hardhat project (repository root). */
export const ROOT_DIR = path.resolve(INDEXER_DIR, "..");
/** Default Ignition deployment (the one `npm start` writes). */
export const DEFAULT_DEPLOYMENT_DIR = path.join(ROOT_DIR, "ignition", "deployments", "chain-31337");
/** Default state of a local run: PGlite data, the API signing key (git-ignored `.local/`). */
export const DEFAULT_STATE_DIR = path.join(ROOT_DIR, ".local", "indexer");
