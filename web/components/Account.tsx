"use client";
/**
 * An account as people read it: a system contract by its role in words ("the Timelock, which carries out the
 * council's decisions"), with its address beside it; any other account by its address. The labels come from this
 * deployment's addresses (core's contract list), not from any service.
 */
import { useTranslations } from "next-intl";
import { getAddress, isAddress } from "viem";

import type { ContractName } from "@government-dao/core/contracts";
import { useRuntime } from "@/components/Providers";

export function Account({ address }: { address: string }) {
  const t = useTranslations("account");
  const { addresses } = useRuntime();
  const checksummed = isAddress(address, { strict: false }) ? getAddress(address) : undefined;
  const name = (Object.entries(addresses) as [ContractName, string][]).find(([, a]) => a === checksummed)?.[0];
  return (
    <span className="account" data-account={name ?? "account"}>
      {name ? <>{t(`contract.${name}`)} </> : null}
      <code>{address}</code>
    </span>
  );
}
