/**
 * GraphQL limits (src/api/graphql-cost.ts, src/api/graphql-guard.ts; issue 17 finding 1): a ten-level
 * `votes → proposal → votes …` query of ≈ 400 bytes grew ~6× per level and ran the indexer out of its 4 GB heap.
 * - in process: the estimate refuses it in microseconds, accepts every query the tests and docs send, and
 *   fast-check proves that whatever it accepts is within the depth and row limits; the guard's time budget,
 *   concurrency, body and answer bounds on a stand-in for Ponder;
 * - on a live indexer (anvil, PGlite): the ten-level query is a clear error in milliseconds and the indexer stays up;
 *   generated nested and wide queries are answered with an error or a bounded answer, in bounded time, with the
 *   indexer's memory (RSS of the `ponder start` process) bounded.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, it } from "node:test";

import fc from "fast-check";
import { getIntrospectionQuery } from "graphql";
import { Hono } from "hono";

import { type RunningIndexer } from "../lib/run.js";
import { estimateQuery } from "../src/api/graphql-cost.js";
import { GRAPHQL_LIMITS, type GraphqlLimits, graphqlGuard, graphqlLimitsFromEnv } from "../src/api/graphql-guard.js";
import { type TestChain, startChainIndexer, startTestChain } from "./support/chain.js";

/** The query of the issue: `levels` lists of votes, each vote's proposal's votes inside the previous. */
export const nestedVotes = (levels: number): string => {
  let inner = "id voter";
  for (let i = 1; i < levels; i++) inner = `id proposal { id votes { items { ${inner} } } }`;
  return `{ votes { items { ${inner} } } }`;
};

/** Every GraphQL query the repository's clients send (the dApp sends none; tests, docs and the reliability suite). */
const CLIENT_QUERIES: Record<string, string> = {
  "indexer suite (support/suite.ts)": "{ documents(where: { status: REVOKED }) { items { id revokeReason agency { name } history { items { kind } } } } agencys { items { name tokenTotals { items { allocated } } } } }",
  "reliability: votes (test/reliability/indexer-faults.test.ts)": "{ votes(limit: 1000) { items { id } } }",
  "reliability: batches (test/reliability/api-load.test.ts)": "{ batchs(limit: 100) { items { root count } } }",
  "faults: treasury tokens (tests/faults.test.ts)": "{ treasuryTokens(where: { native: true }) { items { depositCount deposited } } }",
  "subgraph parity, widest entity (tests/subgraph-parity.test.ts)":
    "{ proposals(limit: 1000) { items { id proposalId proposer proposerOfficialId description state voteStart voteEnd extendedDeadline forVotes againstVotes abstainVotes voteCount actionCount eta createdAt createdBlock createdTx queuedAt executedAt executedTx canceledAt timelockOperationId } } }",
  "security test: schema types": "{ __schema { queryType { name } mutationType { name } subscriptionType { name } } }",
  "GraphiQL's introspection": getIntrospectionQuery(),
};

