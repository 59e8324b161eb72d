/**
 * The zod pieces every API answer is built of. uint256 values (ids, amounts, block numbers, unix seconds) are decimal
 * strings; hashes are 0x + 64 lowercase hex digits; null when absent. Browser-safe: the indexer builds its answers and
 * its OpenAPI document from these, the dApp parses the answers with them.
 */
import { z } from "zod";

/** 32 bytes, 0x + 64 lowercase hex digits. */
export const hash = z.string().regex(/^0x[0-9a-f]{64}$/).meta({ description: "32 bytes, 0x + 64 lowercase hex digits" });
/** An account or contract address. */
export const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/).meta({ description: "an account or contract address" });
/** A uint256 as a decimal string. */
export const decimal = z.string().regex(/^[0-9]{1,78}$/).meta({ description: "a uint256 (id, amount, block number, unix seconds) as a decimal string" });
/** Bytes of any length, 0x hex. */
export const hexBytes = z.string().regex(/^0x[0-9a-fA-F]*$/).meta({ description: "bytes, 0x hex" });
/** A count (rows, seats, votes). */
export const count = z.number().int().min(0);

/** `{ items, nextCursor }`: one page of a JSON list (nextCursor: the `cursor` of the next page, null on the last). */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** The property names of an object schema, in order: the CSV header and XML elements of a list. */
export const columnsOf = <S extends z.ZodObject>(schema: S): (keyof S["shape"] & string)[] => Object.keys(schema.shape);
