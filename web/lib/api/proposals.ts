/** Proposals: the list (newest first) and one proposal with decoded actions, votes with reasons and its timeline. */
import { z } from "zod";

import { splitProposalDescription } from "@government-dao/core/proposal-description";

import { getJson } from "./client";
import { dec, decOrNull, hex, hexOrNull, page } from "./schemas";

export const proposalSchema = z.object({
  id: dec,
  proposer: hex,
  description: z.string(),
  /** Event-derived (the chain's Governor `state()` adds Pending/Active/Defeated/Succeeded/Expired). */
  state: z.enum(["CREATED", "QUEUED", "EXECUTED", "CANCELED"]),
  voteStart: dec,
  voteEnd: dec,
  extendedDeadline: decOrNull,
  forVotes: dec,
  againstVotes: dec,
  abstainVotes: dec,
  voteCount: z.number().int(),
  actionCount: z.number().int(),
  eta: decOrNull,
  createdAt: dec,
  createdBlock: dec,
  createdTx: hex,
  queuedAt: decOrNull,
  executedAt: decOrNull,
  executedTx: hexOrNull,
  canceledAt: decOrNull,
});
export type ApiProposal = z.infer<typeof proposalSchema>;

export const voteSchema = z.object({
  proposalId: dec,
  voter: hex,
  support: z.enum(["AGAINST", "FOR", "ABSTAIN"]),
  weight: dec,
  reason: z.string(),
  blockNumber: dec,
  timestamp: dec,
  transactionHash: hex,
});
export type ApiVote = z.infer<typeof voteSchema>;

const actionSchema = z.object({
  index: z.number().int(),
  target: hex,
  value: dec,
  calldata: hex,
  targetContract: z.string().nullable(),
  signature: z.string().nullable(),
  arguments: z.array(z.string()).nullable(),
});
export type ApiAction = z.infer<typeof actionSchema>;

const timelineSchema = z.object({
  event: z.enum(["created", "votingStarts", "vote", "votingExtended", "votingEnds", "queued", "executed", "canceled"]),
  timestamp: dec,
  transactionHash: hex.optional(),
  voter: hex.optional(),
  support: z.enum(["AGAINST", "FOR", "ABSTAIN"]).optional(),
  eta: decOrNull.optional(),
});
export type TimelineEntry = z.infer<typeof timelineSchema>;

const detailSchema = z.object({ proposal: proposalSchema, actions: z.array(actionSchema), votes: z.array(voteSchema), timeline: z.array(timelineSchema) });
export type ProposalDetail = z.infer<typeof detailSchema>;

export async function listProposals(limit = 100): Promise<ApiProposal[]> {
  return (await getJson("/proposals", page(proposalSchema), { limit: String(limit) })).items;
}

export const getProposal = (id: string): Promise<ProposalDetail> => getJson(`/proposals/${id}`, detailSchema);

/** The first line of a proposal's description, without a Markdown heading mark (and without a #proposer= suffix). */
export const proposalTitle = (description: string): string => splitProposalDescription(description).title;
