/**
 * The money the escrow holds, as readers must see it: an ISO 4217 currency code and the token's decimals. The
 * digital tenge (the dev DigitalTenge on local chains; the National Bank's token in production) is KZT with 2
 * decimals (tiyn). The chain's native coin and any other allow-listed token have no ISO currency: they are `XXX`
 * (ISO 4217: "no currency involved"), the native coin with its 18 decimals, another token in its base units.
 */
import { DIGITAL_TENGE_TOKEN } from "./contracts.ts";

export interface Currency {
  /** ISO 4217 alphabetic code. */
  code: string;
  decimals: number;
  /** The token's own symbol, for display. */
  symbol: string;
}

export const NATIVE_TOKEN = "0x0000000000000000000000000000000000000000";
export const DIGITAL_TENGE: Currency = { code: "KZT", ...DIGITAL_TENGE_TOKEN };
export const NATIVE_COIN: Currency = { code: "XXX", decimals: 18, symbol: "native coin" };
const UNKNOWN_TOKEN: Currency = { code: "XXX", decimals: 0, symbol: "token" };

/** The currency of escrow token `token` (address, lower or mixed case) given the deployment's digital tenge. */
export function currencyOf(token: string, digitalTenge: string | undefined): Currency {
  const address = token.toLowerCase();
  if (address === NATIVE_TOKEN) return NATIVE_COIN;
  if (digitalTenge !== undefined && address === digitalTenge.toLowerCase()) return DIGITAL_TENGE;
  return UNKNOWN_TOKEN;
}

/** `amount` base units as a decimal string with the currency's decimals (`123456` tiyn → `"1234.56"`). */
export function decimalAmount(amount: bigint, decimals: number): string {
  const negative = amount < 0n;
  const digits = (negative ? -amount : amount).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? digits.slice(digits.length - decimals).replace(/0+$/, "") : "";
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}
