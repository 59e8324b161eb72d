/** Money: allocations with milestones and releases, and the totals per agency and token. */
import { z } from "zod";

import { getJson } from "./client";
import { dec, decOrNull, hex, hexOrNull, page } from "./schemas";

export const allocationSchema = z.object({
  id: dec,
  recipient: hex,
  tokenId: z.string(),
  budgetDocumentId: dec,
  budgetDocumentRefId: hexOrNull,
  agencyId: decOrNull,
  total: dec,
  released: dec,
  milestoneCount: z.number().int(),
  cancelled: z.boolean(),
  cancelledAt: decOrNull,
  cancelReason: z.string().nullable(),
  createdAt: dec,
  createdTx: hex,
  proposalId: decOrNull,
});
export type ApiAllocation = z.infer<typeof allocationSchema>;

const milestoneSchema = z.object({
  id: z.string(),
  index: z.number().int(),
  amount: dec,
  deadline: dec,
  descriptionHash: hex,
  status: z.enum(["PENDING", "RELEASED", "CANCELLED"]),
  releasedAt: decOrNull,
});
export type ApiMilestone = z.infer<typeof milestoneSchema>;

const releaseSchema = z.object({
  id: z.string(),
  allocationId: dec,
  milestoneId: z.string(),
  recipient: hex,
  tokenId: z.string(),
  amount: dec,
  timestamp: dec,
  blockNumber: dec,
  transactionHash: hex,
  proposalId: decOrNull,
});
export type ApiRelease = z.infer<typeof releaseSchema>;

const totalSchema = z.object({
  id: z.string(),
  agencyId: dec,
  tokenId: z.string(),
  allocated: dec,
  released: dec,
  cancelled: dec,
  allocationCount: z.number().int(),
});
export type ApiAgencyTotal = z.infer<typeof totalSchema>;

const allocationDetailSchema = z.object({ allocation: allocationSchema, milestones: z.array(milestoneSchema), releases: z.array(releaseSchema) });
export type AllocationDetail = z.infer<typeof allocationDetailSchema>;

export async function listAllocations(): Promise<ApiAllocation[]> {
  return (await getJson("/budget/allocations", page(allocationSchema), { limit: "1000" })).items;
}

export const getAllocation = (id: string): Promise<AllocationDetail> => getJson(`/budget/allocations/${id}`, allocationDetailSchema);

/** Every allocation with its milestones and releases. */
export async function allocationsWithMilestones(): Promise<AllocationDetail[]> {
  return Promise.all((await listAllocations()).map((a) => getAllocation(a.id)));
}

export async function budgetTotals(): Promise<ApiAgencyTotal[]> {
  return (await getJson("/budget/totals", page(totalSchema))).items;
}
