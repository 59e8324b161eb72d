/**
 * The two endpoints a deployment chooses at start time (set by startWeb / `npm start`), read per request so one
 * build serves any deployment. Server-only: the browser learns the RPC URL from the runtime configuration.
 */

/** JSON-RPC endpoint the browser and the server read the chain from (env RPC_URL). */
export const rpcUrlFromEnv = (): string => process.env.RPC_URL ?? "http://127.0.0.1:8545";

/** Base URL of the indexer's public API (env API_URL); default: the indexer of `npm start` on its default port. */
export const apiBaseUrl = (): string => (process.env.API_URL ?? "http://127.0.0.1:42069").replace(/\/+$/, "");
