/**
 * Dates of chain facts, written one way on every page, in every app and every runtime: in Kazakhstan's time (UTC+5,
 * the time the appeals calendar counts days in), with the month names official texts use. Intl is not used: its data
 * differ between runtimes (Node writes a Kazakh date "2026 ж. 12 жел.", Debian's chromium "2026 M12 12"), and a page
 * drawn on the server and finished in the browser must say the same date. No zod here: the browser's pages import
 * it, and a zod schema created before the dApp sets zod's jitless mode probes for eval, which the CSP reports.
 */
/** Kazakhstan time minus UTC, in seconds, as `WorkingDayCalendar.LOCAL_TIME_OFFSET` counts days. */
export const CALENDAR_OFFSET_SECONDS = 5 * 3600;

/** The languages dates are written in. */
export type DateLocale = "kk" | "ru" | "en";

const MONTHS: Record<DateLocale, readonly string[]> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  // Genitive, as a date reads: "12 декабря".
  ru: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
  kk: ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"],
};

/** Calendar parts of chain time `seconds` in Kazakhstan's time. */
function partsOf(seconds: number | bigint | string) {
  const local = new Date((Number(seconds) + CALENDAR_OFFSET_SECONDS) * 1000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth(), day: local.getUTCDate(), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

/** Chain time `seconds` as the ISO 8601 calendar date (YYYY-MM-DD) of that day in Kazakhstan, for data and sentences. */
export function chainCalendarDate(seconds: number | bigint | string): string {
  const { year, month, day } = partsOf(seconds);
  return `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Chain time `seconds` (unix) as a date, e.g. "12 December 2026", "12 декабря 2026 г.", "2026 жылғы 12 желтоқсан";
 * with `time`, followed by the hour and minute in Kazakhstan's time ("…, 14:05").
 */
export function formatChainDate(seconds: number | bigint | string, locale: DateLocale, options: { time?: boolean } = {}): string {
  const { year, month, day, hour, minute } = partsOf(seconds);
  const name = MONTHS[locale][month];
  const date = locale === "kk" ? `${year} жылғы ${day} ${name}` : locale === "ru" ? `${day} ${name} ${year} г.` : `${day} ${name} ${year}`;
  return options.time ? `${date}, ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}` : date;
}
