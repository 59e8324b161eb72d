/**
 * The message log (table gateway.message_log): every request as received — method, path, the body's sha-256, who
 * signed it, the signature and its time, the answer's status — and every outcome (signed, confirmed, failed, webhook
 * delivered). Never a body. The signature covers the body's hash (core/src/gateway-request.ts), so with the log an
 * agency cannot later deny a request it sent, and the gateway cannot claim one it did not get. Append-only: the
 * gateway only inserts; the agency's clients and the auditors read it (GET /v1/agencies/{id}/log).
 */
import type { LogEntry } from "@government-dao/core/api/gateway";

import type { Queryable } from "./database.ts";

export interface LogRecord {
  agencyId: number;
  kind: "request" | "outcome";
  idempotencyKey?: string | undefined;
  method?: string | undefined;
  path?: string | undefined;
  bodySha256?: string | undefined;
  signer?: string | undefined;
  signature?: string | undefined;
  signedAt?: number | undefined;
  status?: number | undefined;
  outcome: string;
  detail?: string | undefined;
}

/** Appends one line. */
export async function appendLog(db: Queryable, record: LogRecord, now = Date.now()): Promise<void> {
  await db.query(
    `INSERT INTO gateway.message_log (at, agency_id, kind, idempotency_key, method, path, body_sha256, signer, signature, signed_at, status, outcome, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [now, record.agencyId, record.kind, record.idempotencyKey ?? null, record.method ?? null, record.path ?? null, record.bodySha256 ?? null,
      record.signer ?? null, record.signature ?? null, record.signedAt ?? null, record.status ?? null, record.outcome, record.detail ?? null],
  );
}

interface LogRow {
  seq: string;
  at: string;
  agency_id: number;
  kind: "request" | "outcome";
  idempotency_key: string | null;
  method: string | null;
  path: string | null;
  body_sha256: string | null;
  signer: string | null;
  signature: string | null;
  signed_at: string | null;
  status: number | null;
  outcome: string;
  detail: string | null;
}

/** Up to `limit` lines of agency `agencyId` after `after` (a seq), oldest first, and where the next page starts. */
export async function readLog(db: Queryable, agencyId: number, after: number, limit: number): Promise<{ entries: LogEntry[]; next: number | null }> {
  const rows = await db.query<LogRow>("SELECT * FROM gateway.message_log WHERE agency_id = $1 AND seq > $2 ORDER BY seq LIMIT $3", [agencyId, after, limit + 1]);
  const page = rows.slice(0, limit);
  const entries = page.map((r): LogEntry => ({
    seq: Number(r.seq),
    at: new Date(Number(r.at)).toISOString(),
    agencyId: r.agency_id,
    kind: r.kind,
    idempotencyKey: r.idempotency_key,
    method: r.method,
    path: r.path,
    bodySha256: r.body_sha256,
    signer: r.signer,
    signature: r.signature,
    signedAt: r.signed_at === null ? null : Number(r.signed_at),
    status: r.status,
    outcome: r.outcome,
    detail: r.detail,
  }));
  return { entries, next: rows.length > limit ? (entries.at(-1)?.seq ?? null) : null };
}
