/** The data of the budget page, from exactly one request to the public API (GET /api/v1/budget). */
import type { BudgetOverview } from "@government-dao/core/api/budget";

/** Allocations per page of /budget. */
export const BUDGET_PAGE_SIZE = 100;

/**
 * Totals, agency names and one page of allocations with their milestones and releases, from one call of
 * `fetchOverview` (lib/api/budget.ts budgetOverview; a parameter so that a test can count the calls).
 */
export async function budgetPageData(fetchOverview: (page: { limit?: number; cursor?: string }) => Promise<BudgetOverview>, cursor?: string) {
  const overview = await fetchOverview({ limit: BUDGET_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
  return {
    totals: overview.totals,
    allocations: overview.items,
    names: new Map(overview.agencies.map((a) => [a.id, a.name])),
    nextCursor: overview.nextCursor,
  };
}
