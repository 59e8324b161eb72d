"use client";
/** Reading the Governor and the seats: an official's seat, a proposal with its tallies and votes, recent proposals. */
import { useQuery } from "@tanstack/react-query";
import { type Address, type Hex, keccak256, toBytes } from "viem";
import { getBlock, getContractEvents, readContract } from "viem/actions";

import { useRuntime } from "@/components/Providers";
import { useContract, useReadClient } from "@/hooks/useContract";
import { type DecodedAction, contractLookup, decodeAction } from "@government-dao/core/actions/decode";
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

export interface ProposalAction {
  target: Address;
  value: bigint;
  calldata: Hex;
  /** "DocumentRegistry.issue" when the target is a system contract and the call decodes. */
  call?: string;
  /** The decoded arguments with their parameter names from the ABI. */
  args?: { name: string; value: unknown }[];
  /** The call decoded by core (render it with useActionSentence in the reader's language). */
  decoded: DecodedAction;
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

/** Decodes a proposal's calls against the deployment's contracts with core's decoder. */
function useDecoder() {
  const { addresses } = useRuntime();
  const lookup = contractLookup(addresses);
  return (target: Address, value: bigint, calldata: Hex): Pick<ProposalAction, "call" | "args" | "decoded"> => {
    const decoded = decodeAction(lookup, { target, value, data: calldata });
    if (decoded.kind !== "decoded") return { decoded };
    return { decoded, call: `${decoded.contract}.${decoded.functionName}`, args: decoded.args.map(({ name, value: v }) => ({ name, value: v })) };
  };
}

/** A proposal read from chain: state, tallies, timeline, actions (from ProposalCreated) and votes (VoteCast). */
export function useProposal(id: bigint | undefined) {
  const governor = useContract("GovernmentGovernor");
  const client = useReadClient();
  const decode = useDecoder();
  return useQuery({
    queryKey: ["proposal", governor?.address, id?.toString()],
    enabled: Boolean(governor && client && id !== undefined),
    refetchInterval: 5_000,
    queryFn: async (): Promise<ProposalView | null> => {
      if (!governor || !client || id === undefined) throw new Error("not ready");
      const snapshot = await readContract(client, { ...governor, functionName: "proposalSnapshot", args: [id] });
      if (snapshot === 0n) return null;
      const [stateIndex, votes, deadline, eta, proposer, block, created, cast] = await Promise.all([
        readContract(client, { ...governor, functionName: "state", args: [id] }),
        readContract(client, { ...governor, functionName: "proposalVotes", args: [id] }),
        readContract(client, { ...governor, functionName: "proposalDeadline", args: [id] }),
        readContract(client, { ...governor, functionName: "proposalEta", args: [id] }),
        readContract(client, { ...governor, functionName: "proposalProposer", args: [id] }),
        getBlock(client),
        getContractEvents(client, { ...governor, eventName: "ProposalCreated", fromBlock: 0n, strict: true }),
        getContractEvents(client, { ...governor, eventName: "VoteCast", fromBlock: 0n, strict: true }),
      ]);
      const event = created.find((e) => e.args.proposalId === id);
      const description = event?.args.description ?? "";
      const quorum =
        snapshot < block.timestamp ? await readContract(client, { ...governor, functionName: "quorum", args: [snapshot] }).catch(() => undefined) : undefined;
      const actions: ProposalAction[] = (event?.args.targets ?? []).map((target, i) => {
        const calldata = event?.args.calldatas[i] ?? "0x";
        const value = event?.args.values[i] ?? 0n;
        return { target, value, calldata, ...decode(target, value, calldata) };
      });
      return {
        id,
        state: PROPOSAL_STATES[stateIndex] ?? "pending",
        proposer,
        description,
        descriptionHash: keccak256(toBytes(description)),
        ...splitDescription(description),
        actions,
        tallies: { against: votes[0], for: votes[1], abstain: votes[2] },
        ...(quorum !== undefined ? { quorum } : {}),
        snapshot,
        deadline,
        eta,
        now: block.timestamp,
        votes: cast
          .filter((e) => e.args.proposalId === id)
          .map((e) => ({ voter: e.args.voter, support: (e.args.support as 0 | 1 | 2), reason: e.args.reason, blockNumber: e.blockNumber ?? 0n })),
      };
    },
  });
}

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
