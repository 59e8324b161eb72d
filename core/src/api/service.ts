/**
 * The API's answers about itself: errors, health, the extract-signing key and a signed citizen extract. The indexer
 * builds them typed by these schemas and its OpenAPI document is generated from them (indexer/src/api/openapi.ts).
 */
import { z } from "zod";

import { EXTRACT_SCHEMA } from "../extract.ts";
import { documentEventSchema, documentSchema } from "./document.ts";
import { address, hash } from "./fields.ts";

/** Every error code the API answers with. */
export const ERROR_CODES = [
  "invalid_input", "invalid_cursor", "unknown_parameter", "repeated_parameter", "not_found", "flags_unreadable", "method_not_allowed", "rate_limited", "extract_key_unregistered", "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Any error: `{ error: { code, message } }`, never a stack trace. */
export const errorAnswerSchema = z.object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }) });
export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;

const nullableCount = z.number().int().min(0).nullable();

/** One child of `npm start` as its supervisor records it (scripts/lib/supervisor.ts) and /health shows it. */
export const childHealthSchema = z.object({
  name: z.string(),
  state: z.string(),
  pid: nullableCount,
  restarts: z.number().int().min(0),
  failedStarts: z.number().int().min(0),
  lastExit: z.object({ code: z.number().int().nullable(), signal: z.string().nullable(), at: z.string() }).nullable(),
  lastRecoveryMs: z.number().nullable(),
  since: z.string(),
});
export type ChildHealth = z.infer<typeof childHealthSchema>;

/** GET /api/v1/health: always 200 while the API answers; "degraded" lists its reasons in `problems`. */
export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  problems: z.array(z.string()),
  chainHead: nullableCount,
  indexedHead: nullableCount,
  lagBlocks: nullableCount,
  supervisor: z.object({ pid: z.number().int(), updatedAt: z.string() }).nullable().meta({ description: "npm start's supervisor (null: the indexer runs without it)" }),
  children: z.array(childHealthSchema).nullable(),
});
export type Health = z.infer<typeof healthSchema>;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** GET /api/v1/signing-key: the public key citizen extracts are signed with, and where the chain pins it. */
export const signingKeySchema = z.object({
  algorithm: z.literal("ML-DSA-65"),
  publicKey: base64.meta({ description: "the ML-DSA-65 public key (1,952 bytes), base64" }),
  publicKeySha256: hash,
  registry: address.meta({ description: "the SigningKeyRegistry that must hold this key's hash (purpose Extract)" }),
  keyId: z.number().int().positive().nullable().meta({ description: "its id in the registry at the indexed block; null: not registered, so no extract is signed" }),
  validAtIndexedBlock: z.boolean().meta({ description: "whether the registry lets it sign at the indexed block's time (registered, not retired)" }),
});
export type SigningKey = z.infer<typeof signingKeySchema>;

/** GET /api/v1/documents/{id}/extract, before it is signed and dated (core/src/extract.ts signExtract adds the rest). */
export const extractBodySchema = z.object({
  documentRegistry: address,
  links: z.object({ verify: z.url(), document: z.url(), signingKey: z.url() }).meta({ description: "where to read it again (from PUBLIC_URL); the key is checked against the chain, not fetched from here" }),
  document: documentSchema,
  versions: z.array(documentSchema).min(1),
  history: z.array(documentEventSchema),
});
export type ExtractBody = z.infer<typeof extractBodySchema>;

const count = z.number().int().nonnegative();

/** A signed citizen extract: canonical JSON of everything but `signature`, signed with pure ML-DSA-65 (core/src/extract.ts). */
export const extractAnswerSchema = extractBodySchema
  .extend({
    schema: z.literal(EXTRACT_SCHEMA),
    chainId: count,
    key: z
      .object({ registry: address, id: z.number().int().positive(), sha256: hash })
      .meta({ description: "the signing key: its SigningKeyRegistry, its id there and the sha-256 of its public key" }),
    block: z.object({ number: count, timestamp: count }).meta({ description: "the indexed block the extract was read at (one signature per document and block)" }),
    signature: z.object({ algorithm: z.literal("ML-DSA-65"), publicKey: base64, value: base64 }),
  })
  .meta({ description: "A citizen extract: canonical JSON (keys sorted, no spaces) of everything but `signature`, signed with pure ML-DSA-65 under the key it carries, whose hash the SigningKeyRegistry must hold for the block time named (core/src/extract.ts verifyExtractSignature, extractKeyVerdict)." });
export type ExtractAnswer = z.infer<typeof extractAnswerSchema>;
