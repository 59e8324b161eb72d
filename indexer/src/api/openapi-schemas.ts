// JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the answers not (yet) defined in core: the signed extract, the signing
// key and errors; the rows they embed and verify come from core's zod schemas. Every column is required (a row always has
// every column, null when absent); hashes, addresses and decimal strings have patterns; enums list their values.
// tests/public-answers.test.ts validates real answers against the served document.
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, documentSchema } from "@government-dao/core/api/document";
import { proposalSchema, voteSchema } from "@government-dao/core/api/proposal";
import { verifySchema } from "@government-dao/core/api/verify";

import { jsonSchemaOf } from "./json-schema.js";

export { DOCUMENT_STATUSES, DOCUMENT_TYPES };

type Schema = Record<string, unknown>;

export const HASH: Schema = { type: "string", pattern: "^0x[0-9a-f]{64}$", description: "32 bytes, 0x + 64 lowercase hex digits" };
export const ADDRESS: Schema = { type: "string", pattern: "^0x[0-9a-fA-F]{40}$", description: "an account or contract address" };
export const DECIMAL: Schema = { type: "string", pattern: "^[0-9]{1,78}$", description: "a uint256 (id, amount, block number, unix seconds) as a decimal string" };
const text: Schema = { type: "string" };

/** An object schema with exactly these properties, all required. */
const record = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

// The row schemas are core's zod schemas (@government-dao/core/api/*), as JSON Schema.
export const documentRowSchema = jsonSchemaOf(documentSchema);
export const proposalRowSchema = jsonSchemaOf(proposalSchema);
export const voteRowSchema = jsonSchemaOf(voteSchema);

/** GET /verify/{sha256}: core's zod schema. */
export const verifyAnswerSchema = jsonSchemaOf(verifySchema);

export const signingKeySchema = record({
  algorithm: { const: "ML-DSA-65" },
  publicKey: { type: "string", contentEncoding: "base64", description: "the ML-DSA-65 public key (1,952 bytes), base64" },
  publicKeySha256: HASH,
});

export const extractSchema: Schema = {
  type: "object",
  description: "A citizen extract: canonical JSON (keys sorted, no spaces) of everything but `signature`, signed with pure ML-DSA-65 (core/src/extract.ts verifyExtract).",
  properties: {
    schema: { const: "government-dao/extract@1" },
    chainId: { type: "integer" },
    documentRegistry: ADDRESS,
    extractedAt: { type: "integer", description: "unix seconds when it was signed (one signature per document and indexed checkpoint)" },
    links: record({ verify: { type: "string", format: "uri" }, document: { type: "string", format: "uri" }, signingKey: { type: "string", format: "uri" } }, "where to check it again (from PUBLIC_URL)"),
    document: documentRowSchema,
    versions: { type: "array", items: documentRowSchema, minItems: 1 },
    history: { type: "array", items: { type: "object" } },
    signature: record({ algorithm: { const: "ML-DSA-65" }, publicKeySha256: HASH, value: { type: "string", contentEncoding: "base64" } }),
  },
  required: ["schema", "chainId", "documentRegistry", "extractedAt", "links", "document", "versions", "history", "signature"],
  additionalProperties: false,
};

export const ERROR_CODES = [
  "invalid_input", "invalid_cursor", "unknown_parameter", "repeated_parameter", "not_found", "flags_unreadable", "method_not_allowed", "rate_limited", "internal",
] as const;

export const errorSchema = record({ error: record({ code: { type: "string", enum: ERROR_CODES }, message: text }) });
