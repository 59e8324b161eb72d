"use client";
/**
 * The wallet part of a proposal page (the rest is server-rendered from the public API): voting while it is open,
 * queueing and executing once it passed. While the proposal can still change, the page is re-rendered on the server
 * every few seconds (router.refresh: the API's answer, not chain logs read in the browser), so tallies, votes and the
 * state follow the chain; the controls keep their state (a confirmed transaction stays on screen).
 */
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { Address, Hex } from "viem";
import { keccak256, toBytes } from "viem";
import { useConnection } from "wagmi";

import { BallotRelayForm } from "@/components/BallotRelayForm";
import { QueueExecute } from "@/components/QueueExecute";
import { VoteForm } from "@/components/VoteForm";
import { type ProposalView, useHasVoted, useSeat } from "@/hooks/useGovernance";
import type { ProposalStateName } from "@/utils/format";

// The Governor's write code (simulate, send, sign) loads only for a connected account; visitors only read.
const QueueExecuteWrites = dynamic(() => import("@/components/QueueExecuteWrites").then((m) => m.QueueExecuteWrites), { ssr: false });

/** How often an undecided proposal's page is re-rendered. */
const REFRESH_MS = 3_000;
const SETTLED: ReadonlySet<ProposalStateName> = new Set(["canceled", "defeated", "expired", "executed"]);

/** What the controls need, as the server page has it (decimal strings: props cross to the browser as JSON). */
export interface ProposalControlsProps {
  id: string;
  state: ProposalStateName;
  proposer: string;
  description: string;
  actions: { target: string; value: string; calldata: string }[];
  tallies: { for: string; against: string; abstain: string };
  voteStart: string;
  voteEnd: string;
  eta: string | null;
  /** The chain's time when the page was rendered (unix seconds). */
  now: string;
}

export function ProposalControls(props: ProposalControlsProps) {
  const router = useRouter();
  const proposalId = BigInt(props.id);
  const { address } = useConnection();
  const seat = useSeat(address);
  const voted = useHasVoted(proposalId, address);
  const settled = SETTLED.has(props.state);

  useEffect(() => {
    if (settled) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [router, settled]);

  const proposal: ProposalView = {
    id: proposalId,
    state: props.state,
    proposer: props.proposer as Address,
    title: "",
    rationale: "",
    description: props.description,
    descriptionHash: keccak256(toBytes(props.description)),
    actions: props.actions.map((a) => ({ target: a.target as Address, value: BigInt(a.value), calldata: a.calldata as Hex })),
    tallies: { for: BigInt(props.tallies.for), against: BigInt(props.tallies.against), abstain: BigInt(props.tallies.abstain) },
    snapshot: BigInt(props.voteStart),
    deadline: BigInt(props.voteEnd),
    eta: BigInt(props.eta ?? "0"),
    now: BigInt(props.now),
    votes: [],
  };
  return (
    <>
      {props.state === "active" ? (
        <>
          <VoteForm proposalId={proposalId} connected={Boolean(address)} seated={(seat.data?.votes ?? 0n) > 0n} voted={voted.data === true} />
          <BallotRelayForm proposalId={proposalId} connected={Boolean(address)} />
        </>
      ) : null}
      {address ? <QueueExecuteWrites proposal={proposal} /> : props.state === "succeeded" || props.state === "queued" ? <QueueExecute proposal={proposal} /> : null}
    </>
  );
}
