/**
 * Reading a signed ballot pasted by a relayer (the JSON of ballotJson in utils/ballot.ts). Apart from utils/ballot.ts
 * because it is the only ballot code that needs zod at run time: only the relay form (BallotRelayWrites, loaded for a
 * connected account) imports it, so the vote-writing code and a visitor's proposal page carry no zod (~30 KiB gzip).
 */
import { type Hex, getAddress, isAddress } from "viem";
import { z } from "zod";

import "@/utils/zod-jitless";
import { BALLOT_KIND, MAX_VOTE_REASON } from "@/utils/ballot";

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
