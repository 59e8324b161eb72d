// The OpenAPI 3.1 description of the REST surface, served at /api/v1/openapi.json. The answer schemas are core's zod
// schemas (@government-dao/core/api/*) as JSON Schema (json-schema.ts), and the CSV and XML columns are their
// properties, so the three formats and the dApp's parser share one definition.
import { APPEAL_KINDS, APPEAL_STATES, appealDetailSchema, appealEventSchema, appealSchema, appealStatsSchema } from "@government-dao/core/api/appeal";
import { roleChangeSchema } from "@government-dao/core/api/audit";
import { allocationDetailSchema, allocationSchema, agencyTotalSchema, budgetOverviewSchema, milestoneSchema, releaseSchema } from "@government-dao/core/api/budget";
import { documentDetailSchema, documentSchema } from "@government-dao/core/api/document";
import { exportRowSchema } from "@government-dao/core/api/export-row";
import { flagRowSchema, flagsAnswerSchema } from "@government-dao/core/api/flags";
import { agencyDetailSchema, agencySchema, agencyWithRegistrarsSchema, officialDetailSchema, officialSchema } from "@government-dao/core/api/people";
import { proposalActionRowSchema, proposalDetailSchema, proposalSchema } from "@government-dao/core/api/proposal";

import { settingChangeSchema } from "@government-dao/core/api/settings";
import { signingKeyRowSchema } from "@government-dao/core/api/signing-keys";
import { snapshotListSchema } from "@government-dao/core/api/snapshot";

import { jsonSchemaOf } from "./json-schema.js";
import { APPEALS_LIST, APPEAL_STATS_LIST } from "./routes/appeals.js";
import { ALLOCATIONS_LIST, RELEASES_LIST, TOTALS_LIST } from "./routes/budget.js";
import { AUDIT_LIST, FLAGS_LIST } from "./routes/audit.js";
import { DOCUMENTS_LIST } from "./routes/documents.js";
import { AGENCIES_LIST, OFFICIALS_LIST } from "./routes/people.js";
import { COUNCIL_SETTINGS, SETTINGS_LIST } from "./routes/settings.js";
import { SIGNING_KEYS_LIST } from "./routes/signing-keys.js";
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, errorSchema, extractSchema, healthAnswerSchema, signingKeySchema, verifyAnswerSchema, voteRowSchema } from "./openapi-schemas.js";
import { FEEDS } from "./routes/feeds.js";
import { PROPOSAL_ACTIONS_LIST } from "./routes/proposal-actions.js";
import { PROPOSALS_LIST, PROPOSAL_FILTER_STATES } from "./routes/proposals.js";


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
/** A list route; its JSON items are `jsonItem` (default: the row schema `spec.item`, whose properties are the CSV/XML columns). */
const list = (spec: { name: string; item: string; columns: readonly string[] }, summary: string, extra: Parameter[] = [], paged = true, jsonItem = spec.item) => ({
  get: {
    summary,
    parameters: [...extra, ...(paged ? pageParams : onePageParams)],
    responses: {
      "200": {
        description: `A page of ${spec.name}`,
        content: {
          "application/json": { schema: { type: "object", properties: { items: { type: "array", items: { $ref: `#/components/schemas/${jsonItem}` } }, nextCursor: { type: ["string", "null"] } }, required: ["items", "nextCursor"] } },
          // x-columns: the row schema whose properties are the CSV header and the XML item's elements, in order.
          "text/csv": { schema: { type: "string", "x-columns": `#/components/schemas/${spec.item}` } },
          "application/xml": { schema: { type: "string", "x-columns": `#/components/schemas/${spec.item}` } },
        },
      },
      "400": { ...errorResponse, description: "Invalid input (invalid_input, invalid_cursor), or a query parameter this route does not accept (unknown_parameter) or given twice (repeated_parameter)" },
      ...guardResponses,
    },
  },
});
const json = (schema: object) => ({ "application/json": { schema } });
const ref = (component: string) => json({ $ref: `#/components/schemas/${component}` });

