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
    /** Batches whose tree is not in the content store: not searched, so "not found" is not certain for them. */
    unsearchedBatches: z.array(z.string()),
    batchMemberRevocations: z.array(z.object({ batch: z.string(), reason: z.string(), revokedBy: address, timestamp: decimal, transactionHash: hash })),
  })
  .meta({ description: "No document has this hash and no searchable batch holds it (a revoked member of a Merkle batch may still be listed)." });

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

/** A member of a Merkle-anchored batch: the batch on chain, the member's proof (for the client to check), the batch's co-signature. */
export const verifyBatchMemberSchema = z
  .object({
    sha256: hash,
    found: z.literal(true),
    status: z.enum(["ACTIVE", "REVOKED"]),
    docType: z.enum(DOCUMENT_TYPES).meta({ description: "the batch metadata's type (certificates; NOTICE for an open-data snapshot)" }),
    agency: z.object({ id: decimal, name: z.string().nullable() }),
    issuer: address,
    transactionHash: hash,
    blockNumber: z.null(),
    blockTime: decimal,
    supersedes: z.null(),
    supersededBy: z.null(),
    revoked: z.object({ at: decimal.nullable(), by: address.nullable(), reason: z.string().nullable() }).nullable(),
    proposal: z.null(),
    coSignature: coSignatureCheckSchema,
    batch: z.object({
      id: z.string(),
      root: hash,
      agencyId: decimal,
      count: decimal,
      metadataDigest: hash,
      revoked: z.boolean(),
      number: z.string().meta({ description: "the batch's number, from its metadata" }),
      title: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
      /** The member's entry in the batch's manifest (an open-data snapshot's file), null without a manifest. */
      file: z.object({ name: z.string(), dataset: z.string(), mediaType: z.string() }).nullable(),
      index: z.number().int().min(0),
      proof: z.array(hash).meta({ description: "Merkle proof (OpenZeppelin StandardMerkleTree, leaf encoding bytes32): check it against the root on chain" }),
    }),
  })
  .meta({ description: "A member of a Merkle-anchored batch: the batch on chain, the member's proof, and the batch's co-signature check." });
export type VerifyBatchMember = z.infer<typeof verifyBatchMemberSchema>;

/** GET /api/v1/verify/{sha256}: not found, a document, or a batch member (the latter two both `found: true`). */
export const verifySchema = z.union([verifyNotFoundSchema, verifyFoundSchema, verifyBatchMemberSchema]);
export type VerifyAnswer = z.infer<typeof verifySchema>;
