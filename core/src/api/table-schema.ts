/**
 * Frictionless Table Schema (v1, https://specs.frictionlessdata.io/table-schema/) of a CSV export, generated from the
 * zod schema of its rows, so the CSV's columns, the JSON answers and their description have one definition. A
 * decimal uint256 is an `integer` (the CSV writes it in full, not as a float); a hash or address a `string` with its
 * pattern; an enum a `string` with its values; a nullable column is not `required` and empty when null.
 */
import { z } from "zod";

import { TIME_COLUMN, currencyAmount } from "./export-row.ts";
import { decimal } from "./fields.ts";

/** One column of a Table Schema. */
export interface TableField {
  name: string;
  type: "string" | "integer" | "number" | "boolean" | "object" | "array" | "datetime";
  description?: string;
  constraints?: { required?: boolean; minimum?: number; pattern?: string; enum?: string[] };
}

export interface TableSchema {
  fields: TableField[];
  /** What a null cell is written as (formats.ts: an empty cell). */
  missingValues: [""];
}

type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[]; pattern?: string; format?: string; enum?: unknown[]; description?: string; minimum?: number; contentMediaType?: string };

/** The JSON Schema pattern of a uint256 as a decimal string (core/api/fields.ts `decimal`). */
const DECIMAL_PATTERN = (z.toJSONSchema(decimal) as JsonSchema).pattern;
/** The JSON Schema pattern of an amount in currency units (export-row.ts). */
const AMOUNT_PATTERN = (z.toJSONSchema(currencyAmount) as JsonSchema).pattern;

/** The one non-null schema of a nullable column, and whether null is allowed. */
function unwrapNull(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (schema.anyOf) {
    const rest = schema.anyOf.filter((s) => s.type !== "null");
    const only = rest.length === 1 ? rest[0] : undefined;
    return { schema: { ...(only ?? { type: "string" }), description: schema.description ?? only?.description }, nullable: rest.length < schema.anyOf.length };
  }
  if (Array.isArray(schema.type)) {
    const types = schema.type.filter((t) => t !== "null");
    return { schema: { ...schema, type: types.length === 1 ? types[0] : "string" }, nullable: types.length < schema.type.length };
  }
  return { schema, nullable: false };
}

function field(name: string, property: JsonSchema): TableField {
  const { schema, nullable } = unwrapNull(property);
  const required = nullable ? {} : { required: true };
  const time = TIME_COLUMN.test(name) ? "unix seconds (UTC)" : undefined;
  if (schema.type === "string" && schema.pattern === DECIMAL_PATTERN) {
    return { name, type: "integer", description: time ?? "a uint256 (id, amount in the token's smallest unit, block number or count)", constraints: { ...required, minimum: 0 } };
  }
  const description = schema.description ?? time;
  const base = { name, ...(description ? { description } : {}) };
  if (schema.type === "string" && schema.format === "date-time") return { ...base, type: "datetime", constraints: required };
  if (schema.type === "string" && schema.pattern === AMOUNT_PATTERN) return { ...base, type: "number", constraints: required };
  // A JSON array in one cell (e.g. an action's typed arguments): Table Schema's `array` is exactly that.
  if (schema.type === "string" && schema.contentMediaType === "application/json") return { ...base, type: "array", constraints: required };
  if (schema.enum) return { ...base, type: "string", constraints: { ...required, enum: schema.enum.map(String) } };
  if (schema.type === "integer") return { ...base, type: "integer", constraints: { ...required, ...(schema.minimum !== undefined ? { minimum: schema.minimum } : {}) } };
  if (schema.type === "number") return { ...base, type: "number", constraints: required };
  if (schema.type === "boolean") return { ...base, type: "boolean", constraints: required };
  // formats.ts writes an array as its items joined by "; " and an object as JSON.
  if (schema.type === "array") return { ...base, type: "string", description: `${description ?? "a list"}; items separated by "; "`, constraints: required };
  if (schema.type === "object") return { ...base, type: "object", constraints: required };
  // Table Schema patterns are XML Schema regular expressions: implicitly anchored, so no ^ and $.
  const pattern = schema.pattern?.replace(/^\^/, "").replace(/\$$/, "");
  return { ...base, type: "string", constraints: { ...required, ...(pattern ? { pattern } : {}) } };
}

/** The Table Schema of the CSV whose rows `rows` parses (columns in the order of its shape, as core/api/fields.ts `columnsOf`). */
export function tableSchemaOf(rows: z.ZodObject): TableSchema {
  const json = z.toJSONSchema(rows, { target: "draft-2020-12", io: "output", unrepresentable: "any" }) as { properties?: Record<string, JsonSchema> };
  const properties = json.properties ?? {};
  return { fields: Object.keys(rows.shape).map((name) => field(name, properties[name] ?? {})), missingValues: [""] };
}
