"use client";
/** Reading the Governor and the seats: an official's seat, whether an account voted, recent proposals. */
import { useQuery } from "@tanstack/react-query";
import type { Address, Hex } from "viem";
import { getContractEvents, readContract } from "viem/actions";

import { useContract, useReadClient } from "@/hooks/useContract";
import { splitProposalDescription } from "@government-dao/core/proposal-description";
import { PROPOSAL_STATES, type ProposalStateName } from "@/utils/format";

export interface SeatView {
  seatId: bigint;
  agencyId: number;
  position: number;
  since: bigint;
  votes: bigint;
}

/** The seat and voting power of `account` (seatId 0: never seated; votes 0: not seated now). */
export function useSeat(account: Address | undefined) {
  const seats = useContract("OfficialSeats");
  const client = useReadClient();
  return useQuery({
    queryKey: ["seat", seats?.address, account],
    enabled: Boolean(seats && client && account),
    queryFn: async (): Promise<SeatView> => {
      if (!seats || !client || !account) throw new Error("not ready");
      const [seatId, votes] = await Promise.all([
        readContract(client, { ...seats, functionName: "seatIdOf", args: [account] }),
        readContract(client, { ...seats, functionName: "getVotes", args: [account] }),
      ]);
      if (seatId === 0n) return { seatId, agencyId: 0, position: 0, since: 0n, votes };
      const seat = await readContract(client, { ...seats, functionName: "seat", args: [seatId] });
      return { seatId, agencyId: seat.agencyId, position: seat.position, since: BigInt(seat.since), votes };
    },
  });
}

/** One call of a proposal, as the Governor executes it (the proposal page renders it from the API's decoded answer). */
export interface ProposalAction {
  target: Address;
  value: bigint;
  calldata: Hex;
}

export interface VoteView {
  voter: Address;
  support: 0 | 1 | 2;
  reason: string;
  blockNumber: bigint;
}

export interface ProposalView {
  id: bigint;
  state: ProposalStateName;
  proposer: Address;
  title: string;
  rationale: string;
  description: string;
  descriptionHash: Hex;
  actions: ProposalAction[];
  tallies: { against: bigint; for: bigint; abstain: bigint };
  quorum?: bigint;
  snapshot: bigint;
  deadline: bigint;
  eta: bigint;
  now: bigint;
  votes: VoteView[];
}

/**
 * Splits a "# Title\n\nRationale" description, without its #proposer= suffix: core's linear parser, with the
 * title and rationale capped (core/src/proposal-description.ts).
 */
export const splitDescription = splitProposalDescription;

/** Whether `account` has voted on proposal `id`. */
export function useHasVoted(id: bigint | undefined, account: Address | undefined) {
  const governor = useContract("GovernmentGovernor");
  const client = useReadClient();
  return useQuery({
    queryKey: ["hasVoted", governor?.address, id?.toString(), account],
    enabled: Boolean(governor && client && id !== undefined && account),
    queryFn: async () => {
      if (!governor || !client || id === undefined || !account) throw new Error("not ready");
      return readContract(client, { ...governor, functionName: "hasVoted", args: [id, account] });
    },
  });
}

export interface ProposalSummary {
  id: bigint;
  title: string;
  state: ProposalStateName;
}

/** The latest `limit` proposals, newest first, from the Governor's on-chain enumeration. */
export function useRecentProposals(limit = 10) {
  const governor = useContract("GovernmentGovernor");
  const client = useReadClient();
  return useQuery({
    queryKey: ["recentProposals", governor?.address, limit],
    enabled: Boolean(governor && client),
    refetchInterval: 10_000,
    queryFn: async (): Promise<ProposalSummary[]> => {
      if (!governor || !client) throw new Error("not ready");
      const count = await readContract(client, { ...governor, functionName: "proposalCount" });
      const indexes = Array.from({ length: Math.min(limit, Number(count)) }, (_, i) => count - 1n - BigInt(i));
      const created = await getContractEvents(client, { ...governor, eventName: "ProposalCreated", fromBlock: 0n, strict: true });
      return Promise.all(
        indexes.map(async (index): Promise<ProposalSummary> => {
          const id = await readContract(client, { ...governor, functionName: "proposalIdAt", args: [index] });
          const state = await readContract(client, { ...governor, functionName: "state", args: [id] });
          const description = created.find((e) => e.args.proposalId === id)?.args.description ?? "";
          return { id, title: splitDescription(description).title, state: PROPOSAL_STATES[state] ?? "pending" };
        }),
      );
    },
  });
}
