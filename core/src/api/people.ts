/** The API's officials (seats) and agencies (with their registrars) answers. */
import { z } from "zod";

import { address, count, decimal, hash, pageOf } from "./fields.ts";
import { agencyTotalSchema, allocationSchema } from "./budget.ts";
import { documentSchema } from "./document.ts";
import { voteSchema } from "./proposal.ts";

/** An official and their seat (null seat fields: not seated). */
export const officialSchema = z
  .object({
    id: z.string(),
    address,
    seated: z.boolean(),
    seatId: decimal.nullable(),
    agencyId: decimal.nullable(),
    position: z.number().int().nullable(),
    since: decimal.nullable(),
    revokedAt: decimal.nullable(),
    termCount: count,
  })
  .meta({ description: "An official and their seat." });
export type ApiOfficial = z.infer<typeof officialSchema>;

/** A registrar of an agency. */
export const registrarSchema = z.object({
  id: z.string(),
  agencyId: decimal,
  account: address,
  active: z.boolean(),
  addedAt: decimal,
  removedAt: decimal.nullable(),
});

/** An agency (the flat row of CSV/XML). */
export const agencySchema = z
  .object({
    id: decimal,
    agencyId: decimal,
    registered: z.boolean(),
    name: z.string(),
    active: z.boolean(),
    pqKeyHash: hash.nullable(),
    registrarCount: count,
    documentsIssued: decimal,
    documentsAmended: decimal,
    documentsRevoked: decimal,
    batchesAnchored: decimal,
    batchDocumentsAnchored: decimal,
  })
  .meta({ description: "An agency (0: the central government)." });

/** An agency with its registrars (the JSON list). */
export const agencyWithRegistrarsSchema = agencySchema.extend({ registrars: z.array(registrarSchema) });
export type ApiAgency = z.infer<typeof agencyWithRegistrarsSchema>;

export const officialPageSchema = pageOf(officialSchema);
export const agencyPageSchema = pageOf(agencyWithRegistrarsSchema);

/** One vote of an official, with the proposal it was on. */
export const officialVoteSchema = voteSchema.extend({
  proposalTitle: z.string().meta({ description: "the proposal's title (the first line of its description)" }),
});

/**
 * GET /api/v1/officials/{address}: one official — the seat, its agency by name — and every vote cast with that
 * account, newest first, each with its reason and its proposal's title.
 */
export const officialDetailSchema = z.object({
  official: officialSchema,
  agency: z.object({ id: decimal, name: z.string().nullable() }).nullable(),
  votes: z.array(officialVoteSchema),
});
export type OfficialDetail = z.infer<typeof officialDetailSchema>;

/** How many of an agency's newest documents and allocations its page lists (the lists have the rest, by agency). */
export const AGENCY_PAGE_ROWS = 20;

/**
 * GET /api/v1/agencies/{id}: one agency of the registry — its registrars, its seated officials, its money per token,
 * and its newest documents and allocations.
 */
export const agencyDetailSchema = z.object({
  agency: agencyWithRegistrarsSchema,
  officials: z.array(officialSchema),
  totals: z.array(agencyTotalSchema),
  allocations: z.array(allocationSchema).meta({ description: `the newest ${AGENCY_PAGE_ROWS}` }),
  documents: z.array(documentSchema).meta({ description: `the newest ${AGENCY_PAGE_ROWS} (GET /documents?agency= lists them all)` }),
});
export type AgencyDetail = z.infer<typeof agencyDetailSchema>;
