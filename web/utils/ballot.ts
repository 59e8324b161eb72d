/**
 * A signed ballot: an official's EIP-712 vote that any account may submit to the Governor (castVoteBySig, or
 * castVoteWithReasonAndParamsBySig when it carries a reason). The types and the digest are those of OpenZeppelin's
 * Governor (BALLOT_TYPEHASH, EXTENDED_BALLOT_TYPEHASH); the JSON form is what "sign only" hands to a relayer.
 */
import { type Address, type Hex, type TypedDataDomain, getAddress, isAddress } from "viem";
import { z } from "zod";

export const BALLOT_KIND = "government-dao/ballot@1";

/** The longest public reason the dApp accepts in a vote (the Governor itself sets no limit). */
export const MAX_VOTE_REASON = 1000;

export const BALLOT_TYPES = {
  Ballot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
  ],
  ExtendedBallot: [
    { name: "proposalId", type: "uint256" },
    { name: "support", type: "uint8" },
    { name: "voter", type: "address" },
    { name: "nonce", type: "uint256" },
    { name: "reason", type: "string" },
    { name: "params", type: "bytes" },
  ],
} as const;

const decimal = z.string().regex(/^\d{1,78}$/);
const address = z.string().refine(isAddress).transform((a) => getAddress(a));
const hex = (pattern: RegExp) => z.string().regex(pattern).transform((h) => h as Hex);

export const signedBallotSchema = z.strictObject({
  kind: z.literal(BALLOT_KIND),
  chainId: z.number().int().positive(),
  governor: address,
  proposalId: decimal.transform(BigInt),
  support: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  voter: address,
  nonce: decimal.transform(BigInt),
  reason: z.string().min(1).max(MAX_VOTE_REASON).optional(),
  params: hex(/^0x([0-9a-fA-F]{2})*$/),
  signature: hex(/^0x[0-9a-fA-F]{130}$/),
});

export type SignedBallot = z.output<typeof signedBallotSchema>;

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

/** Parses a pasted ballot; undefined when it is not JSON or not a ballot. */
export function parseBallot(text: string): SignedBallot | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = signedBallotSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
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
