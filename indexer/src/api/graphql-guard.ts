// The guard in front of Ponder's GraphQL (docs/security.md §4.5): a query is refused before it runs when it is too
// big, too deep or may read too many rows (graphql-cost.ts); one that runs gets a time budget, a bounded answer and
// a seat among a few concurrent ones. Ponder's own graphql-armor limits (tokens, depth, aliases) stay behind it.
// Refusals are GraphQL errors `{ errors: [{ message, extensions: { code } }] }`, never a stack trace.
import type { Context, MiddlewareHandler } from "hono";

import { type QueryLimits, estimateQuery } from "./graphql-cost.js";

export interface GraphqlLimits extends QueryLimits {
  /** Most aliases (Ponder's graphql-armor max-aliases). */
  maxAliases: number;
  /** Depth for Ponder's graphql-armor max-depth, which also counts introspection (it counts GraphiQL's query 21 deep). */
  maxArmorDepth: number;
  /** Most bytes of a request body. */
  maxBodyBytes: number;
  /** Most bytes of an answer; a longer one is replaced by an error. */
  maxResponseBytes: number;
  /** Time budget of one query, in ms. */
  timeBudgetMs: number;
  /** Most queries running at once (a query past its budget keeps its seat until it has really finished). */
  maxConcurrent: number;
}

/**
 * The limits, chosen from what the clients ask (tests/graphql-limits.test.ts checks each): the deepest query of the
 * tests and docs is 5 fields (`documents { items { history { items { kind } } } }`), the dearest ≈ 5,200 estimated rows
 * (two lists of 50 each with a nested list of 50), the longest page 1,000 rows (`votes(limit: 1000)`, the subgraph
 * parity check), the widest ≈ 40 columns (under 200 tokens).
 */
export const GRAPHQL_LIMITS: GraphqlLimits = {
  maxTokens: 1000,
  maxDepth: 8,
  maxArmorDepth: 24,
  maxAliases: 15,
  maxCost: 10_000,
  maxNestedLimit: 100,
  maxBodyBytes: 32 * 1024,
  maxResponseBytes: 16 * 1024 * 1024,
  timeBudgetMs: 5_000,
  maxConcurrent: 4,
};

/** Environment names of the limits an operator may change (e.g. GRAPHQL_MAX_COST=20000); anything unreadable is the default. */
const ENV_NAMES: Record<keyof GraphqlLimits, string> = {
  maxTokens: "GRAPHQL_MAX_TOKENS",
  maxDepth: "GRAPHQL_MAX_DEPTH",
  maxArmorDepth: "GRAPHQL_MAX_ARMOR_DEPTH",
  maxAliases: "GRAPHQL_MAX_ALIASES",
  maxCost: "GRAPHQL_MAX_COST",
  maxNestedLimit: "GRAPHQL_MAX_NESTED_LIMIT",
  maxBodyBytes: "GRAPHQL_MAX_BODY_BYTES",
  maxResponseBytes: "GRAPHQL_MAX_RESPONSE_BYTES",
  timeBudgetMs: "GRAPHQL_TIME_BUDGET_MS",
  maxConcurrent: "GRAPHQL_MAX_CONCURRENT",
};

/** GRAPHQL_LIMITS with each limit the environment sets (a positive number) in its place. */
export function graphqlLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): GraphqlLimits {
  const limits = { ...GRAPHQL_LIMITS };
  for (const [key, name] of Object.entries(ENV_NAMES) as [keyof GraphqlLimits, string][]) {
    const value = Number(env[name]);
    if (env[name] !== undefined && env[name].trim() !== "" && Number.isFinite(value) && value > 0) limits[key] = value;
  }
  return limits;
}

const refuse = (c: Context, status: 400 | 413 | 415 | 503, code: string, message: string, retryAfter?: number): Response => {
  if (retryAfter !== undefined) c.header("Retry-After", String(retryAfter));
  c.header("Cache-Control", "no-store");
  return c.json({ errors: [{ message, extensions: { code } }] }, status);
};

