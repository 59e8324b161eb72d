/**
 * POST /api/metadata — a registrar's document metadata (schema government-dao/document@1, scripts/lib/metadata.ts):
 * co-signed with the agency's ML-DSA key, validated, stored in the content store, and its digests returned for the
 * `issue` transaction. Only the metadata travels here (hashes, titles, numbers, dates); the document file never does.
 *
 * Co-signing: on the local chain with development accounts only, with the agency's DEMO key (derived from a
 * public seed, scripts/lib/mldsa.ts). Elsewhere the agency's own signing service must co-sign: this route answers
 * 501 and the dApp says so.
 */
import { NextResponse } from "next/server";
import { z } from "zod";

import { openContentStore } from "../../../../scripts/lib/content-store";
import { formatDocumentMetadata } from "../../../../scripts/lib/metadata";
import { coSign, coSigningAgencyId, demoAgencyKeys } from "../../../../scripts/lib/mldsa";
import { contentDir, runtimeConfig } from "@/lib/runtime";

const hex32 = z.string().regex(/^0x[0-9a-f]{64}$/);
const requestSchema = z.strictObject({
  contentHash: hex32,
  type: z.enum(["order", "certificate", "notice"]),
  agency: z.strictObject({ id: z.number().int().min(1).max(0xffffffff), name: z.string().trim().min(1).max(200) }),
  number: z.string().trim().min(1).max(64),
  title: z.strictObject({ kk: z.string().trim().min(1).max(300), ru: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }),
  dates: z.strictObject({ adopted: z.iso.date(), effective: z.iso.date().optional() }),
  body: z.strictObject({ mediaType: z.string().trim().min(1).max(200), size: z.number().int().nonnegative() }),
});

export async function POST(request: Request): Promise<NextResponse> {
  const runtime = runtimeConfig();
  const registry = runtime.addresses.DocumentRegistry;
  if (runtime.devAccounts.length === 0 || !registry) {
    return NextResponse.json({ error: "coSignatureUnavailable" }, { status: 501 });
  }
  const parsed = requestSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "invalidMetadata", problems: parsed.error.issues.map((i) => i.path.join(".")) }, { status: 400 });
  const input = parsed.data;
  const { coSignature, digest } = coSign(demoAgencyKeys(coSigningAgencyId(input.agency.id)), input.contentHash, runtime.chainId, registry);
  const bytes = formatDocumentMetadata({
    schema: "government-dao/document@1",
    title: input.title,
    type: input.type,
    agency: input.agency,
    number: input.number,
    dates: input.dates.effective ? { adopted: input.dates.adopted, effective: input.dates.effective } : { adopted: input.dates.adopted },
    body: { sha256: input.contentHash, mediaType: input.body.mediaType, size: input.body.size },
    coSignature,
  });
  const stored = await openContentStore(contentDir()).put(bytes);
  return NextResponse.json({ metadataDigest: stored.digest, metadataCid: stored.cid, coSignatureDigest: digest });
}
