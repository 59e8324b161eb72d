/**
 * The contracts' enums by index (the on-chain value is the position) and the 32-byte hex form of a token id, so
 * that the CLI, the agents, the seed summary and the error messages name things the same way. No zod here (the
 * browser's pages import it: see core/src/dates.ts).
 */
/** Document types, in the order of the contract's `DocumentType` enum (the index is the on-chain value). */
export const DOCUMENT_TYPES = ["decree", "law", "budget", "order", "certificate", "notice"] as const;
export type DocumentTypeName = (typeof DOCUMENT_TYPES)[number];

type UpperTuple<T extends readonly string[]> = { -readonly [K in keyof T]: Uppercase<T[K]> };
const upper = <T extends readonly string[]>(names: T): UpperTuple<T> => names.map((n) => n.toUpperCase()) as UpperTuple<T>;

/** Document types as the indexer, the subgraph and the API name them (`DECREE` …), in the contract's order. */
export const DOCUMENT_TYPE_CODES = upper(DOCUMENT_TYPES);
export type DocumentTypeCode = (typeof DOCUMENT_TYPE_CODES)[number];
/** The types only the Timelock may issue (acts of the council): decree, law, budget. */
export const ENACTED_DOCUMENT_TYPES = ["decree", "law", "budget"] as const satisfies readonly (typeof DOCUMENT_TYPES)[number][];

/** ISigningKeyRegistry.KeyPurpose as the indexer, the subgraph and the API name it (the index is the on-chain value). */
export const SIGNING_KEY_PURPOSES = ["EXTRACT"] as const;
export type SigningKeyPurpose = (typeof SIGNING_KEY_PURPOSES)[number];

/** IDocumentRegistry.Status. */
export const DOCUMENT_STATUSES = ["Active", "Amended", "Revoked"] as const;
/** Document statuses as the indexer and the API name them (`ACTIVE` …). */
export const DOCUMENT_STATUS_CODES = upper(DOCUMENT_STATUSES);
/** IBudgetEscrow.MilestoneStatus. */
export const MILESTONE_STATUSES = ["Pending", "Released", "Cancelled"] as const;
/** Milestone statuses as the indexer and the API name them (`PENDING` …). */
export const MILESTONE_STATUS_CODES = upper(MILESTONE_STATUSES);
/**
 * The number people read for the milestone at on-chain `index` (0-based): the budget page, the builder, the CLI, the
 * action sentences and the auditor all count milestones from 1.
 */
export const milestoneNumber = (index: unknown): string => (BigInt(String(index)) + 1n).toString();

/** A uint256 (a document's token id = its sha-256) as 0x and 64 hex digits. */
export const hex32 = (value: bigint | number | string): string => `0x${BigInt(value).toString(16).padStart(64, "0")}`;

/** IGovernor.ProposalState: its one home is proposal-state.ts (with the logic that computes it). */
export { PROPOSAL_STATES } from "./proposal-state.ts";
