// What the API knows besides the database: the deployment, the content store, the flags file, its signing key, its
// public origin.
import path from "node:path";

import { type ApiKeys, apiKeysFromSeed } from "@government-dao/core/extract";
import { readDeployment } from "@government-dao/core/deployment";
import { DEFAULT_DEPLOYMENT_DIR, DEFAULT_STATE_DIR, ROOT_DIR } from "../../lib/paths.js";
import { publicUrlFrom } from "./public-url.js";
import { loadOrCreateSeed } from "./signing-key.js";

export const deployment = readDeployment(process.env.INDEXER_DEPLOYMENT_DIR ?? DEFAULT_DEPLOYMENT_DIR);
/** The deployment's digital tenge (the one token with an ISO 4217 currency, KZT: core/src/currency.ts), if any. */
export const digitalTenge: string | undefined = deployment.decodeOnly.DigitalTenge?.address ?? process.env.DIGITAL_TENGE_ADDRESS;
export const contentDir = process.env.CONTENT_DIR ?? path.join(ROOT_DIR, ".local", "content");
export const flagsFile = process.env.AUDIT_FLAGS_FILE ?? path.join(ROOT_DIR, ".local", "agent", "flags.json");
const stateDir = process.env.INDEXER_STATE_DIR ?? DEFAULT_STATE_DIR;

/** Where readers reach the API (`PUBLIC_URL`, default http://127.0.0.1:<port>): every link the API writes starts here. */
export const publicUrl = publicUrlFrom(process.env, process.argv);

/**
 * The signing key's seed file: `API_SIGNING_SEED_FILE` (npm start and the test worlds give the demo seed, whose key
 * the demo deployment registers: devchain/src/extract-key.ts), else `<state>/api-signing-seed.hex`, created on the
 * first start (docs/security.md: a file, mode 0600, in the demo; an HSM in production).
 */
export const signingSeedFile = process.env.API_SIGNING_SEED_FILE ?? path.join(stateDir, "api-signing-seed.hex");

/**
 * The API's ML-DSA-65 key, loaded when the API starts: created on the first start, never overwritten; an unreadable or
 * corrupt seed file stops the start with an error naming the file (src/api/signing-key.ts).
 */
const keys: ApiKeys = apiKeysFromSeed(loadOrCreateSeed(signingSeedFile));
export const apiKeys = (): ApiKeys => keys;
