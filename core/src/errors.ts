/**
 * The catalogue of the contracts' custom errors in plain words: every custom error any system contract can revert
 * with (OpenZeppelin's Governor, Timelock, ERC-20/721 and ours) has one sentence here, with its arguments, for an
 * official, a registrar or a treasurer. `core/tests/errors.test.ts` fails when a contract gains an error without words.
 * Decoding uses the generated ABIs (viem `decodeErrorResult`). Browser-safe: the CLI and the agents print these
 * sentences; the dApp maps the same error names to its translated message keys.
 */
import { type Hex, decodeErrorResult } from "viem";

import { abis } from "./abis.ts";
import { APPEAL_STATES, APPEAL_SUBJECT_KINDS } from "./appeals.ts";
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, MILESTONE_STATUSES, PROPOSAL_STATES, hex32 as toHex32 } from "./enums.ts";

type AnyAbi = (typeof abis)[keyof typeof abis];
type ErrorItem = Extract<AnyAbi[number], { type: "error" }>;

/** The name of a custom error declared by one of the system's contracts. */
export type CustomErrorName = ErrorItem["name"];

/** A decoded custom error: its name and arguments (bigints for integers, checksummed addresses). */
export interface DecodedError {
  name: string;
  args: readonly unknown[];
}

/** Every custom error of every system contract's ABI (duplicates across contracts once). */
export const CUSTOM_ERRORS: readonly ErrorItem[] = [
  ...new Map(Object.values(abis).flatMap((abi) => abi.filter((item): item is ErrorItem => item.type === "error")).map((e) => [e.name, e] as const)).values(),
];

/** The custom error in revert `data`, with its arguments, if one of the system's contracts declares it. */
export function decodeCustomError(data: Hex): DecodedError | undefined {
  try {
    const decoded = decodeErrorResult({ abi: CUSTOM_ERRORS, data });
    return { name: decoded.errorName, args: decoded.args ?? [] };
  } catch {
    return undefined;
  }
}

/** One sentence for a decoded error; a name without words (an unknown contract's) reads "Reverted with Name(args)". */
export function explainCustomError(error: DecodedError): string {
  return sentenceFor(error) ?? `Reverted with ${error.name}(${error.args.map(String).join(", ")}).`;
}

const short = (value: unknown): string => {
  const text = String(value);
  return /^0x[0-9a-f]{64}$/i.test(text) ? `${text.slice(0, 10)}…${text.slice(-6)}` : text;
};
const hex32 = (value: unknown): string => toHex32(String(value));
const at = (list: readonly string[], value: unknown): string => list[Number(value)] ?? String(value);

/** The states named in a Governor/Timelock `expectedStates` bitmap. */
function expectedStates(bitmap: unknown, names: readonly string[]): string {
  const bits = BigInt(String(bitmap));
  const chosen = names.filter((_, i) => (bits >> BigInt(i)) & 1n);
  return chosen.length > 0 ? chosen.join(" or ") : "another state";
}

