/**
 * Citizen extracts: one document as a JSON object signed by the public API's ML-DSA-65 key (FIPS 204,
 * @noble/post-quantum), checkable by the CLI and the dApp against the chain, never against the API that signed it.
 *
 * What is signed: the UTF-8 bytes of the canonical JSON (keys sorted at every level, no spaces) of the extract
 * without its `signature` member. Pure ML-DSA, empty context. Browser-safe: the indexer signs, the CLI and the dApp
 * check.
 *
 * Schema 2 (`government-dao/extract@2`) names what a verifier needs from the chain, inside the signed part:
 * - `key`: the SigningKeyRegistry's address, the key's id there and the sha-256 of its public key;
 * - `block`: the block (number and time) of the index the extract was read from;
 * - `chainId` and `documentRegistry`.
 * The public key itself travels in `signature.publicKey`; the registry pins its hash. A verifier accepts the extract
 * when the signature holds under that key, the registry has that hash under that id for purpose Extract, and the
 * key was valid at the block time ({@link extractKeyVerdict}). A retired key keeps verifying what it signed before
 * its retirement; a key retired as compromised verifies nothing.
 *
 * Schema 1 (`government-dao/extract@1`, before the registry) named only the key's hash: such an extract is checked
 * against a key file the reader supplies, and the answer says the key is not pinned on chain.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { ml_dsa65 } from "@noble/post-quantum/ml-dsa.js";
import { isAddress, isHex, size, stringToBytes } from "viem";

import { fromBase64, toBase64 } from "./base64.ts";
import { sha256Hex } from "./content-read.ts";
import { SIGNING_KEY_PURPOSES } from "./enums.ts";

/** The schema id of a citizen extract. */
export const EXTRACT_SCHEMA = "government-dao/extract@2" as const;
/** The schema id of extracts signed before keys were registered on chain (checked against a supplied key). */
export const EXTRACT_SCHEMA_V1 = "government-dao/extract@1" as const;

/** `ISigningKeyRegistry.KeyPurpose.Extract` (contracts/keys/ISigningKeyRegistry.sol): its index in core's list. */
export const EXTRACT_KEY_PURPOSE = SIGNING_KEY_PURPOSES.indexOf("EXTRACT");

/** The signed part's pointer to the key on chain. */
export interface ExtractKeyClaim {
  /** The SigningKeyRegistry's address. */
  registry: string;
  /** The key's id in it (1, 2, …). */
  id: number;
  /** sha-256 of the public key, 0x hex. */
  sha256: string;
}

/** The indexed block an extract was read at. */
export interface ExtractBlock {
  number: number;
  /** Block time, unix seconds. */
  timestamp: number;
}

/** The signature member of an extract (not itself signed). */
export interface ExtractSignature {
  algorithm: "ML-DSA-65";
  /** The raw public key, base64 (its hash is `key.sha256`, pinned on chain). */
  publicKey: string;
  /** base64 */
  value: string;
}

/** A signed citizen extract. */
export interface SignedExtract {
  schema: typeof EXTRACT_SCHEMA;
  chainId: number;
  key: ExtractKeyClaim;
  block: ExtractBlock;
  [member: string]: unknown;
  signature: ExtractSignature;
}

/** JSON with object keys sorted at every level (arrays keep their order). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The bytes an extract's signature covers. */
export function extractMessage(extract: Record<string, unknown>): Uint8Array {
  const { signature: _signature, ...body } = extract;
  return new TextEncoder().encode(canonicalJson(body));
}

/** The API's ML-DSA-65 key pair and the sha-256 of its public key (0x hex). */
export interface ApiKeys {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
  publicKeySha256: string;
}

/** The API's key pair from a 32-byte seed. */
export function apiKeysFromSeed(seed: Uint8Array): ApiKeys {
  const { publicKey, secretKey } = ml_dsa65.keygen(seed);
  return { publicKey, secretKey, publicKeySha256: sha256Hex(publicKey) };
}

/**
 * DEMO ONLY. The 32-byte extract-key seed of the development chain, sha-256("government-dao demo ML-DSA-65 key,
 * public API extracts"): public, so anyone can sign extracts of a demo deployment (as with the demo agency keys).
 */
export const demoExtractSeed = (): Uint8Array => sha256(stringToBytes("government-dao demo ML-DSA-65 key, public API extracts"));

/** What the signer adds: the key's place on chain and the block read. */
export interface ExtractDating {
  chainId: number;
  key: ExtractKeyClaim;
  block: ExtractBlock;
}

/** Signs `body` (anything JSON) dated at `dating`, and returns the signed extract. */
export function signExtract(body: Record<string, unknown>, dating: ExtractDating, keys: ApiKeys): SignedExtract {
  if (dating.key.sha256.toLowerCase() !== keys.publicKeySha256.toLowerCase()) throw new Error("signExtract: the key claimed is not the signing key");
  const unsigned = { ...body, ...dating, schema: EXTRACT_SCHEMA };
  const value = ml_dsa65.sign(extractMessage(unsigned), keys.secretKey);
  return { ...unsigned, signature: { algorithm: "ML-DSA-65", publicKey: toBase64(keys.publicKey), value: toBase64(value) } };
}

/** A schema-2 extract whose signature holds under the key it carries: what remains to check on chain. */
export interface ExtractClaims {
  schema: typeof EXTRACT_SCHEMA;
  chainId: number;
  key: ExtractKeyClaim;
  block: ExtractBlock;
}