describe("GraphQL cost estimate (in process)", () => {
  it("refuses the ten-level votes→proposal→votes query before it runs, in microseconds", () => {
    const query = nestedVotes(10);
    assert.ok(query.length < 500, `${query.length} bytes`);
    const started = process.hrtime.bigint();
    const verdict = estimateQuery(query, {}, GRAPHQL_LIMITS);
    const micros = Number(process.hrtime.bigint() - started) / 1000;
    assert.equal(verdict.ok, false);
    assert.equal(!verdict.ok && verdict.code, "QUERY_TOO_DEEP");
    assert.match(!verdict.ok ? verdict.message : "", /nested 9\+ fields deep; at most 8 are allowed/);
    assert.ok(micros < 20_000, `${micros} µs`);
    // Two levels fit the depth but not the rows: 50 votes × their proposal × 50 votes × …
    assert.equal(estimateQuery(nestedVotes(3), {}, GRAPHQL_LIMITS).ok, false);
  });

  it("accepts every query the tests and docs send", () => {
    for (const [name, query] of Object.entries(CLIENT_QUERIES)) {
      const verdict = estimateQuery(query, {}, GRAPHQL_LIMITS);
      assert.ok(verdict.ok, `${name}: ${JSON.stringify(verdict)}`);
    }
    assert.deepEqual(estimateQuery(CLIENT_QUERIES["indexer suite (support/suite.ts)"] ?? "", {}, GRAPHQL_LIMITS), { ok: true, depth: 5, cost: 50 + 50 + 50 * 50 + 50 + 50 * 50 });
  });

  it("counts limits given as literals, variables and defaults, through fragments; caps nested lists", () => {
    const est = (query: string, variables: Record<string, unknown> = {}) => estimateQuery(query, variables, GRAPHQL_LIMITS);
    assert.deepEqual(est("{ votes(limit: 7) { items { id } } }"), { ok: true, depth: 3, cost: 7 });
    assert.deepEqual(est("query ($n: Int) { votes(limit: $n) { items { id } } }", { n: 9 }), { ok: true, depth: 3, cost: 9 });
    assert.deepEqual(est("query ($n: Int = 11) { votes(limit: $n) { items { id } } }"), { ok: true, depth: 3, cost: 11 });
    assert.deepEqual(est("query ($n: Int) { votes(limit: $n) { items { id } } }"), { ok: true, depth: 3, cost: 50 });
    assert.deepEqual(est("{ ...Q } fragment Q on Query { votes(limit: 3) { ...P } } fragment P on VotePage { items { proposal { id } } }"), { ok: true, depth: 4, cost: 3 + 3 });
    const nested = est("{ proposals(limit: 2) { items { votes(limit: 101) { items { id } } } } }");
    assert.equal(!nested.ok && nested.code, "NESTED_LIMIT_TOO_LARGE");
    const costly = est(`{ ${Array.from({ length: 11 }, (_, i) => `a${i}: votes(limit: 1000) { items { id } }`).join(" ")} }`);
    assert.equal(!costly.ok && costly.code, "QUERY_TOO_COSTLY");
    assert.match(!costly.ok ? costly.message : "", /may read 11,000\+ rows; at most 10,000/);
    // Fragments spread 4 × 4 × … times: the walk stops, it does not explode.
    const fan = Array.from({ length: 8 }, (_, i) => `fragment F${i} on Vote { ${i === 7 ? "id" : `...F${i + 1} ...F${i + 1} ...F${i + 1} ...F${i + 1}`} }`).join(" ");
    const exploding = est(`{ votes(limit: 1) { items { ...F0 } } } ${fan}`);
    assert.equal(!exploding.ok && exploding.code, "QUERY_TOO_COMPLEX");
    const tokens = est(`{ ${"a ".repeat(1200)} }`);
    assert.equal(!tokens.ok && tokens.code, "QUERY_TOO_LONG");
    assert.match(!tokens.ok ? tokens.message : "", /more than 1000 tokens; at most 1000 are allowed/);
  });

  it("property: whatever it accepts is within the depth and row limits, however nested or wide (fast-check)", () => {
    fc.assert(
      fc.property(queryArbitrary(12), (query) => {
        const verdict = estimateQuery(query, {}, GRAPHQL_LIMITS);
        if (!verdict.ok) return;
        assert.ok(verdict.depth <= GRAPHQL_LIMITS.maxDepth, `depth ${verdict.depth}: ${query}`);
        assert.ok(verdict.cost <= GRAPHQL_LIMITS.maxCost, `cost ${verdict.cost}: ${query}`);
      }),
      { numRuns: 2000, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
  });

  it("reads its limits from the environment; anything unreadable is the default", () => {
    assert.deepEqual(graphqlLimitsFromEnv({}), GRAPHQL_LIMITS);
    const set = graphqlLimitsFromEnv({ GRAPHQL_MAX_COST: "20000", GRAPHQL_MAX_DEPTH: "x", GRAPHQL_TIME_BUDGET_MS: "-1", GRAPHQL_MAX_CONCURRENT: "" });
    assert.deepEqual(set, { ...GRAPHQL_LIMITS, maxCost: 20_000 });
  });
});

/** Ponder's schema, in brief: each type's one-row relations, its list relations and a column. */
const TYPES: Record<string, { one: Record<string, string>; many: Record<string, string>; column: string }> = {
  vote: { one: { proposal: "proposal", official: "official" }, many: {}, column: "voter" },
  proposal: { one: { proposerOfficial: "official" }, many: { votes: "vote", documents: "document", actions: "proposalAction" }, column: "state" },
  official: { one: { seat: "seat" }, many: { votes: "vote", proposals: "proposal" }, column: "address" },
  document: { one: { agency: "agency", proposal: "proposal", supersedes: "document" }, many: { history: "documentEvent" }, column: "status" },
  documentEvent: { one: { document: "document", related: "document" }, many: {}, column: "kind" },
  agency: { one: {}, many: { documents: "document", seats: "seat", registrars: "registrar" }, column: "name" },
  seat: { one: { holder: "official", agency: "agency" }, many: {}, column: "position" },
  registrar: { one: { agency: "agency" }, many: {}, column: "account" },
  proposalAction: { one: { proposal: "proposal" }, many: {}, column: "signature" },
};
const ROOTS: Record<string, string> = { votes: "vote", proposals: "proposal", officials: "official", documents: "document", agencys: "agency", seats: "seat", documentEvents: "documentEvent" };
/** A list's `limit:`: mostly small pages (so that many queries pass and run), sometimes none, the default, large ones. */
const limitArbitrary: fc.Arbitrary<number | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(1, 2, 5) },
  { weight: 2, arbitrary: fc.constantFrom(undefined, 20, 50, 100, 101, 1000) },
);

