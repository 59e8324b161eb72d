/**
 * The EIP-712 types of a vote by signature, as OpenZeppelin's Governor hashes them (BALLOT_TYPEHASH:
 * `Ballot(uint256 proposalId,uint8 support,address voter,uint256 nonce)`; EXTENDED_BALLOT_TYPEHASH adds
 * `string reason,bytes params`). One copy for the CLI, the dApp and the tests; sign with one of the two as the only
 * type (`{ Ballot: BALLOT_TYPES.Ballot }`), so the primary type is never ambiguous.
 */
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