const detail = (summary: string, param: string, description: string, content: object = json({ type: "object" })) => ({
  get: {
    summary,
    parameters: [{ name: param, in: "path", required: true, schema: { type: "string" }, description }] satisfies Parameter[],
    responses: {
      "200": { description: summary, content },
      "400": { ...errorResponse, description: "Invalid input, or any query parameter (unknown_parameter: this route accepts none)" },
      "404": errorResponse,
      ...guardResponses,
    },
  },
});
const sha = "sha-256 of the file (64 hex digits, 0x optional)";
/** An OCDS package route: JSON valid against the OCDS 1.1.5 package schemas (indexer/standards/ocds-1.1.5/, tests/ocds.test.ts). */
const ocdsRoute = (summary: string) => ({
  get: {
    summary,
    parameters: [{ name: "allocation", in: "query", schema: { type: "string", pattern: "^\\d{1,78}$" }, description: "one allocation (decimal id)" }] satisfies Parameter[],
    responses: {
      "200": { description: summary, content: json({ type: "object", required: ["uri", "version", "publishedDate", "publisher"], properties: { version: { const: "1.1" } }, description: "OCDS 1.1.5; validated against the official schemas by tests/ocds.test.ts" }) },
      "400": errorResponse,
      "404": { ...errorResponse, description: "No such allocation, or no allocation yet (a package holds at least one release)" },
      ...guardResponses,
    },
  },
});

