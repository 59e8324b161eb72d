// GET /snapshots: the open-data snapshots anchored on chain (core/src/snapshot.ts), newest first: every batch whose
// metadata names a snapshot manifest, with the files it lists. Metadata and manifests are read from the content store
// through their hashes (batch-members.ts); a batch whose content is missing is listed in `unreadable`.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { desc } from "ponder";
import { z } from "zod";

import type { Snapshot, SnapshotList } from "@government-dao/core/api/snapshot";
import { digestFromCid } from "@government-dao/core/cid";

import { batchManifestOf, batchMetadataOf } from "../batch-members.js";
import { cell } from "../formats.js";

const snapshotsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

export const snapshots = new Hono().get("/snapshots", async (c) => {
  const q = snapshotsQuery.parse(c.req.query());
  const batches = await db.select().from(schema.batch).orderBy(desc(schema.batch.anchoredAt), desc(schema.batch.id));
  const names = new Map((await db.select({ id: schema.agency.id, name: schema.agency.name }).from(schema.agency)).map((a) => [a.id, a.name]));
  const items: Snapshot[] = [];
  const unreadable: string[] = [];
  for (const batch of batches) {
    if (items.length === q.limit) break;
    let snapshot: Snapshot | null;
    try {
      const metadata = await batchMetadataOf(batch);
      const manifest = await batchManifestOf(metadata);
      snapshot = manifest && {
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
      };
    } catch {
      unreadable.push(batch.id);
      continue;
    }
    if (snapshot) items.push(snapshot);
  }
  return c.json({ items, unreadable } satisfies SnapshotList);
});
