/**
 * Takes and publishes an open-data snapshot (core/src/snapshot.ts): reads every data set in full from the public
 * API (following each list's cursor to its end), writes the files, their data package and the manifest into the
 * content store, and asks the agency gateway (gateway/) to anchor them as one co-signed batch of the publishing
 * agency. One request per slot: its idempotency key is the slot's, so a publisher that restarts (or runs twice) asks
 * for the same snapshot again and gets the first one's receipt. Node only (the content store).
 */
import type { LocalAccount } from "viem/accounts";

import { type Receipt, type GatewayError, gatewayErrorSchema, receiptSchema } from "./api/gateway.ts";
import { type Cell, type Row, toCsv } from "./api/csv.ts";
import { CSV_ROWS, PAGE_ROWS, dataPackage, snapshotCsvName } from "./api/datapackage.ts";
import { columnsOf } from "./api/fields.ts";
import { exportRow } from "./api/export-row.ts";
import { flagRow, flagRowSchema, flagSchema } from "./api/flags.ts";
import { sha256Hex } from "./content-read.ts";
import type { ContentStore } from "./content-store.ts";
import { DATASETS } from "./datasets.ts";
import { gatewayFetch } from "./gateway-request.ts";
import {
  SNAPSHOT_MEDIA_TYPE,
  SNAPSHOT_SCHEMA_ID,
  type SnapshotFile,
  type SnapshotManifest,
  formatSnapshotManifest,
  snapshotNumber,
  snapshotRequestKey,
  snapshotSlot,
  snapshotTitle,
} from "./snapshot.ts";

/** A file of a snapshot with its bytes. */
export interface CollectedFile extends SnapshotFile {
  bytes: Uint8Array;
}

export interface CollectOptions {
  /** The public API's origin (without /api/v1), e.g. http://127.0.0.1:42069. */
  apiUrl: string;
  /** Rows per page read (default the API's maximum); smaller pages only make more requests. */
  pageRows?: number;
  /** When the dumps are read (default now). */
  now?: () => Date;
}

/** The lists whose JSON items are not their CSV rows: each item's exported flat row (the API's own mappings, from core). */
const FLAT_ROW: Readonly<Record<string, (item: unknown) => unknown>> = {
  flags: (item) => exportRow(flagRow(flagSchema.parse(item)), columnsOf(flagRowSchema)),
};

/** A snapshot is taken only from an API at most this many blocks behind the chain (not mid-way through indexing). */
export const MAX_SNAPSHOT_LAG_BLOCKS = 10;

/** Lists longer than this many pages are refused (a cursor that never ends is the API's fault, not a long list). */
const MAX_PAGES = 100_000;

const isCell = (value: unknown): value is Cell => value === null || ["string", "number", "boolean"].includes(typeof value);

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url, { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`${url}: the API answered ${response.status}`);
  return response.json();
}

/**
 * Every row of the list at `path` (its `columns`: a JSON answer may carry more, e.g. an agency's registrars), in the
 * API's order, page after page until the API names no next cursor.
 */
async function allRows(apiBase: string, path: string, columns: readonly string[], pageRows: number, flat: (item: unknown) => unknown): Promise<Row[]> {
  const rows: Row[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = `${apiBase}${path}?format=json&limit=${pageRows}${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`;
    const body = (await getJson(url)) as { items?: unknown; nextCursor?: unknown };
    if (!Array.isArray(body.items) || !(body.nextCursor === null || typeof body.nextCursor === "string")) throw new Error(`${url}: not a page of a list`);
    for (const answered of body.items as unknown[]) {
      const item = flat(answered);
      if (typeof item !== "object" || item === null) throw new Error(`${url}: a row that is not an object`);
      const row: Row = {};
      for (const column of columns) {
        const value = (item as Record<string, unknown>)[column] ?? null;
        if (!isCell(value)) throw new Error(`${url}: column ${column} is not a plain value`);
        row[column] = value;
      }
      rows.push(row);
    }
    if (body.nextCursor === null) return rows;
    if (seen.has(body.nextCursor)) throw new Error(`${url}: the API named the same cursor twice`);
    seen.add(body.nextCursor);
    cursor = body.nextCursor;
  }
  throw new Error(`${apiBase}${path}: more than ${MAX_PAGES} pages`);
}

const encoder = new TextEncoder();

const file = (name: string, dataset: string, mediaType: string, bytes: Uint8Array, rows: number | null): CollectedFile => ({
  name, dataset, mediaType, sha256: sha256Hex(bytes), size: bytes.length, rows, bytes,
});

/**
 * Reads every data set in full: a CSV of each list (the columns and cells of the API's `format=csv`, every page), the
 * standard exports (OCDS, Popolo) as the API serves them, and a data package describing the CSV files beside it.
 */
