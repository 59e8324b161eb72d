/**
 * The submitter: takes queued requests, co-signs and stores their metadata, signs their transactions through the
 * agency's registrar key with consecutive nonces, and follows them to a final state. Exactly once:
 *
 *   - a transaction is recorded (state `submitted`, with its nonce and raw bytes) before it is broadcast, so after a
 *     crash, a restart of the gateway or of the chain, the same transaction is broadcast again — never a second one;
 *   - one whose nonce the chain has used without it (another program sent with the registrar key) goes back to the
 *     queue and is signed again; the registry's own checks (one token per content hash) refuse a second document;
 *   - the next nonce is the larger of the chain's count and the last recorded nonce + 1, so recorded transactions
 *     that a restarted node has forgotten keep their place;
 *   - a request the registry refuses (its simulation reverts, or its transaction does) ends `failed` with the
 *     contract's error and its sentence; a chain that does not answer is retried with backoff (1 s doubling to 60 s)
 *     and a request still unsent after `giveUpAfterMs` ends `failed` with `chainUnavailable`.
 *
 * Issues of different documents and anchors of batches go out together (up to `batchSize` per registrar and round); an amendment or a
 * revocation goes alone, after every earlier transaction of its registrar is mined, since it depends on their result.
 * On a QBFT chain a block is final when it is mined, so `confirmed` is final; so it is on anvil.
 */
import type { Hex } from "viem";

import type { AmendRequest, BatchRequest, IssueRequest, RevokeRequest } from "@government-dao/core/api/gateway";
import { coSignedBatchMetadata, coSignedMetadata } from "@government-dao/core/co-signed-metadata";
import type { ContentStore } from "@government-dao/core/content-store";
import { documentTypeIndex, DOCUMENT_TYPES, MetadataError } from "@government-dao/core/metadata";

import { ChainUnavailableError, type DocumentCall, type GatewayChain, RevertError } from "./chain.ts";
import type { AgencyConfig, GatewayConfig } from "./config.ts";
import type { Database } from "./database.ts";
import { appendLog } from "./message-log.ts";
import { type RequestRow, markConfirmed, markFailed, markRequeued, markRetry, markSubmitted, openRequests, registrarsWithWork } from "./queue.ts";
import { deliverWebhooks } from "./webhooks.ts";

export interface WorkerOptions {
  db: Database;
  chain: GatewayChain;
  config: () => GatewayConfig;
  store: ContentStore;
  /** The dApp's address, for the receipts' verify URLs. */
  publicSite: string | undefined;
  log: (line: string) => void;
  /** Pause between rounds when there is nothing to do (ms, default 200). */
  idleMs?: number;
  /** Issues signed per registrar and round (default 64). */
  batchSize?: number;
  /** A request the chain never took within this long fails (ms, default 24 h). */
  giveUpAfterMs?: number;
}

export interface Worker {
  /** Resolves when the current round has ended and no new one will start. */
  stop(): Promise<void>;
  /** Starts the next round now instead of after the pause (a request was just queued). */
  poke(): void;
}

const backoff = (attempts: number): number => Math.min(60_000, 1000 * 2 ** Math.min(attempts, 6));

