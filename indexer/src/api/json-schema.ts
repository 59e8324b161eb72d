// The OpenAPI component schemas of the answers, generated from core's zod schemas (@government-dao/core/api/*), so
// the answers the dApp parses, the ones the indexer builds and the ones it documents have one definition.
import { z } from "zod";

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of what `schema` parses to, without the `$schema` key. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io: "output", unrepresentable: "any" });
  return rest;
}
