/** The reader-facing name of a document: its number and title in the reader's language, else a short hash. */
import type { DocumentLabel, DocumentType } from "@/lib/api/documents";
import { isLocale } from "@/i18n/locales";
import { shortHex } from "@/utils/format";

export function documentName(label: DocumentLabel | undefined, id: string, locale: string): { number: string | null; title: string } {
  if (!label) return { number: null, title: shortHex(id, 8) };
  return { number: label.number, title: isLocale(locale) ? label.title[locale] : label.title.en };
}

/** Agency names by id ("0" is the central government). */
export const agencyName = (names: ReadonlyMap<string, string>, id: string | null): string => (id === null ? "—" : (names.get(id) ?? `#${id}`));

/** The docTypes message key of an API document type. */
export const docTypeKey = (type: DocumentType): Lowercase<DocumentType> => type.toLowerCase() as Lowercase<DocumentType>;
