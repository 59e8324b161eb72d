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
import { type DocumentDescription, coSignedMetadata } from "@government-dao/core/co-signed-metadata";
import { coSigningAgencyId, demoAgencyKeys, keySigner } from "@government-dao/core/cosignature";
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

/** What a metadata route co-signs: core's description of a document. */
export type MetadataInput = DocumentDescription;

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
  const signed = await coSignedMetadata(input, keySigner(demoAgencyKeys(coSigningAgencyId(input.agency.id))), runtime.chainId, registry);
  const stored = await openContentStore(contentDir()).put(signed.bytes);
  return NextResponse.json({ metadataDigest: stored.digest, metadataCid: stored.cid, coSignatureDigest: signed.coSignatureDigest });
}
