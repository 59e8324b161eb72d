// Documents: list (filter by agency, type, status, issue date), one document with its full history chain.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { and, asc, eq, gte, inArray, like, lte, or } from "ponder";
import { z } from "zod";

import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from "@government-dao/core/api/document";

import { searchable } from "../../utils/document-metadata.js";
import { notFound } from "../errors.js";
import { sendList } from "../formats.js";
import { decimal, decodeCursor, encodeCursor, keyset, listQuery } from "../pagination.js";
import { DOCUMENT_COLUMNS, documentEventRow, documentRow } from "../rows.js";

export const documentId = z
  .string()
  .regex(/^(0x)?[0-9a-fA-F]{64}$/, "a sha-256 hash: 64 hex digits, optionally 0x-prefixed")
  .transform((hex): `0x${string}` => `0x${hex.replace(/^0x/, "").toLowerCase()}`);


const documentsQuery = listQuery.extend({
  agency: decimal("agency id", 10).optional(),
  /** Search: a piece of a title (kk, ru or en), of the number, of the agency's name, or of the hash. */
  q: z.string().max(200, "q: at most 200 characters").regex(/^[^\u0000-\u001f\u007f]*$/, "q: no control characters").optional(),
  type: z.enum(DOCUMENT_TYPES).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  /** Issued at or after (unix seconds). */
  from: decimal("unix seconds", 20).optional(),
  /** Issued at or before (unix seconds). */
  to: decimal("unix seconds", 20).optional(),
});

/** `text` as a LIKE pattern matching itself anywhere (\\ escapes %, _ and \\, PostgreSQL's default escape). */
const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * The condition of `q`: the document's search text (id, number, titles; lowercased when indexed) contains it, or its
 * agency's current name does (agencies are few: matched here, so a renamed agency is found by its new name).
 */
function searchCondition(q: string | undefined, names: ReadonlyMap<string, string>) {
  const needle = searchable((q ?? "").trim().replace(/^0x/i, ""));
  if (needle === "") return undefined;
  const agencies = [...names].filter(([, name]) => searchable(name).includes(needle)).map(([id]) => BigInt(id));
  const text = like(schema.document.searchText, containsPattern(needle));
  return agencies.length === 0 ? text : or(text, inArray(schema.document.agencyId, agencies));
}

export const DOCUMENTS_LIST = { name: "documents", item: "document", columns: DOCUMENT_COLUMNS } as const;

/** Agency names by id. */
export async function agencyNames(): Promise<Map<string, string>> {
  const rows = await db.select({ id: schema.agency.id, name: schema.agency.name }).from(schema.agency);
  return new Map(rows.map((r) => [r.id.toString(), r.name]));
}

/** A document and every version it is linked to (older and newer), oldest first, with each version's history. */
export async function documentWithHistory(id: string) {
  const rows = await db.select().from(schema.document).where(eq(schema.document.id, id)).limit(1);
  const found = rows[0];
  if (found === undefined) return null;
  const chain = [found];
  const seen = new Set([found.id]);
  for (let older = found.supersedesId; older !== null && !seen.has(older); ) {
    const [row] = await db.select().from(schema.document).where(eq(schema.document.id, older)).limit(1);
    if (row === undefined) break;
    chain.unshift(row);
    seen.add(row.id);
    older = row.supersedesId;
  }
  for (let newer = found.supersededById; newer !== null && !seen.has(newer); ) {
    const [row] = await db.select().from(schema.document).where(eq(schema.document.id, newer)).limit(1);
    if (row === undefined) break;
    chain.push(row);
    seen.add(row.id);
    newer = row.supersededById;
  }
  const events = await db
    .select()
    .from(schema.documentEvent)
    .where(inArray(schema.documentEvent.documentId, chain.map((d) => d.id)))
    .orderBy(asc(schema.documentEvent.blockNumber), asc(schema.documentEvent.id));
  const names = await agencyNames();
  return {
    document: documentRow(found, names.get(found.agencyId.toString()) ?? null),
    versions: chain.map((d) => documentRow(d, names.get(d.agencyId.toString()) ?? null)),
    history: events.map(documentEventRow),
  };
}

export const documents = new Hono()
  .get("/documents", async (c) => {
    const q = documentsQuery.parse(c.req.query());
    const d = schema.document;
    const page = keyset(d.issuedBlock, d.id, decodeCursor(q.cursor), { key: BigInt, id: String });
    const names = await agencyNames();
    const filters = [
      searchCondition(q.q, names),
      q.agency !== undefined ? eq(d.agencyId, q.agency) : undefined,
      q.type !== undefined ? eq(d.docType, q.type) : undefined,
      q.status !== undefined ? eq(d.status, q.status) : undefined,
      q.from !== undefined ? gte(d.issuedAt, q.from) : undefined,
      q.to !== undefined ? lte(d.issuedAt, q.to) : undefined,
      page.after,
    ];
    const rows = await db
      .select()
      .from(d)
      .where(and(...filters))
      .orderBy(...page.order)
      .limit(q.limit + 1);
    const more = rows.length > q.limit;
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    const next = more && last ? encodeCursor({ key: last.issuedBlock.toString(), id: last.id }) : null;
    return sendList(c, DOCUMENTS_LIST, q.format, items.map((r) => documentRow(r, names.get(r.agencyId.toString()) ?? null)), next);
  })
  .get("/documents/:id", async (c) => {
    const id = documentId.parse(c.req.param("id"));
    const result = await documentWithHistory(id);
    if (result === null) throw notFound(`document ${id}`);
    return c.json(result);
  });
