/**
 * The API's appeal answers: appeals as flat rows (the list, CSV/XML columns), one appeal with its timeline, and the
 * per-body statistics (received, answered, on time, median days to answer, overdue, upheld share). Field names are
 * the subgraph's `Appeal` / `AppealEvent` entities' (the indexer's tables equal them, tests/subgraph-parity.test.ts).
 */
import { z } from "zod";

import { address, count, decimal, hash, pageOf } from "./fields.ts";

export const APPEAL_KINDS = ["DOCUMENT", "PROPOSAL"] as const;
export const APPEAL_STATES = ["FILED", "FORWARDED", "EXTENDED", "ANSWERED", "WITHDRAWN"] as const;
/** The states of an appeal still waiting for its answer. */
export const PENDING_APPEAL_STATES = ["FILED", "FORWARDED", "EXTENDED"] as const;
export const APPEAL_OUTCOMES = ["UPHELD", "PARTLY_UPHELD", "REJECTED"] as const;
export const APPEAL_EVENT_KINDS = ["FILED", "FORWARDED", "EXTENDED", "ANSWERED", "WITHDRAWN", "FOLLOWED_UP", "REMEDY_LINKED"] as const;

/** An appeal as it stands (times unix seconds; texts are content-store files named by their sha-256). */
export const appealSchema = z
  .object({
    id: decimal,
    kind: z.enum(APPEAL_KINDS),
    subjectId: decimal,
    documentId: hash.nullable(),
    proposalId: decimal.nullable(),
    filer: address,
    respondent: decimal,
    firstRespondent: decimal,
    bodyDigest: hash,
    state: z.enum(APPEAL_STATES),
    filedAt: decimal,
    filedTx: hash,
    dueAt: decimal,
    extended: z.boolean(),
    outcome: z.enum(APPEAL_OUTCOMES).nullable(),
    answerDigest: hash.nullable(),
    answeredAt: decimal.nullable(),
    onTime: z.boolean().nullable(),
    withdrawnAt: decimal.nullable(),
    remedyId: decimal.nullable(),
    followUpCount: count,
    overdue: z.boolean(),
  })
  .meta({
    description:
      "A citizen's appeal (id: its number). respondent: the agency that must answer now (0: the council, answering by proposal). overdue: pending past dueAt at the indexed head's time.",
  });
export type ApiAppeal = z.infer<typeof appealSchema>;

/** One step of an appeal's timeline. */
export const appealEventSchema = z
  .object({
    id: z.string(),
    kind: z.enum(APPEAL_EVENT_KINDS),
    digest: hash.nullable(),
    fromRespondent: decimal.nullable(),
    toRespondent: decimal.nullable(),
    dueAt: decimal.nullable(),
    outcome: z.enum(APPEAL_OUTCOMES).nullable(),
    onTime: z.boolean().nullable(),
    remedyId: decimal.nullable(),
    timestamp: decimal,
    blockNumber: decimal,
    transactionHash: hash,
  })
  .meta({ description: "One step of an appeal: filed, forwarded, extended, answered, withdrawn, followed up, remedy linked." });
export type ApiAppealEvent = z.infer<typeof appealEventSchema>;

/** GET /appeals/{id}: the appeal and its timeline, oldest first. */
export const appealDetailSchema = z
  .object({ appeal: appealSchema, events: z.array(appealEventSchema) })
  .meta({ description: "One appeal with its timeline, oldest first." });
export type ApiAppealDetail = z.infer<typeof appealDetailSchema>;

/** Statistics of the appeals one body received (an agency, or 0 for the council). */
export const appealStatsSchema = z
  .object({
    respondent: decimal,
    name: z.string(),
    received: count,
    pending: count,
    overdue: count,
    answered: count,
    answeredOnTime: count,
    withdrawn: count,
    upheld: count,
    partlyUpheld: count,
    rejected: count,
    medianDaysToAnswer: z.number().nullable(),
    upheldShare: z.number().min(0).max(1).nullable(),
  })
  .meta({
    description:
      "Appeals per body that must answer them now: counts by state and verdict; medianDaysToAnswer: median of (answeredAt − filedAt) in days, one decimal; upheldShare: (upheld + partly upheld) / answered.",
  });
export type ApiAppealStats = z.infer<typeof appealStatsSchema>;

/** GET /appeals: a page of appeals. */
export const appealPageSchema = pageOf(appealSchema);
/** GET /appeals/stats: one row per body (a one-page list). */
export const appealStatsPageSchema = pageOf(appealStatsSchema);