/** The flags' JSON answer: core's zod schema (the indexer reads the auditor's file with its sibling). */
const FLAGS_JSON = jsonSchemaOf(flagsAnswerSchema);
/** `route` with its 200 JSON schema replaced. */
function withJson<R extends { get: { responses: { "200": { content: Record<string, { schema: object }> } } } }>(route: R, schema: object): R {
  const ok = route.get.responses["200"];
  return { ...route, get: { ...route.get, responses: { ...route.get.responses, "200": { ...ok, content: { ...ok.content, "application/json": { schema } } } } } };
}

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
    "/api/v1/documents": list(DOCUMENTS_LIST, "Documents, newest first; searched with q, filtered by agency, type, status and issue date", [
      { name: "q", in: "query", schema: { type: "string", maxLength: 200 }, description: "search: a piece of a title (kk, ru or en), of the document number, of the agency's name, or of the hash (case-insensitive; titles and numbers only of documents whose metadataStatus is INDEXED)" },
      { name: "agency", in: "query", schema: { type: "string" }, description: "agency id (0: central government)" },
      { name: "type", in: "query", schema: { type: "string", enum: DOCUMENT_TYPES } },
      { name: "status", in: "query", schema: { type: "string", enum: DOCUMENT_STATUSES } },
      { name: "from", in: "query", schema: { type: "string" }, description: "issued at or after (unix seconds)" },
      { name: "to", in: "query", schema: { type: "string" }, description: "issued at or before (unix seconds)" },
    ]),
    "/api/v1/documents/{id}": detail("One document, every version of its amendment chain and their history", "id", sha, ref("DocumentDetail")),
    "/api/v1/documents/{id}/extract": detail("Citizen extract: the document as JSON signed with the API's ML-DSA-65 key (core/src/extract.ts verifies it offline)", "id", sha, json({ $ref: "#/components/schemas/Extract" })),
    "/api/v1/signing-key": { get: { summary: "The API's ML-DSA-65 public key (base64) and its sha-256", responses: { "200": { description: "key", content: json({ $ref: "#/components/schemas/SigningKey" }) }, ...guardResponses } } },
    "/api/v1/signing-keys": list(SIGNING_KEYS_LIST, "Every signing key of the government's services the SigningKeyRegistry holds (all purposes, retired ones included), in key-id order: purpose, sha-256 of the public key, validity period (validUntil 0: in use; equal to validFrom: retired as compromised), registration and latest retirement", [], false),
    "/api/v1/verify/{sha256}": detail("Verify a file: status, agency, enacting proposal and votes, transaction, block time, co-signature check (valid | invalid | unavailable | none)", "sha256", sha, json({ $ref: "#/components/schemas/Verify" })),
    "/api/v1/proposals": list(PROPOSALS_LIST, "Proposals, newest first", [
      {
        name: "state",
        in: "query",
        schema: { type: "string", enum: PROPOSAL_FILTER_STATES },
        description: "an event-derived state (CREATED, QUEUED, EXECUTED, CANCELED) or one of the Governor's eight states at the indexed head (Pending … Executed)",
      },
    ]),
    "/api/v1/proposal-actions": list(PROPOSAL_ACTIONS_LIST, "Every action of every proposal, one row each: the call, its decoded arguments typed (JSON), what it does in kk, ru and en; proposals newest first, each one's actions in order", [
      { name: "proposal", in: "query", schema: { type: "string", pattern: "^[0-9]{1,78}$" }, description: "one proposal's actions (decimal proposal id)" },
    ]),
    "/api/v1/proposals/{id}": detail(
      "One proposal: the Governor's state at the indexed head, decoded actions with their sentences in kk, ru and en, tallies, votes with reasons, timeline",
      "id",
      "decimal proposal id",
      ref("ProposalDetail"),
    ),
    "/api/v1/appeals": list(APPEALS_LIST, "Citizens' appeals, newest first; filtered by state, respondent, kind, subject, and overdue (pending past the due date at the indexed head's time)", [
      { name: "state", in: "query", schema: { type: "string", enum: APPEAL_STATES } },
      { name: "respondent", in: "query", schema: { type: "string" }, description: "the body that must answer now: agency id (0: the council)" },
      { name: "kind", in: "query", schema: { type: "string", enum: APPEAL_KINDS } },
      { name: "subject", in: "query", schema: { type: "string" }, description: "the contested document's token id or proposal's id (decimal)" },
      { name: "overdue", in: "query", schema: { type: "string", enum: ["true", "false"] } },
    ]),
    "/api/v1/appeals/stats": list(APPEAL_STATS_LIST, "Appeals per body that must answer them: received, pending, overdue, answered (on time), withdrawn, verdicts, median days to answer, upheld share", [], false),
    "/api/v1/appeals/{id}": detail("One appeal with its timeline (filed, forwarded, extended, answered, withdrawn, followed up, remedy linked)", "id", "the appeal's number (decimal)", ref("AppealDetail")),
    "/api/v1/budget": {
      get: {
        summary: "The budget in one answer: totals per agency and token, agency names, and a page of allocations (newest first) each with its milestones and releases",
        parameters: [limitParam, { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" }] satisfies Parameter[],
        responses: {
          "200": { description: "budget", content: ref("BudgetOverview") },
          "400": { ...errorResponse, description: "Invalid input (invalid_input, invalid_cursor), or a query parameter this route does not accept (unknown_parameter) or given twice (repeated_parameter)" },
          ...guardResponses,
        },
      },
    },
    "/api/v1/budget/allocations": list(ALLOCATIONS_LIST, "Allocations, newest first"),
    "/api/v1/budget/allocations/{id}": detail("One allocation with its milestones and releases", "id", "decimal allocation id", ref("AllocationDetail")),
    "/api/v1/budget/releases": list(RELEASES_LIST, "Releases, newest first"),
    "/api/v1/budget/totals": list(TOTALS_LIST, "Allocated, released and cancelled per agency and token", [], false),
    "/api/v1/officials": list(OFFICIALS_LIST, "Officials and their seats", [], false),
    "/api/v1/agencies/{id}": detail("One agency of the registry: its registrars, its seated officials, its money per token, and its newest documents and allocations", "id", "decimal agency id", ref("AgencyDetail")),
    "/api/v1/officials/{address}": detail("One official: the seat with its agency, and every vote cast with the account, newest first, each with its reason and its proposal's title", "address", "the official's account (0x and 40 hex digits, any case)", ref("OfficialDetail")),
    "/api/v1/agencies": list(AGENCIES_LIST, "Agencies exactly as the registry has them (JSON adds their registrars); agency 0, the central government, is not one", [], false, "agencyWithRegistrars"),
    "/api/v1/audit-log": list(AUDIT_LIST, "Every change of power (roles, registrars, seats, agencies, council settings), newest first"),
    "/api/v1/ocds/release-package": ocdsRoute("OCDS 1.1 release package: every allocation of the escrow as a contracting process (planning.budget, award, contract with milestones; a release per payment with its transaction; termination on cancel)"),
    "/api/v1/ocds/record-package": ocdsRoute("OCDS 1.1 record package: per allocation its releases and the compiled release (the process as it stands)"),
    "/api/v1/popolo": {
      get: {
        summary: "The council as Popolo: persons (seat-holding addresses, no names), organizations (the council, the agencies), posts, memberships (seat terms), motions and vote events (proposals, counts, result) and votes",
        responses: {
          "200": { description: "Popolo export", content: json({ type: "object", required: ["persons", "organizations", "posts", "memberships", "motions", "vote_events", "votes"], description: "each object valid against the Popolo schemas (indexer/standards/popolo/, tests/popolo.test.ts)" }) },
          "400": { ...errorResponse, description: "Any query parameter (unknown_parameter: this route accepts none)" },
          ...guardResponses,
        },
      },
    },
    "/api/v1/catalog": {
      get: {
        summary: "DCAT-AP 3 catalogue (JSON-LD, inline context) of every data set of this API, a distribution per format, titles in kk, ru and en",
        responses: {
          "200": { description: "DCAT-AP catalogue", content: { "application/ld+json": { schema: { type: "object", required: ["@context", "@id", "@type", "dataset"], description: "valid against the DCAT-AP 3.0.1 SHACL shapes (indexer/standards/dcat-ap-3.0.1/, tests/catalog.test.ts)" } } } },
          "400": { ...errorResponse, description: "Any query parameter (unknown_parameter: this route accepts none)" },
          ...guardResponses,
        },
      },
    },
    "/api/v1/datapackage.json": {
      get: {
        summary: "Frictionless Tabular Data Package of the CSV exports: a resource per list, with the Table Schema of its columns (types, patterns, enums, required), generated from the same schemas as the answers",
        responses: {
          "200": { description: "Tabular Data Package (v1)", content: json({ type: "object", required: ["profile", "name", "resources"], description: "valid against the Frictionless tabular-data-package profile (indexer/standards/frictionless-v1/, tests/public-answers.test.ts)" }) },
          "400": { ...errorResponse, description: "Any query parameter (unknown_parameter: this route accepts none)" },
          ...guardResponses,
        },
      },
    },
    "/api/v1/snapshots": {
      get: {
        summary: "The open-data snapshots, newest first: complete dumps of every data set, anchored on chain as one co-signed Merkle batch each (check a downloaded file with /api/v1/verify/{sha256} or `gov verify`); each with its batch, manifest and files (their sha-256: GET them from the content store)",
        parameters: [
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 } },
          { name: "cursor", in: "query", schema: { type: "string" }, description: "nextCursor of the previous page" },
        ] satisfies Parameter[],
        responses: {
          "200": { description: "snapshots", content: json({ $ref: "#/components/schemas/SnapshotList" }) },
          "400": { ...errorResponse, description: "Invalid input (invalid_input), or a query parameter this route does not accept (unknown_parameter)" },
          ...guardResponses,
        },
      },
    },
    "/api/v1/settings-history": list(SETTINGS_LIST, "Every change of a council setting (Governor and Timelock), from the deployment's values on, with the proposal that made it (null: set at deployment), newest first", [
      { name: "setting", in: "query", schema: { type: "string", enum: COUNCIL_SETTINGS } },
    ]),
    "/api/v1/flags": withJson(
      list(FLAGS_LIST, "The digital auditor's flags (JSON: the auditor's file as written, with generatedAt, chainId, block and the rules; CSV and XML: flat rows); no auditor run yet = empty list", [], false),
      FLAGS_JSON,
    ),
    "/api/v1/feeds/{feed}": detail("RSS 2.0 (atom:link rel=self, lastBuildDate) and Atom (RFC 4287) feeds: the 50 newest proposals; the 50 newest document events (issued, amended, revoked); the 50 newest steps of appeals. deadlines.ics: an iCalendar (RFC 5545) of the deadlines: votes ending, Timelock ETAs, budget milestones and appeal answers due (the 200 newest of each), in chain time", "feed", FEEDS.join(" | "), {
      "application/rss+xml": { schema: { type: "string" } },
      "application/atom+xml": { schema: { type: "string" } },
      "text/calendar": { schema: { type: "string" } },
    }),
    "/api/v1/health": {
      get: {
        summary: "Chain head (RPC), indexed head, lag in blocks, npm start's supervised children (children: null without npm start); status ok | degraded with its problems",
        responses: { "200": { description: "health", content: json(healthAnswerSchema) }, ...guardResponses },
      },
    },
    "/api/v1/openapi.json": {
      get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1", content: json({ type: "object", required: ["openapi", "info", "paths", "components"], properties: { openapi: { const: "3.1.0" } } }) }, ...guardResponses } },
    },
  },
  components: {
    schemas: {
      Error: errorSchema,
      Verify: verifyAnswerSchema,
      SnapshotList: jsonSchemaOf(snapshotListSchema),
      Extract: extractSchema,
      SigningKey: signingKeySchema,
      vote: voteRowSchema,
      // A list's rows as exported (core's export-row.ts): times also ISO 8601, amounts also in currency units.
      [DOCUMENTS_LIST.item]: jsonSchemaOf(exportRowSchema(documentSchema)),
      [PROPOSALS_LIST.item]: jsonSchemaOf(exportRowSchema(proposalSchema)),
      [PROPOSAL_ACTIONS_LIST.item]: jsonSchemaOf(exportRowSchema(proposalActionRowSchema)),
      [ALLOCATIONS_LIST.item]: jsonSchemaOf(exportRowSchema(allocationSchema, ALLOCATIONS_LIST.money)),
      [RELEASES_LIST.item]: jsonSchemaOf(exportRowSchema(releaseSchema, RELEASES_LIST.money)),
      [TOTALS_LIST.item]: jsonSchemaOf(exportRowSchema(agencyTotalSchema, TOTALS_LIST.money)),
      milestone: jsonSchemaOf(milestoneSchema),
      [OFFICIALS_LIST.item]: jsonSchemaOf(exportRowSchema(officialSchema)),
      [AGENCIES_LIST.item]: jsonSchemaOf(exportRowSchema(agencySchema)),
      agencyWithRegistrars: jsonSchemaOf(agencyWithRegistrarsSchema),
      OfficialDetail: jsonSchemaOf(officialDetailSchema),
      AgencyDetail: jsonSchemaOf(agencyDetailSchema),
      DocumentDetail: jsonSchemaOf(documentDetailSchema),
      ProposalDetail: jsonSchemaOf(proposalDetailSchema),
      AllocationDetail: jsonSchemaOf(allocationDetailSchema),
      BudgetOverview: jsonSchemaOf(budgetOverviewSchema),
      [APPEALS_LIST.item]: jsonSchemaOf(exportRowSchema(appealSchema)),
      [APPEAL_STATS_LIST.item]: jsonSchemaOf(exportRowSchema(appealStatsSchema)),
      appealEvent: jsonSchemaOf(appealEventSchema),
      AppealDetail: jsonSchemaOf(appealDetailSchema),
      [FLAGS_LIST.item]: jsonSchemaOf(exportRowSchema(flagRowSchema)),
      [AUDIT_LIST.item]: jsonSchemaOf(exportRowSchema(roleChangeSchema)),
      [SETTINGS_LIST.item]: jsonSchemaOf(exportRowSchema(settingChangeSchema)),
      [SIGNING_KEYS_LIST.item]: jsonSchemaOf(exportRowSchema(signingKeyRowSchema)),
    },
  },
} as const;
