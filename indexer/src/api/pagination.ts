// Cursor pagination: a list is ordered by (key desc, id desc); the cursor is the last row's (key, id), base64url.
import { type PgColumn, and, desc, eq, lt, or, type sql } from "ponder";

type SQL = ReturnType<typeof sql>;
import { z } from "zod";

import { ApiError } from "./errors.js";

export const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(400).optional(),
  format: z.enum(["json", "csv", "xml"]).default("json"),
  /** `1`: a UTF-8 byte order mark before the CSV (formats.ts). */
  bom: z.enum(["0", "1"]).optional(),
});

/**
 * A plain decimal number (no sign, no spaces, no 0x/0b/0o, no exponent, not empty): `z.coerce.bigint()` took `agency=`
 * as agency 0, `0x10` as 16 and ` 7 ` as 7, so a typo silently filtered by another value (tests/security.test.ts).
 */
export const decimal = (what: string, digits: number) => z.string().regex(new RegExp(`^\\d{1,${digits}}$`), `${what}: a decimal number of at most ${digits} digits`).transform(BigInt);

export interface Cursor {
  key: string;
  id: string;
}

export const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");

export function decodeCursor(text: string | undefined): Cursor | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === "string" && typeof value[1] === "string") {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw new ApiError(400, "invalid_cursor", "cursor is not one this API issued");
}

/** The WHERE clause after `cursor` and the ORDER BY of a (key desc, id desc) list; `parse` turns text back into a column value. */
export function keyset<K, I>(
  keyColumn: PgColumn,
  idColumn: PgColumn,
  cursor: Cursor | undefined,
  parse: { key: (text: string) => K; id: (text: string) => I },
): { after: SQL | undefined; order: SQL[] } {
  const order = [desc(keyColumn), desc(idColumn)];
  if (cursor === undefined) return { after: undefined, order };
  let key: K;
  let id: I;
  try {
    key = parse.key(cursor.key);
    id = parse.id(cursor.id);
  } catch {
    throw new ApiError(400, "invalid_cursor", "cursor is not one this API issued");
  }
  return { after: or(lt(keyColumn, key), and(eq(keyColumn, key), lt(idColumn, id))), order };
}
