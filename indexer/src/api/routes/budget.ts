// Budget: the budget page in one answer, allocations (with milestones and releases), releases, totals per agency and token.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { asc, eq, inArray } from "ponder";
import { z } from "zod";

import { columnsOf } from "@government-dao/core/api/fields";
import { ALLOCATION_MONEY, RELEASE_MONEY, TOTAL_MONEY, agencyTotalSchema, allocationSchema, releaseSchema } from "@government-dao/core/api/budget";

import { digitalTenge } from "../context.js";
import { notFound } from "../errors.js";
import { sendList } from "../formats.js";
import { decodeCursor, encodeCursor, keyset, listQuery } from "../pagination.js";
import { plainRow } from "../rows.js";

export const ALLOCATION_COLUMNS = columnsOf(allocationSchema);
export const RELEASE_COLUMNS = columnsOf(releaseSchema);
export const TOTAL_COLUMNS = columnsOf(agencyTotalSchema);

export const ALLOCATIONS_LIST = { name: "allocations", item: "allocation", columns: ALLOCATION_COLUMNS, money: ALLOCATION_MONEY } as const;
export const RELEASES_LIST = { name: "releases", item: "release", columns: RELEASE_COLUMNS, money: RELEASE_MONEY } as const;
export const TOTALS_LIST = { name: "agencyTotals", item: "agencyTotal", columns: TOTAL_COLUMNS, money: TOTAL_MONEY } as const;

/** GET /budget: JSON only, paged by allocations. */
export const budgetQuery = listQuery.pick({ limit: true, cursor: true });

/** Milestones and releases of these allocations, grouped by allocation id. */
async function milestonesAndReleases(ids: bigint[]) {
  const milestones = ids.length === 0 ? [] : await db.select().from(schema.milestone).where(inArray(schema.milestone.allocationId, ids)).orderBy(asc(schema.milestone.allocationId), asc(schema.milestone.index));
  const releases = ids.length === 0 ? [] : await db.select().from(schema.release).where(inArray(schema.release.allocationId, ids)).orderBy(asc(schema.release.blockNumber), asc(schema.release.id));
  return {
    milestones: (id: bigint) => milestones.filter((m) => m.allocationId === id).map(plainRow),
    releases: (id: bigint) => releases.filter((r) => r.allocationId === id).map(plainRow),
  };
}

const allocationId = z.string().regex(/^\d{1,78}$/, "a decimal allocation id").transform(BigInt);

export const budget = new Hono()
  .get("/budget", async (c) => {
    const q = budgetQuery.parse(c.req.query());
    const a = schema.allocation;
    const page = keyset(a.createdAt, a.id, decodeCursor(q.cursor), { key: BigInt, id: BigInt });
    const rows = await db.select().from(a).where(page.after).orderBy(...page.order).limit(q.limit + 1);
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    const nextCursor = rows.length > q.limit && last ? encodeCursor({ key: last.createdAt.toString(), id: last.id.toString() }) : null;
    const parts = await milestonesAndReleases(items.map((r) => r.id));
    const totals = await db.select().from(schema.agencyTokenTotal).orderBy(asc(schema.agencyTokenTotal.id));
    const agencies = await db.select({ id: schema.agency.id, name: schema.agency.name }).from(schema.agency).orderBy(asc(schema.agency.id));
    // plainRow renders bigints as decimal strings: the JSON is core's BudgetOverview (OpenAPI "BudgetOverview").
    return c.json({
      totals: totals.map(plainRow),
      agencies: agencies.map((g) => ({ id: g.id.toString(), name: g.name })),
      items: items.map((r) => ({ allocation: plainRow(r), milestones: parts.milestones(r.id), releases: parts.releases(r.id) })),
      nextCursor,
    });
  })
  .get("/budget/allocations", async (c) => {
    const q = listQuery.parse(c.req.query());
    const a = schema.allocation;
    const page = keyset(a.createdAt, a.id, decodeCursor(q.cursor), { key: BigInt, id: BigInt });
    const rows = await db.select().from(a).where(page.after).orderBy(...page.order).limit(q.limit + 1);
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    const next = rows.length > q.limit && last ? encodeCursor({ key: last.createdAt.toString(), id: last.id.toString() }) : null;
    return sendList(c, ALLOCATIONS_LIST, q.format, items.map(plainRow), next, digitalTenge);
  })
  .get("/budget/allocations/:id", async (c) => {
    const id = allocationId.parse(c.req.param("id"));
    const [row] = await db.select().from(schema.allocation).where(eq(schema.allocation.id, id)).limit(1);
    if (row === undefined) throw notFound(`allocation ${id}`);
    const milestones = await db.select().from(schema.milestone).where(eq(schema.milestone.allocationId, id)).orderBy(asc(schema.milestone.index));
    const releases = await db.select().from(schema.release).where(eq(schema.release.allocationId, id)).orderBy(asc(schema.release.blockNumber));
    return c.json({ allocation: plainRow(row), milestones: milestones.map(plainRow), releases: releases.map(plainRow) });
  })
  .get("/budget/releases", async (c) => {
    const q = listQuery.parse(c.req.query());
    const r = schema.release;
    const page = keyset(r.blockNumber, r.id, decodeCursor(q.cursor), { key: BigInt, id: String });
    const rows = await db.select().from(r).where(page.after).orderBy(...page.order).limit(q.limit + 1);
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    const next = rows.length > q.limit && last ? encodeCursor({ key: last.blockNumber.toString(), id: last.id }) : null;
    return sendList(c, RELEASES_LIST, q.format, items.map(plainRow), next, digitalTenge);
  })
  .get("/budget/totals", async (c) => {
    const q = listQuery.parse(c.req.query());
    const rows = await db.select().from(schema.agencyTokenTotal).orderBy(asc(schema.agencyTokenTotal.id));
    return sendList(c, TOTALS_LIST, q.format, rows.map(plainRow), null, digitalTenge);
  });
