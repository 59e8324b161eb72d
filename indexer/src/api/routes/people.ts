// Officials (seats) and agencies (with registrars).
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { and, asc, desc, eq, inArray, isNull } from "ponder";
import { z } from "zod";

import { columnsOf } from "@government-dao/core/api/fields";
import { agencyTotalSchema, allocationSchema } from "@government-dao/core/api/budget";
import { AGENCY_PAGE_ROWS, type AgencyDetail, type ApiOfficial, type OfficialDetail, agencySchema, officialSchema, registrarSchema } from "@government-dao/core/api/people";
import { splitProposalDescription } from "@government-dao/core/proposal-description";

import { notFound } from "../errors.js";
import { sendList } from "../formats.js";
import { listQuery } from "../pagination.js";
import { documentRow, plainRow, voteRow } from "../rows.js";

export const OFFICIAL_COLUMNS = columnsOf(officialSchema);
export const AGENCY_COLUMNS = columnsOf(agencySchema);
export const OFFICIALS_LIST = { name: "officials", item: "official", columns: OFFICIAL_COLUMNS } as const;
export const AGENCIES_LIST = { name: "agencies", item: "agency", columns: AGENCY_COLUMNS } as const;

/** An agency id in the path (decimal). */
const agencyIdParam = z.string().regex(/^\d{1,10}$/, "a decimal agency id").transform(BigInt);
/** An account in the path: 0x and 40 hex digits, any case (stored lower case). */
const officialAddress = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "an account address (0x and 40 hex digits)").transform((a) => a.toLowerCase());

function officialRow(o: typeof schema.official.$inferSelect, seat: typeof schema.seat.$inferSelect | undefined): ApiOfficial {
  return {
    id: o.id, address: o.address, seated: o.seated, seatId: o.seatId === null ? null : o.seatId.toString(), agencyId: seat ? seat.agencyId.toString() : null,
    position: seat?.position ?? null, since: seat ? seat.since.toString() : null, revokedAt: seat && seat.revokedAt !== null ? seat.revokedAt.toString() : null, termCount: seat?.termCount ?? 0,
  };
}

/** Small lists (a council, a handful of agencies): one page, no cursor. */
export const people = new Hono()
  .get("/officials", async (c) => {
    const q = listQuery.parse(c.req.query());
    const officials = await db.select().from(schema.official).orderBy(asc(schema.official.id));
    const seats = new Map((await db.select().from(schema.seat)).map((s) => [s.id.toString(), s]));
    const rows = officials.map((o) => officialRow(o, o.seatId === null ? undefined : seats.get(o.seatId.toString())));
    return sendList(c, OFFICIALS_LIST, q.format, rows, null);
  })
  .get("/officials/:address", async (c) => {
    const account = officialAddress.parse(c.req.param("address"));
    const [o] = await db.select().from(schema.official).where(eq(schema.official.id, account)).limit(1);
    if (o === undefined) throw notFound(`official ${account}`);
    const [seat] = o.seatId === null ? [] : await db.select().from(schema.seat).where(eq(schema.seat.id, o.seatId)).limit(1);
    const [agency] = seat === undefined ? [] : await db.select({ id: schema.agency.id, name: schema.agency.name, registered: schema.agency.registered }).from(schema.agency).where(eq(schema.agency.id, seat.agencyId)).limit(1);
    const v = schema.vote;
    const votes = await db
      .select({ vote: v, description: schema.proposal.description })
      .from(v)
      .innerJoin(schema.proposal, eq(schema.proposal.id, v.proposalId))
      .where(eq(v.officialId, o.id))
      .orderBy(desc(v.blockNumber), desc(v.id));
    return c.json({
      official: officialRow(o, seat),
      agency: seat === undefined ? null : { id: seat.agencyId.toString(), name: agency?.registered ? agency.name : null },
      votes: votes.map((r) => ({ ...voteRow(r.vote), proposalTitle: splitProposalDescription(r.description).title || `Proposal ${r.vote.proposalId}` })),
    } satisfies OfficialDetail);
  })
  .get("/agencies/:id", async (c) => {
    const id = agencyIdParam.parse(c.req.param("id"));
    const [row] = await db.select().from(schema.agency).where(and(eq(schema.agency.id, id), eq(schema.agency.registered, true))).limit(1);
    if (row === undefined) throw notFound(`agency ${id}`);
    const [registrars, seats, totals, allocations, documents] = await Promise.all([
      db.select().from(schema.registrar).where(eq(schema.registrar.agencyId, id)).orderBy(asc(schema.registrar.id)),
      db.select().from(schema.seat).where(and(eq(schema.seat.agencyId, id), isNull(schema.seat.revokedAt))).orderBy(asc(schema.seat.id)),
      db.select().from(schema.agencyTokenTotal).where(eq(schema.agencyTokenTotal.agencyId, id)).orderBy(asc(schema.agencyTokenTotal.id)),
      db.select().from(schema.allocation).where(eq(schema.allocation.agencyId, id)).orderBy(desc(schema.allocation.createdAt), desc(schema.allocation.id)).limit(AGENCY_PAGE_ROWS),
      db.select().from(schema.document).where(eq(schema.document.agencyId, id)).orderBy(desc(schema.document.issuedBlock), desc(schema.document.id)).limit(AGENCY_PAGE_ROWS),
    ]);
    const holders = seats.length === 0 ? [] : await db.select().from(schema.official).where(inArray(schema.official.seatId, seats.map((s) => s.id)));
    const seatOf = new Map(seats.map((s) => [s.id, s]));
    return c.json({
      agency: { ...agencySchema.parse(plainRow(row)), registrars: registrars.map((r) => registrarSchema.parse(plainRow(r))) },
      officials: holders.filter((o) => o.seated).map((o) => officialRow(o, o.seatId === null ? undefined : seatOf.get(o.seatId))),
      totals: totals.map((t) => agencyTotalSchema.parse(plainRow(t))),
      allocations: allocations.map((a) => allocationSchema.parse(plainRow(a))),
      documents: documents.map((d) => documentRow(d, row.name)),
    } satisfies AgencyDetail);
  })
  .get("/agencies", async (c) => {
    const q = listQuery.parse(c.req.query());
    // Exactly the registry's agencies: the rows the indexer keeps for an id that documents cite but the registry
    // never registered (agency 0, the central government's acts) are not listed.
    const agencies = await db.select().from(schema.agency).where(eq(schema.agency.registered, true)).orderBy(asc(schema.agency.id));
    if (q.format !== "json") return sendList(c, AGENCIES_LIST, q.format, agencies.map(plainRow), null);
    const registrars = await db.select().from(schema.registrar).orderBy(asc(schema.registrar.id));
    return c.json({
      items: agencies.map((a) => ({ ...plainRow(a), registrars: registrars.filter((r) => r.agencyId === a.id).map(plainRow) })),
      nextCursor: null,
    });
  });
