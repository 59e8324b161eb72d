/**
 * Server side: the metadata of a stored document as the values of the amend form (a new version starts from the old
 * one's number, titles and dates). Read from the content store by the metadata digest the chain holds.
 */
import { documentMetadataSchema } from "@government-dao/core/metadata";
import type { MetadataValues } from "@/components/DocumentFields";
import { readContentJson } from "@/lib/content";

/** The amend form's starting values, or undefined when the metadata is not in the content store, altered or unreadable. */
export async function metadataPrefill(metadataDigest: string): Promise<MetadataValues | undefined> {
  // Read through the hash check: an absent or altered file gives no prefill.
  const parsed = documentMetadataSchema.safeParse(await readContentJson(metadataDigest));
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
}
