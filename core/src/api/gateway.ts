/**
 * The agency gateway's requests and answers (gateway/): the gateway validates with these schemas, its OpenAPI
 * document is generated from them, and agency clients (the tests, the bench, the dApp's registrar pages) build and
 * read the same shapes. No document bodies: a request describes the file (its sha-256, size and media type); the file
 * itself stays with the agency.
 */
import { z } from "zod";

import { digestFromCid } from "../cid.ts";
import { DOCUMENT_TYPES, ENACTED_DOCUMENT_TYPES } from "../enums.ts";

const hash = z.string().regex(/^0x[0-9a-f]{64}$/, { error: "must be 0x and 64 lowercase hex digits" });
const text = (max: number) => z.string().trim().min(1, { error: "must not be empty" }).max(max, { error: `must be at most ${max} characters` });

/** The types an agency's registrar may issue (decrees, laws and budgets are the council's, through the Timelock). */
export const AGENCY_DOCUMENT_TYPES = DOCUMENT_TYPES.filter((t): t is Exclude<(typeof DOCUMENT_TYPES)[number], (typeof ENACTED_DOCUMENT_TYPES)[number]> =>
  !(ENACTED_DOCUMENT_TYPES as readonly string[]).includes(t),
);

/** A reason for an amendment or a revocation, as the DocumentRegistry bounds it (1 to 1,024 bytes). */
const reason = text(1024).refine((s) => new TextEncoder().encode(s).length <= 1024, { error: "must be at most 1,024 bytes" });

/** What describes a version of a document (the file's hash, number, titles, dates, size and media type). */
const versionFields = {
  contentHash: hash,
  number: text(64),
  title: z.strictObject({ kk: text(300), ru: text(300), en: text(300) }),
  dates: z.strictObject({ adopted: z.iso.date(), effective: z.iso.date().optional() }),
  body: z.strictObject({ mediaType: text(200), size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) }),
};

/** POST /v1/agencies/{agencyId}/documents: issue a document. */
export const issueRequestSchema = z.strictObject({ type: z.enum(AGENCY_DOCUMENT_TYPES), ...versionFields });
/** POST /v1/agencies/{agencyId}/documents/{documentId}/amend: issue a new version; the old one becomes Amended. */
export const amendRequestSchema = z.strictObject({ ...versionFields, reason });
/** POST /v1/agencies/{agencyId}/documents/{documentId}/revoke. */
export const revokeRequestSchema = z.strictObject({ reason });

/**
 * POST /v1/agencies/{agencyId}/co-signatures: the metadata of a document a registrar sends itself (the dApp's
 * registrar pages), co-signed with the agency's key and stored; `supersedes` names the document a new version amends.
 * Signed by a registrar of the agency, as the chain says.
 */
export const coSignatureRequestSchema = z.strictObject({ type: z.enum(AGENCY_DOCUMENT_TYPES), ...versionFields, supersedes: hash.optional() });
/** What the `issue` or `amend` transaction needs. */
export const coSignatureAnswerSchema = z.object({ metadataDigest: hash, metadataCid: z.string(), coSignatureDigest: hash });

export type CoSignatureRequest = z.infer<typeof coSignatureRequestSchema>;
export type CoSignatureAnswer = z.infer<typeof coSignatureAnswerSchema>;
/** The most members one batch request anchors (its body stays under {@link MAX_BATCH_BODY_BYTES}). */
export const MAX_BATCH_MEMBERS = 10_000;
/** The body limit of a batch request: 10,000 hashes of 69 characters in JSON, and the description. */
export const MAX_BATCH_BODY_BYTES = 1024 * 1024;

/**
 * POST /v1/agencies/{agencyId}/batches: anchor a bulk registry (certificates, say) by one Merkle root; the members
 * are the files' sha-256, in tree order, each once.
 */