/** The selection of one row of `type`, `depth` relations deep at most; 1–3 fields (aliased for width). */
function selectionArbitrary(type: string, depth: number): fc.Arbitrary<string> {
  const info = TYPES[type];
  if (info === undefined || depth <= 0) return fc.constant("id");
  const fields: fc.Arbitrary<string>[] = [fc.constant(`id ${info.column}`)];
  for (const [field, target] of Object.entries(info.one)) fields.push(fc.constant(null).chain(() => selectionArbitrary(target, depth - 1)).map((s) => `${field} { ${s} }`));
  for (const [field, target] of Object.entries(info.many)) {
    fields.push(fc.tuple(limitArbitrary, fc.constant(null).chain(() => selectionArbitrary(target, depth - 1))).map(([limit, s]) => `${field}${limit === undefined ? "" : `(limit: ${limit})`} { items { ${s} } }`));
  }
  return fc.array(fc.oneof(...fields), { minLength: 1, maxLength: 3 }).map((parts) => parts.map((p, i) => (i === 0 ? p : `f${i}: ${p}`)).join(" "));
}

/** A query of 1–4 (aliased) root lists, each nested up to `depth` relations. */
export function queryArbitrary(depth: number): fc.Arbitrary<string> {
  const root = fc.tuple(fc.constantFrom(...Object.keys(ROOTS)), limitArbitrary, fc.integer({ min: 0, max: depth })).chain(([name, limit, d]) =>
    selectionArbitrary(ROOTS[name] ?? "vote", d).map((s) => `${name}${limit === undefined ? "" : `(limit: ${limit})`} { items { ${s} } }`),
  );
  return fc.array(root, { minLength: 1, maxLength: 4 }).map((roots) => `{ ${roots.map((r, i) => `r${i}: ${r}`).join(" ")} }`);
}

