/**
 * POST /api/appeals — the citizens' relayer (lib/relayer.ts): a signed request to file, follow up or withdraw an
 * appeal, submitted with the relayer's account so the citizen needs no wallet. Same-origin only, body capped at
 * MAX_REQUEST_BYTES; refusals are JSON { error: code, message } with the status the relayer chose (429 with
 * Retry-After). The network address used for the per-address limit is the nearest hop Next.js recorded.
 */
import { NextResponse } from "next/server";

import { MAX_REQUEST_BYTES, RelayError, relay } from "@/lib/relayer";
import { sameOrigin } from "@/lib/security";

export const dynamic = "force-dynamic";

/** The address of the nearest hop: the last entry of X-Forwarded-For, which the Next.js server itself appends. */
const clientAddress = (request: Request): string => request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim() || "unknown";

export async function POST(request: Request): Promise<NextResponse> {
  if (!sameOrigin(request)) {
    return NextResponse.json({ error: "crossOrigin", message: "Appeals are accepted from this site's own pages only." }, { status: 403 });
  }
  const length = Number(request.headers.get("content-length") ?? "0");
  const body = length > MAX_REQUEST_BYTES ? "" : await request.text();
  if (length > MAX_REQUEST_BYTES || new TextEncoder().encode(body).length > MAX_REQUEST_BYTES) {
    return NextResponse.json({ error: "tooLarge", message: `The request is larger than ${MAX_REQUEST_BYTES / 1024} KiB.` }, { status: 413 });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return NextResponse.json({ error: "invalidRequest", message: "The request is not JSON." }, { status: 400 });
  }
  try {
    return NextResponse.json(await relay(json, clientAddress(request)));
  } catch (error) {
    if (!(error instanceof RelayError)) throw error;
    const headers = error.retryAfterSeconds === undefined ? undefined : { "retry-after": String(error.retryAfterSeconds) };
    return NextResponse.json({ error: error.code, message: error.message }, { status: error.status, headers });
  }
}
