/**
 * The contracts' enums by index (the on-chain value is the position) and the 32-byte hex form of a token id, so
 * that the CLI, the agents, the seed summary and the error messages name things the same way.
 */
export { DOCUMENT_TYPES } from "./metadata.ts";

/** IDocumentRegistry.Status. */
export const DOCUMENT_STATUSES = ["Active", "Amended", "Revoked"] as const;
/** IBudgetEscrow.MilestoneStatus. */
export const MILESTONE_STATUSES = ["Pending", "Released", "Cancelled"] as const;

/** A uint256 (a document's token id = its sha-256) as 0x and 64 hex digits. */
export const hex32 = (value: bigint | number | string): string => `0x${BigInt(value).toString(16).padStart(64, "0")}`;

/** IGovernor.ProposalState. */
export const PROPOSAL_STATES = ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Expired", "Executed"] as const;
