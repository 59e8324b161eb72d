/**
 * GET /documents/{id}/extract — the citizen extract, signed by the public data service, passed through so that the
 * reader downloads it from this site (the API may not be reachable from the reader's network).
 */
import { NextResponse } from "next/server";

import { apiUrl } from "@/lib/api/client";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  if (!/^(0x)?[0-9a-fA-F]{64}$/.test(id)) return NextResponse.json({ error: "not a sha-256" }, { status: 400 });
  let upstream: Response;
  try {
    upstream = await fetch(apiUrl(`/documents/${id}/extract`), { cache: "no-store", signal: AbortSignal.timeout(8_000) });
  } catch {
    return NextResponse.json({ error: "The public data service is not reachable; try again in a moment." }, { status: 503 });
  }
  if (!upstream.ok) return NextResponse.json({ error: upstream.status === 404 ? "no such document" : "the public data service answered an error" }, { status: upstream.status === 404 ? 404 : 502 });
  return new Response(await upstream.arrayBuffer(), {
    status: 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": upstream.headers.get("content-disposition") ?? `attachment; filename="extract-${id.replace(/^0x/, "").slice(0, 12)}.json"`,
    },
  });
}
