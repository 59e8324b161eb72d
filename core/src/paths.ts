/** Paths of the core package and the repository around it (absolute, independent of the working directory). Node only. */
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The core package (`core/`). */
export const CORE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The Hardhat project (repository root). */
export const ROOT_DIR = path.resolve(CORE_DIR, "..");
/** Hardhat build output. */
export const ARTIFACTS_DIR = path.join(ROOT_DIR, "artifacts");
/** Generated code (git-ignored): `abis.ts` and `abis/*.json`. */
export const GENERATED_DIR = path.join(CORE_DIR, "generated");
/** The JSON ABI of contract `name` (graph-cli reads these). */
export const abiJsonFile = (name: string): string => path.join(GENERATED_DIR, "abis", `${name}.json`);
