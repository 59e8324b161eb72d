/**
 * The gateway's HTTP API (Hono). Every /v1 request is signed by a key of the agency it names, or of an auditor for
 * reading (core/src/gateway-request.ts); every answer and refusal is in the message log; POST bodies are at most
 * {@link MAX_BODY_BYTES}. A request is checked against the chain before it is queued (the registrar still holds its
 * role, the agency's registered key is the gateway's, the document exists or not), so a refusal changes nothing.
 */
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Address, Hex } from "viem";
import { z } from "zod";

import {
  type BatchRequest,
  type CoSignatureAnswer,
  MAX_BATCH_BODY_BYTES,
  MAX_BATCH_MEMBERS,
  batchRequestSchema,
  type GatewayError,
  type GatewayErrorCode,
  type GatewayOperation,
  amendRequestSchema,
  coSignatureRequestSchema,
  issueRequestSchema,
  revokeRequestSchema,
} from "@government-dao/core/api/gateway";
import { buildBatchTree } from "@government-dao/core/batch-proof";
import { coSignedMetadata } from "@government-dao/core/co-signed-metadata";
import type { ContentStore } from "@government-dao/core/content-store";
import { type SnapshotManifest, parseSnapshotManifest } from "@government-dao/core/snapshot";
import { DOCUMENT_TYPES } from "@government-dao/core/enums";
import { checkGatewayRequest, type CheckedRequest } from "@government-dao/core/gateway-request";

import { ChainUnavailableError, type GatewayChain } from "./chain.ts";
import type { GatewayConfig } from "./config.ts";
import type { Database } from "./database.ts";
import { appendLog, readLog } from "./message-log.ts";
import { gatewayOpenApi } from "./openapi.ts";
import { enqueue, liveRequestFor, receiptOf, requestByKey, stateCounts } from "./queue.ts";

/** The largest request body: a document's description is well under 8 KiB. */
export const MAX_BODY_BYTES = 64 * 1024;

export interface AppOptions {
  db: Database;
  chain: GatewayChain;
  config: () => GatewayConfig;
  configError: () => string | undefined;
  publicSite: string | undefined;
  /** Where co-signed metadata is stored (the indexer and the dApp read it). */
  store: ContentStore;
  /** A request was queued (the submitter starts its next round). */
  queued: () => void;
}

const MESSAGES: Record<RequestAuthMessage, string> = {
  missingHeaders: "The request is not signed: it needs the X-Gateway-Time, X-Gateway-Signer and X-Gateway-Signature headers.",
  malformedHeaders: "The signature headers are malformed (time in unix seconds, an address, a 65-byte signature, an idempotency key of 8 to 128 characters).",
  expired: "The request was signed more than 5 minutes from the gateway's clock: sign it again.",
  badSignature: "The signature does not match the request and the signer it names.",
};
type RequestAuthMessage = "missingHeaders" | "malformedHeaders" | "expired" | "badSignature";

const agencyParam = z.coerce.number().int().min(1).max(0xffffffff);
const documentParam = z.string().regex(/^0x[0-9a-f]{64}$/);

/**
 * Why a batch's `manifestCid` cannot be anchored, if it cannot: the manifest must be in the content store already (the
 * chain's digest binds the CID, so readers must find it) and name exactly the batch's members (core/src/snapshot.ts).
 */
async function manifestProblem(store: ContentStore, batch: BatchRequest): Promise<string | undefined> {
  if (batch.manifestCid === undefined) return undefined;
  if (!(await store.has(batch.manifestCid))) return "manifestCid: is not in the content store";
  let manifest: SnapshotManifest;
  try {
    manifest = parseSnapshotManifest(await store.get(batch.manifestCid));
  } catch (error) {
    return `manifestCid: ${error instanceof Error ? error.message : String(error)}`;
  }
  const named = new Set(manifest.files.map((f) => f.sha256.toLowerCase()));
  const members = new Set(batch.contentHashes.map((h) => h.toLowerCase()));
  if (named.size !== members.size || [...members].some((h) => !named.has(h))) return "manifestCid: the manifest names other files than the batch's members";
  return undefined;
}

