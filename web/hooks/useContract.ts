"use client";
/**
 * Typed access to the system's contracts by name: the ABI comes from the generated module, the address from the
 * deployment the server runs against. Components use the domain hooks beside this file, never an ABI or address.
 */
import type { Address } from "viem";
import { useClient } from "wagmi";

import { useRuntime } from "@/components/Providers";
import { abis } from "@government-dao/core/abis";
import type { ContractName } from "@government-dao/core/contracts";

export type ContractOf<N extends ContractName> = { address: Address; abi: (typeof abis)[N] };

/** The contract `name` of the current deployment, or undefined when the deployment has none. */
export function useContract<N extends ContractName>(name: N): ContractOf<N> | undefined {
  const address = useRuntime().addresses[name];
  return address ? { address, abi: abis[name] } : undefined;
}

/** Like {@link useContract}, throwing a plain error when the deployment lacks the contract. */
export function useRequiredContract<N extends ContractName>(name: N): ContractOf<N> {
  const contract = useContract(name);
  if (!contract) throw new Error(`The deployment has no ${name}: is the chain deployed (npm start)?`);
  return contract;
}

/**
 * The client the read hooks call viem's actions with (`readContract(client, …)` from "viem/actions"): wagmi's bare
 * client. Not usePublicClient(): that one carries every public action of viem as a method (ENS, simulateCalls,
 * signature checks …), which no bundler can drop, so each page reading the chain would ship all of them.
 */
export const useReadClient = () => useClient();
