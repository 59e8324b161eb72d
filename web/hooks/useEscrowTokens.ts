"use client";
/** The tokens an allocation can pay: the deployment's DigitalTenge (if any) and the native coin, with decimals. */
import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Address } from "viem";
import { readContract } from "viem/actions";

import { useContract, useReadClient } from "@/hooks/useContract";
import { NATIVE } from "@/utils/proposal-actions";

export interface EscrowToken {
  address: Address;
  /** The ERC-20's symbol; undefined for the native coin (the caller names it in the reader's language). */
  symbol?: string;
  decimals: number;
}

const NATIVE_TOKEN: EscrowToken = { address: NATIVE, decimals: 18 };

export function useEscrowTokens(nativeName: string) {
  const tenge = useContract("DigitalTenge");
  const client = useReadClient();
  const query = useQuery({
    queryKey: ["escrowTokens", tenge?.address],
    enabled: Boolean(client),
    staleTime: Infinity,
    queryFn: async (): Promise<EscrowToken[]> => {
      if (!client) throw new Error("not ready");
      if (!tenge) return [NATIVE_TOKEN];
      const [decimals, symbol] = await Promise.all([
        readContract(client, { ...tenge, functionName: "decimals" }),
        readContract(client, { ...tenge, functionName: "symbol" }),
      ]);
      return [{ address: tenge.address, symbol, decimals }, NATIVE_TOKEN];
    },
  });
  const tokens = query.data;
  const find = useCallback((token: Address) => tokens?.find((t) => t.address.toLowerCase() === token.toLowerCase()), [tokens]);
  const decimalsOf = useCallback((token: Address) => find(token)?.decimals ?? 18, [find]);
  const symbolOf = useCallback((token: Address) => find(token)?.symbol ?? (token === NATIVE ? nativeName : token), [find, nativeName]);
  return { tokens, loading: query.isLoading, decimalsOf, symbolOf };
}
