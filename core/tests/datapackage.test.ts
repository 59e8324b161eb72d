/** The Frictionless data package of the CSV exports: every CSV data set described, Table Schemas from the row schemas. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { z } from "zod";

import { CSV_ROWS, PAGE_ROWS, dataPackage } from "../src/api/datapackage.ts";
import { documentSchema } from "../src/api/document.ts";
import { columnsOf, decimal, hash } from "../src/api/fields.ts";
import { tableSchemaOf } from "../src/api/table-schema.ts";
import { DATASETS } from "../src/datasets.ts";

describe("tableSchemaOf", () => {
  it("gives each column in order, a uint256 as an integer, a hash with its pattern, an enum with its values", () => {
    const schema = tableSchemaOf(documentSchema);
    assert.deepEqual(schema.fields.map((f) => f.name), columnsOf(documentSchema));
    const byName = new Map(schema.fields.map((f) => [f.name, f]));
    assert.deepEqual(byName.get("issuedAt"), { name: "issuedAt", type: "integer", description: "unix seconds (UTC)", constraints: { required: true, minimum: 0 } });
    assert.equal(byName.get("agencyId")?.type, "integer");
    assert.deepEqual(byName.get("id")?.constraints, { required: true, pattern: "0x[0-9a-f]{64}" });
    assert.deepEqual(byName.get("status")?.constraints, { required: true, enum: ["ACTIVE", "AMENDED", "REVOKED"] });
    assert.deepEqual(schema.missingValues, [""]);
  });

  it("a nullable column is not required; booleans, counts and free text keep their types", () => {
    const schema = tableSchemaOf(z.object({ revokedAt: decimal.nullable(), supersedes: hash.nullable(), cancelled: z.boolean(), votes: z.number().int().min(0), reason: z.string().nullable() }));
    assert.deepEqual(schema.fields, [
      { name: "revokedAt", type: "integer", description: "unix seconds (UTC)", constraints: { minimum: 0 } },
      { name: "supersedes", type: "string", description: "32 bytes, 0x + 64 lowercase hex digits", constraints: { pattern: "0x[0-9a-f]{64}" } },
      { name: "cancelled", type: "boolean", constraints: { required: true } },
      { name: "votes", type: "integer", constraints: { required: true, minimum: 0 } },
      { name: "reason", type: "string", constraints: {} },
    ]);
  });
});

describe("dataPackage", () => {
  const pkg = dataPackage("https://data.gov.example", "2026-12-01T10:00:00.000Z");

  it("has a resource for every data set with a CSV format, and a row schema for each (none left over)", () => {
    const csv = DATASETS.filter((d) => d.formats.includes("csv")).map((d) => d.key);
    assert.deepEqual(Object.keys(CSV_ROWS).sort(), [...csv].sort());
    assert.equal(pkg.resources.length, csv.length);
  });

  it("names resources as the spec allows and links each to its CSV at the public URL", () => {
    for (const r of pkg.resources) {
      assert.match(r.name, /^[-a-z0-9._/]+$/);
      assert.match(r.path, new RegExp(`^https://data\\.gov\\.example/api/v1/.+\\?format=csv&limit=${PAGE_ROWS}$`));
    }
    assert.ok(pkg.resources.some((r) => r.name === "audit-log" && r.path.includes("/audit-log?")));
  });
});
