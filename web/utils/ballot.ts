/**
 * A signed ballot: an official's EIP-712 vote that any account may submit to the Governor (castVoteBySig, or
 * castVoteWithReasonAndParamsBySig when it carries a reason). The types and the digest are those of OpenZeppelin's
 * Governor (BALLOT_TYPEHASH, EXTENDED_BALLOT_TYPEHASH); the JSON form is what "sign only" hands to a relayer.
 */
import type { Address, TypedDataDomain } from "viem";

import type { SignedBallot } from "@/utils/ballot-parse";

import { BALLOT_TYPES } from "@government-dao/core/governor-ballots";

/** The ballot's type is that of its schema (parseBallot in utils/ballot-parse.ts, the one part of it needing zod). */
export type { SignedBallot };

export const BALLOT_KIND = "government-dao/ballot@1";

/** The longest public reason the dApp accepts in a vote (the Governor itself sets no limit). */
export const MAX_VOTE_REASON = 1000;


/** The ballot as the JSON a relayer receives (bigints as decimal strings). */
export function ballotJson(b: SignedBallot): string {
  const ordered = {
    kind: b.kind,
    chainId: b.chainId,
    governor: b.governor,
    proposalId: b.proposalId.toString(),
    support: b.support,
    voter: b.voter,
    nonce: b.nonce.toString(),
    ...(b.reason !== undefined ? { reason: b.reason } : {}),
    params: b.params,
    signature: b.signature,
  };
  return JSON.stringify(ordered, null, 2);
}

/** The EIP-712 payload the voter signs and the Governor verifies (ExtendedBallot when there is a reason). */
export function ballotTypedData(domain: TypedDataDomain, ballot: Pick<SignedBallot, "proposalId" | "support" | "voter" | "nonce" | "reason" | "params">) {
  const { proposalId, support, voter, nonce } = ballot;
  return ballot.reason !== undefined
    ? ({
        domain,
        types: { ExtendedBallot: BALLOT_TYPES.ExtendedBallot },
        primaryType: "ExtendedBallot",
        message: { proposalId, support, voter, nonce, reason: ballot.reason, params: ballot.params },
      } as const)
    : ({ domain, types: { Ballot: BALLOT_TYPES.Ballot }, primaryType: "Ballot", message: { proposalId, support, voter, nonce } } as const);
}

export type BallotDomain = TypedDataDomain & { chainId: number; verifyingContract: Address };
