// GET /snapshots: the open-data snapshots anchored on chain (core/src/snapshot.ts), newest first (chain order: block,
// then log index), a page at a time: every batch whose metadata names a snapshot manifest, with the files it lists. Metadata and manifests are read from the content store
// through their hashes (batch-members.ts); a batch whose content is missing is listed in `unreadable`.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { z } from "zod";

import type { Snapshot, SnapshotList } from "@government-dao/core/api/snapshot";
import { digestFromCid } from "@government-dao/core/cid";

import { batchManifestOf, batchMetadataOf } from "../batch-members.js";
import { cell } from "../formats.js";
import { type Cursor, decodeCursor, encodeCursor, keyset } from "../pagination.js";

const snapshotsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100), cursor: z.string().max(400).optional() });
/** Batches read per step while walking for snapshots (most batches of an agency system are not snapshots). */
const WALK_BATCH = 100;

export const snapshots = new Hono().get("/snapshots", async (c) => {
  const q = snapshotsQuery.parse(c.req.query());
  const b = schema.batch;
  const names = new Map((await db.select({ id: schema.agency.id, name: schema.agency.name }).from(schema.agency)).map((a) => [a.id, a.name]));
  const items: Snapshot[] = [];
  const unreadable: string[] = [];
  // Walked in chain order, newest first, until a snapshot past the page is found (then the page has a next one).
  let cursor = decodeCursor(q.cursor);
  // The last batch this page walked (a snapshot served, or another batch): the next page starts after it.
  let lastWalked: Cursor | null = null;
  let more = false;
  walk: for (;;) {
    const page = keyset(b.anchoredBlock, b.anchoredLogIndex, cursor, { key: BigInt, id: (text) => z.coerce.number().int().min(0).parse(text) });
    const batches = await db.select().from(b).where(page.after).orderBy(...page.order).limit(WALK_BATCH);
    for (const batch of batches) {
      const position = { key: batch.anchoredBlock.toString(), id: String(batch.anchoredLogIndex) };
      const snapshot = await snapshotOf(batch, names).catch(() => undefined);
      if (snapshot && items.length === q.limit) {
        more = true;
        break walk;
      }
      if (snapshot) items.push(snapshot);
      else if (snapshot === undefined) unreadable.push(batch.id);
      lastWalked = position;
    }
    const last = batches.at(-1);
    if (batches.length < WALK_BATCH || last === undefined) break;
    cursor = { key: last.anchoredBlock.toString(), id: String(last.anchoredLogIndex) };
  }
  const nextCursor = more && lastWalked ? encodeCursor(lastWalked) : null;
  if (nextCursor !== null) c.header("X-Next-Cursor", nextCursor);
  return c.json({ items, unreadable, nextCursor } satisfies SnapshotList);
});

/** The snapshot a batch is (its metadata names a manifest), null if it is another batch; throws if its content is missing. */
async function snapshotOf(batch: typeof schema.batch.$inferSelect, names: Map<bigint, string>): Promise<Snapshot | null> {
  const metadata = await batchMetadataOf(batch);
  const manifest = await batchManifestOf(metadata);
  return (
    manifest && {
      number: manifest.number,
      title: metadata.title,
      takenAt: manifest.takenAt,
      source: manifest.source,
      indexedBlock: manifest.indexedBlock,
      agency: { id: batch.agencyId.toString(), name: names.get(batch.agencyId) ?? null },
      batchId: batch.id,
      root: batch.root,
      metadataDigest: batch.metadataDigest,
      manifestCid: metadata.batch.manifestCid ?? "",
      manifestSha256: digestFromCid(metadata.batch.manifestCid ?? ""),
      anchoredAt: String(cell(batch.anchoredAt)),
      anchoredTx: batch.anchoredTx,
      revoked: batch.revoked,
      files: manifest.files,
    }
  );
}
