/** Raw JSON-RPC to anvil for the fault tests and the bench: batches of transactions from its unlocked dev accounts. */
import { encodeFunctionData, toHex } from "viem";

import { ABIS } from "../../generated/abis.js";

export async function rpc<T = unknown>(url: string, method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

/**
 * Sends `count` native-coin deposits to the escrow (one `Deposited` event each) from dev account `from`, in
 * JSON-RPC batches, with automine off, and mines them into blocks of at most `perBlock` transactions.
 */
export async function depositBurst(url: string, escrow: string, from: string, count: number, perBlock = 1000): Promise<void> {
  const data = encodeFunctionData({ abi: ABIS.BudgetEscrow, functionName: "depositNative" });
  await rpc(url, "evm_setAutomine", [false]);
  try {
    let nonce = Number(await rpc<string>(url, "eth_getTransactionCount", [from, "pending"]));
    let sent = 0;
    while (sent < count) {
      const n = Math.min(perBlock, count - sent);
      const batch = Array.from({ length: n }, (_, i) => ({
        jsonrpc: "2.0",
        id: sent + i,
        method: "eth_sendTransaction",
        params: [{ from, to: escrow, data, value: toHex(1n), gas: toHex(100_000n), nonce: toHex(nonce + i) }],
      }));
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(batch) });
      const results = (await response.json()) as { error?: { message: string } }[];
      const failed = results.find((r) => r.error);
      if (failed) throw new Error(`eth_sendTransaction: ${failed.error?.message}`);
      await rpc(url, "evm_mine");
      sent += n;
      nonce += n;
    }
  } finally {
    await rpc(url, "evm_setAutomine", [true]);
  }
}
