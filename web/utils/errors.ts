/**
 * Turns any failure of a wallet request or a contract call into one plain, translatable message: the key under
 * `errors.*` in messages/<locale>.json. Reverts are decoded by core's error catalogue (core/src/errors.ts: every
 * custom error of every system contract); the names below get their own translated message, the rest `reverted`.
 */
import {
  BaseError,
  ChainMismatchError,
  ContractFunctionRevertedError,
  type Hex,
  UserRejectedRequestError,
} from "viem";

import { type CustomErrorName, decodeCustomError } from "@government-dao/core/errors";
import type en from "@/messages/en.json";

export type ErrorKey = keyof (typeof en)["errors"];

/** Custom errors of the contracts → message keys. Anything else falls back to `reverted` with its name. */
const REVERTS: Partial<Record<CustomErrorName, ErrorKey>> = {
  GovernorNotAnOfficial: "notOfficial",
  GovernorInsufficientProposerVotes: "notOfficial",
  GovernorAlreadyCastVote: "alreadyVoted",
  GovernorUnexpectedProposalState: "wrongProposalState",
  GovernorNonexistentProposal: "unknownProposal",
  GovernorInvalidVoteType: "invalidVote",
  DocumentExists: "duplicateDocument",
  UnauthorizedIssuer: "unauthorizedIssuer",
  InactiveAgency: "inactiveAgency",
  UnknownDocument: "unknownDocument",
  DocumentNotActive: "documentNotActive",
  DocumentAlreadyRevoked: "documentAlreadyRevoked",
  InvalidReason: "invalidReason",
  EmptyMetadata: "emptyMetadata",
  GovernorInvalidSignature: "badSignature",
  InvalidAccountNonce: "staleBallot",
  TimelockUnexpectedOperationState: "notReady",
  TimelockUnexecutedPredecessor: "notReady",
  NotRespondent: "notRespondent",
};

/** A failure the dApp detects itself before anything is signed or sent (e.g. a malformed ballot). */
export class PlainError extends Error {
  constructor(readonly key: ErrorKey) {
    super(key);
    this.name = "PlainError";
  }
}

export interface ErrorMessage {
  key: ErrorKey;
  /** The custom error's name, for the fallback message. */
  name?: string;
}

/** Name of the custom error in revert `data`, if one of the system's contracts declares it. */
export function revertName(data: Hex): string | undefined {
  return decodeCustomError(data)?.name;
}

/** The custom error in revert `data` with its decoded arguments, if one of the system's contracts declares it. */
export const decodeRevert = (data: Hex): { name: string; args: readonly unknown[] } | undefined => decodeCustomError(data);

const keyFor = (name: string): ErrorKey => (REVERTS as Partial<Record<string, ErrorKey>>)[name] ?? "reverted";

function revertData(error: unknown): Hex | undefined {
  let found: Hex | undefined;
  const visit = (e: unknown, depth: number) => {
    if (found || depth > 8 || typeof e !== "object" || e === null) return;
    const data = (e as { data?: unknown }).data;
    if (typeof data === "string" && /^0x[0-9a-fA-F]{8,}$/.test(data)) found = data as Hex;
    else if (typeof data === "object" && data !== null) visit(data, depth + 1);
    visit((e as { cause?: unknown }).cause, depth + 1);
    visit((e as { error?: unknown }).error, depth + 1);
  };
  visit(error, 0);
  return found;
}

const SERVICE_CODES = ["coSignatureUnavailable", "invalidMetadata", "metadataFailed"] as const satisfies readonly ErrorKey[];

export function describeError(error: unknown): ErrorMessage {
  if (error instanceof PlainError) return { key: error.key };
  const serviceCode = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  const service = SERVICE_CODES.find((c) => c === serviceCode);
  if (service) return { key: service };
  if (error instanceof BaseError) {
    if (error.walk((e) => e instanceof UserRejectedRequestError)) return { key: "rejected" };
    if (error.walk((e) => e instanceof ChainMismatchError)) return { key: "wrongNetwork" };
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      const name = reverted.data?.errorName ?? (reverted.raw ? revertName(reverted.raw) : undefined);
      if (name) return { key: keyFor(name), name };
    }
  }
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 4001) return { key: "rejected" };
  const data = revertData(error);
  const name = data ? revertName(data) : undefined;
  if (name) return { key: keyFor(name), name };
  const text = error instanceof Error ? error.message : String(error);
  if (/user rejected|denied/i.test(text)) return { key: "rejected" };
  if (/fetch|network|ECONNREFUSED/i.test(text)) return { key: "network" };
  return { key: "unknown" };
}
