/**
 * The calls the system proposes, each encoded once with viem from the generated ABIs: the CLI's builders
 * (scripts/lib/gov/builders.ts) and the dApp's proposal builder (web/utils/proposal-actions.ts) pass their checked
 * values and the deployment's addresses here. Each returns the call the Timelock will make. Browser-safe.
 */
import { type Address, type Hex, encodeFunctionData, zeroAddress } from "viem";

import { abis } from "../abis.ts";
import type { ActionCall } from "./decode.ts";

/** One call of a proposal, as the Governor's `propose` takes it. */
export interface ProposalCall extends ActionCall {
  target: Address;
}

/** The zero address stands for the native coin in the escrow. */
export const NATIVE = zeroAddress;

const call = (target: Address, data: Hex): ProposalCall => ({ target, value: 0n, data });

/** OfficialSeats.issue: seat `official` in agency `agencyId` at `position`. */
export const seatOfficialCall = (seats: Address, p: { official: Address; agencyId: number; position: number }): ProposalCall =>
  call(seats, encodeFunctionData({ abi: abis.OfficialSeats, functionName: "issue", args: [p.official, p.agencyId, p.position] }));

/** OfficialSeats.revoke: unseat `official`. */
export const unseatOfficialCall = (seats: Address, official: Address): ProposalCall =>
  call(seats, encodeFunctionData({ abi: abis.OfficialSeats, functionName: "revoke", args: [official] }));

/** AgencyRegistry.addAgency with its ML-DSA key hash and first registrars. */
export const addAgencyCall = (agencies: Address, p: { id: number; name: string; pqKeyHash: Hex; registrars: readonly Address[] }): ProposalCall =>
  call(agencies, encodeFunctionData({ abi: abis.AgencyRegistry, functionName: "addAgency", args: [{ id: p.id, name: p.name, pqKeyHash: p.pqKeyHash, registrars: p.registrars }] }));

/** AgencyRegistry.addRegistrar: `account` may issue agency `agencyId`'s documents. */
export const addRegistrarCall = (agencies: Address, agencyId: number, account: Address): ProposalCall =>
  call(agencies, encodeFunctionData({ abi: abis.AgencyRegistry, functionName: "addRegistrar", args: [agencyId, account] }));

/** The on-chain part of a document a proposal mints (a decree, law or budget of the central government). */
export interface DocumentIssue {
  /** Index in DOCUMENT_TYPES (enums.ts). */
  docType: number;
  agencyId: number;
  contentHash: Hex;
  metadataDigest: Hex;
  coSignatureDigest: Hex;
}

/** DocumentRegistry.issue. */
export const issueDocumentCall = (documents: Address, d: DocumentIssue): ProposalCall =>
  call(documents, encodeFunctionData({ abi: abis.DocumentRegistry, functionName: "issue", args: [d.docType, d.agencyId, d.contentHash, d.metadataDigest, d.coSignatureDigest] }));

/** A milestone as it goes on chain: amount in token units, due date (seconds), sha-256 of its stored description. */
export interface MilestonePlan {
  amount: bigint;
  deadline: number;
  descriptionHash: Hex;
}

/** BudgetEscrow.createAllocation: the total is the sum of the milestones. `token` is an ERC-20 or {@link NATIVE}. */
export function createAllocationCall(
  escrow: Address,
  p: { recipient: Address; token: Address; budgetDocumentId: bigint; milestones: readonly MilestonePlan[] },
): ProposalCall {
  const total = p.milestones.reduce((sum, m) => sum + m.amount, 0n);
  return call(escrow, encodeFunctionData({ abi: abis.BudgetEscrow, functionName: "createAllocation", args: [p.recipient, p.token, p.budgetDocumentId, total, p.milestones] }));
}

/** BudgetEscrow.releaseMilestone. */
export const releaseMilestoneCall = (escrow: Address, allocationId: bigint, index: bigint): ProposalCall =>
  call(escrow, encodeFunctionData({ abi: abis.BudgetEscrow, functionName: "releaseMilestone", args: [allocationId, index] }));

