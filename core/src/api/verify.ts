/**
 * The API's answer to GET /api/v1/verify/{sha256}: whether a file is an official document, its status, agency,
 * enacting proposal with its votes, transaction, block time and the ML-DSA-65 co-signature check.
 */
import { z } from "zod";

import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from "./document.ts";
import { address, decimal, hash } from "./fields.ts";
import { proposalSchema, voteSchema } from "./proposal.ts";

/** The co-signature check: valid (by which key and agency), invalid or unavailable (why), or none anchored. */
export const coSignatureCheckSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("valid"), keySha256: hash, agencyId: decimal }),
  z.object({ status: z.literal("invalid"), reason: z.string() }),
  z.object({ status: z.literal("unavailable"), reason: z.string() }),
  z.object({ status: z.literal("none") }),
]);
export type CoSignatureCheck = z.infer<typeof coSignatureCheckSchema>;

/** No document has this hash (a revoked member of a Merkle batch may still be listed). */
export const verifyNotFoundSchema = z
  .object({
    sha256: hash,
    found: z.literal(false),
    batchMemberRevocations: z.array(z.object({ batch: z.string(), reason: z.string(), revokedBy: address, timestamp: decimal, transactionHash: hash })),
  })
  .meta({ description: "No document has this hash (a revoked member of a Merkle batch may still be listed)." });

/** The document on chain, its enacting proposal with its votes, and the co-signature check. */
export const verifyFoundSchema = z
  .object({
    sha256: hash,
    found: z.literal(true),
    status: z.enum(DOCUMENT_STATUSES),
    docType: z.enum(DOCUMENT_TYPES),
    agency: z.object({ id: decimal, name: z.string().nullable() }),
    issuer: address,
    transactionHash: hash,
    blockNumber: decimal,
    blockTime: decimal,
    supersedes: hash.nullable(),
    supersededBy: hash.nullable(),
    revoked: z.object({ at: decimal.nullable(), by: address.nullable(), reason: z.string().nullable() }).nullable(),
    proposal: proposalSchema.extend({ votes: z.array(voteSchema) }).nullable(),
    coSignature: coSignatureCheckSchema,
  })
  .meta({ description: "The document on chain, its enacting proposal with its votes, and the co-signature check." });
export type VerifyFound = z.infer<typeof verifyFoundSchema>;

/** GET /api/v1/verify/{sha256}. */
export const verifySchema = z.discriminatedUnion("found", [verifyNotFoundSchema, verifyFoundSchema]);
export type VerifyAnswer = z.infer<typeof verifySchema>;
