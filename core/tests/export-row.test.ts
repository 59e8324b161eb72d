import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { ALLOCATION_MONEY, allocationSchema } from "../src/api/budget.ts";
import { columnsOf } from "../src/api/fields.ts";
import { exportColumns, exportRow, exportRowSchema, isoOf } from "../src/api/export-row.ts";
import { tableSchemaOf } from "../src/api/table-schema.ts";

const TENGE = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

describe("exported rows (core/src/api/export-row.ts)", () => {
  it("writes each chain time also as ISO 8601 UTC, and null as null", () => {
    assert.equal(isoOf("1764806400"), "2025-12-04T00:00:00Z");
    assert.equal(isoOf(1764806401), "2025-12-04T00:00:01Z");
    assert.equal(isoOf(null), null);
    const row = exportRow({ id: "0x01", issuedAt: "1764806400", revokedAt: null }, ["id", "issuedAt", "revokedAt"]);
    assert.deepEqual(Object.entries(row), [["id", "0x01"], ["issuedAt", "1764806400"], ["issuedAtIso", "2025-12-04T00:00:00Z"], ["revokedAt", null], ["revokedAtIso", null]]);
  });

  it("gives a money row its ISO 4217 currency and each amount in currency units: KZT in tiyn, another token in its base units", () => {
    const columns = ["tokenId", "total", "unreleasedAtCancel"];
    const money = { token: "tokenId", amounts: ["total", "unreleasedAtCancel"] };
    assert.deepEqual(exportRow({ tokenId: TENGE.toLowerCase(), total: "12345678", unreleasedAtCancel: null }, columns, money, TENGE), {
      tokenId: TENGE.toLowerCase(), currency: "KZT", total: "12345678", totalDecimal: "123456.78", unreleasedAtCancel: null, unreleasedAtCancelDecimal: null,
    });
    assert.deepEqual(exportRow({ tokenId: "0x0000000000000000000000000000000000000000", total: "1500000000000000000", unreleasedAtCancel: "0" }, columns, money, TENGE), {
      tokenId: "0x0000000000000000000000000000000000000000", currency: "XXX", total: "1500000000000000000", totalDecimal: "1.5", unreleasedAtCancel: "0", unreleasedAtCancelDecimal: "0",
    });
  });

  it("describes the same columns, in the same order, as the rows it fills, with Table Schema types datetime and number", () => {
    const schema = exportRowSchema(allocationSchema, ALLOCATION_MONEY);
    assert.deepEqual(columnsOf(schema), exportColumns(columnsOf(allocationSchema), ALLOCATION_MONEY));
    const fields = new Map(tableSchemaOf(schema).fields.map((f) => [f.name, f]));
    assert.equal(fields.get("createdAtIso")?.type, "datetime");
    assert.equal(fields.get("createdAtIso")?.constraints?.required, true);
    assert.equal(fields.get("cancelledAtIso")?.constraints?.required, undefined, "a nullable time's ISO form is nullable too");
    assert.equal(fields.get("totalDecimal")?.type, "number");
    assert.deepEqual(fields.get("currency")?.constraints, { required: true, pattern: "[A-Z]{3}" });
  });
});
