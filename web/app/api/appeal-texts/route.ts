/**
 * POST /api/appeal-texts — a respondent's answer (schema government-dao/appeal-answer@1) or a note
 * (government-dao/appeal-note@1) stored in the content store; the answer is its sha-256, which the registrar's
 * `Appeals.answer` transaction carries. Validated with core's schemas (no personal data); same-origin only; body
 * capped. Only where this server keeps the content store for the chain (the local chain with development accounts,
 * or a relayer): elsewhere the deployment publishes texts through its own IPFS.
 */
import { NextResponse } from "next/server";
import { z } from "zod";

import { appealAnswerSchema, appealJson, appealNoteSchema } from "@government-dao/core/appeals";
import { openContentStore } from "@government-dao/core/content-store";
import { MAX_REQUEST_BYTES, relayAvailable } from "@/lib/relayer";
import { contentDir } from "@/lib/runtime";
import { sameOrigin } from "@/lib/security";

const textSchema = z.union([appealAnswerSchema, appealNoteSchema]);

export async function POST(request: Request): Promise<NextResponse> {
  if (!sameOrigin(request)) return NextResponse.json({ error: "crossOrigin" }, { status: 403 });
  if (!relayAvailable()) return NextResponse.json({ error: "storageUnavailable" }, { status: 501 });
  const body = await request.text();
  if (new TextEncoder().encode(body).length > MAX_REQUEST_BYTES) return NextResponse.json({ error: "tooLarge" }, { status: 413 });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return NextResponse.json({ error: "invalidRequest" }, { status: 400 });
  }
  const parsed = textSchema.safeParse(json);
  if (!parsed.success) {
    const personal = parsed.error.issues.some((i) => /personal data/.test(i.message));
    return NextResponse.json({ error: personal ? "personalData" : "invalidRequest", message: parsed.error.issues[0]?.message }, { status: 400 });
  }
  const { digest } = await openContentStore(contentDir()).putText(appealJson(parsed.data));
  return NextResponse.json({ digest });
}
