"use client";
/**
 * Writes to the Governor: vote with a reason, vote by EIP-712 signature (sign and submit, sign only, relay a signed
 * ballot), queue, execute — each simulated first (see useTransaction).
 */
import { useCallback, useState } from "react";
import { type Address, type Hash, type PublicClient, type WalletClient, verifyTypedData } from "viem";
import { useConnection, usePublicClient, useWalletClient } from "wagmi";

import { useRuntime } from "@/components/Providers";
import type { ProposalView } from "@/hooks/useGovernance";
import { type ContractOf, useRequiredContract } from "@/hooks/useContract";
import { useTransaction } from "@/hooks/useTransaction";
import { BALLOT_KIND, type BallotDomain, type SignedBallot, ballotTypedData } from "@/utils/ballot";
import { type ErrorMessage, PlainError, describeError } from "@/utils/errors";

export type Support = 0 | 1 | 2;

type Governor = ContractOf<"GovernmentGovernor">;

/** Governor.state() of an Active proposal (IGovernor.ProposalState). */
const ACTIVE = 1;

/** The Governor's EIP-712 domain, as it reports it (ERC-5267 `eip712Domain()`). */
async function governorDomain(publicClient: PublicClient, governor: Governor): Promise<BallotDomain> {
  const [, name, version, chainId, verifyingContract] = await publicClient.readContract({ ...governor, functionName: "eip712Domain" });
  return { name, version, chainId: Number(chainId), verifyingContract };
}

/** The connected official signs a ballot for `proposalId` with the Governor's current nonce of the account. */
async function signBallot(
  ctx: { publicClient: PublicClient; walletClient: WalletClient; account: Address },
  governor: Governor,
  vote: { proposalId: bigint; support: Support; reason: string },
): Promise<SignedBallot> {
  const domain = await governorDomain(ctx.publicClient, governor);
  const nonce = await ctx.publicClient.readContract({ ...governor, functionName: "nonces", args: [ctx.account] });
  const unsigned = {
    kind: BALLOT_KIND,
    chainId: domain.chainId,
    governor: governor.address,
    proposalId: vote.proposalId,
    support: vote.support,
    voter: ctx.account,
    nonce,
    ...(vote.reason ? { reason: vote.reason } : {}),
    params: "0x",
  } as const;
  const typed = ballotTypedData(domain, unsigned);
  const signature =
    typed.primaryType === "ExtendedBallot"
      ? await ctx.walletClient.signTypedData({ account: ctx.account, ...typed })
      : await ctx.walletClient.signTypedData({ account: ctx.account, ...typed });
  return { ...unsigned, signature };
}

/**
 * Checks a signed ballot against the chain before anything is sent, with a plain reason when it cannot count:
 * another chain or Governor, another proposal, voting not open, already voted, a signature that is not the
 * voter's, or a nonce already used. Then simulates and sends it from the connected account.
 */
async function relayBallot(
  ctx: { publicClient: PublicClient; walletClient: WalletClient; account: Address },
  governor: Governor,
  ballot: SignedBallot,
  proposalId: bigint,
): Promise<Hash> {
  const domain = await governorDomain(ctx.publicClient, governor);
  if (ballot.chainId !== domain.chainId || ballot.governor !== governor.address) throw new PlainError("otherGovernorBallot");
  if (ballot.proposalId !== proposalId) throw new PlainError("wrongBallotProposal");
  const [state, voted, nonce] = await Promise.all([
    ctx.publicClient.readContract({ ...governor, functionName: "state", args: [ballot.proposalId] }),
    ctx.publicClient.readContract({ ...governor, functionName: "hasVoted", args: [ballot.proposalId, ballot.voter] }),
    ctx.publicClient.readContract({ ...governor, functionName: "nonces", args: [ballot.voter] }),
  ]);
  if (state !== ACTIVE) throw new PlainError("voteNotActive");
  if (voted) throw new PlainError("revert.GovernorAlreadyCastVote");
  const typed = ballotTypedData(domain, ballot);
  const signed = { address: ballot.voter, signature: ballot.signature };
  const valid = await (typed.primaryType === "ExtendedBallot" ? verifyTypedData({ ...signed, ...typed }) : verifyTypedData({ ...signed, ...typed })).catch(() => false);
  if (!valid) throw new PlainError("revert.GovernorInvalidSignature");
  if (ballot.nonce !== nonce) throw new PlainError("revert.InvalidAccountNonce");
  if (ballot.reason !== undefined) {
    const { request } = await ctx.publicClient.simulateContract({
      ...governor,
      account: ctx.account,
      functionName: "castVoteWithReasonAndParamsBySig",
      args: [ballot.proposalId, ballot.support, ballot.voter, ballot.reason, ballot.params, ballot.signature],
    });
    return ctx.walletClient.writeContract(request);
  }
  const { request } = await ctx.publicClient.simulateContract({
    ...governor,
    account: ctx.account,
    functionName: "castVoteBySig",
    args: [ballot.proposalId, ballot.support, ballot.voter, ballot.signature],
  });
  return ctx.walletClient.writeContract(request);
}

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
  /** Signs an EIP-712 ballot and relays it from the same account (castVoteBySig / …WithReasonAndParamsBySig). */
  const voteBySig = (proposalId: bigint, support: Support, reason: string) =>
    tx.run(async (ctx) => relayBallot(ctx, governor, await signBallot(ctx, governor, { proposalId, support, reason }), proposalId));
  /** Submits a ballot someone else signed (the connected account pays for the transaction). */
  const relay = (ballot: SignedBallot | undefined, proposalId: bigint) =>
    tx.run(async (ctx) => {
      if (!ballot) throw new PlainError("malformedBallot");
      return relayBallot(ctx, governor, ballot, proposalId);
    });
  return { ...tx, vote, voteBySig, relay };
}

export type SignState = { status: "idle" } | { status: "wallet" } | { status: "signed"; ballot: SignedBallot } | { status: "failed"; error: ErrorMessage };

/** "Sign only": the connected official signs a ballot for someone else to submit; nothing is sent. */
export function useSignBallot() {
  const governor = useRequiredContract("GovernmentGovernor");
  const runtime = useRuntime();
  const { address, chainId } = useConnection();
  const publicClient = usePublicClient();
  const { data: walletClient } = useWalletClient();
  const [state, setState] = useState<SignState>({ status: "idle" });
  const sign = useCallback(
    async (proposalId: bigint, support: Support, reason: string) => {
      if (!address || !publicClient || !walletClient) return setState({ status: "failed", error: { key: "notConnected" } });
      if (chainId !== runtime.chainId) return setState({ status: "failed", error: { key: "wrongNetwork" } });
      setState({ status: "wallet" });
      try {
        const ballot = await signBallot({ publicClient, walletClient, account: address }, governor, { proposalId, support, reason });
        setState({ status: "signed", ballot });
      } catch (error) {
        setState({ status: "failed", error: describeError(error) });
      }
    },
    [address, chainId, governor, publicClient, runtime.chainId, walletClient],
  );
  return { state, sign };
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
