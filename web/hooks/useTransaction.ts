"use client";
/**
 * One transaction at a time, with its states: waiting for the wallet → pending (sent) → confirmed, or failed with
 * a plain message (utils/errors.ts). Every write is simulated first, so a revert is explained before anything is
 * signed. The caller supplies the simulate-and-send step; this hook checks the network, waits for the receipt and
 * refreshes every chain read afterwards.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { Address, Hash, PublicClient, WalletClient } from "viem";
import { useConnection, usePublicClient, useWalletClient } from "wagmi";

import { useRuntime } from "@/components/Providers";
import { type ErrorMessage, describeError } from "@/utils/errors";

export type TxState =
  | { status: "idle" }
  | { status: "wallet" }
  | { status: "pending"; hash: Hash }
  | { status: "confirmed"; hash: Hash; blockNumber: bigint }
  | { status: "failed"; error: ErrorMessage; hash?: Hash };

export interface TxContext {
  publicClient: PublicClient;
  walletClient: WalletClient;
  account: Address;
}

export function useTransaction() {
  const runtime = useRuntime();
  const { address, chainId, isConnected } = useConnection();
  const publicClient = usePublicClient();
  const { data: walletClient } = useWalletClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<TxState>({ status: "idle" });

  const run = useCallback(
    async (send: (ctx: TxContext) => Promise<Hash>): Promise<boolean> => {
      if (!isConnected || !address || !publicClient) {
        setState({ status: "failed", error: { key: "notConnected" } });
        return false;
      }
      if (chainId !== runtime.chainId || !walletClient) {
        setState({ status: "failed", error: { key: chainId !== runtime.chainId ? "wrongNetwork" : "notConnected" } });
        return false;
      }
      setState({ status: "wallet" });
      let hash: Hash | undefined;
      try {
        hash = await send({ publicClient, walletClient, account: address });
        setState({ status: "pending", hash });
        const receipt = await publicClient.waitForTransactionReceipt({ hash });
        if (receipt.status !== "success") {
          setState({ status: "failed", error: { key: "failedOnChain" }, hash });
          return false;
        }
        setState({ status: "confirmed", hash, blockNumber: receipt.blockNumber });
        await queryClient.invalidateQueries();
        return true;
      } catch (error) {
        setState({ status: "failed", error: describeError(error), ...(hash ? { hash } : {}) });
        return false;
      }
    },
    [address, chainId, isConnected, publicClient, queryClient, runtime.chainId, walletClient],
  );

  const reset = useCallback(() => setState({ status: "idle" }), []);
  return { state, run, reset };
}
