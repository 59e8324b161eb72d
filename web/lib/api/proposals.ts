/** Proposals: the list (newest first) and one proposal with its actions, votes and timeline. Shapes: @government-dao/core/api/proposal. */
import { type ApiProposal, type ProposalDetail, proposalDetailSchema, proposalPageSchema } from "@government-dao/core/api/proposal";
import { splitProposalDescription } from "@government-dao/core/proposal-description";

import { getJson } from "./client";

export type { ApiAction, ApiProposal, ApiVote, ProposalDetail, TimelineEntry } from "@government-dao/core/api/proposal";

export async function listProposals(limit = 100): Promise<ApiProposal[]> {
  return (await getJson("/proposals", proposalPageSchema, { limit: String(limit) })).items;
}

/** One proposal, decoded by the API (the page of /proposals/[id] renders it on the server). */
export const getProposal = (id: string): Promise<ProposalDetail> => getJson(`/proposals/${id}`, proposalDetailSchema);

/** The first line of a proposal's description, without a Markdown heading mark (and without a #proposer= suffix). */
export const proposalTitle = (description: string): string => splitProposalDescription(description).title;