export function createApp(options: AppOptions): Hono {
  const { db, chain } = options;
  const app = new Hono();

  const refuse = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 500 | 503, error: GatewayErrorCode, message: string, problems?: string[]) =>
    c.json({ error, message, ...(problems ? { problems } : {}) } satisfies GatewayError, status);

  /** Path and query, exactly as signed. */
  const signedPath = (c: Context): string => {
    const url = new URL(c.req.url);
    return `${url.pathname}${url.search}`;
  };

  app.onError((error, c) => {
    if (error instanceof ChainUnavailableError) return refuse(c, 503, "chainUnavailable", "The chain does not answer: nothing was queued. Try again later.");
    console.error(`gateway: ${error.stack ?? error.message}`);
    return refuse(c, 500, "internal", "The gateway failed on this request: nothing was queued.");
  });
  app.notFound((c) => refuse(c, 404, "notFound", "No such route (see /openapi.json)."));

  app.get("/openapi.json", (c) => c.json(gatewayOpenApi()));
  app.get("/health", async (c) => {
    const problems = options.configError() ? [`configuration: ${options.configError()}`] : [];
    try {
      await chain.client.getBlockNumber();
    } catch {
      problems.push("the chain does not answer");
    }
    return c.json({
      status: problems.length === 0 ? "ok" : "degraded",
      problems,
      chainId: chain.chainId,
      agencies: [...options.config().agencies.keys()],
      queue: await stateCounts(db),
      database: db.kind,
    });
  });

  /** Checks the signature; undefined (with the refusal answered and logged) when it fails. */
  async function authenticate(c: Context, agencyId: number, body: Uint8Array): Promise<CheckedRequest | Response> {
    const checked = await checkGatewayRequest(c.req.raw.headers, {
      chainId: chain.chainId, method: c.req.method, path: signedPath(c), agencyId, body, now: Math.floor(Date.now() / 1000),
    });
    if (checked.ok) return checked.request;
    await appendLog(db, {
      agencyId, kind: "request", method: c.req.method, path: signedPath(c), status: 401, outcome: `refused: ${checked.failure}`,
      signer: c.req.header("x-gateway-signer")?.slice(0, 42), signature: c.req.header("x-gateway-signature")?.slice(0, 132),
    });
    return refuse(c, 401, "unauthenticated", MESSAGES[checked.failure]);
  }

  /** Whether `signer` may read agency `agencyId`'s receipts and log. */
  const mayRead = (agencyId: number, signer: Address): boolean => {
    const config = options.config();
    return (config.agencies.get(agencyId)?.clients.has(signer) ?? false) || config.auditors.has(signer);
  };

  function submit(operation: GatewayOperation) {
    return async (c: Context) => {
      const agencyId = agencyParam.safeParse(c.req.param("agencyId"));
      if (!agencyId.success) return refuse(c, 404, "notFound", "The agency id must be a positive integer.");
      const target = operation === "issue" || operation === "anchor" ? undefined : documentParam.safeParse(c.req.param("documentId"));
      if (target && !target.success) return refuse(c, 404, "notFound", "The document id must be 0x and 64 lowercase hex digits.");
      const body = new Uint8Array(await c.req.arrayBuffer());
      const auth = await authenticate(c, agencyId.data, body);
      if (auth instanceof Response) return auth;
      const log = (status: number, outcome: string, detail?: string) =>
        appendLog(db, {
          agencyId: agencyId.data, kind: "request", idempotencyKey: auth.idempotencyKey, method: c.req.method, path: signedPath(c), bodySha256: auth.bodySha256,
          signer: auth.signer, signature: auth.signature, signedAt: auth.time, status, outcome, detail,
        });
      const answer = async (status: 400 | 401 | 403 | 404 | 409 | 413 | 503, error: GatewayErrorCode, message: string, problems?: string[]) => {
        await log(status, `refused: ${error}`, message);
        return refuse(c, status, error, message, problems);
      };

      if (!auth.idempotencyKey) return answer(400, "invalidRequest", "A POST needs an Idempotency-Key header (8 to 128 of A-Z a-z 0-9 . _ : -), signed with the request.");
      const agency = options.config().agencies.get(agencyId.data);
      if (!agency) return answer(404, "agencyNotConfigured", `Agency ${agencyId.data} is not served by this gateway.`);
      if (!agency.clients.has(auth.signer)) return answer(403, "forbidden", `${auth.signer} is not a registered key of agency ${agencyId.data}'s systems.`);

      const existing = await requestByKey(db, agencyId.data, auth.idempotencyKey);
      if (existing) {
        if (existing.body_sha256 !== auth.bodySha256) {
          return answer(409, "idempotencyConflict", `The idempotency key ${auth.idempotencyKey} was used for another request: use a new key for a new request.`);
        }
        await log(200, "repeated", `request ${existing.id}`);
        return c.json(receiptOf(existing, options.publicSite), 200);
      }

      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
      } catch {
        return answer(400, "invalidRequest", "The body is not JSON in UTF-8.");
      }
      const schema = { issue: issueRequestSchema, amend: amendRequestSchema, revoke: revokeRequestSchema, anchor: batchRequestSchema }[operation];
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
        return answer(400, "invalidRequest", `The request is invalid: ${problems.join("; ")}`, problems);
      }
      const payload = parsed.data as Record<string, unknown>;
      if (operation === "anchor") {
        const problem = await manifestProblem(options.store, payload as BatchRequest);
        if (problem) return answer(400, "invalidRequest", `The request is invalid: ${problem}`, [problem]);
      }
      // A batch is known by its Merkle root, as the registry knows it.
      const contentHash =
        operation === "anchor" ? (buildBatchTree((payload as BatchRequest).contentHashes).root as Hex) : "contentHash" in payload ? (payload.contentHash as Hex) : null;

      // The chain's word, before anything is queued: the reads at once (one round trip, not four), the checks in order.
      const registrar = agency.registrar.address;
      const [isRegistrar, registered, old, exists] = await Promise.all([
        chain.isRegistrar(agencyId.data, registrar),
        chain.agency(agencyId.data),
        target ? chain.document(target.data as Hex) : undefined,
        contentHash === null ? false : operation === "anchor" ? chain.batchExists(agencyId.data, contentHash) : chain.document(contentHash).then((d) => d.found),
      ]);
      if (!isRegistrar) {
        return answer(409, "registrarNotAuthorized", `The gateway's registrar ${registrar} is not (or no longer) a registrar of agency ${agencyId.data} on chain.`);
      }
      if (!registered.active) return answer(409, "registrarNotAuthorized", `Agency ${agencyId.data} is deactivated on chain.`);
      if (registered.pqKeyHash !== agency.coSigner.publicKeyHash) {
        return answer(409, "keyNotRegistered", `The gateway's co-signing key of agency ${agencyId.data} is not the key registered on chain (${registered.pqKeyHash}).`);
      }
      if (target && old) {
        // On chain, or on its way there through this gateway (a revocation queued behind its amendment, say).
        const owner = old.found ? old.agencyId : (await liveRequestFor(db, target.data))?.agency_id;
        if (owner === undefined) return answer(404, "unknownDocument", `No document ${target.data} is registered or queued.`);
        if (owner !== agencyId.data) return answer(403, "forbidden", `Document ${target.data} belongs to agency ${owner}, not ${agencyId.data}.`);
      }
      if (exists && operation === "anchor") {
        return answer(409, "documentExists", `Agency ${agencyId.data} has already anchored the batch with Merkle root ${contentHash}.`);
      }
      if (exists) return answer(409, "documentExists", `A document with sha-256 ${contentHash} is already registered.`);

      const result = await enqueue(db, {
        agencyId: agencyId.data, idempotencyKey: auth.idempotencyKey, operation, bodySha256: auth.bodySha256, payload, contentHash,
        target: target ? target.data : null, registrar, webhook: agency.webhook !== undefined,
      }, Date.now());
      if (result.kind === "conflict") return answer(409, "idempotencyConflict", `The idempotency key ${auth.idempotencyKey} was used for another request.`);
      if (result.kind === "duplicateContent") {
        return answer(409, "documentExists", `A request for a document with sha-256 ${contentHash} is already queued (request ${result.row.id}).`);
      }
      await log(result.kind === "accepted" ? 202 : 200, result.kind === "accepted" ? "queued" : "repeated", `request ${result.row.id}`);
      if (result.kind === "accepted") options.queued();
      return c.json(receiptOf(result.row, options.publicSite), result.kind === "accepted" ? 202 : 200);
    };
  }

  /**
   * A registrar's own document (the dApp's registrar pages): its metadata co-signed with the agency's key and stored;
   * the registrar sends the transaction itself. The signer must be a registrar of the agency on chain.
   */
  async function coSignature(c: Context) {
    const agencyId = agencyParam.safeParse(c.req.param("agencyId"));
    if (!agencyId.success) return refuse(c, 404, "notFound", "The agency id must be a positive integer.");
    const body = new Uint8Array(await c.req.arrayBuffer());
    const auth = await authenticate(c, agencyId.data, body);
    if (auth instanceof Response) return auth;
    const log = (status: number, outcome: string, detail: string) =>
      appendLog(db, {
        agencyId: agencyId.data, kind: "request", idempotencyKey: auth.idempotencyKey, method: c.req.method, path: signedPath(c), bodySha256: auth.bodySha256,
        signer: auth.signer, signature: auth.signature, signedAt: auth.time, status, outcome, detail,
      });
    const refused = async (status: 400 | 403 | 404 | 409, error: GatewayErrorCode, message: string, problems?: string[]) => {
      await log(status, `refused: ${error}`, message);
      return refuse(c, status, error, message, problems);
    };
    const agency = options.config().agencies.get(agencyId.data);
    if (!agency) return refused(404, "agencyNotConfigured", `Agency ${agencyId.data} is not served by this gateway.`);
    if (!(await chain.isRegistrar(agencyId.data, auth.signer))) {
      return refused(403, "forbidden", `${auth.signer} is not a registrar of agency ${agencyId.data} on chain.`);
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    } catch {
      return refused(400, "invalidRequest", "The body is not JSON in UTF-8.");
    }
    const parsed = coSignatureRequestSchema.safeParse(json);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
      return refused(400, "invalidRequest", `The request is invalid: ${problems.join("; ")}`, problems);
    }
    const registered = await chain.agency(agencyId.data);
    if (registered.pqKeyHash !== agency.coSigner.publicKeyHash) {
      return refused(409, "keyNotRegistered", `The gateway's co-signing key of agency ${agencyId.data} is not the key registered on chain.`);
    }
    const request = parsed.data;
    if (request.supersedes) {
      const old = await chain.document(request.supersedes as Hex);
      if (!old.found || old.agencyId !== agencyId.data || DOCUMENT_TYPES[old.docType] !== request.type) {
        return refused(409, "unknownDocument", `Document ${request.supersedes} is not a ${request.type} of agency ${agencyId.data}.`);
      }
    }
    const signed = await coSignedMetadata({ ...request, agency: { id: agencyId.data, name: registered.name } }, agency.coSigner, chain.chainId, chain.addresses.documents);
    const stored = await options.store.put(signed.bytes);
    await log(200, "co-signed", `metadata ${stored.digest}`);
    return c.json({ metadataDigest: stored.digest, metadataCid: stored.cid, coSignatureDigest: signed.coSignatureDigest } satisfies CoSignatureAnswer);
  }

  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => refuse(c, 413, "tooLarge", `The body is larger than ${MAX_BODY_BYTES / 1024} KiB: a request describes a document, it does not carry it.`),
  });
  app.post("/v1/agencies/:agencyId/documents", limit, submit("issue"));
  app.post("/v1/agencies/:agencyId/documents/:documentId/amend", limit, submit("amend"));
  app.post("/v1/agencies/:agencyId/documents/:documentId/revoke", limit, submit("revoke"));
  app.post("/v1/agencies/:agencyId/co-signatures", limit, coSignature);
  app.post(
    "/v1/agencies/:agencyId/batches",
    bodyLimit({ maxSize: MAX_BATCH_BODY_BYTES, onError: (c) => refuse(c, 413, "tooLarge", `A batch request is at most ${MAX_BATCH_BODY_BYTES / 1024} KiB (${MAX_BATCH_MEMBERS} members).`) }),
    submit("anchor"),
  );

  app.get("/v1/agencies/:agencyId/requests/:key", async (c) => {
    const agencyId = agencyParam.safeParse(c.req.param("agencyId"));
    if (!agencyId.success) return refuse(c, 404, "notFound", "The agency id must be a positive integer.");
    const auth = await authenticate(c, agencyId.data, new Uint8Array());
    if (auth instanceof Response) return auth;
    if (!mayRead(agencyId.data, auth.signer)) return refuse(c, 403, "forbidden", `${auth.signer} may not read agency ${agencyId.data}'s requests.`);
    const row = await requestByKey(db, agencyId.data, c.req.param("key"));
    if (!row) return refuse(c, 404, "notFound", "No request of this agency has that idempotency key.");
    return c.json(receiptOf(row, options.publicSite));
  });

  app.get("/v1/agencies/:agencyId/log", async (c) => {
    const agencyId = agencyParam.safeParse(c.req.param("agencyId"));
    if (!agencyId.success) return refuse(c, 404, "notFound", "The agency id must be a positive integer.");
    const auth = await authenticate(c, agencyId.data, new Uint8Array());
    if (auth instanceof Response) return auth;
    if (!mayRead(agencyId.data, auth.signer)) return refuse(c, 403, "forbidden", `${auth.signer} may not read agency ${agencyId.data}'s message log.`);
    const query = z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(1000).default(100) }).safeParse(c.req.query());
    if (!query.success) return refuse(c, 400, "invalidRequest", "after must be a sequence number ≥ 0 and limit 1 to 1000.");
    return c.json(await readLog(db, agencyId.data, query.data.after, query.data.limit));
  });

  return app;
}
