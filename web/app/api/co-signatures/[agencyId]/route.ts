/**
 * POST /api/co-signatures/{agencyId} — a registrar's document metadata, co-signed with the agency's key by the agency
 * gateway (gateway/, `POST /v1/agencies/{agencyId}/co-signatures`) and stored; answers the digests the registrar's
 * own `issue` or `amend` transaction takes. The registrar's wallet signs the request for the gateway in the browser
 * (core/src/gateway-request.ts); this route only carries it there unchanged, so the gateway checks that signer
 * against the chain — it works on any chain whose gateway serves the agency. Same origin only; the body is capped.
 * Only the metadata travels (hashes, titles, numbers, dates); the document file never does.
 */
import { NextResponse } from "next/server";

import { GATEWAY_HEADERS } from "@government-dao/core/gateway-request";
import { gatewayUrl } from "@/lib/runtime";
import { MAX_POST_BYTES, readCappedBody, sameOrigin } from "@/lib/security";

export async function POST(request: Request, { params }: { params: Promise<{ agencyId: string }> }): Promise<NextResponse> {
  if (!sameOrigin(request)) return NextResponse.json({ error: "crossOrigin" }, { status: 403 });
  const gateway = gatewayUrl();
  if (!gateway) return NextResponse.json({ error: "coSignatureUnavailable" }, { status: 501 });
  const { agencyId } = await params;
  if (!/^[1-9][0-9]{0,9}$/.test(agencyId)) return NextResponse.json({ error: "invalidMetadata" }, { status: 400 });
  const body = await readCappedBody(request, MAX_POST_BYTES);
  if (body === undefined) return NextResponse.json({ error: "tooLarge" }, { status: 413 });
  const headers: Record<string, string> = { "content-type": "application/json" };
  for (const name of Object.values(GATEWAY_HEADERS)) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  let answer: Response;
  try {
    answer = await fetch(`${gateway}/v1/agencies/${agencyId}/co-signatures`, { method: "POST", headers, body: Buffer.from(body), signal: AbortSignal.timeout(30_000) });
  } catch {
    return NextResponse.json({ error: "coSignatureUnavailable" }, { status: 502 });
  }
  const json = (await answer.json().catch(() => ({ error: "metadataFailed" }))) as Record<string, unknown>;
  return NextResponse.json(json, { status: answer.status });
}