export function startWorker(options: WorkerOptions): Worker {
  const { db, chain, store } = options;
  const batchSize = options.batchSize ?? 64;
  const giveUpAfterMs = options.giveUpAfterMs ?? 86_400_000;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let wake: (() => void) | undefined;

  const outcome = (row: RequestRow, text: string, detail?: string) =>
    appendLog(db, { agencyId: row.agency_id, kind: "outcome", idempotencyKey: row.idempotency_key, outcome: text, detail });

  async function fail(row: RequestRow, name: string, message: string): Promise<void> {
    await markFailed(db, row.id, { name, message }, Date.now());
    await outcome(row, "failed", `${name}: ${message}`);
  }

  /** The agency (in the configuration) whose registrar key is `registrar`. */
  function agencyOf(registrar: string): AgencyConfig | undefined {
    for (const agency of options.config().agencies.values()) if (agency.registrar.address.toLowerCase() === registrar) return agency;
    return undefined;
  }

  /** The registered name of agency `id`, read once per round. */
  async function nameOf(id: number, names: Map<number, string>): Promise<string> {
    let name = names.get(id);
    if (name === undefined) {
      name = (await chain.agency(id)).name;
      names.set(id, name);
    }
    return name;
  }

  /**
   * The call a queued request makes: its metadata co-signed and stored first (content-addressed: a retry stores the
   * same bytes). `names` keeps the agencies' registered names for the round.
   */
  async function callOf(row: RequestRow, agency: AgencyConfig, names: Map<number, string>): Promise<{ call: DocumentCall; metadataDigest: string | null; metadataCid: string | null; coSignatureDigest: string | null }> {
    if (row.operation === "anchor") {
      const payload = row.payload as BatchRequest;
      const signed = await coSignedBatchMetadata(
        { ...payload, agency: { id: row.agency_id, name: await nameOf(row.agency_id, names) } },
        agency.coSigner,
        chain.chainId,
        chain.addresses.documents,
      );
      await store.put(signed.treeDump);
      const stored = await store.put(signed.bytes);
      return {
        call: { operation: "anchor", agencyId: row.agency_id, root: signed.root as Hex, count: signed.count, metadataDigest: stored.digest as Hex },
        metadataDigest: stored.digest, metadataCid: stored.cid, coSignatureDigest: null,
      };
    }
    if (row.operation === "revoke") {
      const payload = row.payload as RevokeRequest;
      return { call: { operation: "revoke", target: row.target as Hex, reason: payload.reason }, metadataDigest: null, metadataCid: null, coSignatureDigest: null };
    }
    const payload = row.payload as IssueRequest | AmendRequest;
    let type: IssueRequest["type"];
    if (row.operation === "issue") type = (payload as IssueRequest).type;
    else {
      const old = await chain.document(row.target as Hex);
      // The request that was to create it failed: the registry would refuse the amendment the same way.
      if (!old.found) throw new RevertError({ name: "UnknownDocument", args: [BigInt(row.target as string)] });
      type = DOCUMENT_TYPES[old.docType] as IssueRequest["type"];
    }
    const signed = await coSignedMetadata(
      {
        contentHash: payload.contentHash,
        type,
        agency: { id: row.agency_id, name: await nameOf(row.agency_id, names) },
        number: payload.number,
        title: payload.title,
        dates: payload.dates,
        body: payload.body,
        ...(row.operation === "amend" ? { supersedes: row.target as string } : {}),
      },
      agency.coSigner,
      chain.chainId,
      chain.addresses.documents,
    );
    const stored = await store.put(signed.bytes);
    const common = { contentHash: payload.contentHash as Hex, metadataDigest: stored.digest as Hex, coSignatureDigest: signed.coSignatureDigest as Hex };
    const call: DocumentCall =
      row.operation === "issue"
        ? { operation: "issue", docType: documentTypeIndex(type), agencyId: row.agency_id, ...common }
        : { operation: "amend", target: row.target as Hex, reason: (payload as AmendRequest).reason, ...common };
    return { call, metadataDigest: stored.digest, metadataCid: stored.cid, coSignatureDigest: signed.coSignatureDigest };
  }

  /** Follows the submitted requests; false while one of them is still on its way. */
  async function followSubmitted(rows: RequestRow[]): Promise<boolean> {
    let settled = true;
    const minedNonce = rows.length > 0 ? await chain.nonceOf(rows[0]?.registrar as Hex) : 0;
    for (const row of rows) {
      const receipt = await chain.receipt(row.tx_hash as Hex);
      if (receipt) {
        if (receipt.success) {
          await markConfirmed(db, row.id, receipt.blockNumber, Date.now());
          await outcome(row, "confirmed", `tx ${row.tx_hash} in block ${receipt.blockNumber}`);
        } else {
          const why = await chain.replay(row.registrar as Hex, row.raw_tx as Hex, receipt.blockNumber);
          const error = why ? new RevertError(why) : undefined;
          await fail(row, why?.name ?? "Reverted", error?.message ?? `The transaction ${row.tx_hash} was mined in block ${receipt.blockNumber} and reverted.`);
        }
      } else if (Number(row.nonce) < minedNonce) {
        // Its nonce was taken by a transaction that is not this one: it never reached the chain. Sign it again.
        await markRequeued(db, row.id);
        await outcome(row, "requeued", `nonce ${row.nonce} was used by another transaction of the registrar`);
        settled = false;
      } else {
        // Not mined yet, or forgotten by a restarted node: broadcasting the recorded bytes again is harmless.
        await chain.broadcast(row.raw_tx as Hex);
        settled = false;
      }
    }
    return settled;
  }

  async function processRegistrar(registrar: string): Promise<void> {
    const rows = await openRequests(db, registrar, batchSize * 4);
    const agency = agencyOf(registrar);
    const submitted = rows.filter((r) => r.state === "submitted").sort((a, b) => Number(a.nonce) - Number(b.nonce));
    const settled = await followSubmitted(submitted);
    const now = Date.now();
    const queued = rows.filter((r) => r.state === "queued" && Number(r.next_attempt_at) <= now);
    if (queued.length === 0) return;
    if (!agency) {
      for (const row of queued) await fail(row, "agencyNotConfigured", `No agency in the gateway's configuration sends with registrar ${registrar} any more.`);
      return;
    }
    let nonce = Math.max(await chain.nonceOf(agency.registrar.address), ...submitted.map((r) => Number(r.nonce) + 1));
    const fees = await chain.fees();
    const names = new Map<number, string>();
    let sent = 0;
    for (const row of queued) {
      if (sent >= batchSize) break;
      // An amendment or a revocation depends on the outcome of everything before it: it goes alone, when nothing is in flight.
      const independent = row.operation === "issue" || row.operation === "anchor";
      if (!independent && (sent > 0 || !settled || submitted.length > 0)) break;
      try {
        const { call, ...digests } = await callOf(row, agency, names);
        const signed = await chain.prepare(agency.registrar, call, nonce, fees);
        await markSubmitted(db, row.id, { nonce, txHash: signed.hash, rawTx: signed.raw, ...digests });
        await outcome(row, "submitted", `tx ${signed.hash} (nonce ${nonce})`);
        nonce += 1;
        sent += 1;
        await chain.broadcast(signed.raw).catch((error: unknown) => {
          // Recorded: the next round broadcasts it again.
          if (!(error instanceof ChainUnavailableError)) throw error;
        });
        if (!independent) break;
      } catch (error) {
        if (error instanceof RevertError) await fail(row, error.error.name, error.message);
        else if (error instanceof MetadataError) await fail(row, "invalidMetadata", error.message);
        else if (error instanceof ChainUnavailableError) {
          if (now - Number(row.accepted_at) > giveUpAfterMs) await fail(row, "chainUnavailable", `The chain did not take the request within ${Math.round(giveUpAfterMs / 60_000)} min: ${error.message}`);
          else await markRetry(db, row.id, now + backoff(row.attempts));
          return;
        } else throw error;
      }
    }
  }

  async function round(): Promise<void> {
    for (const registrar of await registrarsWithWork(db)) {
      try {
        await processRegistrar(registrar);
      } catch (error) {
        if (!(error instanceof ChainUnavailableError)) throw error;
        options.log(`gateway: the chain did not answer (${error.message}); trying again`);
      }
    }
    await deliverWebhooks(db, options.config(), options.publicSite, options.log);
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      try {
        await round();
      } catch (error) {
        options.log(`gateway: round failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.idleMs ?? 200);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  }

  running = loop();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await running;
    },
    poke: () => wake?.(),
  };
}
