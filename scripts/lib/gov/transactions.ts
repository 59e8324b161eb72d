/**
 * Sending one transaction safely: the call is simulated first (eth_estimateGas), so a revert is reported as a plain
 * sentence and nothing is sent; only then is it signed, sent and awaited.
 */
import type { ContractTransaction, Interface, TransactionReceipt } from "ethers";

import { PlainError, explainError } from "../explain-error.js";
import type { GovContext } from "./context.js";

/** Every interface of the deployment, to decode errors raised deep inside a call. */
export const interfacesOf = (ctx: GovContext): Interface[] => Object.values(ctx.contracts).map((c) => c.interface);

/**
 * Simulates, then sends `request` (from `contract.method.populateTransaction(...)`) as the context's signer and
 * waits for it to be mined. Throws a {@link PlainError} — and sends nothing — if the simulation reverts; throws one
 * too if the mined transaction failed.
 */
export async function sendChecked(
  ctx: GovContext,
  label: string,
  request: ContractTransaction | Promise<ContractTransaction>,
): Promise<TransactionReceipt> {
  const interfaces = interfacesOf(ctx);
  const signer = ctx.signer();
  const tx = { ...(await request), from: signer.address };
  let gas: bigint;
  try {
    gas = await signer.estimateGas(tx);
  } catch (error) {
    throw new PlainError(`${label}: ${explainError(error, interfaces)} Nothing was sent.`);
  }
  let receipt: TransactionReceipt | null;
  try {
    const response = await signer.sendTransaction({ ...tx, gasLimit: (gas * 12n) / 10n + 10_000n });
    receipt = await response.wait();
  } catch (error) {
    throw new PlainError(`${label}: ${explainError(error, interfaces)}`);
  }
  if (!receipt || receipt.status !== 1) throw new PlainError(`${label}: the transaction failed on chain.`);
  return receipt;
}
