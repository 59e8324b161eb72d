/**
 * The API's budget answers: allocations, milestones, releases and per-agency totals (flat rows; CSV/XML columns),
 * one allocation with its milestones and releases, and the whole budget page in one answer (GET /api/v1/budget).
 */
import { z } from "zod";

import type { MoneyColumns } from "./export-row.ts";
import { address, count, decimal, hash, pageOf } from "./fields.ts";

export const MILESTONE_STATUSES = ["PENDING", "RELEASED", "CANCELLED"] as const;

/** An allocation of the BudgetEscrow (amounts in the token's smallest unit). */
export const allocationSchema = z
  .object({
    id: decimal,
    allocationId: decimal,
    recipient: address,
    tokenId: z.string(),
    budgetDocumentId: decimal,
    budgetDocumentRefId: z.string().nullable(),
    agencyId: decimal.nullable(),
    total: decimal,
    released: decimal,
    milestoneCount: count,
    cancelled: z.boolean(),
    cancelledAt: decimal.nullable(),
    cancelReason: z.string().nullable(),
    unreleasedAtCancel: decimal.nullable(),
    createdAt: decimal,
    createdTx: hash,
    proposalId: decimal.nullable(),
  })
  .meta({ description: "An allocation of the BudgetEscrow (amounts in the token's smallest unit; times unix seconds)." });
export type ApiAllocation = z.infer<typeof allocationSchema>;
/** An allocation's money: in the units of its token. */
export const ALLOCATION_MONEY: MoneyColumns = { token: "tokenId", amounts: ["total", "released", "unreleasedAtCancel"] };

/** A milestone of an allocation (its description is the content-store file whose sha-256 is descriptionHash). */
export const milestoneSchema = z
  .object({
    id: z.string(),
    allocationId: decimal,
    index: count,
    amount: decimal,
    deadline: decimal,
    descriptionHash: hash,
    status: z.enum(MILESTONE_STATUSES),
    releasedAt: decimal.nullable(),
    releaseId: z.string().nullable(),
  })
  .meta({ description: "A milestone of an allocation." });
export type ApiMilestone = z.infer<typeof milestoneSchema>;

/** A payment of a milestone. */
export const releaseSchema = z
  .object({
    id: z.string(),
    allocationId: decimal,
    milestoneId: z.string(),
    recipient: address,
    tokenId: z.string(),
    amount: decimal,
    timestamp: decimal,
    blockNumber: decimal,
    transactionHash: hash,
    proposalId: decimal.nullable(),
  })
  .meta({ description: "A payment of a milestone." });
export type ApiRelease = z.infer<typeof releaseSchema>;
export const RELEASE_MONEY: MoneyColumns = { token: "tokenId", amounts: ["amount"] };

/** Allocated, released and cancelled per agency and token. */
export const agencyTotalSchema = z
  .object({
    id: z.string(),
    agencyId: decimal,
    tokenId: z.string(),
    allocated: decimal,
    released: decimal,
    cancelled: decimal,
    allocationCount: count,
  })
  .meta({ description: "Allocated, released and cancelled per agency and token." });
export type ApiAgencyTotal = z.infer<typeof agencyTotalSchema>;
export const TOTAL_MONEY: MoneyColumns = { token: "tokenId", amounts: ["allocated", "released", "cancelled"] };

export const allocationPageSchema = pageOf(allocationSchema);
export const releasePageSchema = pageOf(releaseSchema);
export const agencyTotalPageSchema = pageOf(agencyTotalSchema);

/** GET /api/v1/budget/allocations/{id}: one allocation, its milestones (by index) and releases (chain order). */
export const allocationDetailSchema = z.object({ allocation: allocationSchema, milestones: z.array(milestoneSchema), releases: z.array(releaseSchema) });
export type AllocationDetail = z.infer<typeof allocationDetailSchema>;

/**
 * GET /api/v1/budget: everything the budget page shows, in one answer: the per-agency totals, the agencies' names, and a
 * page of allocations (newest first) each with its milestones and releases.
 */
export const budgetOverviewSchema = z.object({
  totals: z.array(agencyTotalSchema),
  agencies: z.array(z.object({ id: decimal, name: z.string() })),
  items: z.array(allocationDetailSchema),
  nextCursor: z.string().nullable(),
});
export type BudgetOverview = z.infer<typeof budgetOverviewSchema>;