/** Appeals.answer: the council's reasoned answer to an appeal (a proposal's action), with its remedy or 0. */
export const answerAppealCall = (appeals: Address, appealId: bigint, outcome: number, answerDigest: Hex, remedy: bigint): ProposalCall =>
  call(appeals, encodeFunctionData({ abi: abis.Appeals, functionName: "answer", args: [appealId, outcome, answerDigest, remedy] }));

/** WorkingDayCalendar.setDayKinds: declare days (day numbers, UTC+5) a Holiday (1), a WorkingDay (2) or Default (0). */
export const setDayKindsCall = (appeals: Address, days: readonly number[], kind: number): ProposalCall =>
  call(appeals, encodeFunctionData({ abi: abis.Appeals, functionName: "setDayKinds", args: [days, kind] }));

/** BudgetEscrow.cancelAllocation, with the reason stored on chain. */
export const cancelAllocationCall = (escrow: Address, allocationId: bigint, reason: string): ProposalCall =>
  call(escrow, encodeFunctionData({ abi: abis.BudgetEscrow, functionName: "cancelAllocation", args: [allocationId, reason] }));

/** BudgetEscrow.setTokenAllowed: the escrow's token allow-list. */
export const setTokenAllowedCall = (escrow: Address, token: Address, allowed: boolean): ProposalCall =>
  call(escrow, encodeFunctionData({ abi: abis.BudgetEscrow, functionName: "setTokenAllowed", args: [token, allowed] }));

/**
 * GovernmentGovernor.setProposalGuardian: appoints the guardian, or removes the role with the zero address. A
 * proposal made only of this call is a guardian recall (GovernmentGovernor.isGuardianRecall).
 */
export const setProposalGuardianCall = (governor: Address, guardian: Address): ProposalCall =>
  call(governor, encodeFunctionData({ abi: abis.GovernmentGovernor, functionName: "setProposalGuardian", args: [guardian] }));

/** Governor and Timelock settings a proposal can change, by CLI name: the contract and function, and the bit width. */
export const SETTINGS = {
  "voting-delay": { contract: "GovernmentGovernor", functionName: "setVotingDelay", bits: 48 },
  "voting-period": { contract: "GovernmentGovernor", functionName: "setVotingPeriod", bits: 32 },
  "proposal-threshold": { contract: "GovernmentGovernor", functionName: "setProposalThreshold", bits: 256 },
  quorum: { contract: "GovernmentGovernor", functionName: "updateQuorumNumerator", bits: 256 },
  "late-quorum-extension": { contract: "GovernmentGovernor", functionName: "setLateQuorumVoteExtension", bits: 48 },
  "timelock-delay": { contract: "TimelockController", functionName: "updateDelay", bits: 256 },
  "grace-period": { contract: "TimelockController", functionName: "updateGracePeriod", bits: 256 },
} as const;
export type SettingName = keyof typeof SETTINGS;

/** Whether `name` is a setting of {@link SETTINGS}. */
export const isSettingName = (name: string): name is SettingName => Object.hasOwn(SETTINGS, name);

/**
 * The call that sets `name` to `value` on the Governor or the Timelock. Throws a RangeError for a value that does
 * not fit the parameter (the contracts' own bounds are checked on chain).
 */
export function changeSettingCall(addresses: { governor: Address; timelock: Address }, name: SettingName, value: bigint): ProposalCall {
  const setting = SETTINGS[name];
  if (value < 0n || value >= 1n << BigInt(setting.bits)) throw new RangeError(`${name} ${value} does not fit a uint${setting.bits}`);
  switch (setting.functionName) {
    case "setVotingDelay":
    case "setLateQuorumVoteExtension":
    case "setVotingPeriod":
      return call(addresses.governor, encodeFunctionData({ abi: abis.GovernmentGovernor, functionName: setting.functionName, args: [Number(value)] }));
    case "setProposalThreshold":
    case "updateQuorumNumerator":
      return call(addresses.governor, encodeFunctionData({ abi: abis.GovernmentGovernor, functionName: setting.functionName, args: [value] }));
    case "updateDelay":
    case "updateGracePeriod":
      return call(addresses.timelock, encodeFunctionData({ abi: abis.TimelockController, functionName: setting.functionName, args: [value] }));
  }
}
