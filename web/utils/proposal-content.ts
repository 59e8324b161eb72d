/**
 * What the proposal builder stores before it encodes an action, through the dApp's own routes: a decree's metadata
 * (co-signed for the central government, /api/metadata/decree) and an allocation's milestone texts
 * (/api/milestone-descriptions). Only digests come back; they are what the actions put on chain.
 */
import type { Hex } from "viem";
import { z } from "zod";

import "@/utils/zod-jitless";
import type { DecreeForm } from "@/utils/proposal-actions";

export class ContentStoreError extends Error {
  constructor(readonly code: "coSignatureUnavailable" | "storeFailed") {
    super(code);
  }
}

const digest = z.string().regex(/^0x[0-9a-f]{64}$/).transform((v) => v as Hex);
const metadataAnswer = z.object({ metadataDigest: digest, metadataCid: z.string(), coSignatureDigest: digest });
const descriptionsAnswer = z.object({ digests: z.array(digest) });

async function post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new ContentStoreError("storeFailed");
  }
  if (response.status === 501) throw new ContentStoreError("coSignatureUnavailable");
  const parsed = schema.safeParse(await response.json().catch(() => null));
  if (!response.ok || !parsed.success) throw new ContentStoreError("storeFailed");
  return parsed.data;
}

/** Co-signs and stores a central-government document's metadata; the digests for DocumentRegistry.issue. */
export const storeDecreeMetadata = (form: DecreeForm, file: { type: string; size: number }) =>
  post(
    "/api/metadata/decree",
    {
      contentHash: form.contentHash,
      type: form.type,
      number: form.number,
      title: { kk: form.titleKk, ru: form.titleRu, en: form.titleEn },
      dates: form.effective ? { adopted: form.adopted, effective: form.effective } : { adopted: form.adopted },
      body: { mediaType: file.type || "application/octet-stream", size: file.size },
    },
    metadataAnswer,
  );

/** Stores the milestone texts; their sha-256 digests, in order. */
export async function storeMilestoneDescriptions(descriptions: readonly string[]): Promise<Hex[]> {
  const answer = await post("/api/milestone-descriptions", { descriptions }, descriptionsAnswer);
  if (answer.digests.length !== descriptions.length) throw new ContentStoreError("storeFailed");
  return answer.digests;
}
