// Officials (seats) and agencies (with registrars).
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { asc, eq } from "ponder";

import { columnsOf } from "@government-dao/core/api/fields";
import { agencySchema, officialSchema } from "@government-dao/core/api/people";

import { cell, sendList } from "../formats.js";
import { listQuery } from "../pagination.js";
import { plainRow } from "../rows.js";

export const OFFICIAL_COLUMNS = columnsOf(officialSchema);
export const AGENCY_COLUMNS = columnsOf(agencySchema);
export const OFFICIALS_LIST = { name: "officials", item: "official", columns: OFFICIAL_COLUMNS } as const;
export const AGENCIES_LIST = { name: "agencies", item: "agency", columns: AGENCY_COLUMNS } as const;

/** Small lists (a council, a handful of agencies): one page, no cursor. */
export const people = new Hono()
  .get("/officials", async (c) => {
    const q = listQuery.parse(c.req.query());
    const officials = await db.select().from(schema.official).orderBy(asc(schema.official.id));
    const seats = new Map((await db.select().from(schema.seat)).map((s) => [s.id.toString(), s]));
    const rows = officials.map((o) => {
      const seat = o.seatId === null ? undefined : seats.get(o.seatId.toString());
      return {
        id: o.id, address: o.address, seated: o.seated, seatId: cell(o.seatId), agencyId: cell(seat?.agencyId ?? null),
        position: seat?.position ?? null, since: cell(seat?.since ?? null), revokedAt: cell(seat?.revokedAt ?? null), termCount: seat?.termCount ?? 0,
      };
    });
    return sendList(c, OFFICIALS_LIST, q.format, rows, null);
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
