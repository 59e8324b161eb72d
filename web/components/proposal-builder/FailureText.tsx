"use client";
/** A simulated call's failure in plain words: a builder reason, or one of the dApp's general error messages. */
import { useTranslations } from "next-intl";

import type { FailureReason } from "@/hooks/useProposalBuilder";

export function FailureText({ reason }: { reason: FailureReason }) {
  const reverts = useTranslations("builder.reverts");
  const errors = useTranslations("errors");
  if (reason.scope === "builder") {
    return <>{reason.key === "insufficientFunds" ? reverts("insufficientFunds", { available: reason.values?.available ?? "?", requested: reason.values?.requested ?? "?" }) : reverts(reason.key as Exclude<typeof reason.key, "insufficientFunds">)}</>;
  }
  return <>{errors(reason.key, { name: reason.name ?? "" })}</>;
}