export const batchRequestSchema = z.strictObject({
  type: z.enum(AGENCY_DOCUMENT_TYPES),
  number: text(64),
  title: versionFields.title,
  dates: versionFields.dates,
  mediaType: text(200),
  contentHashes: z
    .array(hash)
    .min(1)
    .max(MAX_BATCH_MEMBERS, { error: `must have at most ${MAX_BATCH_MEMBERS} members` })
    .refine((list) => new Set(list).size === list.length, { error: "must not list a member twice" }),
  /** CID of a JSON file, already in the content store, that names the members (an open-data snapshot's manifest). */
  manifestCid: text(200)
    .refine((cid) => { try { digestFromCid(cid); return true; } catch { return false; } }, { error: "must be a CIDv1 (raw, sha2-256) of the content store" })
    .optional(),
});
export type BatchRequest = z.infer<typeof batchRequestSchema>;
export type IssueRequest = z.infer<typeof issueRequestSchema>;
export type AmendRequest = z.infer<typeof amendRequestSchema>;
export type RevokeRequest = z.infer<typeof revokeRequestSchema>;

export const GATEWAY_OPERATIONS = ["issue", "amend", "revoke", "anchor"] as const;
export type GatewayOperation = (typeof GATEWAY_OPERATIONS)[number];

/** Where a request is: queued → submitted → confirmed, or failed (with the chain's or the gateway's reason). */
export const REQUEST_STATES = ["queued", "submitted", "confirmed", "failed"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** The receipt of a request: what the POST answers, GET /v1/agencies/{id}/requests/{key} and the webhook carry. */
export const receiptSchema = z.object({
  requestId: z.string(),
  agencyId: z.number().int(),
  idempotencyKey: z.string(),
  operation: z.enum(GATEWAY_OPERATIONS),
  state: z.enum(REQUEST_STATES),
  /** The token id the request creates (issue, amend) or changes (revoke); a batch's Merkle root (anchor). */
  documentId: hash,
  /** The document amended or revoked, for amend and revoke. */
  target: hash.nullable(),
  metadataDigest: hash.nullable(),
  metadataCid: z.string().nullable(),
  transactionHash: hash.nullable(),
  blockNumber: z.number().int().nullable(),
  /** Where anyone checks the document, when confirmed. */
  verifyUrl: z.string().nullable(),
  error: z.object({ name: z.string(), message: z.string() }).nullable(),
  acceptedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** Every refusal code of the gateway. */
export const GATEWAY_ERROR_CODES = [
  "unauthenticated", "forbidden", "invalidRequest", "tooLarge", "idempotencyConflict", "documentExists", "unknownDocument", "registrarNotAuthorized",
  "keyNotRegistered", "agencyNotConfigured", "notFound", "chainUnavailable", "internal",
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

/** A refusal: a code, one plain sentence, and the failing fields for `invalidRequest`. */
export const gatewayErrorSchema = z.object({ error: z.enum(GATEWAY_ERROR_CODES), message: z.string(), problems: z.array(z.string()).optional() });
export type GatewayError = z.infer<typeof gatewayErrorSchema>;

/** One line of the message log: a request as received (with its signature) or an outcome; never a body. */
export const logEntrySchema = z.object({
  seq: z.number().int(),
  at: z.iso.datetime(),
  agencyId: z.number().int(),
  kind: z.enum(["request", "outcome"]),
  idempotencyKey: z.string().nullable(),
  method: z.string().nullable(),
  path: z.string().nullable(),
  bodySha256: z.string().nullable(),
  signer: z.string().nullable(),
  signature: z.string().nullable(),
  signedAt: z.number().int().nullable(),
  status: z.number().int().nullable(),
  outcome: z.string(),
  detail: z.string().nullable(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

export const logPageSchema = z.object({ entries: z.array(logEntrySchema), next: z.number().int().nullable() });

/** GET /health. */
export const gatewayHealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  problems: z.array(z.string()),
  chainId: z.number().int(),
  agencies: z.array(z.number().int()),
  queue: z.object({ queued: z.number().int(), submitted: z.number().int(), confirmed: z.number().int(), failed: z.number().int() }),
  database: z.string(),
});
export type GatewayHealth = z.infer<typeof gatewayHealthSchema>;
