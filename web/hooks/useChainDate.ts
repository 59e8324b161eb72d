"use client";
/**
 * Dates of chain facts in the browser, in the reader's language: core's one spelling (core/src/dates.ts, in
 * Kazakhstan's time), the same words the server writes (components/public/format.ts), whatever the browser's own
 * date data.
 */
import { useLocale } from "next-intl";
import { useCallback } from "react";

import { formatChainDate } from "@government-dao/core/dates";

/** `date(seconds)`: "2026 жылғы 12 желтоқсан"; `date(seconds, { time: true })` adds the hour and minute. */
export function useChainDate(): (seconds: bigint | number | string, options?: { time?: boolean }) => string {
  const locale = useLocale();
  return useCallback((seconds, options) => formatChainDate(seconds, locale, options), [locale]);
}
