// The HTTP surface: GraphQL (Ponder's, same entities as the subgraph) and the REST API under /api/v1.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { graphql, sql } from "ponder";

import { answerCache, answerCacheBytesFromEnv } from "./answer-cache.js";
import { errorAnswer, errorResponse } from "./errors.js";
import { graphqlGuard, graphqlLimitsFromEnv } from "./graphql-guard.js";
import { openapi } from "./openapi.js";
import { appeals } from "./routes/appeals.js";
import { audit } from "./routes/audit.js";
import { budget } from "./routes/budget.js";
import { documents } from "./routes/documents.js";
import { extract } from "./routes/extract.js";
import { feeds } from "./routes/feeds.js";
import { health } from "./routes/health.js";
import { people } from "./routes/people.js";
import { catalogRoute } from "./routes/catalog.js";
import { ocds } from "./routes/ocds.js";
import { popolo } from "./routes/popolo.js";
import { proposals } from "./routes/proposals.js";
import { proposalActions } from "./routes/proposal-actions.js";
import { settings } from "./routes/settings.js";
import { signingKeys } from "./routes/signing-keys.js";
import { snapshots } from "./routes/snapshots.js";
import { verify } from "./routes/verify.js";
import { acceptedQueryParameters, routeQueries } from "./query-params.js";
import { apiSecureHeaders, cachePolicy, extractRateLimitFromEnv, graphqlSecureHeaders, publicCors, rateLimit, rateLimitFromEnv, readOnly } from "./security.js";

// One bucket per client across REST and GraphQL (API_RATE_LIMIT per second, API_RATE_BURST; docs/security.md), and
// a second, lower one for signed extracts (API_EXTRACT_RATE_LIMIT).
const limiter = rateLimit(rateLimitFromEnv());
const extractLimiter = rateLimit(extractRateLimitFromEnv());

/**
 * The version of the indexed data: the latest checkpoint of every chain (Ponder's `_ponder_checkpoint`, one row per
 * chain, written in the same transaction as each block's rows; the app schema is on the connection's search path).
 */
async function indexedVersion(): Promise<string> {
  const result = await db.execute(sql`SELECT chain_name, latest_checkpoint FROM _ponder_checkpoint ORDER BY chain_name`);
  return (result.rows as { chain_name: string; latest_checkpoint: string }[]).map((row) => `${row.chain_name}:${row.latest_checkpoint}`).join(",");
}

/**
 * Routes whose answers follow the indexed data alone (signed extracts too: one signature per document and indexed
 * checkpoint). Not cached: the auditor's flags (a file the agents rewrite), the signing key and the OpenAPI document
 * (static, cheap).
 */
const FOLLOWS_THE_INDEX = /^\/api\/v1\/(?:documents(?:\/[^/]+(?:\/extract)?)?|verify\/[^/]+|proposals(?:\/[^/]+)?|proposal-actions|appeals(?:\/[^/]+)?|budget(?:\/[^/]+(?:\/[^/]+)?)?|officials(?:\/[^/]+)?|agencies(?:\/[^/]+)?|audit-log|settings-history|signing-keys|ocds\/(?:release|record)-package|popolo|catalog|datapackage\.json|snapshots|feeds\/[^/]+)$/;
const cache = answerCache({ version: indexedVersion, cacheable: (path) => FOLLOWS_THE_INDEX.test(path), maxBytes: answerCacheBytesFromEnv() });

const v1 = new Hono()
  // Order matters: headers and CORS wrap every answer, 429 and 405 included; the limit counts refused methods too;
  // the answer cache is innermost, so a kept answer still passes the rate limit and gets fresh headers.
  // A query parameter the route does not accept is a 400 before the cache: it neither bypasses nor fills it.
  .use(apiSecureHeaders, publicCors, cachePolicy, limiter, readOnly, acceptedQueryParameters(routeQueries(openapi.paths)))
  .use("/documents/:id/extract", extractLimiter)
  .use(cache)
  .get("/openapi.json", (c) => c.json(openapi))
  .route("/", extract)
  .route("/", documents)
  .route("/", verify)
  .route("/", proposals)
  .route("/", proposalActions)
  .route("/", appeals)
  .route("/", budget)
  .route("/", people)
  .route("/", audit)
  .route("/", settings)
  .route("/", signingKeys)
  .route("/", ocds)
  .route("/", popolo)
  .route("/", catalogRoute)
  .route("/", snapshots)
  .route("/", feeds)
  .route("/", health)
  // Ponder mounts this app inside its own server, whose not-found answer is plain text: answer JSON here.
  // The path is echoed at most 200 characters long (a 12 kB URL is not reflected whole).
  .all("*", (c) => c.json(errorAnswer("not_found", `no route ${c.req.method} ${new URL(c.req.url).pathname.slice(0, 200)}`), 404))
  .onError(errorResponse);

const app = new Hono();
// GraphQL is a query endpoint (POST carries queries; Ponder's schema has no mutations: tests/security.test.ts). The
// guard refuses a query that is too deep or may read too many rows before it runs, and bounds its time and answer;
// Ponder's graphql-armor limits stay behind it (depth 24 there: graphql-armor counts GraphiQL's introspection query 21 deep).
const graphqlLimits = graphqlLimitsFromEnv();
const ponderGraphql = graphql(
  { db, schema },
  { maxOperationTokens: graphqlLimits.maxTokens, maxOperationDepth: graphqlLimits.maxArmorDepth, maxOperationAliases: graphqlLimits.maxAliases },
);
app.use("/graphql", graphqlSecureHeaders, limiter, graphqlGuard(ponderGraphql, graphqlLimits));
app.route("/api/v1", v1);
app.onError(errorResponse);

export default app;
