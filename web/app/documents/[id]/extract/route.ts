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
  if (upstream.status === 404) return NextResponse.json({ error: "no such document" }, { status: 404 });
  if (upstream.status === 503) {
    // The service cannot sign (its key is not registered on chain): pass its plain reason on.
    const reason = ((await upstream.json().catch(() => null)) as { error?: { message?: unknown } } | null)?.error?.message;
    return NextResponse.json({ error: typeof reason === "string" ? reason : "the public data service cannot sign extracts now" }, { status: 503 });
  }
  if (!upstream.ok) return NextResponse.json({ error: "the public data service answered an error" }, { status: 502 });
  return new Response(await upstream.arrayBuffer(), {
    status: 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": upstream.headers.get("content-disposition") ?? `attachment; filename="extract-${id.replace(/^0x/, "").slice(0, 12)}.json"`,
    },
  });
}
