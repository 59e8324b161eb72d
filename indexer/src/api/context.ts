// What the API knows besides the database: the deployment, the content store, the flags file, its signing key.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import { type ApiKeys, apiKeysFromSeed } from "../../lib/extract.js";
import { readDeployment } from "../../lib/deployment.js";
import { DEFAULT_DEPLOYMENT_DIR, DEFAULT_STATE_DIR, ROOT_DIR } from "../../lib/paths.js";

export const deployment = readDeployment(process.env.INDEXER_DEPLOYMENT_DIR ?? DEFAULT_DEPLOYMENT_DIR);
export const contentDir = process.env.CONTENT_DIR ?? path.join(ROOT_DIR, ".local", "content");
export const flagsFile = process.env.AUDIT_FLAGS_FILE ?? path.join(ROOT_DIR, ".local", "agent", "flags.json");
const stateDir = process.env.INDEXER_STATE_DIR ?? DEFAULT_STATE_DIR;

let keys: ApiKeys | undefined;
/** The API's ML-DSA-65 key, from `<state>/api-signing-seed.hex` (created on first use; DEMO: a local file, not an HSM). */
export function apiKeys(): ApiKeys {
  if (keys) return keys;
  const file = path.join(stateDir, "api-signing-seed.hex");
  let seedHex: string;
  try {
    seedHex = readFileSync(file, "utf8").trim();
  } catch {
    seedHex = randomBytes(32).toString("hex");
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(file, `${seedHex}\n`, { mode: 0o600 });
  }
  keys = apiKeysFromSeed(Uint8Array.from(Buffer.from(seedHex, "hex")));
  return keys;
}
