// Appeals: the list (filter by state, respondent, kind, subject, overdue), one appeal with its timeline, and the
// statistics per body that must answer. "Overdue" is computed at the indexed head's time: pending past its due date.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { and, eq, inArray, lt } from "ponder";
import { z } from "zod";

import { agencyName } from "@government-dao/core/agencies";
import { APPEAL_KINDS, APPEAL_STATES, PENDING_APPEAL_STATES, type ApiAppeal, type ApiAppealStats, appealSchema, appealStatsSchema } from "@government-dao/core/api/appeal";
import { columnsOf } from "@government-dao/core/api/fields";

import { notFound } from "../errors.js";
import { sendList } from "../formats.js";
import { indexedHead } from "../governor-state.js";
import { decimal, decodeCursor, encodeCursor, keyset, listQuery } from "../pagination.js";
import { plainRow } from "../rows.js";

export const APPEALS_LIST = { name: "appeals", item: "appeal", columns: columnsOf(appealSchema) } as const;
export const APPEAL_STATS_LIST = { name: "appealStats", item: "appealStat", columns: columnsOf(appealStatsSchema) } as const;

const appealsQuery = listQuery.extend({
  state: z.enum(APPEAL_STATES).optional(),
  respondent: decimal("respondent (agency id, 0: the council)", 10).optional(),
  kind: z.enum(APPEAL_KINDS).optional(),
  subject: decimal("subject (decimal token or proposal id)", 78).optional(),
  overdue: z.enum(["true", "false"]).optional(),
});
const appealId = decimal("appeal number", 78);

type Row = typeof schema.appeal.$inferSelect;
const PENDING: readonly string[] = PENDING_APPEAL_STATES;
const isOverdue = (a: Row, now: bigint): boolean => PENDING.includes(a.state) && a.dueAt < now;

/** The public row: the table's fields (the subgraph's), the duplicated number left out, and `overdue` at `now`. */
function appealRow(a: Row, now: bigint): ApiAppeal {
  const { appealId: _number, ...fields } = plainRow(a) as Record<string, unknown>;
  return appealSchema.parse({ ...fields, overdue: isOverdue(a, now) });
}

/** The indexed head's time: what "overdue" is measured against (0 before the first block is indexed). */
const headTime = async (): Promise<bigint> => (await indexedHead())?.timestamp ?? 0n;

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** The statistics of every body that has (or had) appeals to answer, by respondent id. */
function statsOf(rows: readonly Row[], names: ReadonlyMap<bigint, string>, now: bigint): ApiAppealStats[] {
  const groups = new Map<bigint, Row[]>();
  for (const row of rows) groups.set(row.respondent, [...(groups.get(row.respondent) ?? []), row]);
  return [...groups]
    .sort(([x], [y]) => (x < y ? -1 : 1))
    .map(([respondent, list]) => {
      const answered = list.filter((a) => a.state === "ANSWERED");
      const by = (outcome: string) => answered.filter((a) => a.outcome === outcome).length;
      const days = answered.map((a) => Number((a.answeredAt ?? a.filedAt) - a.filedAt) / 86_400);
      const mid = median(days);
      return {
        respondent: respondent.toString(),
        name: names.get(respondent) ?? agencyName(respondent),
        received: list.length,
        pending: list.filter((a) => PENDING.includes(a.state)).length,
        overdue: list.filter((a) => isOverdue(a, now)).length,
        answered: answered.length,
        answeredOnTime: answered.filter((a) => a.onTime === true).length,
        withdrawn: list.filter((a) => a.state === "WITHDRAWN").length,
        upheld: by("UPHELD"),
        partlyUpheld: by("PARTLY_UPHELD"),
        rejected: by("REJECTED"),
        medianDaysToAnswer: mid === null ? null : Math.round(mid * 10) / 10,
        upheldShare: answered.length === 0 ? null : (by("UPHELD") + by("PARTLY_UPHELD")) / answered.length,
      };
    });
}

export const appeals = new Hono()
  .get("/appeals", async (c) => {
    const q = appealsQuery.parse(c.req.query());
    const a = schema.appeal;
    const now = await headTime();
    const overdue = q.overdue === "true" ? and(inArray(a.state, [...PENDING_APPEAL_STATES]), lt(a.dueAt, now)) : undefined;
    const page = keyset(a.filedAt, a.id, decodeCursor(q.cursor), { key: BigInt, id: BigInt });
    const rows = await db
      .select()
      .from(a)
      .where(
        and(
          q.state ? eq(a.state, q.state) : undefined,
          q.respondent !== undefined ? eq(a.respondent, q.respondent) : undefined,
          q.kind ? eq(a.kind, q.kind) : undefined,
          q.subject !== undefined ? eq(a.subjectId, q.subject) : undefined,
          overdue,
          page.after,
        ),
      )
      .orderBy(...page.order)
      .limit(q.limit + 1);
    // overdue=false: every appeal not overdue now (answered, withdrawn, or pending within its term).
    const kept = q.overdue === "false" ? rows.filter((r) => !isOverdue(r, now)) : rows;
    const items = kept.slice(0, q.limit);
    const last = items.at(-1);
    const next = kept.length > q.limit && last ? encodeCursor({ key: last.filedAt.toString(), id: last.id.toString() }) : null;
    return sendList(c, APPEALS_LIST, q.format, items.map((r) => appealRow(r, now)), next);
  })
  .get("/appeals/stats", async (c) => {
    const q = listQuery.parse(c.req.query());
    const rows = await db.select().from(schema.appeal);
    const agencies = await db.select({ id: schema.agency.id, name: schema.agency.name }).from(schema.agency);
    const names = new Map(agencies.map((g) => [g.id, g.name]));
    return sendList(c, APPEAL_STATS_LIST, q.format, statsOf(rows, names, await headTime()), null);
  })
  .get("/appeals/:id", async (c) => {
    const id = appealId.parse(c.req.param("id"));
    const [row] = await db.select().from(schema.appeal).where(eq(schema.appeal.id, id)).limit(1);
    if (row === undefined) throw notFound(`appeal ${id}`);
    const events = await db.select().from(schema.appealEvent).where(eq(schema.appealEvent.appealId, id));
    // Oldest first: by block, then by the log index the id ends with (an answer and its remedy share a transaction).
    const logIndex = (eventRowId: string): number => Number(eventRowId.slice(eventRowId.lastIndexOf("-") + 1));
    events.sort((x, y) => (x.blockNumber === y.blockNumber ? logIndex(x.id) - logIndex(y.id) : x.blockNumber < y.blockNumber ? -1 : 1));
    return c.json({ appeal: appealRow(row, await headTime()), events: events.map(({ appealId: _appeal, ...e }) => plainRow(e)) });
  });
