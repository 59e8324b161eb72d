// The flat public shape of each list item, from table rows. The shapes and their column order are core's zod schemas
// (@government-dao/core/api/*): the JSON answers, the CSV/XML columns and the OpenAPI schemas all come from them.
import type schema from "ponder:schema";

import { columnsOf } from "@government-dao/core/api/fields";
import { type ApiDocument, type DocumentEvent, documentSchema } from "@government-dao/core/api/document";
import { type ApiProposal, type ApiVote, type GovernorState, proposalSchema, voteSchema } from "@government-dao/core/api/proposal";

import { type Row, cell } from "./formats.js";

type Select<T extends { $inferSelect: unknown }> = T["$inferSelect"];

const dec = (value: bigint): string => value.toString();
const decOrNull = (value: bigint | null): string | null => (value === null ? null : value.toString());

export const DOCUMENT_COLUMNS = columnsOf(documentSchema);

export function documentRow(d: Select<typeof schema.document>, agencyName: string | null): ApiDocument {
  return {
    id: d.id, docType: d.docType, status: d.status, agencyId: dec(d.agencyId), agencyName, number: d.number, titleKk: d.titleKk,
    titleRu: d.titleRu, titleEn: d.titleEn, metadataStatus: d.metadataStatus, issuer: d.issuer, issuedAt: dec(d.issuedAt),
    issuedBlock: dec(d.issuedBlock), issuedTx: d.issuedTx, metadataDigest: d.metadataDigest, coSignatureDigest: d.coSignatureDigest,
    supersedes: d.supersedesId, supersededBy: d.supersededById, amendReason: d.amendReason, revokedAt: decOrNull(d.revokedAt),
    revokedBy: d.revokedBy, revokeReason: d.revokeReason, proposalId: decOrNull(d.proposalId),
  };
}

export const PROPOSAL_COLUMNS = columnsOf(proposalSchema);

/**
 * A proposal row: `state` is the event-derived state (CREATED, QUEUED, EXECUTED, CANCELED, as the subgraph's),
 * `governorState` one of the Governor's eight states at the indexed head (governor-state.ts).
 */
export function proposalRow(p: Select<typeof schema.proposal>, governorState: GovernorState): ApiProposal {
  return {
    id: dec(p.id), proposer: p.proposer, description: p.description, state: p.state, governorState, voteStart: dec(p.voteStart),
    voteEnd: dec(p.voteEnd), extendedDeadline: decOrNull(p.extendedDeadline), forVotes: dec(p.forVotes),
    againstVotes: dec(p.againstVotes), abstainVotes: dec(p.abstainVotes), voteCount: p.voteCount, actionCount: p.actionCount,
    eta: decOrNull(p.eta), createdAt: dec(p.createdAt), createdBlock: dec(p.createdBlock), createdTx: p.createdTx,
    queuedAt: decOrNull(p.queuedAt), executedAt: decOrNull(p.executedAt), executedTx: p.executedTx, canceledAt: decOrNull(p.canceledAt),
  };
}

export const VOTE_COLUMNS = columnsOf(voteSchema);

export function voteRow(v: Select<typeof schema.vote>): ApiVote {
  return {
    proposalId: dec(v.proposalId), voter: v.voter, support: v.support, weight: dec(v.weight), reason: v.reason, params: v.params,
    blockNumber: dec(v.blockNumber), timestamp: dec(v.timestamp), transactionHash: v.transactionHash,
  };
}

/** One step of a document's history (an extract's `history`, GET /documents/{id}). */
export function documentEventRow(e: Select<typeof schema.documentEvent>): DocumentEvent {
  return {
    id: e.id, documentId: e.documentId, kind: e.kind, relatedId: e.relatedId, account: e.account, reason: e.reason,
    timestamp: dec(e.timestamp), blockNumber: dec(e.blockNumber), transactionHash: e.transactionHash,
  };
}

/** Every column of a table row, as cells (for the lists whose public shape is the table itself). */
export function plainRow(row: Record<string, unknown>): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cell(v)]));
}
