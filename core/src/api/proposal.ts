/**
 * The API's proposal answers: the flat proposal and vote rows (GET /api/v1/proposals; CSV/XML columns) and one
 * proposal with its actions, votes and timeline (GET /api/v1/proposals/{id}).
 */
import { z } from "zod";

import { PROPOSAL_STATES } from "../proposal-state.ts";
import { address, count, decimal, hash, hexBytes, pageOf } from "./fields.ts";

/** The event-derived state of a proposal row (the chain's `state()` adds Pending/Active/Defeated/Succeeded/Expired). */
export const PROPOSAL_ROW_STATES = ["CREATED", "QUEUED", "EXECUTED", "CANCELED"] as const;
/** The Governor's `state()` (OpenZeppelin's ProposalState, in enum order): its home is core/src/proposal-state.ts. */
export const GOVERNOR_STATES = PROPOSAL_STATES;
export const VOTE_SUPPORT = ["AGAINST", "FOR", "ABSTAIN"] as const;
export type ProposalRowState = (typeof PROPOSAL_ROW_STATES)[number];
export type GovernorState = (typeof GOVERNOR_STATES)[number];

/** A proposal of the Governor. Votes are counted in seats. */
export const proposalSchema = z
  .object({
    id: decimal,
    proposer: address,
    description: z.string(),
    state: z.enum(PROPOSAL_ROW_STATES),
    governorState: z.enum(GOVERNOR_STATES).meta({ description: "GovernmentGovernor.state() at the indexed head" }),
    voteStart: decimal,
    voteEnd: decimal,
    extendedDeadline: decimal.nullable(),
    forVotes: decimal,
    againstVotes: decimal,
    abstainVotes: decimal,
    voteCount: count,
    actionCount: count,
    eta: decimal.nullable(),
    createdAt: decimal,
    createdBlock: decimal,
    createdTx: hash,
    queuedAt: decimal.nullable(),
    executedAt: decimal.nullable(),
    executedTx: hash.nullable(),
    canceledAt: decimal.nullable(),
  })
  .meta({ description: "A proposal of the Governor. Votes are counted in seats." });
export type ApiProposal = z.infer<typeof proposalSchema>;

/** One vote, with its reason. */
export const voteSchema = z
  .object({
    proposalId: decimal,
    voter: address,
    support: z.enum(VOTE_SUPPORT),
    weight: decimal,
    reason: z.string(),
    params: z.string().regex(/^0x[0-9a-f]*$/).nullable(),
    blockNumber: decimal,
    timestamp: decimal,
    transactionHash: hash,
  })
  .meta({ description: "One vote, with its reason." });
export type ApiVote = z.infer<typeof voteSchema>;

/** GET /api/v1/proposals (JSON). */
export const proposalPageSchema = pageOf(proposalSchema);

/**
 * One decoded argument of an action: integers as decimal strings, addresses and bytes as 0x hex, tuples as objects,
 * arrays as arrays (core/src/actions/decode.ts `jsonValue`).
 */
export const actionArgumentSchema = z.object({ name: z.string(), type: z.string(), value: z.unknown() });

/** What an action does, in each language of the dApp. */
export const actionSentenceSchema = z.object({ en: z.string(), ru: z.string(), kk: z.string() });

/**
 * One call of a proposal, decoded at index time by core/src/actions: `targetContract`, `signature`, `arguments`
 * (graph-style, as the subgraph's) and `args` (named, typed) when the target is one of ours and the call decodes;
 * `decodeError` says why one of ours did not; `sentence` says what it does, in each language.
 */
export const proposalActionSchema = z.object({
  id: z.string(),
  proposalId: decimal,
  index: count,
  target: address,
  value: decimal,
  calldata: hexBytes,
  selector: hexBytes.nullable(),
  targetContract: z.string().nullable(),
  signature: z.string().nullable(),
  arguments: z.array(z.string()).nullable(),
  args: z.array(actionArgumentSchema).nullable(),
  decodeError: z.string().nullable(),
  sentence: actionSentenceSchema,
});
export type ApiAction = z.infer<typeof proposalActionSchema>;

/** A JSON text in one cell (Table Schema `array`: its CSV cell is the JSON, table-schema.ts). */
const jsonCell = (description: string) => z.string().meta({ description, contentMediaType: "application/json" });

/**
 * One action of a proposal as a flat row (GET /api/v1/proposal-actions; CSV/XML columns; the open-data snapshots):
 * the call as the chain holds it, its decoding with each argument typed, and what it does in kk, ru and en.
 */
export const proposalActionRowSchema = z
  .object({
    proposalId: decimal,
    index: count,
    proposedAt: decimal.meta({ description: "when the proposal was made (unix seconds)" }),
    target: address,
    targetContract: z.string().nullable().meta({ description: "our contract the call goes to (null: another address)" }),
    value: decimal,
    calldata: hexBytes,
    selector: hexBytes.nullable(),
    signature: z.string().nullable(),
    args: jsonCell("the decoded arguments as JSON [{name, type, value}]: type is the ABI type; integers are decimal strings, addresses and bytes 0x hex, tuples objects, arrays arrays (null: not decoded)").nullable(),
    decodeError: z.string().nullable(),
    sentenceKk: z.string(),
    sentenceRu: z.string(),
    sentenceEn: z.string(),
  })
  .meta({ description: "One action (call) of a proposal, decoded: its typed arguments and what it does, in kk, ru and en." });
export type ApiActionRow = z.infer<typeof proposalActionRowSchema>;

export const TIMELINE_EVENTS = ["created", "votingStarts", "vote", "votingExtended", "votingEnds", "queued", "executed", "canceled"] as const;

/** One step of a proposal's life. */
export const timelineEntrySchema = z.object({
  event: z.enum(TIMELINE_EVENTS),
  timestamp: decimal,
  transactionHash: hash.nullable().optional(),
  voter: address.optional(),
  support: z.enum(VOTE_SUPPORT).optional(),
  eta: decimal.nullable().optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** GET /api/v1/proposals/{id}: the proposal row, the Governor's state at the indexed head, actions, votes, timeline. */
export const proposalDetailSchema = z.object({
  proposal: proposalSchema,
  state: z.enum(GOVERNOR_STATES),
  indexedBlock: z.object({ number: decimal, timestamp: decimal }).meta({ description: "the indexed head the state is computed at" }),
  actions: z.array(proposalActionSchema),
  votes: z.array(voteSchema),
  timeline: z.array(timelineEntrySchema),
});
export type ProposalDetail = z.infer<typeof proposalDetailSchema>;
