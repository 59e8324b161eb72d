/**
 * The metadata JSON of an official document (schema "government-dao/document@1") and of a Merkle-anchored batch
 * (schema "government-dao/batch@1"). The sha-256 of the exact JSON bytes is the `metadataDigest` on chain; its
 * CIDv1 is the token URI.
 *
 * Privacy: the schemas are strict (unknown keys are rejected), and no field holds a person: agencies, numbers,
 * dates and hashes only. Free-text fields (titles, agency names) must not name people; that is the issuer's duty.
 */
import { z } from "zod";

import { fromBase64 } from "./base64.ts";
import { DOCUMENT_TYPES, type DocumentTypeName } from "./enums.ts";

export const DOCUMENT_SCHEMA_ID = "government-dao/document@1";
export const BATCH_SCHEMA_ID = "government-dao/batch@1";

/** Document types (core/src/enums.ts), in the order of the contract's `DocumentType` enum. */
export { DOCUMENT_TYPES } from "./enums.ts";
export type { DocumentTypeName } from "./enums.ts";

/** ML-DSA-65 signature length in bytes (FIPS 204). */
export const ML_DSA_65_SIGNATURE_BYTES = 3309;
/** Length of the co-signed message: content hash (32) ‖ chain id (32) ‖ registry address (20). */
export const CO_SIGNED_MESSAGE_BYTES = 84;

const nonEmpty = z.string().trim().min(1, { error: "must be a non-empty string" });
const bytes32Hex = z.string().regex(/^0x[0-9a-f]{64}$/, { error: "must be 0x and 64 lowercase hex digits" });
const isoDate = z.iso.date({ error: "must be an ISO date (YYYY-MM-DD)" });
const base64Signature = z
  .base64({ error: "must be base64" })
  .refine((s) => fromBase64(s)?.length === ML_DSA_65_SIGNATURE_BYTES, {
    error: `must decode to ${ML_DSA_65_SIGNATURE_BYTES} bytes (an ML-DSA-65 signature)`,
  });

/** Title in the three languages of the dApp. */
const titleSchema = z.strictObject({ kk: nonEmpty, ru: nonEmpty, en: nonEmpty });

/** Issuing agency as named in the AgencyRegistry (id 0: the central government). */
const agencySchema = z.strictObject({
  id: z.number({ error: "must be a number" }).int().min(0).max(0xffffffff),
  name: nonEmpty,
});

/** The agency's ML-DSA-65 co-signature over {@link CO_SIGNED_MESSAGE_BYTES} bytes (see cosignature.ts). */
const coSignatureSchema = z.strictObject({
  algorithm: z.literal("ML-DSA-65", { error: 'must be "ML-DSA-65"' }),
  publicKeySha256: bytes32Hex,
  signature: base64Signature,
  message: z
    .string()
    .regex(new RegExp(`^0x[0-9a-f]{${CO_SIGNED_MESSAGE_BYTES * 2}}$`), {
      error: `must be 0x and ${CO_SIGNED_MESSAGE_BYTES * 2} lowercase hex digits (${CO_SIGNED_MESSAGE_BYTES} bytes)`,
    }),
});

export const documentMetadataSchema = z.strictObject({
  schema: z.literal(DOCUMENT_SCHEMA_ID, { error: `must be "${DOCUMENT_SCHEMA_ID}"` }),
  title: titleSchema,
  type: z.enum(DOCUMENT_TYPES, { error: `must be one of ${DOCUMENT_TYPES.join(", ")}` }),
  agency: agencySchema,
  number: nonEmpty,
  dates: z.strictObject({ adopted: isoDate, effective: isoDate.optional() }),
  body: z.strictObject({
    sha256: bytes32Hex,
    mediaType: nonEmpty,
    size: z.number({ error: "must be a number" }).int().nonnegative(),
  }),
  supersedes: bytes32Hex.optional(),
  coSignature: coSignatureSchema,
});