describe("GraphQL guard (in process, a stand-in for Ponder)", () => {
  const limits: GraphqlLimits = { ...GRAPHQL_LIMITS, timeBudgetMs: 150, maxConcurrent: 1, maxResponseBytes: 1000, maxBodyBytes: 2000 };
  const post = (app: Hono, body: string, type = "application/json") => app.request("/graphql", { method: "POST", headers: { "content-type": type }, body });
  const errorOf = async (response: Response) => ((await response.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0];

  it("gives a query its time budget, and its seat back only once it has really finished", async () => {
    let release: () => void = () => {};
    const slow = new Hono().use(
      "/graphql",
      graphqlGuard(async (c) => {
        await new Promise<void>((resolve) => (release = resolve));
        return c.json({ data: { ok: true } });
      }, limits),
    );
    const started = Date.now();
    const late = await post(slow, JSON.stringify({ query: "{ votes { items { id } } }" }));
    assert.equal(late.status, 503);
    assert.equal((await errorOf(late))?.extensions.code, "TIME_BUDGET_EXCEEDED");
    assert.ok(Date.now() - started < 1000);
    assert.equal(late.headers.get("retry-after"), "1");
    const busy = await post(slow, JSON.stringify({ query: "{ votes { items { id } } }" }));
    assert.equal((await errorOf(busy))?.extensions.code, "TOO_MANY_QUERIES", "the timed-out query still runs");
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const fast = new Hono().use("/graphql", graphqlGuard((c) => Promise.resolve(c.json({ data: { ok: true } })), limits));
    assert.deepEqual(await (await post(fast, JSON.stringify({ query: "{ votes { items { id } } }" }))).json(), { data: { ok: true } });
  });

  it("bounds the answer, the body and its type; refuses what it cannot read with a GraphQL error", async () => {
    let ran = 0;
    const big = new Hono().use(
      "/graphql",
      graphqlGuard((c) => {
        ran += 1;
        return Promise.resolve(c.json({ data: { padding: "x".repeat(5000) } }));
      }, limits),
    );
    const tooLarge = await post(big, JSON.stringify({ query: "{ votes { items { id } } }" }));
    assert.equal(tooLarge.status, 400);
    assert.equal((await errorOf(tooLarge))?.extensions.code, "RESPONSE_TOO_LARGE");
    const cases: [string, string, number, string][] = [
      [JSON.stringify({ query: `{ votes { items { id } } } # ${"x".repeat(3000)}` }), "application/json", 413, "BODY_TOO_LARGE"],
      ["query=%7B%7D", "application/x-www-form-urlencoded", 415, "UNSUPPORTED_MEDIA_TYPE"],
      ["{not json", "application/json", 400, "BAD_REQUEST"],
      ['[{"query":"{ votes { items { id } } }"}]', "application/json", 400, "BAD_REQUEST"],
      ['{"query":"{ votes { items { id } } }","variables":[1]}', "application/json", 400, "BAD_REQUEST"],
      [JSON.stringify({ query: nestedVotes(10) }), "application/json", 400, "QUERY_TOO_DEEP"],
    ];
    for (const [body, type, status, code] of cases) {
      const response = await post(big, body, type);
      assert.equal(response.status, status, code);
      assert.equal((await errorOf(response))?.extensions.code, code);
      assert.equal(response.headers.get("cache-control"), "no-store");
    }
    assert.equal(ran, 1, "only the first query reached Ponder");
  });
});

describe("GraphQL limits on a live indexer (anvil, PGlite)", () => {
  let chain: TestChain;
  let indexer: RunningIndexer;
  const rssMb = (): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${indexer.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  const graphql = async (query: string) => {
    const started = Date.now();
    const response = await fetch(`${indexer.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
    const text = await response.text();
    return { status: response.status, ms: Date.now() - started, bytes: Buffer.byteLength(text), body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
  };

  before(async () => {
    chain = await startTestChain();
    indexer = await startChainIndexer(chain, { env: { API_RATE_LIMIT: "0" } });
  });
  after(async () => {
    await indexer?.stop();
    await chain?.close();
  });

  it("answers the ten-level query with a clear error in milliseconds, and stays up", async () => {
    const before = rssMb();
    const answer = await graphql(nestedVotes(10));
    console.log(`# ten-level query (${nestedVotes(10).length} B): HTTP ${answer.status} in ${answer.ms} ms, ${answer.bytes} B; RSS ${before.toFixed(0)} → ${rssMb().toFixed(0)} MB`);
    assert.equal(answer.status, 400);
    assert.equal(answer.body.data, undefined);
    assert.equal(answer.body.errors?.[0]?.extensions?.code, "QUERY_TOO_DEEP");
    assert.ok(answer.ms < 1000, `${answer.ms} ms`);
    const again = await graphql("{ votes(limit: 5) { items { id } } }");
    assert.equal(again.body.errors, undefined);
  });

  it("answers every query the tests and docs send", async () => {
    for (const [name, query] of Object.entries(CLIENT_QUERIES)) {
      const answer = await graphql(query);
      assert.equal(answer.body.errors, undefined, `${name}: ${JSON.stringify(answer.body.errors)}`);
      assert.ok(answer.body.data, name);
    }
  });

  it("property: generated nested and wide queries get an error or a bounded answer in bounded time; memory stays bounded", async () => {
    const baseline = rssMb();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 25);
    let answered = 0;
    let refused = 0;
    let slowest = 0;
    let largest = 0;
    try {
      await fc.assert(
        fc.asyncProperty(queryArbitrary(10), async (query) => {
          const answer = await graphql(query);
          slowest = Math.max(slowest, answer.ms);
          largest = Math.max(largest, answer.bytes);
          assert.ok(answer.status < 500 || answer.body.errors?.[0]?.extensions?.code === "TIME_BUDGET_EXCEEDED", `HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
          assert.ok(answer.bytes <= GRAPHQL_LIMITS.maxResponseBytes);
          assert.ok(answer.ms <= GRAPHQL_LIMITS.timeBudgetMs + 2000, `${answer.ms} ms: ${query}`);
          if (answer.body.errors === undefined) answered += 1;
          else refused += 1;
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 80), seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31) },
      );
    } finally {
      clearInterval(sampler);
    }
    console.log(`# ${answered} answered, ${refused} refused; slowest ${slowest} ms, largest ${largest} B; RSS ${baseline.toFixed(0)} MB → peak ${peak.toFixed(0)} MB`);
    assert.ok(answered > 0 && refused > 0, "both kinds were generated");
    assert.ok(peak - baseline < 300, `RSS grew ${(peak - baseline).toFixed(0)} MB`);
    assert.equal((await graphql("{ votes(limit: 1) { items { id } } }")).body.errors, undefined, "still up");
  });
});
