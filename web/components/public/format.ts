/**
 * Server-side display helpers of the public pages: dates of chain timestamps (core/src/dates.ts, the same words the
 * browser writes: hooks/useChainDate.ts) and token amounts in the reader's language.
 */
import { getLocale } from "next-intl/server";

import { formatChainDate } from "@government-dao/core/dates";
import type { TokenInfo } from "@/lib/chain";

export interface Formatters {
  locale: string;
  /** A chain timestamp (unix seconds, decimal string) as a date and time in Kazakhstan (core's one spelling). */
  dateTime(seconds: string): string;
  /** A chain timestamp as a date. */
  date(seconds: string): string;
  /** A whole number (decimal string) with grouping. */
  count(value: string | number): string;
  /** An amount in base units as whole tokens with the token's symbol (base units when the token is unknown). */
  amount(value: string, token: TokenInfo | null): string;
}

export async function formatters(): Promise<Formatters> {
  const locale = await getLocale();
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimalSeparator = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === "decimal")?.value ?? ".";
  return {
    locale,
    dateTime: (seconds) => formatChainDate(seconds, locale, { time: true }),
    date: (seconds) => formatChainDate(seconds, locale),
    count: (value) => integer.format(BigInt(value)),
    amount: (value, token) => {
      const units = BigInt(value);
      if (!token) return integer.format(units);
      const scale = 10n ** BigInt(token.decimals);
      const fraction = (units % scale).toString().padStart(token.decimals, "0").replace(/0+$/, "");
      return `${integer.format(units / scale)}${fraction ? decimalSeparator + fraction : ""} ${token.symbol}`;
    },
  };
}
