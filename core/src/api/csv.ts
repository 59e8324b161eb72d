/**
 * The CSV form of the API's lists (RFC 4180, CRLF line ends, a header row): one home for the API's `format=csv`
 * answers (indexer/src/api/formats.ts) and the complete dumps of the open-data snapshots (core/src/snapshot-publish.ts),
 * so a snapshot's file has exactly the columns and cells the API's pages have.
 */

/** A flat cell: a string, a number, a boolean or null (bigints are rendered as decimal strings before this). */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a text cell starting with = + - @, a tab or a carriage return
 * is a formula to Excel, LibreOffice and Sheets. Such a cell gets a leading single quote, which they show as text.
 * Numbers are left alone (a number is never run as a formula).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: null is empty; a cell with a quote, comma or line break is quoted. */
export const csvCell = (value: Cell): string => {
  if (value === null) return "";
  const text = typeof value === "string" && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The UTF-8 byte order mark `?bom=1` puts first, so that Excel reads Cyrillic and Kazakh text as UTF-8. */
export const UTF8_BOM = "\uFEFF";

/** The CSV text of `rows` with these `columns` (a missing value is null). */
export function toCsv(columns: readonly string[], rows: readonly Row[], options: { bom?: boolean } = {}): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c] ?? null)).join(","));
  return `${options.bom ? UTF8_BOM : ""}${lines.join("\r\n")}\r\n`;
}
