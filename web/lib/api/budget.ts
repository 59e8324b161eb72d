/** Money: the budget page's one answer, and the totals per agency and token. Shapes: @government-dao/core/api/budget. */
import { type ApiAgencyTotal, type BudgetOverview, agencyTotalPageSchema, budgetOverviewSchema } from "@government-dao/core/api/budget";

import { getJson } from "./client";

export type { AllocationDetail, ApiAgencyTotal, ApiAllocation, ApiMilestone, ApiRelease, BudgetOverview } from "@government-dao/core/api/budget";

/** Totals per agency and token, agency names and a page of allocations with their milestones and releases: one request. */
export const budgetOverview = (page: { limit?: number; cursor?: string } = {}): Promise<BudgetOverview> =>
  getJson("/budget", budgetOverviewSchema, { limit: String(page.limit ?? 100), cursor: page.cursor });

export async function budgetTotals(): Promise<ApiAgencyTotal[]> {
  return (await getJson("/budget/totals", agencyTotalPageSchema)).items;
}
