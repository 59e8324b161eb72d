/**
 * Open-data snapshots: complete dumps of every data set (core/src/datasets.ts), taken on a schedule and anchored on
 * chain as one Merkle batch of the Office of the Government (DocumentRegistry.anchorBatch, co-signed with its key), so
 * that a file downloaded from anywhere is checked by itself, like a document: `gov verify <file>` or /verify.
 *
 * What binds a snapshot to the chain: the batch's root (on chain) is the root of the files' sha-256; the batch
 * metadata (its sha-256 on chain) names this manifest by CID (its own sha-256), and the manifest names each file.
 * Browser-safe (zod only): the dApp's open-data page reads the same shapes.
 */
import { z } from "zod";

export const SNAPSHOT_SCHEMA_ID = "government-dao/open-data-snapshot@1";

/** Seconds between snapshots unless configured: one a day. */
export const DEFAULT_SNAPSHOT_INTERVAL_SECONDS = 86_400;
/** The shortest interval a publisher accepts (each snapshot is one transaction and a copy of every data set). */
export const MIN_SNAPSHOT_INTERVAL_SECONDS = 60;

/** The batch metadata's `mediaType`: the members are of several types, which the manifest gives file by file. */
export const SNAPSHOT_MEDIA_TYPE = "multipart/mixed";

const hash = z.string().regex(/^0x[0-9a-f]{64}$/, { error: "must be 0x and 64 lowercase hex digits" });
/** A plain file name: what a browser saves and a shell prints safely. */
const fileName = z.string().regex(/^[a-z0-9][a-z0-9.-]{0,99}$/, { error: "must be a plain file name (a-z, 0-9, '.', '-')" });

export const snapshotFileSchema = z.strictObject({
  name: fileName,
  /** The data set's key in core/src/datasets.ts, or "datapackage" for the snapshot's own data package. */
  dataset: z.string().regex(/^[A-Za-z]{1,64}$/),
  mediaType: z.string().min(1).max(100),
  sha256: hash,
  size: z.number().int().nonnegative(),
  /** Data rows (CSV files), null for a JSON document. */
  rows: z.number().int().nonnegative().nullable(),
});
export type SnapshotFile = z.infer<typeof snapshotFileSchema>;

/** The manifest of one snapshot (a JSON file in the content store; the batch metadata names it by CID). */
export const snapshotManifestSchema = z.strictObject({
  schema: z.literal(SNAPSHOT_SCHEMA_ID, { error: `must be "${SNAPSHOT_SCHEMA_ID}"` }),
  /** The batch's number, e.g. OPEN-DATA-2026-12-04T00:00Z (the start of its slot). */
  number: z.string().min(1).max(64),
  /** When the dumps were read (ISO 8601, UTC). */
  takenAt: z.iso.datetime(),
  /** The API the files were read from (its origin). */
  source: z.url(),
  /** The chain block the API had indexed when the dumps began, if it said. */
  indexedBlock: z.number().int().nonnegative().nullable(),
  files: z
    .array(snapshotFileSchema)
    .min(1)
    .refine((files) => new Set(files.map((f) => f.name)).size === files.length, { error: "must not name a file twice" }),
});
export type SnapshotManifest = z.infer<typeof snapshotManifestSchema>;

/** Parses a manifest (its JSON text, bytes or value); throws listing what is wrong. */
export function parseSnapshotManifest(input: string | Uint8Array | unknown): SnapshotManifest {
  const value: unknown = typeof input === "string" ? JSON.parse(input) : input instanceof Uint8Array ? JSON.parse(new TextDecoder().decode(input)) : input;
  const parsed = snapshotManifestSchema.safeParse(value);
  if (!parsed.success) throw new Error(`not a snapshot manifest: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** The canonical bytes of a manifest (what is stored and named by CID). */
export const formatSnapshotManifest = (manifest: SnapshotManifest): Uint8Array =>
  new TextEncoder().encode(`${JSON.stringify(snapshotManifestSchema.parse(manifest), null, 2)}\n`);

/** The start (unix seconds) of the slot that holds `now` when snapshots are taken every `intervalSeconds`. */
export const snapshotSlot = (nowSeconds: number, intervalSeconds: number): number => Math.floor(nowSeconds / intervalSeconds) * intervalSeconds;

/** The number of the snapshot of the slot starting at `slotSeconds`: OPEN-DATA-2026-12-04T00:00Z. */
export const snapshotNumber = (slotSeconds: number): string => `OPEN-DATA-${new Date(slotSeconds * 1000).toISOString().slice(0, 16)}Z`;

/** The gateway idempotency key of a slot's snapshot: one request per slot, whoever retries. */
export const snapshotRequestKey = (slotSeconds: number): string => `open-data-snapshot-${slotSeconds}`;

/** The batch's title in kk, ru and en. */
export function snapshotTitle(slotSeconds: number): { kk: string; ru: string; en: string } {
  const at = new Date(slotSeconds * 1000).toISOString();
  const when = `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
  return {
    kk: `Ашық деректердің толық көшірмесі, ${when}`,
    ru: `Полный снимок открытых данных, ${when}`,
    en: `Complete open-data snapshot, ${when}`,
  };
}
