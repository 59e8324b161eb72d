"use client";
/**
 * Proposal actions as sentences in the reader's language (core/src/actions/render.ts, the same sentences the CLI
 * prints and the indexer serves), with the agencies, the escrow's tokens and the system's contracts named from
 * what the dApp reads.
 */
import { useLocale } from "next-intl";
import { useCallback, useMemo } from "react";

import { useRuntime } from "@/components/Providers";
import { useAgencyNames } from "@/hooks/useAgencies";
import { useEscrowTokens } from "@/hooks/useEscrowTokens";
import { contractLookup, type DecodedAction } from "@government-dao/core/actions/decode";
import { type Labels, RENDER_LOCALES, type RenderLocale, renderAction } from "@government-dao/core/actions/render";

/** The active next-intl locale as a render locale (English for any other). */
export const renderLocale = (locale: string): RenderLocale => (RENDER_LOCALES as readonly string[]).includes(locale) ? (locale as RenderLocale) : "en";

/** A function giving the sentence of a decoded action in the active locale (plain text: React escapes it). */
export function useActionSentence(): (action: DecodedAction) => string {
  const locale = renderLocale(useLocale());
  const { addresses } = useRuntime();
  const agencies = useAgencyNames();
  const { tokens } = useEscrowTokens("KZT");
  const labels = useMemo((): Labels => {
    const contracts = contractLookup(addresses);
    return {
      agency: (id) => agencies.get(id),
      token: (address) => {
        const token = tokens?.find((t) => t.address.toLowerCase() === address.toLowerCase());
        return token?.symbol ? { symbol: token.symbol, decimals: token.decimals } : undefined;
      },
      address: (address) => {
        const name = contracts(address);
        if (!name) return undefined;
        return { kind: name === "TimelockController" ? "timelock" : name === "GovernmentGovernor" ? "governor" : name === "DigitalTenge" ? "token" : "contract", name };
      },
    };
  }, [addresses, agencies, tokens]);
  return useCallback((action: DecodedAction) => renderAction(action, locale, labels), [locale, labels]);
}