/** A Merkle-anchored bulk registry: the tree dump is a separate blob, found by its CID. */
export const batchMetadataSchema = z.strictObject({
  schema: z.literal(BATCH_SCHEMA_ID, { error: `must be "${BATCH_SCHEMA_ID}"` }),
  title: titleSchema,
  type: z.enum(DOCUMENT_TYPES, { error: `must be one of ${DOCUMENT_TYPES.join(", ")}` }),
  agency: agencySchema,
  number: nonEmpty,
  dates: z.strictObject({ adopted: isoDate, effective: isoDate.optional() }),
  batch: z.strictObject({
    root: bytes32Hex,
    count: z.number({ error: "must be a number" }).int().positive(),
    leafEncoding: z.literal("bytes32", { error: 'must be "bytes32"' }),
    treeDumpCid: nonEmpty,
    mediaType: nonEmpty,
    /**
     * A JSON file in the content store that names the members (an open-data snapshot's manifest, core/src/snapshot.ts):
     * bound to the chain through this metadata's digest, and its CID is its own sha-256.
     */
    manifestCid: nonEmpty.optional(),
  }),
  /** Signed message: the Merkle root in place of the content hash, then chain id and registry as for documents. */
  coSignature: coSignatureSchema,
});

export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;
export type BatchMetadata = z.infer<typeof batchMetadataSchema>;
export type CoSignature = DocumentMetadata["coSignature"];

/** Malformed metadata; `problems` lists each failing field as "path: what is wrong". */
export class MetadataError extends Error {
  constructor(
    readonly problems: string[],
    what = "document metadata",
  ) {
    super(`Malformed ${what}: ${problems.join("; ")}`);
    this.name = "MetadataError";
  }
}

function describe(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join(".") : "(root)";
    if (issue.code === "unrecognized_keys") return `${where}: unknown field(s) ${issue.keys.join(", ")}`;
    if (issue.code === "invalid_type" && issue.message.includes("received undefined")) return `${where}: is missing`;
    return `${where}: ${issue.message}`;
  });
}

function toJson(input: unknown, what: string): unknown {
  if (typeof input !== "string" && !(input instanceof Uint8Array)) return input;
  const text = typeof input === "string" ? input : new TextDecoder().decode(input);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MetadataError([`(root): not JSON (${error instanceof Error ? error.message : String(error)})`], what);
  }
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(toJson(input, what));
  if (!result.success) throw new MetadataError(describe(result.error), what);
  return result.data;
}

/** Parses document metadata (an object, JSON text or JSON bytes); throws {@link MetadataError} listing every bad field. */
export function parseDocumentMetadata(input: unknown): DocumentMetadata {
  return parseWith(documentMetadataSchema, input, "document metadata");
}

/** Parses batch metadata; throws {@link MetadataError} listing every bad field. */
export function parseBatchMetadata(input: unknown): BatchMetadata {
  return parseWith(batchMetadataSchema, input, "batch metadata");
}

/** The problems of `input` as a list ([] when it is valid document metadata). */
export function checkDocumentMetadata(input: unknown): string[] {
  try {
    parseDocumentMetadata(input);
    return [];
  } catch (error) {
    if (error instanceof MetadataError) return error.problems;
    throw error;
  }
}

/**
 * The canonical bytes of validated metadata: keys in schema order, two-space indentation, a final newline. The
 * sha-256 of these bytes is the on-chain `metadataDigest`, so the same metadata always gives the same digest.
 */
export function formatDocumentMetadata(metadata: DocumentMetadata): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(parseDocumentMetadata(metadata), null, 2)}\n`);
}

/** Canonical bytes of validated batch metadata (see {@link formatDocumentMetadata}). */
export function formatBatchMetadata(metadata: BatchMetadata): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(parseBatchMetadata(metadata), null, 2)}\n`);
}

/** The on-chain `DocumentType` enum value of a metadata type. */
export const documentTypeIndex = (type: DocumentTypeName): number => DOCUMENT_TYPES.indexOf(type);
