/** Shared zod pieces of the API's flat rows: uint256 values, ids and times are decimal strings; null when absent. */
import { z } from "zod";

export const dec = z.string().regex(/^\d+$/);
export const decOrNull = dec.nullable();
export const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);
export const hexOrNull = hex.nullable();

/** `{ items, nextCursor }` of a JSON list. */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
