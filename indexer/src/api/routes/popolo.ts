// GET /popolo: officials, agencies, seats and votes as one Popolo export (src/api/popolo.ts).
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { asc } from "ponder";
import { z } from "zod";

import { publicUrl } from "../context.js";
import { popoloExport } from "../popolo.js";

export const popolo = new Hono().get("/popolo", async (c) => {
  z.object({}).strict().parse(c.req.query());
  const [agencies, seats, terms, proposals, votes, council] = await Promise.all([
    db.select().from(schema.agency).orderBy(asc(schema.agency.id)),
    db.select().from(schema.seat).orderBy(asc(schema.seat.id)),
    db.select().from(schema.seatTerm).orderBy(asc(schema.seatTerm.seatId), asc(schema.seatTerm.index)),
    db.select().from(schema.proposal).orderBy(asc(schema.proposal.createdBlock), asc(schema.proposal.id)),
    db.select().from(schema.vote).orderBy(asc(schema.vote.blockNumber), asc(schema.vote.id)),
    db.select().from(schema.council).limit(1),
  ]);
  return c.json(popoloExport({ agencies, seats, terms, proposals, votes, quorumNumerator: council[0]?.quorumNumerator ?? null, publicUrl }));
});