/** The outcome of {@link verifyExtractSignature}. */
export type ExtractSignatureCheck =
  | { ok: true; version: 2; claims: ExtractClaims }
  | { ok: true; version: 1 }
  | { ok: false; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
const isHash = (value: unknown): value is string => typeof value === "string" && isHex(value, { strict: true }) && size(value) === 32;
/** Any 0x address, checksummed or not (the registry's address is compared case-insensitively). */
const isAnyAddress = (value: unknown): value is string => typeof value === "string" && isAddress(value, { strict: false });

function mldsaHolds(signature: string, message: Uint8Array, publicKey: Uint8Array): boolean {
  const bytes = fromBase64(signature);
  if (bytes === undefined) return false;
  try {
    return ml_dsa65.verify(bytes, message, publicKey);
  } catch {
    return false;
  }
}

const CHANGED = "the signature does not verify: the extract was changed or is not from this key";

/**
 * Checks an extract's signature, offline. Schema 2: under the public key it carries, whose hash must be `key.sha256`
 * (then {@link extractKeyVerdict} decides, with the chain, whether that key may have signed it). Schema 1: under
 * `legacyKey`, the key the reader supplies; without one, schema 1 cannot be checked.
 */
export function verifyExtractSignature(extract: unknown, legacyKey?: Uint8Array): ExtractSignatureCheck {
  if (!isRecord(extract)) return { ok: false, reason: "not a JSON object" };
  const signature = extract.signature;
  if (!isRecord(signature) || signature.algorithm !== "ML-DSA-65" || typeof signature.value !== "string") return { ok: false, reason: "no ML-DSA-65 signature" };
  if (extract.schema === EXTRACT_SCHEMA_V1) {
    if (legacyKey === undefined) return { ok: false, reason: `a ${EXTRACT_SCHEMA_V1} extract names no key on chain: give the key it was signed with (--signing-key)` };
    if (signature.publicKeySha256 !== sha256Hex(legacyKey)) return { ok: false, reason: "signed with another key" };
    return mldsaHolds(signature.value, extractMessage(extract), legacyKey) ? { ok: true, version: 1 } : { ok: false, reason: CHANGED };
  }
  if (extract.schema !== EXTRACT_SCHEMA) return { ok: false, reason: `schema is not ${EXTRACT_SCHEMA}` };
  const { key, block, chainId } = extract;
  if (!isRecord(key) || !isAnyAddress(key.registry) || !isCount(key.id) || !isHash(key.sha256)) return { ok: false, reason: "the extract does not name its key (registry, id, sha256)" };
  if (!isRecord(block) || !isCount(block.number) || !isCount(block.timestamp)) return { ok: false, reason: "the extract does not name its block (number, timestamp)" };
  if (!isCount(chainId)) return { ok: false, reason: "the extract does not name its chain" };
  const publicKey = typeof signature.publicKey === "string" ? fromBase64(signature.publicKey) : undefined;
  if (publicKey === undefined) return { ok: false, reason: "the extract carries no public key" };
  if (sha256Hex(publicKey) !== key.sha256.toLowerCase()) return { ok: false, reason: "the public key it carries is not the key it names" };
  if (!mldsaHolds(signature.value, extractMessage(extract), publicKey)) return { ok: false, reason: CHANGED };
  return {
    ok: true,
    version: 2,
    claims: {
      schema: EXTRACT_SCHEMA,
      chainId,
      key: { registry: key.registry, id: key.id, sha256: key.sha256 },
      block: { number: block.number, timestamp: block.timestamp },
    },
  };
}

/** `SigningKeyRegistry.key(id)` as read from the chain (null: no key has that id). */
export interface RegisteredKey {
  purpose: number;
  keyHash: string;
  validFrom: number;
  /** 0 while in use. */
  validUntil: number;
}

/** What the verifier knows of the chain it trusts. */
export interface ExtractChain {
  chainId: number;
  /** Its SigningKeyRegistry (from the verifier's own deployment record, not from the extract). */
  registry: string;
  /** The registry's key under the extract's `key.id`, or null if there is none. */
  key: RegisteredKey | null;
  /** The time of the block the extract names, if the verifier read it from the chain (then `block.timestamp` must equal it). */
  blockTimestamp?: number;
}

/** The verdict on an extract's key, from the chain: ok, or the reason in plain words. */
export function extractKeyVerdict(claims: ExtractClaims, chain: ExtractChain): { ok: true } | { ok: false; reason: string } {
  if (claims.chainId !== chain.chainId) return { ok: false, reason: `the extract is for chain ${claims.chainId}, not this chain (${chain.chainId})` };
  if (claims.key.registry.toLowerCase() !== chain.registry.toLowerCase()) return { ok: false, reason: `the extract names key registry ${claims.key.registry}, not this deployment's (${chain.registry})` };
  if (chain.blockTimestamp !== undefined && chain.blockTimestamp !== claims.block.timestamp) {
    return { ok: false, reason: `block ${claims.block.number} has time ${chain.blockTimestamp} on chain, not ${claims.block.timestamp}` };
  }
  const key = chain.key;
  if (key === null) return { ok: false, reason: `no key ${claims.key.id} is registered on chain` };
  if (key.keyHash.toLowerCase() !== claims.key.sha256.toLowerCase()) return { ok: false, reason: `key ${claims.key.id} on chain is another key (${key.keyHash})` };
  if (key.purpose !== EXTRACT_KEY_PURPOSE) return { ok: false, reason: `key ${claims.key.id} is not registered for extracts` };
  if (key.validUntil !== 0 && key.validUntil === key.validFrom) return { ok: false, reason: `key ${claims.key.id} was retired as compromised: nothing it signed is valid` };
  const at = claims.block.timestamp;
  if (at < key.validFrom) return { ok: false, reason: `key ${claims.key.id} was not yet valid at the extract's block time (${at} < ${key.validFrom})` };
  if (key.validUntil !== 0 && at >= key.validUntil) return { ok: false, reason: `key ${claims.key.id} was retired before the extract's block time (${key.validUntil} <= ${at})` };
  return { ok: true };
}
