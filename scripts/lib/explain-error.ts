/**
 * Turns what a chain call throws into one plain sentence for an official, a registrar or a treasurer: the custom
 * errors of our contracts and of OpenZeppelin's Governor and Timelock, node errors (unreachable RPC, no funds for
 * gas) and ethers' own codes. Used by the operations CLI and the agents. The sentences of the custom errors are
 * core's catalogue (core/src/errors.ts), which the dApp's translated messages follow.
 */
import { type ErrorDescription, type Interface, formatUnits } from "ethers";

import { decodeCustomError, explainCustomError } from "@government-dao/core/errors";

/** A failure the user can act on; the CLI prints its message alone, on one line. */
export class PlainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlainError";
  }
}

interface EthersLikeError {
  code?: string;
  revert?: { name?: string; args?: readonly unknown[] };
  data?: unknown;
  info?: { error?: { message?: string; data?: unknown } };
  error?: { message?: string; data?: unknown };
  shortMessage?: string;
  message?: string;
  cause?: unknown;
}

function revertData(e: EthersLikeError): string | undefined {
  for (const candidate of [e.data, e.info?.error?.data, e.error?.data]) {
    if (typeof candidate === "string" && /^0x[0-9a-f]{8}/i.test(candidate)) return candidate;
  }
  return /custom error (0x[0-9a-f]{8}): ?([0-9a-f]*)/i.exec(e.message ?? "")?.slice(1).join("") || undefined;
}

/**
 * One plain line for `error`. Revert data is decoded with every system contract's ABI (core), then with
 * `interfaces` (contracts outside the system, e.g. a test's mock).
 */
export function explainError(error: unknown, interfaces: readonly Interface[] = []): string {
  if (error instanceof PlainError) return error.message;
  if (typeof error !== "object" || error === null) return String(error);
  const e = error as EthersLikeError;

  if (e.revert?.name) {
    return explainCustomError({ name: e.revert.name, args: [...(e.revert.args ?? [])] });
  }
  const data = revertData(e);
  if (data) {
    const known = decodeCustomError(data as `0x${string}`);
    if (known) return explainCustomError(known);
    for (const iface of interfaces) {
      let parsed: ErrorDescription | null = null;
      try {
        parsed = iface.parseError(data);
      } catch {
        parsed = null;
      }
      if (parsed) return explainCustomError({ name: parsed.name, args: [...parsed.args] });
    }
    return `Reverted with unknown error data ${data.slice(0, 10)}.`;
  }

  const text = `${e.shortMessage ?? ""} ${e.message ?? ""} ${e.info?.error?.message ?? ""} ${causeText(e.cause)}`;
  if (e.code === "INSUFFICIENT_FUNDS" || /insufficient funds/i.test(text)) return "Not enough funds: the sending account cannot pay for this transaction (gas and value).";
  if (e.code === "ACTION_REJECTED" || /user rejected|denied transaction signature/i.test(text)) return "Rejected signature: the signer refused to sign.";
  if (/ECONNREFUSED|fetch failed|ENOTFOUND|EHOSTUNREACH|socket hang up/i.test(text)) return "Cannot reach the chain's RPC endpoint (connection refused). Is the node running?";
  if (e.code === "TIMEOUT" || /timeout|timed out/i.test(text)) return "The chain's RPC endpoint did not answer in time.";
  if (e.code === "NONCE_EXPIRED" || /nonce too low/i.test(text)) return "Nonce too low: another transaction from this account went first; try again.";
  if (e.code === "CALL_EXCEPTION") return "The contract call reverted without a reason.";
  const first = (e.shortMessage ?? e.message ?? String(error)).split("\n")[0] ?? String(error);
  return first;
}

function causeText(cause: unknown): string {
  if (typeof cause !== "object" || cause === null) return "";
  const c = cause as { message?: string; code?: string };
  return `${c.code ?? ""} ${c.message ?? ""}`;
}

/** `amount` token units as a decimal string with `decimals` places (trailing zeros kept to 2). */
export const formatAmount = (amount: bigint, decimals: number): string => {
  const text = formatUnits(amount, decimals);
  return text.endsWith(".0") ? text.slice(0, -2) : text;
};
