/**
 * The gateway's OpenAPI 3.1 document, generated from the zod schemas that validate its requests and shape its
 * answers (core/src/api/gateway.ts): the API is described once, by the code that enforces it.
 */
import { z } from "zod";

import {
  amendRequestSchema,
  batchRequestSchema,
  coSignatureAnswerSchema,
  coSignatureRequestSchema,
  gatewayErrorSchema,
  gatewayHealthSchema,
  issueRequestSchema,
  logPageSchema,
  receiptSchema,
  revokeRequestSchema,
} from "@government-dao/core/api/gateway";
import { GATEWAY_HEADERS, REQUEST_TIME_WINDOW_SECONDS } from "@government-dao/core/gateway-request";

const schema = (s: z.ZodType, io: "input" | "output" = "output") => z.toJSONSchema(s, { io, unrepresentable: "any" });
const json = (s: z.ZodType, description: string) => ({ description, content: { "application/json": { schema: schema(s) } } });
const refusal = (description: string) => json(gatewayErrorSchema, description);

const signatureParameters = [
  { name: GATEWAY_HEADERS.time, in: "header", required: true, schema: { type: "string", pattern: "^[0-9]{1,12}$" }, description: `Unix seconds when signed (±${REQUEST_TIME_WINDOW_SECONDS} s).` },
  { name: GATEWAY_HEADERS.signer, in: "header", required: true, schema: { type: "string", pattern: "^0x[0-9a-fA-F]{40}$" }, description: "Address of the signing key." },
  { name: GATEWAY_HEADERS.signature, in: "header", required: true, schema: { type: "string", pattern: "^0x[0-9a-fA-F]{130}$" }, description: "EIP-191 signature of the request text (see info.description)." },
];
const idempotency = { name: GATEWAY_HEADERS.idempotencyKey, in: "header", required: true, schema: { type: "string", pattern: "^[A-Za-z0-9._:-]{8,128}$" }, description: "The client's unique key of this operation." };
const agencyId = { name: "agencyId", in: "path", required: true, schema: { type: "integer", minimum: 1 } };
const documentId = { name: "documentId", in: "path", required: true, schema: { type: "string", pattern: "^0x[0-9a-f]{64}$" } };

function post(summary: string, body: z.ZodType, parameters: object[]) {
  return {
    post: {
      summary,
      parameters: [agencyId, ...parameters, idempotency, ...signatureParameters],
      requestBody: { required: true, content: { "application/json": { schema: schema(body, "input") } } },
      responses: {
        202: json(receiptSchema, "Queued: the receipt (state queued)."),
        200: json(receiptSchema, "The same request again (same idempotency key and body): its receipt, nothing new done."),
        400: refusal("Invalid request (the failing fields in problems)."),
        401: refusal("Not signed, signed wrongly, or signed too long ago."),
        403: refusal("The signer is not a key of this agency's systems, or the document is another agency's."),
        404: refusal("Unknown agency or document."),
        409: refusal("Idempotency key reused for another body; document already registered; registrar removed; co-signing key not the registered one."),
        413: refusal("Body over the route's limit: 64 KiB, or 1 MiB for a batch."),
        503: refusal("The chain does not answer: nothing was queued."),
      },
    },
  };
}

let built: object | undefined;

/** The OpenAPI 3.1 document (built once per process). */
export function gatewayOpenApi(): object {
  built ??= {
    openapi: "3.1.0",
    info: {
      title: "Government DAO agency gateway",
      version: "1",
      description:
        "One API through which an agency's own systems register, amend and revoke documents. Each request is signed with a key registered for the agency's systems: " +
        "an EIP-191 personal_sign signature of the lines 'government-dao gateway request v1', 'chain: <id>', 'method: <METHOD>', 'path: <path and query>', 'agency: <id>', " +
        "'idempotency-key: <key or ->', 'time: <unix seconds>', 'body-sha256: <0x…>' joined by newlines (core/src/gateway-request.ts). A request is queued once per idempotency key, " +
        "co-signed with the agency's ML-DSA key, sent through its registrar key and followed to a final state; the receipt says where it is.",
    },
    paths: {
      "/v1/agencies/{agencyId}/documents": post("Issue a document (order, certificate or notice)", issueRequestSchema, []),
      "/v1/agencies/{agencyId}/documents/{documentId}/amend": post("Issue a new version of a document; the old one becomes Amended", amendRequestSchema, [documentId]),
      "/v1/agencies/{agencyId}/documents/{documentId}/revoke": post("Revoke a document", revokeRequestSchema, [documentId]),
      "/v1/agencies/{agencyId}/batches": post("Anchor a batch of documents (a bulk registry such as certificates) by its Merkle root; the receipt's documentId is the root", batchRequestSchema, []),
      "/v1/agencies/{agencyId}/co-signatures": {
        post: {
          summary: "Co-sign and store the metadata of a document a registrar of the agency sends itself (signed by that registrar's key)",
          parameters: [agencyId, ...signatureParameters],
          requestBody: { required: true, content: { "application/json": { schema: schema(coSignatureRequestSchema, "input") } } },
          responses: {
            200: json(coSignatureAnswerSchema, "The digests the issue or amend transaction takes."),
            400: refusal("Invalid request."),
            401: refusal("Not signed, signed wrongly, or signed too long ago."),
            403: refusal("The signer is not a registrar of the agency on chain."),
            404: refusal("The agency is not served by this gateway."),
            409: refusal("The co-signing key is not the registered one, or the amended document is not the agency's."),
            413: refusal("Body over 64 KiB."),
          },
        },
      },
      "/v1/agencies/{agencyId}/requests/{key}": {
        get: {
          summary: "The receipt of a request, by its idempotency key (signed by the agency's key or an auditor's)",
          parameters: [agencyId, { name: "key", in: "path", required: true, schema: { type: "string" } }, ...signatureParameters],
          responses: { 200: json(receiptSchema, "The receipt."), 401: refusal("Not signed."), 403: refusal("Not the agency's or an auditor's key."), 404: refusal("No such request.") },
        },
      },
      "/v1/agencies/{agencyId}/log": {
        get: {
          summary: "The agency's message log: every request with its signature, and every outcome; no bodies",
          parameters: [
            agencyId,
            { name: "after", in: "query", schema: { type: "integer", minimum: 0 } },
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000 } },
            ...signatureParameters,
          ],
          responses: { 200: json(logPageSchema, "Entries after `after`, oldest first; `next` is the next page's `after`."), 401: refusal("Not signed."), 403: refusal("Not the agency's or an auditor's key.") },
        },
      },
      "/health": { get: { summary: "Whether the gateway, its configuration and the chain are well", responses: { 200: json(gatewayHealthSchema, "Health.") } } },
      "/openapi.json": { get: { summary: "This document", responses: { 200: { description: "OpenAPI 3.1" } } } },
    },
  };
  return built;
}
