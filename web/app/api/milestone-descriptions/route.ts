/**
 * POST /api/milestone-descriptions — the texts of an allocation's milestones, stored in the content store (the local
 * stand-in for IPFS); the answer is the sha-256 digest of each, which the allocation puts on chain as the
 * milestone's `descriptionHash` (as `npm run gov -- propose allocation` does). Only where the dApp offers
 * development accounts and the RPC answers chain id 31337 (lib/runtime.ts `onLocalChain`); elsewhere the texts are
 * published through the deployment's own IPFS. Same origin only; the body is capped.
 */
import { NextResponse } from "next/server";
import { z } from "zod";

import { openContentStore } from "@government-dao/core/content-store";
import { contentDir, onLocalChain } from "@/lib/runtime";
import { MAX_POST_BYTES, readCappedJson, sameOrigin } from "@/lib/security";

const requestSchema = z.strictObject({ descriptions: z.array(z.string().trim().min(1).max(500)).min(1).max(50) });

export async function POST(request: Request): Promise<NextResponse> {
  if (!sameOrigin(request)) return NextResponse.json({ error: "crossOrigin" }, { status: 403 });
  if (!(await onLocalChain())) return NextResponse.json({ error: "storageUnavailable" }, { status: 501 });
  const body = await readCappedJson(request, MAX_POST_BYTES);
  if (body.tooLarge) return NextResponse.json({ error: "tooLarge" }, { status: 413 });
  const parsed = requestSchema.safeParse(body.json);
  if (!parsed.success) return NextResponse.json({ error: "invalidDescriptions" }, { status: 400 });
  const store = openContentStore(contentDir());
  const digests: string[] = [];
  for (const text of parsed.data.descriptions) digests.push((await store.put(new TextEncoder().encode(text))).digest);
  return NextResponse.json({ digests });
}
