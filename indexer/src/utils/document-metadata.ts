// The number and titles of a document, read from the content store when its DocumentIssued event is indexed (the
// chain holds only the metadata's sha-256; the indexer cannot reach IPFS). The file is found by its CID
// (@government-dao/core/cid), its bytes must hash to the on-chain digest, and it must be valid document metadata
// (@government-dao/core/metadata); otherwise the row keeps null titles and says why (metadataStatus).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { cidFromDigest } from "@government-dao/core/cid";
import { documentMetadataSchema } from "@government-dao/core/metadata";

import { ROOT_DIR } from "../../lib/paths.js";

/** The content store the indexer reads (CONTENT_DIR, as the API's co-signature check does). */
const contentDir = (): string => process.env.CONTENT_DIR ?? path.join(ROOT_DIR, ".local", "content");

/** The searchable columns of a document row. */
export interface DocumentLabelColumns {
  number: string | null;
  titleKk: string | null;
  titleRu: string | null;
  titleEn: string | null;
  metadataStatus: "INDEXED" | "UNAVAILABLE" | "INVALID";
  /** Lowercased id (without 0x), number and titles, one per line: what `q` of GET /api/v1/documents matches. */
  searchText: string;
}

/** The text `q` is matched against: lowercased, the same way on both sides (routes/documents.ts). */
export const searchable = (text: string): string => text.normalize("NFC").toLocaleLowerCase("und");

/** Number, titles and search text of the document `id` whose metadata JSON has sha-256 `metadataDigest`. */
export async function documentLabelColumns(id: string, metadataDigest: string): Promise<DocumentLabelColumns> {
  const none = (metadataStatus: DocumentLabelColumns["metadataStatus"]): DocumentLabelColumns => ({
    number: null, titleKk: null, titleRu: null, titleEn: null, metadataStatus, searchText: searchable(id.replace(/^0x/, "")),
  });
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(contentDir(), cidFromDigest(metadataDigest)));
  } catch {
    return none("UNAVAILABLE");
  }
  // An altered file is as good as none: its titles are not the ones the issuer anchored.
  if (`0x${createHash("sha256").update(bytes).digest("hex")}` !== metadataDigest.toLowerCase()) return none("UNAVAILABLE");
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return none("INVALID");
  }
  const parsed = documentMetadataSchema.safeParse(json);
  if (!parsed.success) return none("INVALID");
  const { number, title } = parsed.data;
  return {
    number, titleKk: title.kk, titleRu: title.ru, titleEn: title.en, metadataStatus: "INDEXED",
    searchText: searchable([id.replace(/^0x/, ""), number, title.kk, title.ru, title.en].join("\n")),
  };
}
