/** The reader-facing name of a document: its number and title in the reader's language, else a short hash. */
import { type ApiDocument, type DocumentType, documentTitle } from "@/lib/api/documents";
import { shortHex } from "@/utils/format";

/** Number and title in `locale` from the API's document row; a short hash when the API has no metadata for it. */
export function documentName(doc: Pick<ApiDocument, "id" | "number" | "titleKk" | "titleRu" | "titleEn">, locale: string): { number: string | null; title: string } {
  return documentTitle(doc, locale) ?? { number: null, title: shortHex(doc.id, 8) };
}

/** Agency names by id ("0" is the central government). */
export const agencyName = (names: ReadonlyMap<string, string>, id: string | null): string => (id === null ? "—" : (names.get(id) ?? `#${id}`));

/** The docTypes message key of an API document type. */
export const docTypeKey = (type: DocumentType): Lowercase<DocumentType> => type.toLowerCase() as Lowercase<DocumentType>;

/** The council.positions message key of a seat's position code. */
export const positionKey = (position: number | null): "1" | "2" | "3" | "other" => (position === 1 ? "1" : position === 2 ? "2" : position === 3 ? "3" : "other");

/** The proposal.support message key of a vote. */
export const SUPPORT_KEY = { FOR: "for", AGAINST: "against", ABSTAIN: "abstain" } as const;
/** The Governor's support values (the badge classes vote-0/1/2). */
export const SUPPORT_VALUE = { AGAINST: 0, FOR: 1, ABSTAIN: 2 } as const;
