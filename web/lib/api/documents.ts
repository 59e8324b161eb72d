/** Documents: the list with filters, one document with its amendment chain and history, verify, the extract link. */
import { z } from "zod";

import { readContentJson } from "@/lib/content";
import { apiUrl, getJson } from "./client";
import { proposalSchema, voteSchema } from "./proposals";
import { dec, decOrNull, hex, hexOrNull, page } from "./schemas";

export const DOCUMENT_TYPES = ["DECREE", "LAW", "BUDGET", "ORDER", "CERTIFICATE", "NOTICE"] as const;
export const DOCUMENT_STATUSES = ["ACTIVE", "AMENDED", "REVOKED"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const documentSchema = z.object({
  id: hex,
  docType: z.enum(DOCUMENT_TYPES),
  status: z.enum(DOCUMENT_STATUSES),
  agencyId: dec,
  agencyName: z.string().nullable(),
  issuer: hex,
  issuedAt: dec,
  issuedBlock: dec,
  issuedTx: hex,
  metadataDigest: hex,
  coSignatureDigest: hexOrNull,
  supersedes: hexOrNull,
  supersededBy: hexOrNull,
  amendReason: z.string().nullable(),
  revokedAt: decOrNull,
  revokedBy: hexOrNull,
  revokeReason: z.string().nullable(),
  proposalId: decOrNull,
});
export type ApiDocument = z.infer<typeof documentSchema>;

export const documentEventSchema = z.object({
  id: z.string(),
  documentId: hex,
  kind: z.enum(["ISSUED", "AMENDED", "SUPERSEDED", "REVOKED"]),
  relatedId: hexOrNull,
  account: hexOrNull,
  reason: z.string().nullable(),
  timestamp: dec,
  blockNumber: dec,
  transactionHash: hex,
});
export type DocumentEvent = z.infer<typeof documentEventSchema>;

const detailSchema = z.object({ document: documentSchema, versions: z.array(documentSchema), history: z.array(documentEventSchema) });
export type DocumentDetail = z.infer<typeof detailSchema>;

const coSignatureSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("valid"), keySha256: z.string(), agencyId: z.string() }),
  z.object({ status: z.literal("invalid"), reason: z.string() }),
  z.object({ status: z.literal("unavailable"), reason: z.string() }),
  z.object({ status: z.literal("none") }),
]);
export type CoSignatureCheck = z.infer<typeof coSignatureSchema>;

const verifySchema = z.object({
  sha256: hex,
  found: z.literal(true),
  transactionHash: hex,
  blockNumber: dec,
  blockTime: dec,
  proposal: proposalSchema.extend({ votes: z.array(voteSchema) }).nullable(),
  coSignature: coSignatureSchema,
});
export type VerifyResult = z.infer<typeof verifySchema>;

export interface DocumentFilters {
  type?: DocumentType;
  status?: DocumentStatus;
  agency?: string;
  limit?: number;
}

export async function listDocuments(filters: DocumentFilters = {}): Promise<ApiDocument[]> {
  const result = await getJson("/documents", page(documentSchema), {
    type: filters.type,
    status: filters.status,
    agency: filters.agency,
    limit: String(filters.limit ?? 1000),
  });
  return result.items;
}

export const getDocument = (id: string): Promise<DocumentDetail> => getJson(`/documents/${id}`, detailSchema);

export const verifyDocument = (id: string): Promise<VerifyResult> => getJson(`/verify/${id}`, verifySchema);

/** Where the browser downloads the signed citizen extract. */
export const extractUrl = (id: string): string => apiUrl(`/documents/${id}/extract`);

/** Number and titles of a document, from its metadata JSON in the content store (the chain holds only its digest). */
export interface DocumentLabel {
  number: string;
  title: { kk: string; ru: string; en: string };
}

const labelSchema = z.object({ number: z.string(), title: z.object({ kk: z.string(), ru: z.string(), en: z.string() }) });

/** The label of each document whose metadata is in the content store, hash-checked (missing, altered or unreadable: absent). */
export async function documentLabels(docs: readonly { id: string; metadataDigest: string }[]): Promise<Map<string, DocumentLabel>> {
  const labels = new Map<string, DocumentLabel>();
  await Promise.all(
    docs.map(async (d) => {
      // Read through the hash check: a file that is absent or altered gives no label (shown by hash only).
      const parsed = labelSchema.safeParse(await readContentJson(d.metadataDigest));
      if (parsed.success) labels.set(d.id, parsed.data);
    }),
  );
  return labels;
}
