// Open data: every list as JSON, CSV (core/src/api/csv.ts) or XML with the same flat, documented columns (see
// openapi.ts).
import type { Context } from "hono";
import { create } from "xmlbuilder2";

import { type Cell, type Row, toCsv } from "@government-dao/core/api/csv";
import { type MoneyColumns, exportColumns, exportRow } from "@government-dao/core/api/export-row";

import { ApiError } from "./errors.js";
import { XML_OPTIONS } from "./xml.js";

export type { Cell, Row } from "@government-dao/core/api/csv";

/** Plain JSON-safe value of a database value. */
export const cell = (value: unknown): Cell => {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v) => String(v)).join("; ");
  return JSON.stringify(value);
};

export function toXml(listName: string, itemName: string, columns: readonly string[], rows: readonly Row[], nextCursor: string | null): string {
  const root = create(XML_OPTIONS).ele(listName);
  if (nextCursor !== null) root.att("nextCursor", nextCursor);
  for (const row of rows) {
    const item = root.ele(itemName);
    for (const column of columns) {
      const value = row[column] ?? null;
      const field = item.ele(column);
      if (value === null) field.att("null", "true");
      else field.txt(String(value));
    }
  }
  return root.end({ prettyPrint: true });
}

export interface ListSpec {
  /** Plural name (JSON key, XML root, file name), e.g. "documents". */
  name: string;
  /** XML element of one item, e.g. "document". */
  item: string;
  /** The list's own columns (its row schema's); the exported ones add the readable forms (core's export-row.ts). */
  columns: readonly string[];
  /** The token and amount columns of a money row. */
  money?: MoneyColumns;
}

/**
 * Sends a page of a list in the requested format, each row exported (core's export-row.ts): the same columns in JSON,
 * CSV and XML, every time also in ISO 8601 and every amount also in currency units with its ISO 4217 code
 * (`digitalTenge`: the deployment's, for a money list).
 */
export function sendList(c: Context, spec: ListSpec, format: "json" | "csv" | "xml", ownRows: Row[], nextCursor: string | null, digitalTenge?: string): Response {
  const columns = exportColumns(spec.columns, spec.money);
  const rows = ownRows.map((row) => exportRow(row, spec.columns, spec.money, digitalTenge));
  // `bom` is validated by listQuery ("0" | "1"); it means something for CSV only.
  const bom = c.req.query("bom") === "1";
  if (bom && format !== "csv") throw new ApiError(400, "invalid_input", "bom: only with format=csv");
  if (nextCursor !== null) c.header("X-Next-Cursor", nextCursor);
  if (format === "csv") {
    c.header("Content-Disposition", `attachment; filename="${spec.name}.csv"`);
    return c.body(toCsv(columns, rows, { bom }), 200, { "Content-Type": "text/csv; charset=utf-8" });
  }
  if (format === "xml") {
    c.header("Content-Disposition", `attachment; filename="${spec.name}.xml"`);
    return c.body(toXml(spec.name, spec.item, columns, rows, nextCursor), 200, { "Content-Type": "application/xml; charset=utf-8" });
  }
  return c.json({ items: rows, nextCursor });
}
