/**
 * The API's document answers: the flat document row (GET /api/v1/documents, one page; also the CSV/XML columns), one
 * document with its amendment chain and history (GET /api/v1/documents/{id}).
 */
import { z } from "zod";

import { DOCUMENT_STATUS_CODES, DOCUMENT_TYPE_CODES } from "../enums.ts";
import { address, decimal, hash, pageOf } from "./fields.ts";

/** The API's names of the contract's enums (core/src/enums.ts: one list, upper-cased). */
export const DOCUMENT_TYPES = DOCUMENT_TYPE_CODES;
export const DOCUMENT_STATUSES = DOCUMENT_STATUS_CODES;
export const DOCUMENT_EVENT_KINDS = ["ISSUED", "AMENDED", "SUPERSEDED", "REVOKED", "DISPLACED"] as const;
/**
 * Whether the indexer read the document's metadata JSON (number and titles) from the content store when it indexed
 * the issue: INDEXED; UNAVAILABLE (not in the store then); INVALID (there, but not valid document metadata).
 */
export const METADATA_STATUSES = ["INDEXED", "UNAVAILABLE", "INVALID"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

const text = z.string();

/** One document (id = sha-256 of the file). Times are unix seconds. */
export const documentSchema = z
  .object({
    id: hash,
    docType: z.enum(DOCUMENT_TYPES),
    status: z.enum(DOCUMENT_STATUSES),
    agencyId: decimal,
    agencyName: text.nullable(),
    number: text.nullable().meta({ description: "the document's number, from its metadata JSON (null: metadataStatus is not INDEXED)" }),
    titleKk: text.nullable(),
    titleRu: text.nullable(),
    titleEn: text.nullable(),
    metadataStatus: z.enum(METADATA_STATUSES),
    issuer: address,
    issuedAt: decimal,
    issuedBlock: decimal,
    issuedTx: hash,
    metadataDigest: hash,
    coSignatureDigest: hash.nullable(),
    supersedes: hash.nullable(),
    supersededBy: hash.nullable(),
    amendReason: text.nullable(),
    revokedAt: decimal.nullable(),
    revokedBy: address.nullable(),
    revokeReason: text.nullable(),
    proposalId: decimal.nullable(),
  })
  .meta({ description: "A document (id = sha-256 of the file). Times are unix seconds. Number and titles come from its metadata JSON (metadataStatus)." });
export type ApiDocument = z.infer<typeof documentSchema>;

/** One step of a document's history. */
export const documentEventSchema = z.object({
  id: text,
  documentId: hash,
  kind: z.enum(DOCUMENT_EVENT_KINDS),
  relatedId: hash.nullable(),
  account: address.nullable(),
  reason: text.nullable(),
  timestamp: decimal,
  blockNumber: decimal,
  transactionHash: hash,
});
export type DocumentEvent = z.infer<typeof documentEventSchema>;

/** GET /api/v1/documents (JSON). */
export const documentPageSchema = pageOf(documentSchema);

/** GET /api/v1/documents/{id}: the document, every version of its amendment chain (oldest first) and their history. */
export const documentDetailSchema = z.object({ document: documentSchema, versions: z.array(documentSchema).min(1), history: z.array(documentEventSchema) });
export type DocumentDetail = z.infer<typeof documentDetailSchema>;

/** The document's name in `locale` (kk, ru or en): its number and title, or null when the API has no metadata for it. */
export function documentTitle(doc: Pick<ApiDocument, "number" | "titleKk" | "titleRu" | "titleEn">, locale: string): { number: string; title: string } | null {
  const title = locale === "kk" ? doc.titleKk : locale === "ru" ? doc.titleRu : doc.titleEn;
  if (doc.number === null || title === null) return null;
  return { number: doc.number, title };
}
