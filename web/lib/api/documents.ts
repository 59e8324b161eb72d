/**
 * Documents: a page of the list (searched and filtered by the API), one document with its amendment chain and
 * history, verify, the extract link. Answer shapes: @government-dao/core/api/document.
 */
import { type ApiDocument, type DocumentDetail, type DocumentStatus, type DocumentType, documentDetailSchema, documentPageSchema } from "@government-dao/core/api/document";
import { type VerifyFound, verifyFoundSchema } from "@government-dao/core/api/verify";

import { apiUrl, getJson } from "./client";

export { DOCUMENT_STATUSES, DOCUMENT_TYPES, documentTitle } from "@government-dao/core/api/document";
export type { ApiDocument, DocumentDetail, DocumentEvent, DocumentStatus, DocumentType } from "@government-dao/core/api/document";
export type { CoSignatureCheck } from "@government-dao/core/api/verify";

/** GET /verify/{sha256} of a document the API has (the document page asks it only after GET /documents/{id} found it). */
export type VerifyResult = VerifyFound;

/** What GET /documents is asked: search, filters and the page. */
export interface DocumentQuery {
  q?: string;
  type?: DocumentType;
  status?: DocumentStatus;
  agency?: string;
  limit?: number;
  cursor?: string;
}

/** One page of documents, newest first, and the cursor of the next page (null: the last page). */
export interface DocumentPage {
  items: ApiDocument[];
  nextCursor: string | null;
}

/** One page of the documents the API finds for `query` (one request). */
export function listDocuments(query: DocumentQuery = {}): Promise<DocumentPage> {
  return getJson("/documents", documentPageSchema, {
    q: query.q,
    type: query.type,
    status: query.status,
    agency: query.agency,
    limit: String(query.limit ?? 100),
    cursor: query.cursor,
  });
}

export const getDocument = (id: string): Promise<DocumentDetail> => getJson(`/documents/${id}`, documentDetailSchema);

export const verifyDocument = (id: string): Promise<VerifyResult> => getJson(`/verify/${id}`, verifyFoundSchema);

/** Where the browser downloads the signed citizen extract. */
export const extractUrl = (id: string): string => apiUrl(`/documents/${id}/extract`);
