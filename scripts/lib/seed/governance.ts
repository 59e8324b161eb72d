/**
 * Proposals through the real Governor and Timelock: propose → (warp past the voting delay) → votes →
 * (warp past the deadline) → queue → (warp past the Timelock delay) → execute. Nothing is impersonated.
 */
import { PROPOSAL_STATES, type ProposalStateName } from "@government-dao/core/proposal-state";
import { id as keccakId } from "ethers";

import type { GovernmentGovernor } from "../../../types/ethers-contracts/index.js";
import type { Action } from "../contracts.js";
import type { SeedChain } from "./chain.js";

export { type Action, action } from "../contracts.js";
/** Governor proposal states (IGovernor.ProposalState): one home, core/src/proposal-state.ts. */
export { PROPOSAL_STATES, type ProposalStateName };

/** Vote support values (OpenZeppelin "bravo" counting). */
export const Support = { Against: 0, For: 1, Abstain: 2 } as const;
export type SupportValue = (typeof Support)[keyof typeof Support];

/** A ballot: who votes, how, and (optionally) why. */
export interface Ballot {
  voter: string;
  support: SupportValue;
  reason?: string;
}

/** A proposal as created. */
export interface Proposal {
  id: bigint;
  title: string;
  targets: string[];
  values: bigint[];
  calldatas: string[];
  description: string;
  descriptionHash: string;
}

export interface Council {
  propose(proposer: string, actions: readonly Action[], title: string, rationale: string): Promise<Proposal>;
  /** Warps past the voting delay of every proposal given. */
  openVoting(...proposals: Proposal[]): Promise<void>;
  vote(proposal: Proposal, ballots: readonly Ballot[]): Promise<void>;
  /** Warps past the (possibly extended) deadline of every proposal given. */
  closeVoting(...proposals: Proposal[]): Promise<void>;
  queue(proposal: Proposal): Promise<void>;
  /** Warps to the Timelock's ETA and executes. */
  execute(proposal: Proposal): Promise<void>;
  cancel(proposal: Proposal, proposer: string): Promise<void>;
  /** The whole pipeline; returns the executed proposal. */
  pass(proposer: string, actions: readonly Action[], title: string, rationale: string, ballots: readonly Ballot[]): Promise<Proposal>;
  state(proposal: Proposal): Promise<ProposalStateName>;
}

/**
 * @param keeper The account that queues and executes passed proposals (anyone may; the seed uses one account,
 * as the keeper agent would).
 */
export function openCouncil(chain: SeedChain, governor: GovernmentGovernor, keeper: string): Council {
  const as = async (address: string) => governor.connect(await chain.signer(address));

  const council: Council = {
    async propose(proposer, actions, title, rationale) {
      const description = `# ${title}\n\n${rationale}`;
      const p = {
        title,
        targets: actions.map((a) => a.target),
        values: actions.map((a) => a.value),
        calldatas: actions.map((a) => a.data),
        description,
        descriptionHash: keccakId(description),
      };
      const g = await as(proposer);
      await chain.send(`propose "${title}"`, () => g.propose(p.targets, p.values, p.calldatas, description));
      const id = await governor.hashProposal(p.targets, p.values, p.calldatas, p.descriptionHash);
      return { id, ...p };
    },
    async openVoting(...proposals) {
      let latest = 0n;
      for (const p of proposals) latest = bigMax(latest, await governor.proposalSnapshot(p.id));
      await chain.warpTo(latest + 1n);
    },
    async vote(proposal, ballots) {
      for (const b of ballots) {
        const g = await as(b.voter);
        const label = `vote on "${proposal.title}"`;
        if (b.reason) await chain.send(label, () => g.castVoteWithReason(proposal.id, b.support, b.reason ?? ""));
        else await chain.send(label, () => g.castVote(proposal.id, b.support));
      }
    },
    async closeVoting(...proposals) {
      let latest = 0n;
      for (const p of proposals) latest = bigMax(latest, await governor.proposalDeadline(p.id));
      await chain.warpTo(latest + 1n);
    },
    async queue(p) {
      const g = await as(keeper);
      await chain.send(`queue "${p.title}"`, () => g.queue(p.targets, p.values, p.calldatas, p.descriptionHash));
    },
    async execute(p) {
      await chain.warpTo(await governor.proposalEta(p.id));
      const g = await as(keeper);
      await chain.send(`execute "${p.title}"`, () => g.execute(p.targets, p.values, p.calldatas, p.descriptionHash));
    },
    async cancel(p, proposer) {
      const g = await as(proposer);
      await chain.send(`cancel "${p.title}"`, () => g.cancel(p.targets, p.values, p.calldatas, p.descriptionHash));
    },
    async pass(proposer, actions, title, rationale, ballots) {
      const p = await council.propose(proposer, actions, title, rationale);
      await council.openVoting(p);
      await council.vote(p, ballots);
      await council.closeVoting(p);
      await council.queue(p);
      await council.execute(p);
      const state = await council.state(p);
      if (state !== "Executed") throw new Error(`proposal "${title}" ended ${state}, not Executed`);
      return p;
    },
    async state(p) {
      return stateName(await governor.state(p.id));
    },
  };
  return council;
}

export function stateName(value: bigint | number): ProposalStateName {
  const name = PROPOSAL_STATES[Number(value)];
  if (!name) throw new Error(`unknown proposal state ${value}`);
  return name;
}

const bigMax = (a: bigint, b: bigint): bigint => (a > b ? a : b);