/** One sentence for a decoded custom error (undefined for an error we have no words for). */
export function sentenceFor(error: DecodedError): string | undefined {
  const a = [...error.args];
  switch (error.name) {
    // ── Governor (OpenZeppelin + our seat voting) ──
    case "GovernorInsufficientProposerVotes":
    case "GovernorNotAnOfficial":
      return `Not an official: ${a[0]} holds no seat on the council.`;
    case "GovernorNonexistentProposal":
      return `Unknown proposal ${a[0]}.`;
    case "GovernorUnexpectedProposalState":
      return `Proposal ${short(a[0])} is ${at(PROPOSAL_STATES, a[1])}; this needs it ${expectedStates(a[2], PROPOSAL_STATES)}.`;
    case "GovernorAlreadyCastVote":
      return `${a[0]} has already voted on this proposal.`;
    case "GovernorInvalidVoteType":
      return "Invalid vote: use for, against or abstain.";
    case "GovernorInvalidSignature":
      return `Rejected signature: the ballot is not signed by ${a[0]}.`;
    case "GovernorUnableToCancel":
      return (
        `Proposal ${short(a[0])} cannot be cancelled by ${a[1]}: only its proposer may, while it is pending ` +
        "(or anyone, once the proposer no longer holds a seat)."
      );
    case "GovernorInvalidProposalLength":
      return "The proposal's targets, values and calldatas differ in length.";
    case "GovernorRestrictedProposer":
      return `${a[0]} may not make this proposal.`;
    case "GovernorInvalidQuorumNumerator":
      return `Invalid quorum: ${a[0]} % (use 1 to 100).`;
    case "GovernorInvalidVotingPeriod":
      return `Invalid voting period: ${a[0]} s.`;
    case "GovernorOnlyExecutor":
      return `${a[0]} is not the Timelock: Governor settings change only through a passed proposal.`;
    case "GovernorPreventLateQuorumVoteExtensionTooLarge":
      return `Late-quorum extension ${a[0]} s is longer than the voting period (${a[1]} s), so it is refused.`;
    case "GovernorVotingDelayOutOfBounds":
      return `Voting delay ${a[0]} s is outside the bounds fixed at deployment (${a[1]} to ${a[2]} s).`;
    case "GovernorVotingPeriodOutOfBounds":
      return `Voting period ${a[0]} s is outside the bounds fixed at deployment (${a[1]} to ${a[2]} s).`;
    case "GovernorInvalidProposalThreshold":
      return `Proposal threshold ${a[0]} refused: with one vote per seat it must stay one seat.`;
    case "GovernorInvalidSettingsBounds":
      return "The settings bounds are empty or reversed (or allow a voting period of zero).";
    case "GovernorClockModeMismatch":
      return "The seat contract does not use the timestamp clock the Governor needs.";
    case "GovernorAlreadyQueuedProposal":
      return `Proposal ${short(a[0])} is already queued.`;
    case "GovernorProposalQueueingFailed":
    case "GovernorProposalQueueingNotRequired":
      return `Proposal ${short(a[0])} could not be queued in the Timelock.`;
    case "GovernorDisabledDeposit":
      return "The Governor does not accept deposits: send funds to the escrow.";
    case "GovernorInvalidVoteParams":
      return "Vote parameters are not used by this council: vote without params.";
    case "GovernorProposalIndexOutOfRange":
      return `There is no proposal number ${Number(a[0]) + 1}.`;
    case "InvalidAccountNonce":
      return `Stale ballot: ${a[0]}'s signature nonce is now ${a[1]}; sign the ballot again.`;
    case "VotesExpiredSignature":
      return "The signature has expired; sign again.";
    case "ERC5805FutureLookup":
      return `Votes at ${a[0]} are not known yet (the clock is at ${a[1]}).`;
    case "CheckpointUnorderedInsertion":
      return "Seat history can only be written in time order.";
    // ── Timelock ──
    case "TimelockUnexpectedOperationState":
      return `The Timelock operation is not ${expectedStates(a[1], ["unset", "waiting", "ready", "done"])}: its delay may not have passed yet.`;
    case "TimelockInsufficientDelay":
      return `Timelock delay ${a[0]} s is below the minimum ${a[1]} s.`;
    case "TimelockUnauthorizedCaller":
      return `${a[0]} may not call the Timelock directly.`;
    case "TimelockOperationExpired":
      return `The Timelock operation ${short(a[0])} expired at ${new Date(Number(a[1]) * 1000).toISOString()} (its grace period passed): it can never be executed; propose it again.`;
    case "TimelockDelayOutOfBounds":
      return `Timelock delay ${a[0]} s is outside the bounds fixed at deployment (${a[1]} to ${a[2]} s).`;
    case "TimelockGracePeriodOutOfBounds":
      return `Grace period ${a[0]} s is outside 1 day to 365 days.`;
    case "TimelockInvalidDelayBounds":
      return `Timelock delay ${a[0]} s is outside its deployment bounds (${a[1]} to ${a[2]} s), or the bounds are reversed.`;
    case "TimelockInvalidOperationLength":
      return "The Timelock operation's targets, payloads and values differ in length.";
    case "TimelockUnexecutedPredecessor":
      return `The Timelock operation must wait for ${short(a[0])} to be executed first.`;
    case "AccessControlUnauthorizedAccount":
      return `${a[0]} lacks the Timelock role ${short(a[1])} this call needs.`;
    case "AccessControlBadConfirmation":
      return "A role can only be renounced by its holder.";
    // ── Shared ──
    case "NotTimelock":
      return `${a[0]} is not the Timelock: this change needs a passed proposal.`;
    case "ZeroAddress":
      return "An address is missing (the zero address was given).";
    case "InvalidReason":
      return "A reason is required (1 to 1,024 bytes).";
    case "ReentrancyGuardReentrantCall":
      return "Refused: the call re-entered the contract while it was paying out.";
    case "FailedCall":
      return "A call made by the contract failed.";
    case "InsufficientBalance":
      return `The contract holds ${a[0]} wei, ${a[1]} needed.`;
    case "SafeCastOverflowedUintDowncast":
      return `The value ${a[1]} does not fit in ${a[0]} bits.`;
    case "StringTooLong":
    case "InvalidShortString":
      return "A text is too long.";
    case "SoulboundTokenNotTransferable":
      return "Seats and documents are soulbound: they cannot be transferred or approved.";
    // ── Seats and agencies ──
    case "AlreadySeated":
      return `${a[0]} already holds a seat.`;
    case "NotSeated":
      return `${a[0]} holds no seat.`;
    case "InactiveAgency":
      return `Agency ${a[0]} is not active.`;
    case "SeatLimitReached":
      return "The council has reached its seat limit.";
    case "SeatVotesNotDelegable":
      return "Seats vote themselves: voting power cannot be delegated.";
    case "AgencyIdZero":
      return "Agency id 0 is reserved for the central government.";
    case "AgencyExists":
      return `Agency ${a[0]} already exists.`;
    case "UnknownAgency":
      return `Unknown agency ${a[0]}.`;
    case "InvalidAgencyName":
      return "The agency name is empty or too long.";
    case "EmptyKeyHash":
      return "The agency's ML-DSA key hash is missing.";
    case "EmptySigningKeyHash":
      return "The signing key's hash is missing.";
    case "SigningKeyExists":
      return `This key (${a[0]}) is already registered as signing key ${a[1]}; a key serves one purpose, once.`;
    case "UnknownSigningKey":
      return `No signing key ${a[0]} is registered.`;
    case "SigningKeyRetired":
      return `Signing key ${a[0]} is already retired.`;
    case "AgencyActiveUnchanged":
      return `Agency ${a[0]} is already ${a[1] ? "active" : "inactive"}.`;
    case "RegistrarExists":
      return `${a[1]} is already a registrar of agency ${a[0]}.`;
    case "NotRegistrar":
      return `${a[1]} is not a registrar of agency ${a[0]}.`;
    // ── Documents ──
    case "DocumentExists":
      return `Duplicate document: a document with content hash ${hex32(a[0])} is already registered.`;
    case "UnknownDocument":
      return `Unknown document ${hex32(a[0])}.`;
    case "UnauthorizedIssuer":
      return (
        `${a[0]} may not issue ${at(DOCUMENT_TYPES, a[1])} documents of agency ${a[2]}: ` +
        "not a registrar of that agency (decrees, laws and budgets need a passed proposal)."
      );
    case "DocumentNotActive":
      return `Document ${short(hex32(a[0]))} is ${at(DOCUMENT_STATUSES, a[1])}, not Active.`;
    case "DocumentAlreadyRevoked":
      return `Document ${short(hex32(a[0]))} is already revoked.`;
    case "EmptyContentHash":
      return "The content hash is empty.";
    case "EmptyMetadata":
      return "The metadata digest is empty.";
    case "EmptyBatch":
      return "A batch needs at least one document.";
    case "BatchExists":
      return `Agency ${a[0]} has already anchored batch ${short(a[1])}.`;
    case "UnknownBatch":
      return `Agency ${a[0]} has no batch ${short(a[1])}.`;
    case "BatchAlreadyRevoked":
      return `Batch member ${short(a[1])} of batch ${short(a[0])} is already revoked.`;
    case "InvalidBatchProof":
      return `Document ${short(a[1])} is not in batch ${short(a[0])} (the Merkle proof does not verify).`;
    // ── Escrow ──
    case "InsufficientFunds":
      return `Insufficient reserve: the escrow has ${a[1]} of ${tokenName(a[0])} free, ${a[2]} requested (token units).`;
    case "ZeroAmount":
      return "The amount is zero.";
    case "InvalidRecipient":
      return `${a[0]} cannot receive an allocation.`;
    case "InvalidMilestoneCount":
      return `An allocation needs 1 to 32 milestones, not ${a[0]}.`;
    case "ZeroMilestoneAmount":
      return `Milestone ${a[0]} has no amount.`;
    case "DeadlineInPast":
      return `Milestone ${a[0]}'s deadline ${new Date(Number(a[1]) * 1000).toISOString()} is already past.`;
    case "MilestonesDoNotAddUp":
      return `The milestones add up to ${a[0]}, not ${a[1]}.`;
    case "InvalidBudgetDocument":
      return `Document ${short(hex32(a[0]))} is not an Active budget document.`;
    case "UnknownAllocation":
      return `Unknown allocation ${a[0]}.`;
    case "UnknownMilestone":
      return `Allocation ${a[0]} has no milestone ${a[1]}.`;
    case "MilestoneNotPending":
      return `Milestone ${a[1]} of allocation ${a[0]} is already ${at(MILESTONE_STATUSES, a[2])}.`;
    case "AllocationAlreadyCancelled":
      return `Allocation ${a[0]} is already cancelled.`;
    case "TokenNotAllowed":
      return `${tokenName(a[0])} is not on the escrow's allow-list: governance must allow it first.`;
    case "BudgetRevoked":
      return `Allocation ${a[0]} cites budget ${short(hex32(a[1]))}, which was revoked: none of its money can be released.`;
    case "NothingOwed":
      return `Nothing is owed to ${a[0]} in ${tokenName(a[1])}.`;
    case "SafeERC20FailedOperation":
      return `The token ${a[0]} refused the transfer.`;
    // ── ERC-721 (soulbound seats and documents) ──
    case "ERC721NonexistentToken":
      return `Unknown token ${short(hex32(a[0]))}.`;
    case "ERC721InvalidOwner":
    case "ERC721IncorrectOwner":
    case "ERC721InsufficientApproval":
    case "ERC721InvalidApprover":
    case "ERC721InvalidOperator":
    case "ERC721InvalidReceiver":
    case "ERC721InvalidSender":
      return "Seats and documents are soulbound: they cannot be transferred or approved.";
    // ── ERC-20 ──
    case "ERC20InsufficientBalance":
      return `Not enough funds: ${a[0]} holds ${a[1]} token units, ${a[2]} needed.`;
    case "ERC20InsufficientAllowance":
      return `Not enough allowance: ${a[0]} may spend ${a[1]} token units, ${a[2]} needed.`;
    case "ERC20InvalidApprover":
    case "ERC20InvalidReceiver":
    case "ERC20InvalidSender":
    case "ERC20InvalidSpender":
      return `Token transfer refused: ${a[0]} is not a valid party (the zero address?).`;
    case "ERC2612ExpiredSignature":
      return `The permit expired at ${new Date(Number(a[0]) * 1000).toISOString()}; sign a new one.`;
    case "ERC2612InvalidSigner":
      return `The permit is signed by ${a[0]}, not by the owner ${a[1]}.`;
    case "ECDSAInvalidSignature":
    case "ECDSAInvalidSignatureLength":
    case "ECDSAInvalidSignatureS":
      return "The signature is malformed.";
    // ── Appeals and the working-day calendar ──
    case "InvalidDayCount":
      return `Declare 1 to 64 days at a time (${a[0]} given).`;
    case "DayInPast":
      return `Day ${a[0]} is before today (${a[1]}): the calendar of the past cannot be changed.`;
    case "NoWorkingDays":
      return `The calendar has no working day within 200 days of day ${a[0]}.`;
    case "UnknownAppeal":
      return `There is no appeal number ${a[0]}.`;
    case "UnknownSubject":
      return `The ${at(APPEAL_SUBJECT_KINDS, a[0])} ${short(a[1])} being appealed does not exist.`;
    case "EmptyDigest":
      return "The text is missing: an appeal, its reasons and its answer each need one.";
    case "SignatureExpired":
      return `The signed request expired at ${new Date(Number(a[0]) * 1000).toISOString()}; sign it again.`;
    case "InvalidSignature":
      return `The request is not signed by ${a[0]}'s key, or was already used.`;
    case "NotRespondent":
      return `${a[0]} may not act for ${Number(a[1]) === 0 ? "the council (its answers come by proposal)" : `agency ${a[1]}`} on this appeal.`;
    case "InvalidState":
      return `Appeal ${a[0]} is ${at(APPEAL_STATES, a[1])}: this step is no longer possible.`;
    case "ForwardTooLate":
      return `Appeal ${a[0]} could be forwarded until ${new Date(Number(a[1]) * 1000).toISOString()}; it must now be answered.`;
    case "InvalidForward":
      return `An appeal cannot be forwarded to ${Number(a[0]) === 0 ? "the council" : `agency ${a[0]}`}: the same body, or an agency that does not exist or is inactive.`;
    case "ExtensionTooLate":
      return `The term of appeal ${a[0]} ended at ${new Date(Number(a[1]) * 1000).toISOString()}: it can no longer be extended.`;
    case "InvalidExtension":
      return `The new due date must be after ${new Date(Number(a[1]) * 1000).toISOString()} and no later than ${new Date(Number(a[2]) * 1000).toISOString()}.`;
    case "MissingOutcome":
      return "An answer needs a verdict: upheld, partly upheld or rejected.";
    case "InvalidRemedy":
      return `Document ${hex32(a[0])} does not amend or revoke the appealed act, or the appeal was rejected.`;
    case "TermsOutOfBounds":
      return "The appeal terms are out of bounds: answer 1–30 working days, forward 1–10, extension limit 30–92 days.";
    case "InvalidAccountNonce":
      return `The request's nonce is not ${a[0]}'s current one (${a[1]}).`;
    default:
      return undefined;
  }
}

const tokenName = (token: unknown): string => (/^0x0{40}$/i.test(String(token)) ? "the native coin" : `token ${token}`);
