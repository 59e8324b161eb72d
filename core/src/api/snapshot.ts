/**
 * GET /api/v1/snapshots: the open-data snapshots (core/src/snapshot.ts) anchored on chain, newest first, each with its
 * batch on chain and the files its manifest names. The files are in the content store by sha-256; what makes one
 * official is its membership of the batch, which /verify and `gov verify` check against the chain.
 */
import { z } from "zod";

import { snapshotFileSchema } from "../snapshot.ts";
import { decimal, hash } from "./fields.ts";

export const snapshotSchema = z.object({
  number: z.string(),
  title: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
  takenAt: z.iso.datetime().meta({ description: "when the dumps were read (ISO 8601, UTC)" }),
  source: z.string().meta({ description: "the API the files were read from" }),
  indexedBlock: z.number().int().nullable(),
  agency: z.object({ id: decimal, name: z.string().nullable() }),
  batchId: z.string(),
  root: hash,
  metadataDigest: hash,
  manifestCid: z.string(),
  manifestSha256: hash,
  anchoredAt: decimal.meta({ description: "unix seconds of the anchoring block" }),
  anchoredTx: hash,
  revoked: z.boolean(),
  files: z.array(snapshotFileSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

/**
 * A page of snapshots, newest first; `unreadable`: anchored batches walked for this page whose metadata or manifest is
 * not in the content store; `nextCursor`: the `cursor` of the next (older) page, null on the last.
 */
export const snapshotListSchema = z.object({ items: z.array(snapshotSchema), unreadable: z.array(z.string()), nextCursor: z.string().nullable() });
export type SnapshotList = z.infer<typeof snapshotListSchema>;
