/**
 * The gateway's configuration: one entry per agency whose systems it serves. A new ministry joins with one entry
 * here (after the proposal that registers it on chain); the gateway re-reads the file when it changes, so neither a
 * restart nor a code change is needed. A file that does not parse is refused and the last good one stays in force.
 *
 *   {
 *     "agencies": [{
 *       "id": 4,
 *       "clients": ["0x…"],                      // addresses of the keys that sign the agency system's requests
 *       "registrarKeyFile": "keys/registrar-4.key",  // hex secp256k1 key of its registrar (chmod 600)
 *       "coSigner": { "keyFile": "keys/agency-4.mldsa.json" },  // or { "demo": true } on the local chain only
 *       "webhook": "https://records.agency.example/gateway-receipts"  // optional: told when a request is final
 *     }],
 *     "auditors": ["0x…"]                          // keys that may read every agency's message log
 *   }
 *
 * Relative paths are read from the configuration file's folder. Key files must be readable by their owner only.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

import { type Address, type Hex, getAddress, isAddress, isHex } from "viem";
import { type LocalAccount, privateKeyToAccount } from "viem/accounts";
import { z } from "zod";

import { type CoSigner, demoAgencyKeys, keySigner, parseAgencyKeyFile } from "@government-dao/core/cosignature";
import { SecretFileError, readSecretFile } from "@government-dao/core/secret-file";

/** The chain id of anvil, the only chain where the public demo keys may co-sign. */
export const LOCAL_CHAIN_ID = 31337;

const address = z.string().refine((s) => isAddress(s, { strict: false }), { error: "must be an address (0x and 40 hex digits)" });

const agencyEntry = z.strictObject({
  id: z.number().int().min(1).max(0xffffffff),
  clients: z.array(address).min(1).max(16),
  registrarKeyFile: z.string().min(1),
  coSigner: z.union([z.strictObject({ keyFile: z.string().min(1) }), z.strictObject({ demo: z.literal(true) })]),
  webhook: z.url({ protocol: /^https?$/ }).optional(),
});

export const gatewayConfigSchema = z.strictObject({
  agencies: z.array(agencyEntry).max(1000).refine((list) => new Set(list.map((a) => a.id)).size === list.length, { error: "an agency is listed twice" }),
  auditors: z.array(address).max(16).default([]),
});

export type GatewayConfigFile = z.input<typeof gatewayConfigSchema>;

/** One agency, with its keys loaded. */
export interface AgencyConfig {
  id: number;
  clients: ReadonlySet<Address>;
  registrar: LocalAccount;
  coSigner: CoSigner;
  webhook: string | undefined;
}

export interface GatewayConfig {
  agencies: ReadonlyMap<number, AgencyConfig>;
  auditors: ReadonlySet<Address>;
}

/** A plain error about the configuration (never naming a key). */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The contents of a key file, refused unless only its owner may read it (core/src/secret-file.ts). */
function readSecret(file: string): string {
  try {
    return readSecretFile(file);
  } catch (error) {
    throw error instanceof SecretFileError ? new ConfigError(error.message) : error;
  }
}

/** Parses and loads the configuration in `file` for chain `chainId` (as the RPC's `eth_chainId` answered). */
export function loadConfig(file: string, chainId: number): GatewayConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`Cannot read the gateway configuration ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = gatewayConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(`The gateway configuration ${file} is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  }
  const dir = path.dirname(file);
  const agencies = new Map<number, AgencyConfig>();
  for (const entry of parsed.data.agencies) {
    const keyText = readSecret(path.resolve(dir, entry.registrarKeyFile)).trim();
    const hex = (keyText.startsWith("0x") ? keyText : `0x${keyText}`) as Hex;
    if (!isHex(hex) || hex.length !== 66) throw new ConfigError(`The registrar key file of agency ${entry.id} must hold 32 bytes of hex.`);
    let coSigner: CoSigner;
    if ("demo" in entry.coSigner) {
      if (chainId !== LOCAL_CHAIN_ID) {
        throw new ConfigError(`Agency ${entry.id} asks for the public demo co-signing key, which exists only on the local chain ${LOCAL_CHAIN_ID}; this chain is ${chainId}: give its coSigner.keyFile.`);
      }
      coSigner = keySigner(demoAgencyKeys(entry.id));
    } else {
      const keyFile = path.resolve(dir, entry.coSigner.keyFile);
      try {
        coSigner = keySigner(parseAgencyKeyFile(readSecret(keyFile), keyFile));
      } catch (error) {
        throw error instanceof ConfigError ? error : new ConfigError(error instanceof Error ? error.message : String(error));
      }
    }
    agencies.set(entry.id, {
      id: entry.id,
      clients: new Set(entry.clients.map((a) => getAddress(a))),
      registrar: privateKeyToAccount(hex),
      coSigner,
      webhook: entry.webhook,
    });
  }
  return { agencies, auditors: new Set(parsed.data.auditors.map((a) => getAddress(a))) };
}

/**
 * The configuration in `file`, re-read when the file changes (checked at most once a second). A change that does
 * not load is reported through `onError` once and the last good configuration stays in force.
 */
export function watchConfig(file: string, chainId: number, onError: (message: string) => void): { current(): GatewayConfig; lastError(): string | undefined } {
  let config = loadConfig(file, chainId);
  let seen = statSync(file).mtimeMs;
  let checkedAt = Date.now();
  let error: string | undefined;
  return {
    current() {
      const now = Date.now();
      if (now - checkedAt >= 1000) {
        checkedAt = now;
        const mtime = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
        if (mtime !== undefined && mtime !== seen) {
          seen = mtime;
          try {
            config = loadConfig(file, chainId);
            error = undefined;
          } catch (failure) {
            error = failure instanceof Error ? failure.message : String(failure);
            onError(`configuration change refused, the previous one stays in force: ${error}`);
          }
        }
      }
      return config;
    },
    lastError: () => error,
  };
}
