// JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the answers whose shape this module pins down: the document and
// proposal rows, verify, the signed extract, the signing key and errors. Every column is required (a row always has
// every column, null when absent); hashes, addresses and decimal strings have patterns; enums list their values.
// tests/public-answers.test.ts validates real answers against the served document.
import { PROPOSAL_STATES as GOVERNOR_STATES } from "@government-dao/core/proposal-state";

import { DOCUMENT_COLUMNS, PROPOSAL_COLUMNS, VOTE_COLUMNS } from "./rows.js";

type Schema = Record<string, unknown>;

export const HASH: Schema = { type: "string", pattern: "^0x[0-9a-f]{64}$", description: "32 bytes, 0x + 64 lowercase hex digits" };
export const ADDRESS: Schema = { type: "string", pattern: "^0x[0-9a-fA-F]{40}$", description: "an account or contract address" };
export const DECIMAL: Schema = { type: "string", pattern: "^[0-9]{1,78}$", description: "a uint256 (id, amount, block number, unix seconds) as a decimal string" };
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: "null" }] });
const text: Schema = { type: "string" };
const count: Schema = { type: "integer", minimum: 0 };

export const DOCUMENT_TYPES = ["DECREE", "LAW", "BUDGET", "ORDER", "CERTIFICATE", "NOTICE"] as const;
export const DOCUMENT_STATUSES = ["ACTIVE", "AMENDED", "REVOKED"] as const;
export const VOTE_SUPPORT = ["AGAINST", "FOR", "ABSTAIN"] as const;

/** An object schema with exactly these properties, all required. */
const record = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: "object",
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

/** Column schemas must cover the exported columns exactly (checked when this module loads). */
function columns(names: readonly string[], schemas: Record<string, Schema>, description: string): Schema {
  const missing = names.filter((n) => !(n in schemas));
  const extra = Object.keys(schemas).filter((n) => !names.includes(n));
  if (missing.length > 0 || extra.length > 0) throw new Error(`openapi-schemas: columns and schemas differ (missing ${missing.join(", ") || "none"}; extra ${extra.join(", ") || "none"})`);
  return record(Object.fromEntries(names.map((n) => [n, schemas[n] as Schema])), description);
}

export const documentRowSchema = columns(
  DOCUMENT_COLUMNS,
  {
    id: HASH, docType: { type: "string", enum: DOCUMENT_TYPES }, status: { type: "string", enum: DOCUMENT_STATUSES }, agencyId: DECIMAL,
    agencyName: nullable(text), issuer: ADDRESS, issuedAt: DECIMAL, issuedBlock: DECIMAL, issuedTx: HASH, metadataDigest: HASH,
    coSignatureDigest: nullable(HASH), supersedes: nullable(HASH), supersededBy: nullable(HASH), amendReason: nullable(text),
    revokedAt: nullable(DECIMAL), revokedBy: nullable(ADDRESS), revokeReason: nullable(text), proposalId: nullable(DECIMAL),
  },
  "A document (id = sha-256 of the file). Times are unix seconds.",
);

/** The Governor's eight states (IGovernor.ProposalState, core/src/proposal-state.ts). */
export const GOVERNOR_STATE: Schema = { type: "string", enum: GOVERNOR_STATES, description: "GovernmentGovernor.state() at the indexed head" };

/** The event-derived proposal states the API answers (routes/proposals.ts passes its own list, so the two never differ). */
export function proposalRowSchema(states: readonly string[]): Schema {
  return columns(
    PROPOSAL_COLUMNS,
    {
      id: DECIMAL, proposer: ADDRESS, description: text, state: { type: "string", enum: states }, governorState: GOVERNOR_STATE, voteStart: DECIMAL, voteEnd: DECIMAL,
      extendedDeadline: nullable(DECIMAL), forVotes: DECIMAL, againstVotes: DECIMAL, abstainVotes: DECIMAL, voteCount: count, actionCount: count,
      eta: nullable(DECIMAL), createdAt: DECIMAL, createdBlock: DECIMAL, createdTx: HASH, queuedAt: nullable(DECIMAL), executedAt: nullable(DECIMAL),
      executedTx: nullable(HASH), canceledAt: nullable(DECIMAL),
    },
    "A proposal of the Governor. Votes are counted in seats.",
  );
}

/** One decoded argument of an action: name, canonical type, value (integers as decimal strings, tuples as objects). */
const actionArgSchema = record({ name: text, type: text, value: {} });

/** One action of a proposal: the raw call, core's decoding, and its sentence in each language (plain text). */
export const proposalActionSchema = record(
  {
    id: text,
    proposalId: DECIMAL,
    index: count,
    target: ADDRESS,
    targetContract: nullable(text),
    value: DECIMAL,
    calldata: { type: "string", pattern: "^0x[0-9a-f]*$" },
    selector: nullable({ type: "string", pattern: "^0x[0-9a-f]{8}$" }),
    signature: nullable(text),
    arguments: nullable({ type: "array", items: text, description: "graph-style `name: value` strings, as the subgraph's" }),
    args: nullable({ type: "array", items: actionArgSchema, description: "the decoded arguments; null when the call is not decoded" }),
    decodeError: nullable({ type: "string", description: "why a call to one of the system's contracts does not decode" }),
    sentence: record({ en: text, ru: text, kk: text }, "the action as a sentence, with the labels the indexer held at the proposal's block"),
  },
  "One call the proposal makes, decoded when its target is one of the system's contracts.",
);

