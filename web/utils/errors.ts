/**
 * Turns any failure of a wallet request or a contract call into one plain, translatable message: a key under
 * `errors.*` in messages/<locale>.json. Reverts are decoded by core's error catalogue (core/src/errors.ts: every
 * custom error of every system contract), and each custom error has its own sentence under `errors.revert.<Name>` in
 * kk, ru and en.
 */
import {
  BaseError,
  ChainMismatchError,
  ContractFunctionRevertedError,
  type Hex,
  UserRejectedRequestError,
} from "viem";

import { CUSTOM_ERRORS, type DecodedError, decodeCustomError } from "@government-dao/core/errors";
import type en from "@/messages/en.json";

type Messages = (typeof en)["errors"];
/** A custom error with words in the dApp's messages: every one the contracts declare, and no other. */
export type RevertName = keyof Messages["revert"];
export type ErrorKey = Exclude<keyof Messages, "revert"> | `revert.${RevertName}`;

/** The contracts' custom errors; `satisfies` fails to compile when one has no words (e2e/messages.test.ts: none stale). */
const REVERT_NAMES: ReadonlySet<string> = new Set(CUSTOM_ERRORS.map((e) => e.name) satisfies RevertName[]);

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
  /** Values the message shows (the escrow's free and requested amounts). */
  values?: Record<string, string>;
}

/** The message of a decoded custom error (`reverted` with its name for one no system contract declares). */
export function revertMessage(error: DecodedError): ErrorMessage {
  if (!REVERT_NAMES.has(error.name)) return { key: "reverted", name: error.name };
  const key = `revert.${error.name as RevertName}` as const;
  if (error.name === "InsufficientFunds") return { key, name: error.name, values: { available: String(error.args[1]), requested: String(error.args[2]) } };
  return { key, name: error.name };
}

/** The custom error in revert `data` with its decoded arguments, if one of the system's contracts declares it. */
export const decodeRevert = (data: Hex): DecodedError | undefined => decodeCustomError(data);

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
      const decoded = reverted.raw ? decodeRevert(reverted.raw) : undefined;
      if (decoded) return revertMessage(decoded);
      if (reverted.data?.errorName) return revertMessage({ name: reverted.data.errorName, args: reverted.data.args ?? [] });
    }
  }
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 4001) return { key: "rejected" };
  const data = revertData(error);
  const decoded = data ? decodeRevert(data) : undefined;
  if (decoded) return revertMessage(decoded);
  const text = error instanceof Error ? error.message : String(error);
  if (/user rejected|denied/i.test(text)) return { key: "rejected" };
  if (/fetch|network|ECONNREFUSED/i.test(text)) return { key: "network" };
  return { key: "unknown" };
}
