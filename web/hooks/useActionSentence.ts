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
import { labelsOf } from "@government-dao/core/actions/labels";
import { type Labels, RENDER_LOCALES, type RenderLocale, renderAction } from "@government-dao/core/actions/render";

/** The active next-intl locale as a render locale (English for any other). */
export const renderLocale = (locale: string): RenderLocale => (RENDER_LOCALES as readonly string[]).includes(locale) ? (locale as RenderLocale) : "en";

/** A function giving the sentence of a decoded action in the active locale (plain text: React escapes it). */
export function useActionSentence(): (action: DecodedAction) => string {
  const locale = renderLocale(useLocale());
  const { addresses } = useRuntime();
  const agencies = useAgencyNames();
  const { tokens } = useEscrowTokens("KZT");
  const labels = useMemo(
    (): Labels =>
      labelsOf({
        contracts: contractLookup(addresses),
        agencies,
        tokens: new Map((tokens ?? []).flatMap((t) => (t.symbol ? [[t.address.toLowerCase(), { symbol: t.symbol, decimals: t.decimals }] as const] : []))),
      }),
    [addresses, agencies, tokens],
  );
  return useCallback((action: DecodedAction) => renderAction(action, locale, labels), [locale, labels]);
}
