/**
 * The durable request queue (table gateway.requests, src/database.ts). A request is accepted once per agency and
 * idempotency key; a live request (not failed) per new content hash; it moves queued → submitted (the signed
 * transaction recorded before it is broadcast) → confirmed | failed, each move one statement, so a restart finds every
 * request in a state it can continue from.
 */
import type { GatewayOperation, Receipt, RequestState } from "@government-dao/core/api/gateway";

import type { Database, Queryable } from "./database.ts";

/** A row of gateway.requests. */
export interface RequestRow {
  id: string;
  agency_id: number;
  idempotency_key: string;
  operation: GatewayOperation;
  body_sha256: string;
  payload: Record<string, unknown>;
  content_hash: string | null;
  target: string | null;
  registrar: string;
  state: RequestState;
  attempts: number;
  next_attempt_at: string;
  nonce: string | null;
  tx_hash: string | null;
  raw_tx: string | null;
  block_number: string | null;
  metadata_digest: string | null;
  metadata_cid: string | null;
  co_signature_digest: string | null;
  error_name: string | null;
  error_message: string | null;
  accepted_at: string;
  finished_at: string | null;
  webhook_state: "none" | "pending" | "delivered" | "failed";
  webhook_attempts: number;
  webhook_next_at: string | null;
}

export interface NewRequest {
  agencyId: number;
  idempotencyKey: string;
  operation: GatewayOperation;
  bodySha256: string;
  payload: Record<string, unknown>;
  contentHash: string | null;
  target: string | null;
  registrar: string;
  webhook: boolean;
}

export type EnqueueResult =
  | { kind: "accepted"; row: RequestRow }
  | { kind: "repeated"; row: RequestRow }
  | { kind: "conflict"; row: RequestRow }
  | { kind: "duplicateContent"; row: RequestRow };

/** The request of `agencyId` under `key`, if any. */
export async function requestByKey(db: Queryable, agencyId: number, key: string): Promise<RequestRow | undefined> {
  const [row] = await db.query<RequestRow>("SELECT * FROM gateway.requests WHERE agency_id = $1 AND idempotency_key = $2", [agencyId, key]);
  return row;
}

/**
 * Queues a request, exactly once: the same key with the same body answers the first request; the same key with
 * another body is a conflict; a new content hash already live under another key is a duplicate.
 */
export async function enqueue(db: Database, request: NewRequest, now: number): Promise<EnqueueResult> {
  return db.transaction(async (tx) => {
    const existing = await requestByKey(tx, request.agencyId, request.idempotencyKey);
    if (existing) return { kind: existing.body_sha256 === request.bodySha256 ? "repeated" : "conflict", row: existing };
    if (request.contentHash) {
      const live = await liveRequestFor(tx, request.contentHash);
      if (live) return { kind: "duplicateContent", row: live };
    }
    const [row] = await tx.query<RequestRow>(
      `INSERT INTO gateway.requests (agency_id, idempotency_key, operation, body_sha256, payload, content_hash, target, registrar, state, next_attempt_at, accepted_at, webhook_state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9, $9, $10) RETURNING *`,
      [request.agencyId, request.idempotencyKey, request.operation, request.bodySha256, JSON.stringify(request.payload), request.contentHash, request.target,
        request.registrar.toLowerCase(), now, request.webhook ? "pending" : "none"],
    );
    if (!row) throw new Error("the request was not stored");
    return { kind: "accepted", row };
  });
}

/** The live (not failed) request that creates the document `contentHash`, if any. */
export async function liveRequestFor(db: Queryable, contentHash: string): Promise<RequestRow | undefined> {
  const [row] = await db.query<RequestRow>("SELECT * FROM gateway.requests WHERE content_hash = $1 AND state <> 'failed'", [contentHash]);
  return row;
}

/** The open (queued or submitted) requests of one registrar, oldest first. */
export async function openRequests(db: Queryable, registrar: string, limit: number): Promise<RequestRow[]> {
  return db.query<RequestRow>("SELECT * FROM gateway.requests WHERE registrar = $1 AND state IN ('queued', 'submitted') ORDER BY id LIMIT $2", [registrar.toLowerCase(), limit]);
}

