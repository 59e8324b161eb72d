/**
 * Turns a catalogue entry into what the chain needs: the demo document's text file, then (scripts/lib/documents.ts)
 * its signed metadata in the content store and the three hashes `issue`/`amend` take.
 */
import { agencyName } from "@government-dao/devchain/demo-cast";
import {
  type PreparedDocument as PreparedFile,
  type SigningContext,
  demoKeyring,
  isoDate,
  prepareDocumentFile,
} from "../documents.js";
import type { DocumentSpec } from "./catalogue.js";

export { type SigningContext, demoKeyring, isoDate };

/** A catalogue document ready to be issued. */
export interface PreparedDocument extends PreparedFile {
  spec: DocumentSpec;
}

const MEDIA_TYPE = "text/plain; charset=utf-8";
const TYPE_LABEL: Record<DocumentSpec["type"], string> = {
  decree: "Decree",
  law: "Law",
  budget: "Budget",
  order: "Order",
  certificate: "Certificate",
  notice: "Notice",
};

/** The text of a demo document file (no dates inside, so the same entry always gives the same file). */
export function documentText(spec: DocumentSpec): string {
  return [
    "GOVERNMENT DAO - DEMO DOCUMENT (fictional, not a legal act)",
    `${TYPE_LABEL[spec.type]} ${spec.number}`,
    `Issued by: ${agencyName(spec.agencyId)}`,
    "",
    `[kk] ${spec.title.kk}`,
    `[ru] ${spec.title.ru}`,
    `[en] ${spec.title.en}`,
    "",
    ...spec.body,
    "",
  ].join("\n");
}

/**
 * Writes the file and the signed metadata to the store.
 * @param adoptedAt Chain time the document is adopted (its metadata date).
 * @param supersedes Token id of the document this one amends, if any.
 */
export async function prepareDocument(
  spec: DocumentSpec,
  ctx: SigningContext,
  adoptedAt: number,
  supersedes?: string,
): Promise<PreparedDocument> {
  const prepared = await prepareDocumentFile(
    new TextEncoder().encode(documentText(spec)),
    {
      type: spec.type,
      agency: { id: spec.agencyId, name: agencyName(spec.agencyId) },
      number: spec.number,
      title: spec.title,
      dates: {
        adopted: isoDate(adoptedAt),
        ...(spec.effectiveAfterDays ? { effective: isoDate(adoptedAt + spec.effectiveAfterDays * 86_400) } : {}),
      },
      mediaType: MEDIA_TYPE,
    },
    ctx,
    supersedes,
  );
  return { spec, ...prepared };
}
