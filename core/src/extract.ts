/**
 * Citizen extracts: one document as a JSON object signed by the API's ML-DSA-65 key (FIPS 204,
 * @noble/post-quantum), checkable offline by the CLI and the dApp with the published public key.
 *
 * What is signed: the UTF-8 bytes of the canonical JSON (keys sorted at every level, no spaces) of the extract
 * without its `signature` member. Pure ML-DSA, empty context. `signature.publicKeySha256` names the key;
 * the key itself is published at `GET /api/v1/signing-key`. Browser-safe: the indexer signs, the CLI and the dApp
 * check.
 */
import { ml_dsa65 } from "@noble/post-quantum/ml-dsa.js";

import { fromBase64, toBase64 } from "./base64.ts";
import { sha256Hex } from "./content-read.ts";

/** The schema id of a citizen extract. */
export const EXTRACT_SCHEMA = "government-dao/extract@1" as const;

/** The signature member of an extract. */
export interface ExtractSignature {
  algorithm: "ML-DSA-65";
  publicKeySha256: string;
  /** base64 */
  value: string;
}

/** A signed citizen extract. */
export interface SignedExtract {
  schema: typeof EXTRACT_SCHEMA;
  [key: string]: unknown;
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

/** Signs `body` (anything JSON, with `schema`) and returns the signed extract. */
export function signExtract(body: Record<string, unknown>, keys: ApiKeys): SignedExtract {
  const unsigned = { ...body, schema: EXTRACT_SCHEMA };
  const value = ml_dsa65.sign(extractMessage(unsigned), keys.secretKey);
  return { ...unsigned, signature: { algorithm: "ML-DSA-65", publicKeySha256: keys.publicKeySha256, value: toBase64(value) } };
}

/** Checks a signed extract offline against the API's published public key. */
export function verifyExtract(extract: unknown, publicKey: Uint8Array): { ok: true } | { ok: false; reason: string } {
  if (typeof extract !== "object" || extract === null) return { ok: false, reason: "not a JSON object" };
  const record = extract as Record<string, unknown>;
  if (record.schema !== EXTRACT_SCHEMA) return { ok: false, reason: `schema is not ${EXTRACT_SCHEMA}` };
  const signature = record.signature as Partial<ExtractSignature> | undefined;
  if (!signature || signature.algorithm !== "ML-DSA-65" || typeof signature.value !== "string") return { ok: false, reason: "no ML-DSA-65 signature" };
  if (signature.publicKeySha256 !== sha256Hex(publicKey)) return { ok: false, reason: "signed with another key" };
  const bytes = fromBase64(signature.value);
  if (bytes === undefined) return { ok: false, reason: "the signature is not base64" };
  let valid = false;
  try {
    valid = ml_dsa65.verify(bytes, extractMessage(record), publicKey);
  } catch {
    valid = false;
  }
  return valid ? { ok: true } : { ok: false, reason: "the signature does not verify: the extract was changed or is not from this key" };
}
