// The flat public shape of each list item (stable, documented in openapi.ts), from table rows.
import type schema from "ponder:schema";

import { type Row, cell } from "./formats.js";

type Select<T extends { $inferSelect: unknown }> = T["$inferSelect"];

export const DOCUMENT_COLUMNS = [
  "id", "docType", "status", "agencyId", "agencyName", "issuer", "issuedAt", "issuedBlock", "issuedTx", "metadataDigest",
  "coSignatureDigest", "supersedes", "supersededBy", "amendReason", "revokedAt", "revokedBy", "revokeReason", "proposalId",
] as const;

export function documentRow(d: Select<typeof schema.document>, agencyName: string | null): Row {
  return {
    id: d.id, docType: d.docType, status: d.status, agencyId: cell(d.agencyId), agencyName, issuer: d.issuer,
    issuedAt: cell(d.issuedAt), issuedBlock: cell(d.issuedBlock), issuedTx: d.issuedTx, metadataDigest: d.metadataDigest,
    coSignatureDigest: d.coSignatureDigest, supersedes: d.supersedesId, supersededBy: d.supersededById,
    amendReason: d.amendReason, revokedAt: cell(d.revokedAt), revokedBy: d.revokedBy, revokeReason: d.revokeReason,
    proposalId: cell(d.proposalId),
  };
}

export const PROPOSAL_COLUMNS = [
  "id", "proposer", "description", "state", "governorState", "voteStart", "voteEnd", "extendedDeadline", "forVotes", "againstVotes",
  "abstainVotes", "voteCount", "actionCount", "eta", "createdAt", "createdBlock", "createdTx", "queuedAt", "executedAt",
  "executedTx", "canceledAt",
] as const;

/**
 * A proposal row: `state` is the event-derived state (CREATED, QUEUED, EXECUTED, CANCELED, as the subgraph's),
 * `governorState` one of the Governor's eight states at the indexed head (governor-state.ts).
 */
export function proposalRow(p: Select<typeof schema.proposal>, governorState: string): Row {
  return {
    id: cell(p.id), proposer: p.proposer, description: p.description, state: p.state, governorState, voteStart: cell(p.voteStart),
    voteEnd: cell(p.voteEnd), extendedDeadline: cell(p.extendedDeadline), forVotes: cell(p.forVotes),
    againstVotes: cell(p.againstVotes), abstainVotes: cell(p.abstainVotes), voteCount: p.voteCount, actionCount: p.actionCount,
    eta: cell(p.eta), createdAt: cell(p.createdAt), createdBlock: cell(p.createdBlock), createdTx: p.createdTx,
    queuedAt: cell(p.queuedAt), executedAt: cell(p.executedAt), executedTx: p.executedTx, canceledAt: cell(p.canceledAt),
  };
}

export const VOTE_COLUMNS = ["proposalId", "voter", "support", "weight", "reason", "params", "blockNumber", "timestamp", "transactionHash"] as const;

export function voteRow(v: Select<typeof schema.vote>): Row {
  return {
    proposalId: cell(v.proposalId), voter: v.voter, support: v.support, weight: cell(v.weight), reason: v.reason, params: v.params,
    blockNumber: cell(v.blockNumber), timestamp: cell(v.timestamp), transactionHash: v.transactionHash,
  };
}

/** Every column of a table row, as cells (for the lists whose public shape is the table itself). */
export function plainRow(row: Record<string, unknown>): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, cell(v)]));
}
