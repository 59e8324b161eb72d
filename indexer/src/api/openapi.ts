// The OpenAPI 3.1 description of the REST surface, served at /api/v1/openapi.json. List item schemas are built
// from the same column lists the CSV and XML exports use, so the three formats share one documented schema.
import { ALLOCATIONS_LIST, RELEASES_LIST, TOTALS_LIST } from "./routes/budget.js";
import { AUDIT_LIST, FLAGS_LIST } from "./routes/audit.js";
import { DOCUMENTS_LIST } from "./routes/documents.js";
import { AGENCIES_LIST, OFFICIALS_LIST } from "./routes/people.js";
import { PROPOSALS_LIST } from "./routes/proposals.js";

const row = (columns: readonly string[]) => ({
  type: "object",
  description: "Flat row. uint256 amounts, ids and times (unix seconds) are decimal strings; null when absent.",
  properties: Object.fromEntries(columns.map((c) => [c, { type: ["string", "number", "boolean", "null"] }])),
});

const formatParam: Parameter = { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv", "xml"], default: "json" }, description: "json: {items, nextCursor}; csv: header row + rows; xml: <list><item><column/>…" };
const bomParam: Parameter = { name: "bom", in: "query", schema: { type: "string", enum: ["0", "1"], default: "0" }, description: "1: a UTF-8 byte order mark before the CSV, so that Excel reads Cyrillic and Kazakh text as UTF-8 (format=csv only; 400 otherwise). CSV cells starting with = + - @, a tab or CR are prefixed with ' (formula-injection guard)" };
const limitParam: Parameter = { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 } };
const pageParams: Parameter[] = [
  limitParam,
  { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page (also in the X-Next-Cursor header)" },
  formatParam,
  bomParam,
];
/** One-page lists accept `limit` like the paged ones (the dApp's open-data links send it) and always answer every row. */
const onePageParams: Parameter[] = [{ ...limitParam, description: "accepted like on the paged lists; this list is always one page" }, formatParam, bomParam];
const errorResponse = { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
/** Every route: 429 when the client's rate limit is spent (with Retry-After), 405 for any method but GET/HEAD/OPTIONS. */
const guardResponses = {
  "405": { ...errorResponse, description: "Method not allowed: the API is read-only (code method_not_allowed; Allow header)" },
  "429": { ...errorResponse, description: "Too many requests from this client (code rate_limited; Retry-After header, seconds)" },
};
/** An OpenAPI parameter object (what query-params.ts reads: name and place). */
interface Parameter {
  name: string;
  in: "query" | "path";
  required?: boolean;
  schema: object;
  description?: string;
}
const list = (spec: { name: string; item: string; columns: readonly string[] }, summary: string, extra: Parameter[] = [], paged = true) => ({
  get: {
    summary,
    parameters: [...extra, ...(paged ? pageParams : onePageParams)],
    responses: {
      "200": {
        description: `A page of ${spec.name}`,
        content: {
          "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: `#/components/schemas/${spec.item}` } }, nextCursor: { type: ["string", "null"] } } } },
          "text/csv": { schema: { type: "string" } },
          "application/xml": { schema: { type: "string" } },
        },
      },
      "400": { ...errorResponse, description: "Invalid input (invalid_input, invalid_cursor), or a query parameter this route does not accept (unknown_parameter) or given twice (repeated_parameter)" },
      ...guardResponses,
    },
  },
});
const detail = (summary: string, param: string, description: string) => ({
  get: {
    summary,
    parameters: [{ name: param, in: "path", required: true, schema: { type: "string" }, description }] satisfies Parameter[],
    responses: {
      "200": { description: summary, content: { "application/json": { schema: { type: "object" } } } },
      "400": { ...errorResponse, description: "Invalid input, or any query parameter (unknown_parameter: this route accepts none)" },
      "404": errorResponse,
      ...guardResponses,
    },
  },
});
const sha = "sha-256 of the file (64 hex digits, 0x optional)";

export const openapi = {
  openapi: "3.1.0",
  info: {
    title: "Government DAO public API",
    version: "1.0.0",
    description:
      "Read-only public data of the Government DAO, indexed from the chain (Ponder). GraphQL at /graphql mirrors the subgraph's entities. Errors are JSON {error: {code, message}}. Only GET, HEAD and OPTIONS are allowed (405 otherwise); each client has a rate limit (429 with Retry-After). Public reads from any origin (CORS *).",
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/v1/documents": list(DOCUMENTS_LIST, "Documents, newest first", [
      { name: "agency", in: "query", schema: { type: "string" }, description: "agency id (0: central government)" },
      { name: "type", in: "query", schema: { type: "string", enum: ["DECREE", "LAW", "BUDGET", "ORDER", "CERTIFICATE", "NOTICE"] } },
      { name: "status", in: "query", schema: { type: "string", enum: ["ACTIVE", "AMENDED", "REVOKED"] } },
      { name: "from", in: "query", schema: { type: "string" }, description: "issued at or after (unix seconds)" },
      { name: "to", in: "query", schema: { type: "string" }, description: "issued at or before (unix seconds)" },
    ]),
    "/api/v1/documents/{id}": detail("One document, every version of its amendment chain and their history", "id", sha),
    "/api/v1/documents/{id}/extract": detail("Citizen extract: the document as JSON signed with the API's ML-DSA-65 key (lib/extract.ts verifies it offline)", "id", sha),
    "/api/v1/signing-key": { get: { summary: "The API's ML-DSA-65 public key (base64) and its sha-256", responses: { "200": { description: "key" } } } },
    "/api/v1/verify/{sha256}": detail("Verify a file: status, agency, enacting proposal and votes, transaction, block time, co-signature check (valid | invalid | unavailable | none)", "sha256", sha),
    "/api/v1/proposals": list(PROPOSALS_LIST, "Proposals, newest first", [{ name: "state", in: "query", schema: { type: "string", enum: ["CREATED", "QUEUED", "EXECUTED", "CANCELED"] } }]),
    "/api/v1/proposals/{id}": detail("One proposal: decoded actions, tallies, votes with reasons, timeline", "id", "decimal proposal id"),
    "/api/v1/budget/allocations": list(ALLOCATIONS_LIST, "Allocations, newest first"),
    "/api/v1/budget/allocations/{id}": detail("One allocation with its milestones and releases", "id", "decimal allocation id"),
    "/api/v1/budget/releases": list(RELEASES_LIST, "Releases, newest first"),
    "/api/v1/budget/totals": list(TOTALS_LIST, "Allocated, released and cancelled per agency and token", [], false),
    "/api/v1/officials": list(OFFICIALS_LIST, "Officials and their seats", [], false),
    "/api/v1/agencies": list(AGENCIES_LIST, "Agencies (JSON adds their registrars)", [], false),
    "/api/v1/audit-log": list(AUDIT_LIST, "Every change of power (roles, registrars, seats, agencies), newest first"),
    "/api/v1/flags": list(FLAGS_LIST, "The digital auditor's flags (JSON adds generatedAt, chainId, block and the rules); no auditor run yet = empty list", [], false),
    "/api/v1/feeds/{feed}": detail("RSS 2.0 / Atom feeds", "feed", "proposals.rss | proposals.atom | documents.rss | documents.atom"),
    "/api/v1/openapi.json": { get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1" } } } },
  },
  components: {
    schemas: {
      Error: { type: "object", properties: { error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } }, required: ["code", "message"] } } },
      ...Object.fromEntries(
        [DOCUMENTS_LIST, PROPOSALS_LIST, ALLOCATIONS_LIST, RELEASES_LIST, TOTALS_LIST, OFFICIALS_LIST, AGENCIES_LIST, AUDIT_LIST, FLAGS_LIST].map((s) => [s.item, row(s.columns)]),
      ),
    },
  },
} as const;
