"use client";
/**
 * The connected account's queue / execute (QueueExecute with the Governor's write code), loaded only once an account
 * is connected. It holds the transaction's state and stays mounted while connected, so the outcome of the last
 * transaction stays on screen after the proposal moves on (a refetch may show "Executed" before the receipt arrives).
 */
import { QueueExecute } from "@/components/QueueExecute";
import type { ProposalView } from "@/hooks/useGovernance";
import { useQueueExecute } from "@/hooks/useGovernanceWrites";

export function QueueExecuteWrites({ proposal }: { proposal: ProposalView }) {
  const writes = useQueueExecute();
  if (proposal.state !== "succeeded" && proposal.state !== "queued" && writes.state.status === "idle") return null;
  return <QueueExecute proposal={proposal} writes={writes} />;
}
