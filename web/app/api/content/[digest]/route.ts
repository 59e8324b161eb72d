/**
 * GET /api/content/{sha256} — a file of the content store (metadata JSON, an agency's public key), by the digest the
 * chain holds. Served only when its bytes hash to that digest (404 when absent, 409 when altered); the browser
 * checks the hash again (utils/content.ts), so this route is a convenience, not a trusted party.
 */
import { NextResponse } from "next/server";

import { readContent } from "@/lib/content";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ digest: string }> }): Promise<Response> {
  const { digest } = await params;
  if (!/^0x[0-9a-fA-F]{64}$/.test(digest)) return NextResponse.json({ error: "not a 0x sha-256 digest" }, { status: 400 });
  const read = await readContent(digest);
  if ("missing" in read) {
    return read.missing === "absent"
      ? NextResponse.json({ error: "not in the content store" }, { status: 404 })
      : NextResponse.json({ error: "the stored file does not match its digest" }, { status: 409 });
  }
  return new Response(read.bytes, { status: 200, headers: { "content-type": "application/octet-stream", "cache-control": "no-store" } });
}
