/**
 * The seed's view of the chain: signers of anvil's unlocked development accounts, a counter of the transactions
 * sent, the chain clock and anvil's time travel (`evm_increaseTime` + `evm_mine`).
 */
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import type { ContractTransactionReceipt, ContractTransactionResponse, Interface } from "ethers";
import type { NetworkConnection } from "hardhat/types/network";

/**
 * What a failed call reverted with, in one line: the custom error's name and arguments, decoded by ethers or by
 * one of `interfaces` (the system's contracts), else ethers' short message.
 */
export function describeError(error: unknown, interfaces: readonly Interface[] = []): string {
  if (typeof error === "object" && error !== null) {
    const e = error as { revert?: { name?: string; args?: readonly unknown[] }; data?: unknown; shortMessage?: string; message?: string };
    if (e.revert?.name) return `reverted with ${e.revert.name}(${(e.revert.args ?? []).map(String).join(", ")})`;
    const data = typeof e.data === "string" ? e.data : /custom error (0x[0-9a-f]{8}): ([0-9a-f]*)/i.exec(e.message ?? "")?.slice(1).join("");
    for (const iface of data ? interfaces : []) {
      const parsed = (() => {
        try {
          return iface.parseError(data ?? "0x");
        } catch {
          return null;
        }
      })();
      if (parsed) return `reverted with ${parsed.name}(${[...parsed.args].map(String).join(", ")})`;
    }
    if (e.shortMessage) return e.shortMessage;
    if (e.message) return e.message.split("\n")[0] ?? e.message;
  }
  return String(error);
}

export interface SeedChain {
  connection: NetworkConnection;
  chainId: bigint;
  /** A signer for an unlocked account of the node. */
  signer(address: string): Promise<HardhatEthersSigner>;
  /** Sends one transaction, waits for it and counts it; throws with the label and the revert reason on failure. */
  send(label: string, tx: () => Promise<ContractTransactionResponse>): Promise<ContractTransactionReceipt>;
  /** Timestamp of the latest block. */
  now(): Promise<number>;
  /** Moves the chain clock to at least `timestamp` and mines a block there. */
  warpTo(timestamp: bigint | number): Promise<void>;
  /** Transactions sent so far. */
  readonly sent: number;
}

/** Opens the chain; `interfaces` decode custom errors in failure messages. */
export async function openSeedChain(connection: NetworkConnection, interfaces: readonly Interface[] = []): Promise<SeedChain> {
  const { ethers, provider } = connection;
  const { chainId } = await ethers.provider.getNetwork();
  const signers = new Map<string, HardhatEthersSigner>();
  let sent = 0;

  async function now(): Promise<number> {
    const block = await ethers.provider.getBlock("latest");
    if (!block) throw new Error("the chain has no latest block");
    return block.timestamp;
  }

  return {
    connection,
    chainId,
    async signer(address) {
      const key = address.toLowerCase();
      let signer = signers.get(key);
      if (!signer) {
        signer = await ethers.getSigner(address);
        signers.set(key, signer);
      }
      return signer;
    },
    async send(label, tx) {
      let receipt: ContractTransactionReceipt | null;
      try {
        receipt = await (await tx()).wait();
      } catch (error) {
        throw new Error(`${label}: ${describeError(error, interfaces)}`);
      }
      sent += 1;
      if (!receipt || receipt.status !== 1) throw new Error(`${label}: the transaction failed`);
      return receipt;
    },
    now,
    async warpTo(timestamp) {
      const target = Number(timestamp);
      const current = await now();
      if (target > current) await provider.request({ method: "evm_increaseTime", params: [target - current] });
      await provider.request({ method: "evm_mine", params: [] });
    },
    get sent() {
      return sent;
    },
  };
}