/** Reads at most `max` bytes of a body; null when it is longer (the rest is not read). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

interface Body {
  query: string;
  variables: Record<string, unknown>;
}

/** The `{ query, variables?, operationName? }` of a JSON body, or why not. */
function parseBody(text: string): Body | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return "the body is not JSON";
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "the body must be one JSON object {query, variables?, operationName?} (no batches)";
  const record = json as Record<string, unknown>;
  if (typeof record.query !== "string") return "the body has no query string";
  const variables = record.variables ?? {};
  if (typeof variables !== "object" || variables === null || Array.isArray(variables)) return "variables must be a JSON object";
  return { query: record.query, variables: variables as Record<string, unknown> };
}

/** The guard around `ponder` (Ponder's `graphql()` middleware, or any handler answering a GraphQL POST). */
export function graphqlGuard(ponder: MiddlewareHandler, limits: GraphqlLimits = GRAPHQL_LIMITS): MiddlewareHandler {
  let running = 0;
  return async (c, next) => {
    // GET, HEAD, OPTIONS: Ponder's GraphiQL page (it runs no query on GET).
    if (c.req.method !== "POST") return ponder(c, next);
    const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (type !== "application/json" && type !== "application/graphql-response+json") {
      return refuse(c, 415, "UNSUPPORTED_MEDIA_TYPE", "send the query as JSON: Content-Type: application/json, body {query, variables?, operationName?}");
    }
    const declared = Number(c.req.header("content-length") ?? "0");
    if (declared > limits.maxBodyBytes) return refuse(c, 413, "BODY_TOO_LARGE", `the body is over ${limits.maxBodyBytes} bytes`);
    const bytes = await readAtMost(c.req.raw.body, limits.maxBodyBytes);
    if (bytes === null) return refuse(c, 413, "BODY_TOO_LARGE", `the body is over ${limits.maxBodyBytes} bytes`);
    const text = new TextDecoder().decode(bytes);
    const body = parseBody(text);
    if (typeof body === "string") return refuse(c, 400, "BAD_REQUEST", body);
    const verdict = estimateQuery(body.query, body.variables, limits);
    if (!verdict.ok) return refuse(c, 400, verdict.code, verdict.message);

    if (running >= limits.maxConcurrent) return refuse(c, 503, "TOO_MANY_QUERIES", `${limits.maxConcurrent} GraphQL queries are running; retry in a second`, 1);
    running += 1;
    // Ponder reads the request itself: hand it the body already read.
    const forwarded = new Headers(c.req.raw.headers);
    forwarded.delete("content-length"); // the body is re-encoded from the text read
    c.req.raw = new Request(c.req.raw.url, { method: "POST", headers: forwarded, body: text });
    const work = (async () => (await ponder(c, next)) ?? c.res)();
    // The seat is given back when the query has really finished, not when its budget ran out.
    work.then(
      () => (running -= 1),
      () => (running -= 1),
    );
    let timer: NodeJS.Timeout | undefined;
    const budget = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), limits.timeBudgetMs);
    });
    const outcome = await Promise.race([work, budget]).finally(() => clearTimeout(timer));
    if (outcome === "timeout") {
      work.then((late) => late.body?.cancel().catch(() => {}), () => {});
      return refuse(c, 503, "TIME_BUDGET_EXCEEDED", `the query did not finish within ${limits.timeBudgetMs} ms`, 1);
    }
    const answer = await readAtMost(outcome.body, limits.maxResponseBytes);
    if (answer === null) return refuse(c, 400, "RESPONSE_TOO_LARGE", `the answer is over ${limits.maxResponseBytes} bytes; ask for fewer rows (limit:) or columns`);
    const headers = new Headers(outcome.headers);
    headers.delete("content-length");
    return new Response(answer, { status: outcome.status, headers });
  };
}
