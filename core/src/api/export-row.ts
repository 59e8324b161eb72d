/**
 * The exported row of a list (JSON `items`, CSV and XML columns, the open-data snapshots): the chain's own values, and
 * beside each of them the form a reader takes without reverse-engineering it — every time column (unix seconds) is
 * followed by `<column>Iso` (ISO 8601, UTC), and a money row gets `currency` (ISO 4217, core/src/currency.ts) after
 * its token column and `<amount>Decimal` (the amount in the currency's units, a decimal string) after each amount.
 * One definition: the indexer fills the rows with {@link exportRow}; the OpenAPI components, the data package's Table
 * Schemas and the snapshots' CSV columns come from {@link exportRowSchema}.
 */
import { z } from "zod";

import { currencyOf, decimalAmount } from "../currency.ts";
import type { Cell, Row } from "./csv.ts";

/** Times of the chain: unix seconds (UTC), by column name (the Governor's clock is a timestamp: `mode=timestamp`). */
export const TIME_COLUMN = /(At|^timestamp|[dD]eadline|^since|^until|^voteStart|^voteEnd|^eta)$/;

/** The token column and the amounts (in the token's smallest unit) of a money row. */
export interface MoneyColumns {
  token: string;
  amounts: readonly string[];
}

/** An ISO 8601 UTC time (Table Schema `datetime`, its default format). */
export const isoTime = z.iso.datetime().meta({ description: "the time before it as ISO 8601 (UTC)" });
/** An amount in currency units (Table Schema `number`). */
export const currencyAmount = z
  .string()
  .regex(/^-?[0-9]+(\.[0-9]+)?$/)
  .meta({ description: "the amount before it in the currency's units (e.g. 1234.56 KZT), a decimal string" });
const currencyCode = z.string().regex(/^[A-Z]{3}$/).meta({ description: "ISO 4217 code of the token (KZT: the digital tenge; XXX: no currency)" });

const nullableIn = (schema: z.ZodType): boolean => schema.safeParse(null).success;

/** The exported row schema of `rows`: its columns with the readable ones inserted after the values they restate. */
export function exportRowSchema(rows: z.ZodObject, money?: MoneyColumns): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, schema] of Object.entries(rows.shape as Record<string, z.ZodType>)) {
    shape[name] = schema;
    if (TIME_COLUMN.test(name)) shape[`${name}Iso`] = nullableIn(schema) ? isoTime.nullable() : isoTime;
    if (money?.token === name) shape.currency = currencyCode;
    if (money?.amounts.includes(name)) shape[`${name}Decimal`] = nullableIn(schema) ? currencyAmount.nullable() : currencyAmount;
  }
  const description = rows.meta()?.description;
  const exported = z.object(shape);
  return description ? exported.meta({ description: `${description} Each time also as ISO 8601 (…Iso)${money ? ", each amount also in currency units (…Decimal) with its ISO 4217 currency" : ""}.` }) : exported;
}

/** The exported columns of a list whose own columns are `columns` (the order {@link exportRowSchema} gives). */
export function exportColumns(columns: readonly string[], money?: MoneyColumns): string[] {
  return columns.flatMap((name) => [
    name,
    ...(TIME_COLUMN.test(name) ? [`${name}Iso`] : []),
    ...(money?.token === name ? ["currency"] : []),
    ...(money?.amounts.includes(name) ? [`${name}Decimal`] : []),
  ]);
}

/** Unix seconds (a decimal string or a number) as ISO 8601 UTC without milliseconds; null stays null. */
export function isoOf(seconds: Cell): string | null {
  if (seconds === null || seconds === "" || typeof seconds === "boolean") return null;
  const ms = Number(seconds) * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return null; // beyond what a Date can hold
  return new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}

/**
 * The exported row of `row` (whose columns are `columns`, the list's own): each time followed by its ISO form, and,
 * with `money`, the currency after the token and each amount in currency units. `digitalTenge`: the deployment's
 * digital tenge (the only token with an ISO currency, KZT).
 */
export function exportRow(row: Row, columns: readonly string[], money?: MoneyColumns, digitalTenge?: string): Row {
  const out: Row = {};
  const currency = money ? currencyOf(String(row[money.token] ?? ""), digitalTenge) : undefined;
  for (const name of columns) {
    const value = row[name] ?? null;
    out[name] = value;
    if (TIME_COLUMN.test(name)) out[`${name}Iso`] = isoOf(value);
    if (currency && money?.token === name) out.currency = currency.code;
    if (currency && money?.amounts.includes(name)) out[`${name}Decimal`] = value === null ? null : decimalAmount(BigInt(String(value)), currency.decimals);
  }
  return out;
}
