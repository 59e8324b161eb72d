/** Languages of the dApp; Kazakh first (the state language), then Russian and English. */
export const LOCALES = ["kk", "ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "kk";
/** Cookie that remembers the reader's language for a year. */
export const LOCALE_COOKIE = "NEXT_LOCALE";

export const isLocale = (value: string | undefined): value is Locale => LOCALES.some((l) => l === value);

/** The first supported language of an Accept-Language header, if any. */
export function localeFromAcceptLanguage(header: string | null): Locale | undefined {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0]?.trim().slice(0, 2).toLowerCase();
    if (isLocale(tag)) return tag;
  }
  return undefined;
}
