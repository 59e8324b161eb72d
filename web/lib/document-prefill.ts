/**
 * Server side: the metadata of a stored document as the values of the amend form (a new version starts from the old
 * one's number, titles and dates). Read from the content store by the metadata digest the chain holds.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

import { cidFromDigest } from "../../scripts/lib/content-store";
import { documentMetadataSchema } from "../../scripts/lib/metadata";
import type { MetadataValues } from "@/components/DocumentFields";
import { contentDir } from "@/lib/runtime";

/** The amend form's starting values, or undefined when the metadata is not in the content store or unreadable. */
export async function metadataPrefill(metadataDigest: string): Promise<MetadataValues | undefined> {
  try {
    const json: unknown = JSON.parse(await readFile(path.join(contentDir(), cidFromDigest(metadataDigest)), "utf8"));
    const parsed = documentMetadataSchema.safeParse(json);
    if (!parsed.success) return undefined;
    const m = parsed.data;
    return {
      type: m.type,
      number: m.number,
      titleKk: m.title.kk,
      titleRu: m.title.ru,
      titleEn: m.title.en,
      adopted: m.dates.adopted,
      effective: m.dates.effective ?? "",
    };
  } catch {
    return undefined;
  }
}
