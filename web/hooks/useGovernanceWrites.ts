"use client";
/** Writes to the Governor: vote with a reason, queue, execute — each simulated first (see useTransaction). */
import type { ProposalView } from "@/hooks/useGovernance";
import { useRequiredContract } from "@/hooks/useContract";
import { useTransaction } from "@/hooks/useTransaction";

export type Support = 0 | 1 | 2;

export function useCastVote() {
  const governor = useRequiredContract("GovernmentGovernor");
  const tx = useTransaction();
  const vote = (proposalId: bigint, support: Support, reason: string) =>
    tx.run(async ({ publicClient, walletClient, account }) => {
      if (reason) {
        const { request } = await publicClient.simulateContract({ ...governor, account, functionName: "castVoteWithReason", args: [proposalId, support, reason] });
        return walletClient.writeContract(request);
      }
      const { request } = await publicClient.simulateContract({ ...governor, account, functionName: "castVote", args: [proposalId, support] });
      return walletClient.writeContract(request);
    });
  return { ...tx, vote };
}

export function useQueueExecute() {
  const governor = useRequiredContract("GovernmentGovernor");
  const tx = useTransaction();
  const call = (step: "queue" | "execute", p: ProposalView) =>
    tx.run(async ({ publicClient, walletClient, account }) => {
      const args = [p.actions.map((a) => a.target), p.actions.map((a) => a.value), p.actions.map((a) => a.calldata), p.descriptionHash] as const;
      const { request } = await publicClient.simulateContract({ ...governor, account, functionName: step, args });
      return walletClient.writeContract(request);
    });
  return { ...tx, queue: (p: ProposalView) => call("queue", p), execute: (p: ProposalView) => call("execute", p) };
}
