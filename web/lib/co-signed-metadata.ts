/**
 * Server-only: the metadata of a central-government act (decree, law, budget) that a proposal will mint, co-signed
 * with the Office of the Government's DEMO key (derived from a public seed, core/src/cosignature.ts), stored in the
 * content store, with the digests the proposal's `issue` action needs. Used by POST /api/metadata/decree.
 *
 * Only on the local chain: development accounts on and the RPC's own `eth_chainId` 31337 (lib/runtime.ts
 * `onLocalChain`); elsewhere the route answers 501. Registrars' documents are co-signed by the agency gateway instead
 * (app/api/co-signatures). Same origin only; the body is capped.
 */
import { NextResponse } from "next/server";
import { z } from "zod";

import { openContentStore } from "@government-dao/core/content-store";
import { type DocumentDescription, coSignedMetadata } from "@government-dao/core/co-signed-metadata";
import { coSigningAgencyId, demoAgencyKeys, keySigner } from "@government-dao/core/cosignature";
import { contentDir, onLocalChain, runtimeConfig } from "@/lib/runtime";
import { MAX_POST_BYTES, readCappedJson, sameOrigin } from "@/lib/security";

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
  if (!sameOrigin(request)) return NextResponse.json({ error: "crossOrigin" }, { status: 403 });
  const runtime = runtimeConfig();
  const registry = runtime.addresses.DocumentRegistry;
  if (!registry || !(await onLocalChain())) return NextResponse.json({ error: "coSignatureUnavailable" }, { status: 501 });
  const body = await readCappedJson(request, MAX_POST_BYTES);
  if (body.tooLarge) return NextResponse.json({ error: "tooLarge" }, { status: 413 });
  const parsed = schema.safeParse(body.json);
  if (!parsed.success) return NextResponse.json({ error: "invalidMetadata", problems: parsed.error.issues.map((i) => i.path.join(".")) }, { status: 400 });
  const input = toInput(parsed.data);
  const signed = await coSignedMetadata(input, keySigner(demoAgencyKeys(coSigningAgencyId(input.agency.id))), runtime.chainId, registry);
  const stored = await openContentStore(contentDir()).put(signed.bytes);
  return NextResponse.json({ metadataDigest: stored.digest, metadataCid: stored.cid, coSignatureDigest: signed.coSignatureDigest });
}
