/** The budget page's data is one request to the public API (GET /api/v1/budget), whatever the number of allocations. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { type BudgetOverview, budgetOverviewSchema } from "@government-dao/core/api/budget";

import { budgetPageData } from "../lib/budget-page";

const allocation = (id: number) => ({
  allocation: {
    id: String(id), allocationId: String(id), recipient: `0x${"1".repeat(40)}`, tokenId: `0x${"2".repeat(40)}`, budgetDocumentId: "7",
    budgetDocumentRefId: null, agencyId: "1", total: "100", released: "0", milestoneCount: 1, cancelled: false, cancelledAt: null,
    cancelReason: null, unreleasedAtCancel: null, createdAt: String(1_700_000_000 + id), createdTx: `0x${"3".repeat(64)}`, proposalId: null,
  },
  milestones: [
    { id: `${id}-0`, allocationId: String(id), index: 0, amount: "100", deadline: "1800000000", descriptionHash: `0x${"4".repeat(64)}`, status: "PENDING" as const, releasedAt: null, releaseId: null },
  ],
  releases: [],
});

describe("budget page data", () => {
  it("asks the API once for totals, agency names and every allocation with its milestones", async () => {
    const overview: BudgetOverview = budgetOverviewSchema.parse({
      totals: [{ id: "1-0x", agencyId: "1", tokenId: `0x${"2".repeat(40)}`, allocated: "2500", released: "0", cancelled: "0", allocationCount: 25 }],
      agencies: [{ id: "1", name: "Ministry of Finance" }],
      items: Array.from({ length: 25 }, (_, i) => allocation(i + 1)),
      nextCursor: "abc",
    });
    const calls: { limit?: number; cursor?: string }[] = [];
    const data = await budgetPageData(async (page) => {
      calls.push(page);
      return overview;
    }, "cur");
    assert.equal(calls.length, 1, "one API request");
    assert.deepEqual(calls[0], { limit: 100, cursor: "cur" });
    assert.equal(data.allocations.length, 25);
    assert.ok(data.allocations.every((a) => a.milestones.length === 1));
    assert.equal(data.names.get("1"), "Ministry of Finance");
    assert.equal(data.nextCursor, "abc");
  });
});
