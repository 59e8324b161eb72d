"use client";
/** Warns, for every page, when the connected wallet is on another chain than the deployment's. */
import { useTranslations } from "next-intl";
import { useConnection } from "wagmi";

import { useRuntime } from "@/components/Providers";

export function NetworkNotice() {
  const t = useTranslations("wallet");
  const { chainId: expected } = useRuntime();
  const { isConnected, chainId } = useConnection();
  if (!isConnected || chainId === undefined || chainId === expected) return null;
  return (
    <div className="banner warn" role="alert" data-testid="wrong-network">
      {t("wrongNetwork", { expected, actual: chainId })}
    </div>
  );
}
