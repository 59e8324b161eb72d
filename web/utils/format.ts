/** Pure display helpers. */
import { DOCUMENT_TYPES, type DocumentTypeName } from "@government-dao/core/enums";
import { PROPOSAL_STATES as GOVERNOR_STATES, type ProposalStateName as GovernorStateName } from "@government-dao/core/proposal-state";

export const shortHex = (hex: string, keep = 6): string => (hex.length > 2 * keep + 2 ? `${hex.slice(0, keep + 2)}…${hex.slice(-keep)}` : hex);

/** Document types in the order of the contract's enum: core's list. */
export const DOC_TYPES = DOCUMENT_TYPES;
export type DocTypeName = DocumentTypeName;
/** Types a registrar issues (the others are enacted by proposal). */
export const AGENCY_DOC_TYPES = ["order", "certificate", "notice"] as const satisfies readonly DocTypeName[];

export const DOC_STATUSES = ["active", "amended", "revoked"] as const;

/** Proposal states in the order of OpenZeppelin's `ProposalState` (core/src/proposal-state.ts), lower-case as message keys. */
export type ProposalStateName = Lowercase<GovernorStateName>;
export const PROPOSAL_STATES: readonly ProposalStateName[] = GOVERNOR_STATES.map((s) => s.toLowerCase() as ProposalStateName);