export async function collectSnapshotFiles(options: CollectOptions): Promise<{ files: CollectedFile[]; takenAt: string; indexedBlock: number | null }> {
  const apiBase = `${options.apiUrl}/api/v1`;
  const pageRows = options.pageRows ?? PAGE_ROWS;
  const takenAt = (options.now?.() ?? new Date()).toISOString();
  const health = (await getJson(`${apiBase}/health`)) as { indexedHead?: unknown; lagBlocks?: unknown };
  const indexedBlock = typeof health.indexedHead === "number" ? health.indexedHead : null;
  if (typeof health.lagBlocks !== "number" || health.lagBlocks > MAX_SNAPSHOT_LAG_BLOCKS) {
    throw new Error(`the API is ${typeof health.lagBlocks === "number" ? `${health.lagBlocks} blocks` : "an unknown number of blocks"} behind the chain: no snapshot until it has caught up (at most ${MAX_SNAPSHOT_LAG_BLOCKS})`);
  }
  const files: CollectedFile[] = [];
  for (const dataset of DATASETS) {
    const rowSchema = CSV_ROWS[dataset.key];
    if (dataset.formats.includes("csv") && rowSchema) {
      const columns = columnsOf(rowSchema);
      const rows = await allRows(apiBase, dataset.path, columns, pageRows, FLAT_ROW[dataset.key] ?? ((item) => item));
      files.push(file(snapshotCsvName(dataset.key), dataset.key, "text/csv", encoder.encode(toCsv(columns, rows)), rows.length));
    } else {
      const response = await fetch(`${apiBase}${dataset.path}`);
      if (!response.ok) throw new Error(`${apiBase}${dataset.path}: the API answered ${response.status}`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      JSON.parse(new TextDecoder().decode(bytes)); // a standard export is JSON, or the snapshot is not taken
      const name = `${dataset.path.slice(1).replace(/\//g, "-")}.json`;
      files.push(file(name, dataset.key, "application/json", bytes, null));
    }
  }
  const pkg = encoder.encode(`${JSON.stringify(dataPackage(options.apiUrl, takenAt, { inSnapshot: true }), null, 2)}\n`);
  files.push(file("datapackage.json", "datapackage", "application/json", pkg, null));
  return { files, takenAt, indexedBlock };
}

export interface PublishOptions extends CollectOptions {
  /** The agency gateway's base URL. */
  gatewayUrl: string;
  /** The publishing agency (the Office of the Government) and its system's request key. */
  agencyId: number;
  account: LocalAccount;
  chainId: number;
  store: ContentStore;
  intervalSeconds: number;
}

export interface PublishResult {
  number: string;
  /** The gateway idempotency key of this slot's request. */
  requestKey: string;
  /** False when this slot's snapshot had been asked for already (the receipt is the first request's). */
  submitted: boolean;
  receipt: Receipt;
  manifest?: SnapshotManifest;
}

/** A plain message of a gateway refusal. */
const refusal = async (response: Response, what: string): Promise<Error> => {
  const body: unknown = await response.json().catch(() => null);
  const parsed = gatewayErrorSchema.safeParse(body);
  const error: GatewayError | null = parsed.success ? parsed.data : null;
  return new Error(`${what}: the gateway answered ${response.status}${error ? ` (${error.error}: ${error.message}${error.problems ? ` ${error.problems.join("; ")}` : ""})` : ""}`);
};

/** The receipt of this slot's snapshot request, or null when the gateway has none. */
async function receiptOf(options: PublishOptions, key: string): Promise<Receipt | null> {
  const response = await gatewayFetch(options.gatewayUrl, options.account, {
    chainId: options.chainId, method: "GET", path: `/v1/agencies/${options.agencyId}/requests/${key}`, agencyId: options.agencyId,
  });
  if (response.status === 404) return null;
  if (!response.ok) throw await refusal(response, `snapshot request ${key}`);
  return receiptSchema.parse(await response.json());
}

/**
 * Publishes the snapshot of the current slot unless it was asked for already: collects the files, stores them, their
 * manifest and nothing else, and submits the batch. Answers the receipt (queued, submitted, confirmed or failed).
 */
export async function publishSnapshot(options: PublishOptions): Promise<PublishResult> {
  const now = options.now?.() ?? new Date();
  const slot = snapshotSlot(Math.floor(now.getTime() / 1000), options.intervalSeconds);
  const number = snapshotNumber(slot);
  const requestKey = snapshotRequestKey(slot);
  const earlier = await receiptOf(options, requestKey);
  if (earlier) return { number, requestKey, submitted: false, receipt: earlier };

  const { files, takenAt, indexedBlock } = await collectSnapshotFiles({ ...options, now: () => now });
  for (const f of files) await options.store.put(f.bytes);
  const manifest: SnapshotManifest = {
    schema: SNAPSHOT_SCHEMA_ID, number, takenAt, source: options.apiUrl, indexedBlock,
    files: files.map(({ bytes: _bytes, ...entry }) => entry),
  };
  const stored = await options.store.put(formatSnapshotManifest(manifest));
  const body = {
    type: "notice",
    number,
    title: snapshotTitle(slot),
    dates: { adopted: new Date(slot * 1000).toISOString().slice(0, 10) },
    mediaType: SNAPSHOT_MEDIA_TYPE,
    // Two files with the same bytes are one member (the manifest still names both).
    contentHashes: [...new Set(files.map((f) => f.sha256))],
    manifestCid: stored.cid,
  };
  const response = await gatewayFetch(options.gatewayUrl, options.account, {
    chainId: options.chainId, method: "POST", path: `/v1/agencies/${options.agencyId}/batches`, agencyId: options.agencyId, body, idempotencyKey: requestKey,
  });
  if (response.status === 409) {
    // Another publisher asked for this slot between our look and our request: its snapshot stands.
    const first = await receiptOf(options, requestKey);
    if (first) return { number, requestKey, submitted: false, receipt: first };
  }
  if (!response.ok) throw await refusal(response, `snapshot ${number}`);
  return { number, requestKey, submitted: true, receipt: receiptSchema.parse(await response.json()), manifest };
}