/** The registrars with open requests. */
export async function registrarsWithWork(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ registrar: string }>("SELECT DISTINCT registrar FROM gateway.requests WHERE state IN ('queued', 'submitted')");
  return rows.map((r) => r.registrar);
}

/** Records what was signed for a request before it is broadcast: a restart re-broadcasts exactly this transaction. */
export async function markSubmitted(
  db: Queryable,
  id: string,
  signed: { nonce: number; txHash: string; rawTx: string; metadataDigest: string | null; metadataCid: string | null; coSignatureDigest: string | null },
): Promise<void> {
  await db.query(
    `UPDATE gateway.requests SET state = 'submitted', nonce = $2, tx_hash = $3, raw_tx = $4, metadata_digest = COALESCE($5, metadata_digest),
       metadata_cid = COALESCE($6, metadata_cid), co_signature_digest = COALESCE($7, co_signature_digest) WHERE id = $1 AND state = 'queued'`,
    [id, signed.nonce, signed.txHash, signed.rawTx, signed.metadataDigest, signed.metadataCid, signed.coSignatureDigest],
  );
}

export async function markConfirmed(db: Queryable, id: string, blockNumber: number, now: number): Promise<void> {
  await db.query("UPDATE gateway.requests SET state = 'confirmed', block_number = $2, finished_at = $3 WHERE id = $1", [id, blockNumber, now]);
}

export async function markFailed(db: Queryable, id: string, error: { name: string; message: string }, now: number): Promise<void> {
  await db.query("UPDATE gateway.requests SET state = 'failed', error_name = $2, error_message = $3, finished_at = $4 WHERE id = $1", [id, error.name, error.message, now]);
}

/** Back to queued (its transaction never reached the chain): it is signed again with a fresh nonce. */
export async function markRequeued(db: Queryable, id: string): Promise<void> {
  await db.query("UPDATE gateway.requests SET state = 'queued', nonce = NULL, tx_hash = NULL, raw_tx = NULL WHERE id = $1", [id]);
}

/** A transient failure: try again at `nextAt` (ms). */
export async function markRetry(db: Queryable, id: string, nextAt: number): Promise<void> {
  await db.query("UPDATE gateway.requests SET attempts = attempts + 1, next_attempt_at = $2 WHERE id = $1", [id, nextAt]);
}

/** How many requests are in each state. */
export async function stateCounts(db: Queryable): Promise<Record<RequestState, number>> {
  const rows = await db.query<{ state: RequestState; n: string }>("SELECT state, count(*)::text AS n FROM gateway.requests GROUP BY state");
  const counts: Record<RequestState, number> = { queued: 0, submitted: 0, confirmed: 0, failed: 0 };
  for (const r of rows) counts[r.state] = Number(r.n);
  return counts;
}

const iso = (ms: string | null): string | null => (ms === null ? null : new Date(Number(ms)).toISOString());

/**
 * The receipt of a row; `publicSite` is the dApp's address (e.g. http://127.0.0.1:3000), whose document page checks
 * the document against the chain in the reader's browser.
 */
export function receiptOf(row: RequestRow, publicSite: string | undefined): Receipt {
  const documentId = (row.content_hash ?? row.target) as string;
  return {
    requestId: String(row.id),
    agencyId: row.agency_id,
    idempotencyKey: row.idempotency_key,
    operation: row.operation,
    state: row.state,
    documentId,
    target: row.target,
    metadataDigest: row.metadata_digest,
    metadataCid: row.metadata_cid,
    transactionHash: row.state === "confirmed" || row.state === "submitted" ? row.tx_hash : null,
    blockNumber: row.block_number === null ? null : Number(row.block_number),
    // A batch's members are checked one file at a time, on the verify page.
    verifyUrl: row.state !== "confirmed" || !publicSite ? null : row.operation === "anchor" ? `${publicSite}/verify` : `${publicSite}/documents/${documentId}`,
    error: row.error_name ? { name: row.error_name, message: row.error_message ?? "" } : null,
    acceptedAt: iso(row.accepted_at) as string,
    finishedAt: iso(row.finished_at),
  };
}