/** GET /api/v1/proposals/{id}: the row, the Governor's state at the indexed head, actions, votes, timeline. */
export function proposalDetailSchema(states: readonly string[]): Schema {
  return record({
    proposal: proposalRowSchema(states),
    state: GOVERNOR_STATE,
    indexedBlock: record({ number: DECIMAL, timestamp: DECIMAL }, "the indexed head the state is computed at"),
    actions: { type: "array", items: proposalActionSchema },
    votes: { type: "array", items: voteRowSchema },
    timeline: { type: "array", items: { type: "object" } },
  });
}

export const voteRowSchema = columns(
  VOTE_COLUMNS,
  {
    proposalId: DECIMAL, voter: ADDRESS, support: { type: "string", enum: VOTE_SUPPORT }, weight: DECIMAL, reason: text,
    params: nullable({ type: "string", pattern: "^0x[0-9a-f]*$" }), blockNumber: DECIMAL, timestamp: DECIMAL, transactionHash: HASH,
  },
  "One vote, with its reason.",
);

const coSignature: Schema = {
  oneOf: [
    record({ status: { const: "valid" }, keySha256: HASH, agencyId: DECIMAL }),
    record({ status: { const: "invalid" }, reason: text }),
    record({ status: { const: "unavailable" }, reason: text }),
    record({ status: { const: "none" } }),
  ],
};

export function verifySchema(states: readonly string[]): Schema {
  const proposal = proposalRowSchema(states);
  const proposalProperties = (proposal.properties ?? {}) as Record<string, Schema>;
  return {
    oneOf: [
      record({
        sha256: HASH,
        found: { const: false },
        unsearchedBatches: { type: "array", items: text, description: "batches whose tree is not in the content store: not searched" },
        batchMemberRevocations: { type: "array", items: record({ batch: text, reason: text, revokedBy: ADDRESS, timestamp: DECIMAL, transactionHash: HASH }) },
      }, "No document has this hash and no searchable batch holds it (a revoked member of a Merkle batch may still be listed)."),
      record({
        sha256: HASH,
        found: { const: true },
        status: { type: "string", enum: DOCUMENT_STATUSES },
        docType: { type: "string", enum: DOCUMENT_TYPES },
        agency: record({ id: DECIMAL, name: nullable(text) }),
        issuer: ADDRESS,
        transactionHash: HASH,
        blockNumber: DECIMAL,
        blockTime: DECIMAL,
        supersedes: nullable(HASH),
        supersededBy: nullable(HASH),
        revoked: nullable(record({ at: nullable(DECIMAL), by: nullable(ADDRESS), reason: nullable(text) })),
        proposal: nullable(record({ ...proposalProperties, votes: { type: "array", items: voteRowSchema } })),
        coSignature,
      }, "The document on chain, its enacting proposal with its votes, and the co-signature check."),
      record({
        sha256: HASH,
        found: { const: true },
        status: { type: "string", enum: ["ACTIVE", "REVOKED"] },
        docType: { const: "CERTIFICATE" },
        agency: record({ id: DECIMAL, name: nullable(text) }),
        issuer: ADDRESS,
        transactionHash: HASH,
        blockNumber: { type: "null" },
        blockTime: DECIMAL,
        supersedes: { type: "null" },
        supersededBy: { type: "null" },
        revoked: nullable(record({ at: nullable(DECIMAL), by: nullable(ADDRESS), reason: nullable(text) })),
        proposal: { type: "null" },
        coSignature,
        batch: record({
          id: text, root: HASH, agencyId: DECIMAL, count: DECIMAL, metadataDigest: HASH, revoked: { type: "boolean" },
          index: { type: "integer", minimum: 0 },
          proof: { type: "array", items: HASH, description: "Merkle proof of the member (OpenZeppelin StandardMerkleTree, leaf encoding bytes32); check it against the root on chain" },
        }),
      }, "A member of a Merkle-anchored batch: the batch on chain, the member's proof, and the batch's co-signature check."),
    ],
  };
}

export const signingKeySchema = record({
  algorithm: { const: "ML-DSA-65" },
  publicKey: { type: "string", contentEncoding: "base64", description: "the ML-DSA-65 public key (1,952 bytes), base64" },
  publicKeySha256: HASH,
});

export const extractSchema: Schema = {
  type: "object",
  description: "A citizen extract: canonical JSON (keys sorted, no spaces) of everything but `signature`, signed with pure ML-DSA-65 (lib/extract.ts verifyExtract).",
  properties: {
    schema: { const: "government-dao/extract@1" },
    chainId: { type: "integer" },
    documentRegistry: ADDRESS,
    extractedAt: { type: "integer", description: "unix seconds when it was signed (one signature per document and indexed checkpoint)" },
    links: record({ verify: { type: "string", format: "uri" }, document: { type: "string", format: "uri" }, signingKey: { type: "string", format: "uri" } }, "where to check it again (from PUBLIC_URL)"),
    document: documentRowSchema,
    versions: { type: "array", items: documentRowSchema, minItems: 1 },
    history: { type: "array", items: { type: "object" } },
    signature: record({ algorithm: { const: "ML-DSA-65" }, publicKeySha256: HASH, value: { type: "string", contentEncoding: "base64" } }),
  },
  required: ["schema", "chainId", "documentRegistry", "extractedAt", "links", "document", "versions", "history", "signature"],
  additionalProperties: false,
};

export const ERROR_CODES = [
  "invalid_input", "invalid_cursor", "unknown_parameter", "repeated_parameter", "not_found", "flags_unreadable", "method_not_allowed", "rate_limited", "internal",
] as const;

export const errorSchema = record({ error: record({ code: { type: "string", enum: ERROR_CODES }, message: text }) });
