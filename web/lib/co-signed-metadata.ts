/**
 * Server-only: document metadata (schema government-dao/document@1, core/src/metadata.ts) co-signed with an
 * agency's ML-DSA key, stored in the content store, and the digests an `issue` or `amend` transaction needs.
 * Used by POST /api/metadata (a registrar's documents) and POST /api/metadata/decree (a proposal's decree).
 *
 * Co-signing happens only on the local chain with development accounts, with the agency's DEMO key (derived from a
 * public seed, core/src/cosignature.ts). Elsewhere the agency's own signing service must co-sign: the routes answer 501.
 */
import { NextResponse } from "next/server";
import { z } from "zod";

import { openContentStore } from "@government-dao/core/content-store";
import { type DocumentTypeName, formatDocumentMetadata } from "@government-dao/core/metadata";
import { coSign, coSigningAgencyId, demoAgencyKeys } from "@government-dao/core/cosignature";
import { contentDir, runtimeConfig } from "@/lib/runtime";

export const hex32 = z.string().regex(/^0x[0-9a-f]{64}$/);

/** The fields every metadata request carries, whatever the document type and agency. */
export const commonMetadataFields = {
  contentHash: hex32,
  number: z.string().trim().min(1).max(64),
  title: z.strictObject({ kk: z.string().trim().min(1).max(300), ru: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) }),
  dates: z.strictObject({ adopted: z.iso.date(), effective: z.iso.date().optional() }),
  body: z.strictObject({ mediaType: z.string().trim().min(1).max(200), size: z.number().int().nonnegative() }),
};

export interface MetadataInput {
  contentHash: string;
  type: DocumentTypeName;
  agency: { id: number; name: string };
  number: string;
  title: { kk: string; ru: string; en: string };
  dates: { adopted: string; effective?: string | undefined };
  body: { mediaType: string; size: number };
  supersedes?: string | undefined;
}

/**
 * Parses the request with `schema`, maps it with `toInput`, co-signs, stores, and answers with the digests — or a
 * 501 (no co-signing here) or a 400 naming the invalid fields.
 */
export async function coSignAndStore<S extends z.ZodType>(request: Request, schema: S, toInput: (parsed: z.infer<S>) => MetadataInput): Promise<NextResponse> {
  const runtime = runtimeConfig();
  const registry = runtime.addresses.DocumentRegistry;
  if (runtime.devAccounts.length === 0 || !registry) {
    return NextResponse.json({ error: "coSignatureUnavailable" }, { status: 501 });
  }
  const parsed = schema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return NextResponse.json({ error: "invalidMetadata", problems: parsed.error.issues.map((i) => i.path.join(".")) }, { status: 400 });
  const input = toInput(parsed.data);
  const { coSignature, digest } = coSign(demoAgencyKeys(coSigningAgencyId(input.agency.id)), input.contentHash, runtime.chainId, registry);
  const bytes = formatDocumentMetadata({
    schema: "government-dao/document@1",
    title: input.title,
    type: input.type,
    agency: input.agency,
    number: input.number,
    dates: input.dates.effective ? { adopted: input.dates.adopted, effective: input.dates.effective } : { adopted: input.dates.adopted },
    body: { sha256: input.contentHash, mediaType: input.body.mediaType, size: input.body.size },
    ...(input.supersedes ? { supersedes: input.supersedes } : {}),
    coSignature,
  });
  const stored = await openContentStore(contentDir()).put(bytes);
  return NextResponse.json({ metadataDigest: stored.digest, metadataCid: stored.cid, coSignatureDigest: digest });
}
