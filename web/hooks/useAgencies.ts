"use client";
/** Reading the AgencyRegistry: the agencies, and those an account may issue documents for. */
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { readContract } from "viem/actions";

import { useContract, useReadClient } from "@/hooks/useContract";

export interface AgencyView {
  id: number;
  name: string;
  active: boolean;
  /** Whether the queried account is one of its registrars. */
  registrar: boolean;
}

/** Every agency of the registry, with whether `account` is its registrar. */
export function useAgencies(account: Address | undefined) {
  const agencies = useContract("AgencyRegistry");
  const client = useReadClient();
  return useQuery({
    queryKey: ["agencies", agencies?.address, account],
    enabled: Boolean(agencies && client),
    queryFn: async (): Promise<AgencyView[]> => {
      if (!agencies || !client) throw new Error("not ready");
      const count = await readContract(client, { ...agencies, functionName: "agencyCount" });
      const ids = await Promise.all(
        Array.from({ length: Number(count) }, (_, i) => readContract(client, { ...agencies, functionName: "agencyIdAt", args: [BigInt(i)] })),
      );
      return Promise.all(
        ids.map(async (id): Promise<AgencyView> => {
          const info = await readContract(client, { ...agencies, functionName: "agency", args: [id] });
          const registrar = account ? await readContract(client, { ...agencies, functionName: "isRegistrar", args: [id, account] }) : false;
          return { id, name: info.name, active: info.active, registrar };
        }),
      );
    },
  });
}

/** Public name of each agency by id (id 0, the central government, is not in the registry). */
export function useAgencyNames(): Map<number, string> {
  const agencies = useAgencies(undefined);
  return new Map((agencies.data ?? []).map((a) => [a.id, a.name]));
}
