/**
 * Webhooks: when a request is final (confirmed or failed), its receipt is POSTed as JSON to the agency's `webhook`
 * URL (src/config.ts), with the header `X-Gateway-Request` naming the request. A 2xx answer is a delivery; anything
 * else is tried again with backoff (2 s doubling to 10 min), at most {@link MAX_ATTEMPTS} times, and each try is in
 * the message log. The agency's system can always read the receipt itself (GET …/requests/{key}): the webhook only
 * saves it the polling.
 */
import type { GatewayConfig } from "./config.ts";
import type { Queryable } from "./database.ts";
import { appendLog } from "./message-log.ts";
import { type RequestRow, receiptOf } from "./queue.ts";

export const MAX_ATTEMPTS = 10;
const TIMEOUT_MS = 5000;

/** Delivers the receipts that are due. */
export async function deliverWebhooks(db: Queryable, config: GatewayConfig, publicSite: string | undefined, log: (line: string) => void): Promise<void> {
  const now = Date.now();
  const due = await db.query<RequestRow>(
    `SELECT * FROM gateway.requests WHERE webhook_state = 'pending' AND state IN ('confirmed', 'failed')
       AND (webhook_next_at IS NULL OR webhook_next_at <= $1) ORDER BY id LIMIT 50`,
    [now],
  );
  for (const row of due) {
    const url = config.agencies.get(row.agency_id)?.webhook;
    let result: string;
    if (!url) result = "no webhook configured";
    else {
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-gateway-request": row.id },
          body: JSON.stringify(receiptOf(row, publicSite)),
          signal: AbortSignal.timeout(TIMEOUT_MS),
          redirect: "error",
        });
        result = response.ok ? "delivered" : `answered ${response.status}`;
      } catch (error) {
        result = `unreachable (${error instanceof Error ? error.message : String(error)})`;
      }
    }
    const attempts = row.webhook_attempts + 1;
    const state = result === "delivered" ? "delivered" : !url || attempts >= MAX_ATTEMPTS ? "failed" : "pending";
    await db.query("UPDATE gateway.requests SET webhook_state = $2, webhook_attempts = $3, webhook_next_at = $4 WHERE id = $1", [
      row.id, state, attempts, now + Math.min(600_000, 2000 * 2 ** attempts),
    ]);
    await appendLog(db, { agencyId: row.agency_id, kind: "outcome", idempotencyKey: row.idempotency_key, outcome: `webhook ${state}`, detail: result });
    if (state === "failed") log(`gateway: the webhook of request ${row.id} (agency ${row.agency_id}) gave up: ${result}`);
  }
}
