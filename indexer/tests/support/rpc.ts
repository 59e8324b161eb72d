/** Raw JSON-RPC to anvil for the fault tests and the bench: batches of transactions from its unlocked dev accounts. */
import { encodeFunctionData, toHex } from "viem";

import { abis } from "@government-dao/core/abis";

export async function rpc<T = unknown>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

/** One transaction of a burst. */
export interface BurstCall {
  to: string;
  data: `0x${string}`;
  value?: bigint;
}

/**
 * Sends `calls` from dev account `from` in JSON-RPC batches with automine off, mining after every `perBlock`
 * transactions, then mines until none is pending (a block too small for a batch leaves the rest in the pool).
 * `gas` per transaction defaults to twice the estimate of the first call (instrumented contracts under coverage
 * cost more than the plain build).
 */
export async function sendBurst(url: string, from: string, calls: readonly BurstCall[], perBlock = 1000, gas?: bigint): Promise<void> {
  const first = calls[0];
  if (first === undefined) return;
  const gasLimit = gas ?? 2n * BigInt(await rpc<string>(url, "eth_estimateGas", [{ from, to: first.to, data: first.data, value: toHex(first.value ?? 0n) }]));
  await rpc(url, "evm_setAutomine", [false]);
  try {
    let nonce = Number(await rpc<string>(url, "eth_getTransactionCount", [from, "pending"]));
    for (let sent = 0; sent < calls.length; ) {
      const slice = calls.slice(sent, sent + perBlock);
      const batch = slice.map((call, i) => ({
        jsonrpc: "2.0",
        id: sent + i,
        method: "eth_sendTransaction",
        params: [{ from, to: call.to, data: call.data, value: toHex(call.value ?? 0n), gas: toHex(gasLimit), nonce: toHex(nonce + i) }],
      }));
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(batch) });
      const results = (await response.json()) as { error?: { message: string } }[];
      const failed = results.find((r) => r.error);
      if (failed) throw new Error(`eth_sendTransaction: ${failed.error?.message}`);
      await rpc(url, "evm_mine");
      sent += slice.length;
      nonce += slice.length;
    }
    const pending = async () => Number(await rpc<string>(url, "eth_getTransactionCount", [from, "pending"])) - Number(await rpc<string>(url, "eth_getTransactionCount", [from, "latest"]));
    while ((await pending()) > 0) await rpc(url, "evm_mine");
  } finally {
    await rpc(url, "evm_setAutomine", [true]);
  }
}

/**
 * Sends `count` native-coin deposits to the escrow (one `Deposited` event each) from dev account `from`, in
 * JSON-RPC batches, with automine off, and mines them into blocks of at most `perBlock` transactions.
 */
export async function depositBurst(url: string, escrow: string, from: string, count: number, perBlock = 1000): Promise<void> {
  const data = encodeFunctionData({ abi: abis.BudgetEscrow, functionName: "depositNative" });
  await sendBurst(url, from, Array.from({ length: count }, () => ({ to: escrow, data, value: 1n })), perBlock, 100_000n);
}
