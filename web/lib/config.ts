/** The runtime configuration the server hands to the browser (see lib/runtime.ts). */
import type { Address } from "viem";

import type { ContractName } from "@government-dao/core/contracts";
import type { DevRole } from "@government-dao/core/dev-accounts";

export type { DevRole };

/** anvil's chain id: the only chain on which development accounts are offered. */
export const LOCAL_CHAIN_ID = 31337;

/** One of anvil's development accounts (public keys of a public mnemonic). */
export interface DevAccount {
  index: number;
  role: DevRole;
  address: Address;
}

export interface RuntimeConfig {
  chainId: number;
  rpcUrl: string;
  addresses: Partial<Record<ContractName, Address>>;
  /** Non-empty only on chain 31337 with DEV_ACCOUNTS=1. */
  devAccounts: DevAccount[];
}
