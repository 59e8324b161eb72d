/**
 * POST /api/milestone-descriptions — the texts of an allocation's milestones, stored in the content store (the local
 * stand-in for IPFS); the answer is the sha-256 digest of each, which the allocation puts on chain as the
 * milestone's `descriptionHash` (as `npm run gov -- propose allocation` does). Only where the dApp offers
 * development accounts (the local chain); elsewhere the texts are published through the deployment's own IPFS.
 */
import { NextResponse } from "next/server";
import { z } from "zod";

import { openContentStore } from "@government-dao/core/content-store";
import { contentDir, runtimeConfig } from "@/lib/runtime";

const requestSchema = z.strictObject({ descriptions: z.array(z.string().trim().min(1).max(500)).min(1).max(50) });

export async function POST(request: Request): Promise<NextResponse> {
  if (runtimeConfig().devAccounts.length === 0) return NextResponse.json({ error: "storageUnavailable" }, { status: 501 });
  const parsed = requestSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "invalidDescriptions" }, { status: 400 });
  const store = openContentStore(contentDir());
  const digests: string[] = [];
  for (const text of parsed.data.descriptions) digests.push((await store.put(new TextEncoder().encode(text))).digest);
  return NextResponse.json({ digests });
}
