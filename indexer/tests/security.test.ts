/**
 * Web security of the public API (docs/security.md), on a real anvil with PGlite, indexed once:
 * - bad input, property-based (fast-check): every REST route and each of its path and query parameters in the OpenAPI
 *   document, with random, oversized (10 kB+), unicode, injection-shaped and wrong-type values, answers 2xx or a 4xx
 *   JSON error `{error: {code, message}}`, never a 5xx, never a stack trace;
 * - read-only: every other method on /api/v1 is 405 JSON; GraphQL has no mutation (nor subscription) type;
 * - CORS for public reads, security headers and Cache-Control on every answer;
 * - the per-client token-bucket rate limit (429 JSON with Retry-After), live and in process with a fake clock.
 *
 * The indexer runs with a low limit (API_RATE_LIMIT=2/s, burst 10) and API_TRUST_PROXY=1: every request of this file
 * carries its own X-Forwarded-For address unless a test means to share one, so only the rate-limit tests meet it.
 */
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { sha256 } from "@noble/hashes/sha2.js";
import fc from "fast-check";
import { Hono } from "hono";

import { connectGovernment } from "../../scripts/lib/contracts.js";
import { cast } from "@government-dao/devchain/demo-cast";
import { cidFromDigest } from "@government-dao/core/cid";
import { type RunningIndexer } from "../lib/run.js";
import { API_CSP, rateLimit, rateLimitFromEnv, readOnly } from "../src/api/security.js";
import { type TestChain, startChainIndexer, startTestChain } from "./support/chain.js";

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: "path" | "query";
  schema?: { type?: string; enum?: string[] };
}
interface Route {
  template: string;
  parameters: Parameter[];
}

const RATE = 2;
const BURST = 10;
/** Stack-trace markers: "at /file.ts", "at fn (/file.js:1:2)", node_modules, "Error: …/file.ts", "file.js:12:5", a stack field. */
const STACK_MARKERS: RegExp[] = [/\bat (?:[\w.<>$]+ \()?(?:file:\/\/)?\/[^\s"]*\.(?:ts|js|mjs|cjs)\b/, /node_modules/, /Error:[^"\n]*\/[\w.-]+\.(?:ts|js|mjs|cjs)\b/, /\.(?:ts|js):\d+:\d+/, /"stack"/];

let client = 0;
/** A fresh client address (TEST-NET-2) per request, so the low rate limit never meets the other tests. */
const nextClient = (): string => {
  client += 1;
  return `198.51.${(client >> 8) & 255}.${client & 255}`;
};

/** Values that must be refused (or ignored) cleanly: SQL, paths, CRLF, NUL, JSON, numbers out of every range. */
const INJECTION = [
  "' OR '1'='1", "1; DROP TABLE document; --", "1' UNION SELECT * FROM pg_catalog.pg_tables --", "\"; SELECT pg_sleep(5); --",
  "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/etc/passwd\u0000.json",
  "a\r\nSet-Cookie: pwned=1", "\r\n\r\nHTTP/1.1 200 OK", "\u0000", "%00", "%", "%E0%A4%A", "%ff%fe",
  '{"$gt":""}', '{"__proto__":{"polluted":true}}', "[1,2,3]", "{}", "[]", "null", "undefined", "true", "NaN", "Infinity", "-Infinity",
  "-1", "-0", "0", "1e309", "1e3", "0x10", "0b101", " 1 ", "1.5", "9".repeat(80), `-${"9".repeat(80)}`, "18446744073709551616",
  "<script>alert(1)</script>", "${jndi:ldap://x/a}", "{{7*7}}", "__proto__", "constructor", "toString",
  "0x" + "ab".repeat(32), "ab".repeat(32), "0x" + "AB".repeat(32), "0x" + "ab".repeat(33), "0x" + "zz".repeat(32),
  "WyIxIiwiMSJd", "WyI5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5IiwiMSJd",
  "WyJhIiwiYiJd", "WyIxIiwiLTEiXQ", "WzEsMl0", "eyJhIjoxfQ",
  "DECREE", "decree", "ACTIVE", "REVOKED", "CREATED", "json", "csv", "xml", "XML", "proposals.rss", "documents.atom", "x.rss",
  "ЗАКОН", "Қаулы", "🏛️📜", "\u202Eevil", "\uFEFF1", "١٢٣", "ｌｉｍｉｔ",
];

/** One value of a parameter: random, oversized, unicode, injection-shaped or of the wrong type. */
const value: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.constantFrom(...INJECTION),
  // Oversized: 10 kB+ (ASCII, so the request line stays under Node's 16 kB header limit).
  fc.tuple(fc.constantFrom("a", "9", "f", "'", "-"), fc.integer({ min: 10_240, max: 12_000 })).map(([ch, n]) => ch.repeat(n)),
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n }).map(String),
  fc.double().map(String),
  fc.boolean().map(String),
  fc.json({ maxDepth: 2 }),
);

const pathValue = (route: Route, validIds: Map<string, string[]>): fc.Arbitrary<string> =>
  fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.constantFrom(...(validIds.get(route.template) ?? ["1"])) });

/** A query value: mostly hostile, sometimes a valid enum value so the route goes past validation with hostile peers. */
const queryValue = (p: Parameter): fc.Arbitrary<string> =>
  p.schema?.enum ? fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: fc.constantFrom(...p.schema.enum) }) : value;

const safeEncode = (text: string): string => {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, "?")); // lone surrogates cannot be sent as UTF-8
  }
};

describe("API security (anvil, PGlite)", () => {
  let chain: TestChain;
  let indexer: RunningIndexer;
  let routes: Route[] = [];
  let documented429: string[] = [];
  const validIds = new Map<string, string[]>();

  const request = (route: string, init: RequestInit & { client?: string } = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (!headers.has("X-Forwarded-For")) headers.set("X-Forwarded-For", init.client ?? nextClient());
    return fetch(`${indexer.url}${route}`, { ...init, headers });
  };

  /** The invariant of every answer to hostile input. */
  const checkAnswer = async (label: string, response: Response): Promise<void> => {
    const status = response.status;
    const type = response.headers.get("content-type") ?? "";
    const text = await response.text();
    assert.ok((status >= 200 && status < 300) || (status >= 400 && status < 500), `${label}: HTTP ${status} ${text.slice(0, 300)}`);
    for (const marker of STACK_MARKERS) assert.doesNotMatch(text.slice(0, 200_000), marker, `${label}: stack-trace marker in the body`);
    if (status >= 400) {
      assert.match(type, /^application\/json/, `${label}: a ${status} must be JSON`);
      const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
      assert.equal(typeof body.error?.code, "string", `${label}: error.code`);
      assert.equal(typeof body.error?.message, "string", `${label}: error.message`);
    } else if (/json/.test(type)) {
      JSON.parse(text);
    } else {
      assert.match(type, /^(text\/csv|application\/xml|application\/rss\+xml|application\/atom\+xml)/, `${label}: content type ${type}`);
    }
    assert.equal(response.headers.get("x-content-type-options"), "nosniff", `${label}: nosniff`);
  };

  before(async () => {
    process.env.API_RATE_LIMIT = String(RATE);
    process.env.API_RATE_BURST = String(BURST);
    process.env.API_TRUST_PROXY = "1";
    chain = await startTestChain();
    indexer = await startChainIndexer(chain, { flagsFile: path.join(chain.dir, "flags.json") });
    const openapi = (await (await request("/api/v1/openapi.json")).json()) as { paths: Record<string, { get?: { parameters?: Parameter[]; responses?: Json } }> };
    routes = Object.entries(openapi.paths).map(([template, item]) => ({ template, parameters: item.get?.parameters ?? [] }));
    documented429 = Object.entries(openapi.paths).filter(([, item]) => item.get?.responses?.["429"] !== undefined && item.get.responses["405"] !== undefined).map(([t]) => t);
    const documents = (await (await request("/api/v1/documents?limit=5")).json()) as { items: Json[] };
    const proposals = (await (await request("/api/v1/proposals?limit=5")).json()) as { items: Json[] };
    const allocations = (await (await request("/api/v1/budget/allocations?limit=5")).json()) as { items: Json[] };
    const docIds = documents.items.map((d) => String(d.id));
    validIds.set("/api/v1/documents/{id}", docIds);
    validIds.set("/api/v1/documents/{id}/extract", docIds);
    validIds.set("/api/v1/verify/{sha256}", docIds);
    validIds.set("/api/v1/proposals/{id}", proposals.items.map((p) => String(p.id)));
    validIds.set("/api/v1/budget/allocations/{id}", allocations.items.map((a) => String(a.id)));
    validIds.set("/api/v1/feeds/{feed}", ["proposals.rss", "proposals.atom", "documents.rss", "documents.atom", "appeals.rss", "appeals.atom"]);
  });
  after(async () => {
    await indexer?.stop();
    await chain?.close();
    delete process.env.API_RATE_LIMIT;
    delete process.env.API_RATE_BURST;
    delete process.env.API_TRUST_PROXY;
  });

  it("covers every REST route of the OpenAPI document, each with its parameters", () => {
    assert.ok(routes.length >= 17, `${routes.length} routes`);
    const documents = routes.find((r) => r.template === "/api/v1/documents");
    assert.deepEqual(documents?.parameters.map((p) => p.name).sort(), ["agency", "bom", "cursor", "format", "from", "limit", "q", "status", "to", "type"]);
    for (const route of routes.filter((r) => r.parameters.length > 0)) assert.ok(documented429.includes(route.template), `${route.template} documents 405 and 429`);
  });

  it("answers hostile values of every path and query parameter with 2xx or a 4xx JSON error, never a 5xx or a stack trace", async () => {
    const started = Date.now();
    const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
    let requests = 0;
    for (const route of routes) {
      const pathParams = route.parameters.filter((p) => p.in === "path");
      const queryParams = route.parameters.filter((p) => p.in === "query");
      const query = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, fc.option(queryValue(p), { nil: undefined, freq: 2 })])), { requiredKeys: [] });
      const pathArb = fc.tuple(...pathParams.map(() => pathValue(route, validIds)));
      const extra = fc.option(fc.tuple(fc.constantFrom("limit", "cursor", "format", "x", "__proto__", "limit[]", "a%00b"), value), { nil: undefined });
      await fc.assert(
        fc.asyncProperty(pathArb, query, extra, async (pathValues, params, extraParam) => {
          let url = route.template;
          pathParams.forEach((p, i) => {
            url = url.replace(`{${p.name}}`, safeEncode(pathValues[i] ?? ""));
          });
          const pairs = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string");
          if (extraParam) pairs.push(extraParam);
          if (pairs.length > 0) url += `?${pairs.map(([k, v]) => `${safeEncode(k)}=${safeEncode(v)}`).join("&")}`;
          // One oversized value at a time, measured as sent (fetch percent-encodes ' and more in queries): Node's HTTP
          // parser itself answers a request line over 16 kB with an empty 431 before the API sees it (docs/security.md).
          if (new URL(url, indexer.url).href.length > 15_000) return;
          requests += 1;
          await checkAnswer(`GET ${url.slice(0, 200)}`, await request(url));
        }),
        {
          numRuns: Number(process.env.FUZZ_RUNS ?? 50),
          seed,
          endOnFailure: true,
          // A short report: the failed assertion and the first 600 characters of the counterexample (values reach 12 kB).
          reporter: (out) => {
            if (!out.failed) return;
            const example = JSON.stringify(out.counterexample)?.slice(0, 600) ?? "";
            const cause = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
            throw new Error(`${route.template}: ${cause.slice(0, 800)}\n  counterexample (seed ${seed}, path ${out.counterexamplePath}): ${example}`);
          },
        },
      );
    }
    console.log(`# fuzzed ${requests} requests (seed ${seed}) over ${routes.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it("regressions: numbers out of the column's range, cursors with huge or odd keys, malformed percent-encoding", async () => {
    const cursor = (key: string, id: string) => Buffer.from(JSON.stringify([key, id])).toString("base64url");
    const cases = [
      `/api/v1/documents?agency=${"9".repeat(200)}`,
      `/api/v1/documents?from=${"9".repeat(200)}&to=${"9".repeat(200)}`,
      `/api/v1/documents?agency=${"9".repeat(10_240)}`,
      `/api/v1/documents?cursor=${cursor("9".repeat(200), "0x00")}`,
      `/api/v1/proposals?cursor=${cursor("1", "9".repeat(200))}`,
      `/api/v1/proposals?cursor=${cursor("-1", "-1")}`,
      `/api/v1/budget/allocations?cursor=${cursor("9".repeat(200), "1")}`,
      `/api/v1/budget/releases?cursor=${cursor("9".repeat(200), "x")}`,
      `/api/v1/audit-log?cursor=${cursor("0x10", "\u0000")}`,
      `/api/v1/documents?cursor=${cursor("1", "\u0000")}`,
      `/api/v1/proposals/${"9".repeat(78)}`,
      `/api/v1/budget/allocations/${"9".repeat(78)}`,
      "/api/v1/documents/%E0%A4%A",
      "/api/v1/documents?type=%E0%A4%A",
      "/api/v1/verify/%00",
      "/api/v1/feeds/%2e%2e%2f%2e%2e%2fpackage.json",
    ];
    for (const route of cases) await checkAnswer(route.slice(0, 120), await request(route));
    // Numbers are plain decimals: an empty value, hex, binary, spaces, a sign or an exponent is refused, not coerced
    // (`agency=` used to mean agency 0, `agency=0x1` agency 1).
    for (const bad of ["agency=", "agency=0x1", "agency=0b1", "agency=%201%20", "agency=%2B1", "agency=1e0", "from=", "to=0x10", `agency=${"9".repeat(11)}`]) {
      const response = await request(`/api/v1/documents?${bad}`);
      assert.equal(response.status, 400, bad);
      assert.equal(((await response.json()) as { error: { code: string } }).error.code, "invalid_input", bad);
    }
    const finance = (await (await request("/api/v1/documents?agency=1&limit=1000")).json()) as { items: Json[] };
    assert.ok(finance.items.length > 0 && finance.items.every((d) => d.agencyId === "1"));
  });

  it("regression: a co-signed document whose anchored metadata is not JSON verifies as 'invalid', not a 500", async () => {
    // A registrar anchors the digest of bytes that are not JSON (nor UTF-8), and those bytes reach the content store.
    const bytes = Uint8Array.from([0xff, 0xfe, 0x7b, 0x00, ...Buffer.from(`not json ${Date.now()}`)]);
    const digest = `0x${Buffer.from(sha256(bytes)).toString("hex")}`;
    await writeFile(path.join(chain.contentDir, cidFromDigest(digest)), bytes);
    const signers = await chain.connection.ethers.getSigners();
    const registrar = signers.find((s) => s.address === cast.financeRegistrar);
    assert.ok(registrar);
    const { documents } = connectGovernment(chain.addresses, registrar);
    const hash = `0x${Buffer.from(sha256(Buffer.from(`non-json metadata ${Date.now()}`))).toString("hex")}`;
    await (await documents.issue(3, 1, hash, digest, `0x${"77".repeat(32)}`)).wait();
    await indexer.waitForHead();
    const response = await request(`/api/v1/verify/${hash}`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { found: boolean; coSignature: { status: string; reason?: string } };
    assert.equal(body.found, true);
    assert.deepEqual(body.coSignature, { status: "invalid", reason: "the metadata is not a document metadata JSON with a co-signature" });
  });

  it("is read-only: every other method on every REST route is 405 JSON with Allow", async () => {
    const concrete = routes.map((r) => r.template.replace(/\{[^}]+\}/g, (name) => (name === "{feed}" ? "documents.rss" : "1")));
    for (const route of [...concrete, "/api/v1/nothing"]) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE", "QUERY", "TRACE"]) {
        if (method === "TRACE") continue; // fetch refuses TRACE itself
        const response = await request(route, { method, headers: { "content-type": "application/json" }, body: "{}" });
        assert.equal(response.status, 405, `${method} ${route}`);
        assert.equal(response.headers.get("allow"), "GET, HEAD, OPTIONS");
        assert.equal(((await response.json()) as { error: { code: string } }).error.code, "method_not_allowed");
      }
    }
    const head = await request("/api/v1/documents", { method: "HEAD" });
    assert.equal(head.status, 200);
  });

  it("GraphQL is a query endpoint: no mutation or subscription type, a mutation is refused", async () => {
    const graphql = (query: string) =>
      request("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) }).then(
        async (r) => ({ status: r.status, headers: r.headers, body: (await r.json()) as { data?: Json | null; errors?: { message: string }[] } }),
      );
    const schema = await graphql("{ __schema { queryType { name } mutationType { name } subscriptionType { name } } }");
    assert.equal(schema.body.errors, undefined);
    assert.deepEqual(schema.body.data, { __schema: { queryType: { name: "Query" }, mutationType: null, subscriptionType: null } });
    const mutation = await graphql('mutation { createDocument(id: "0x00") { id } }');
    assert.ok(mutation.body.errors && mutation.body.errors.length > 0, "a mutation is an error");
    assert.ok(!mutation.body.data, "and changes nothing");
    assert.ok(mutation.status < 500);
    assert.equal(schema.headers.get("x-content-type-options"), "nosniff");
    // Ponder's graphql-armor limits stay behind the guard (src/api/graphql-guard.ts): at most 15 aliases here.
    const aliases = await graphql(`{ ${Array.from({ length: 31 }, (_, i) => `a${i}: documents(limit: 1) { items { id } }`).join(" ")} }`);
    assert.ok(aliases.body.errors && aliases.body.errors.length > 0 && !aliases.body.data, "31 aliases are refused");
    assert.ok(aliases.status < 500);
  });

  it("allows public reads from any origin (CORS), without credentials", async () => {
    const response = await request("/api/v1/documents?limit=1", { headers: { Origin: "https://news.example" } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("access-control-allow-origin"), "*");
    assert.equal(response.headers.get("access-control-allow-credentials"), null);
    assert.match(response.headers.get("access-control-expose-headers") ?? "", /X-Next-Cursor/);
    const preflight = await request("/api/v1/documents", { method: "OPTIONS", headers: { Origin: "https://news.example", "Access-Control-Request-Method": "GET" } });
    assert.ok(preflight.status === 204 || preflight.status === 200, `preflight ${preflight.status}`);
    assert.equal(preflight.headers.get("access-control-allow-origin"), "*");
  });

  it("sends security headers and a fitting Cache-Control on every answer: 200, 400, 404, 405, CSV, feeds", async () => {
    const expectations: [string, RequestInit, number, string][] = [
      ["/api/v1/documents?limit=1", {}, 200, "public, no-cache"],
      ["/api/v1/documents?format=csv&limit=1", {}, 200, "public, no-cache"],
      ["/api/v1/feeds/documents.rss", {}, 200, "public, no-cache"],
      ["/api/v1/openapi.json", {}, 200, "public, max-age=300"],
      ["/api/v1/documents?limit=0", {}, 400, "no-store"],
      [`/api/v1/documents/0x${"cd".repeat(32)}`, {}, 404, "no-store"],
      ["/api/v1/nothing", {}, 404, "no-store"],
      ["/api/v1/documents", { method: "DELETE" }, 405, "no-store"],
    ];
    for (const [route, init, status, cache] of expectations) {
      const response = await request(route, init);
      assert.equal(response.status, status, route);
      const h = response.headers;
      assert.equal(h.get("x-content-type-options"), "nosniff", route);
      assert.equal(h.get("referrer-policy"), "no-referrer", route);
      assert.equal(h.get("content-security-policy"), API_CSP, route);
      assert.equal(h.get("x-frame-options"), "DENY", route);
      assert.equal(h.get("cross-origin-resource-policy"), "cross-origin", route);
      assert.equal(h.get("cache-control"), cache, route);
      assert.equal(h.get("x-powered-by"), null, route);
      assert.match(h.get("strict-transport-security") ?? "", /max-age=\d+/, route);
      await response.arrayBuffer();
    }
    const doc = ((await (await request("/api/v1/documents?limit=1")).json()) as { items: Json[] }).items[0];
    const extract = await request(`/api/v1/documents/${String(doc?.id)}/extract`);
    assert.equal(extract.headers.get("cache-control"), "public, no-cache", "a signed extract is kept per indexed checkpoint, revalidated like the data");
    await extract.arrayBuffer();
  });

  it("rate-limits each client with a token bucket: 429 JSON with Retry-After, other clients unaffected, refilled over time", async () => {
    const me = "203.0.113.7";
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < BURST + 5; i++) {
      const response = await request("/api/v1/officials", { client: me });
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
      else await response.arrayBuffer();
    }
    assert.ok(statuses.slice(0, BURST - 1).every((s) => s === 200), `the burst is served: ${statuses.join(",")}`);
    assert.equal(statuses.at(-1), 429, statuses.join(","));
    assert.ok(limited);
    assert.ok(Number(limited.headers.get("retry-after")) >= 1);
    assert.match(limited.headers.get("content-type") ?? "", /^application\/json/);
    assert.equal(((await limited.json()) as { error: { code: string } }).error.code, "rate_limited");
    assert.equal(limited.headers.get("x-content-type-options"), "nosniff");
    assert.equal(limited.headers.get("access-control-allow-origin"), "*", "browsers can read the 429");
    const graphqlLimited = await request("/graphql", { client: me, method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ agencys { items { name } } }" }) });
    assert.equal(graphqlLimited.status, 429, "GraphQL shares the client's bucket");
    await graphqlLimited.arrayBuffer();
    assert.equal((await request("/api/v1/officials", { client: "203.0.113.8" })).status, 200, "another client is served");
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(1000 / RATE) + 300));
    assert.equal((await request("/api/v1/officials", { client: me })).status, 200, "a token came back");
  });
});

describe("rate limiter and read-only guard (in process, fake clock)", () => {
  const appWith = (now: () => number, options: { rate: number; burst: number; maxClients?: number; trustProxy?: boolean }) =>
    new Hono()
      .use(rateLimit({ ratePerSecond: options.rate, burst: options.burst, trustProxy: options.trustProxy ?? false, now, ...(options.maxClients ? { maxClients: options.maxClients } : {}) }), readOnly)
      .get("/x", (c) => c.json({ ok: true }));
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

  it("refills at the configured rate up to the burst, per socket address", async () => {
    let t = 0;
    const app = appWith(() => t, { rate: 10, burst: 3 });
    const codes = async (n: number, address = "10.0.0.1") => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await app.request("/x", {}, from(address))).status);
      return out;
    };
    assert.deepEqual(await codes(4), [200, 200, 200, 429]);
    assert.deepEqual(await codes(1, "10.0.0.2"), [200]);
    t += 100; // one token at 10/s
    assert.deepEqual(await codes(2), [200, 429]);
    t += 10_000; // never more than the burst
    assert.deepEqual(await codes(4), [200, 200, 200, 429]);
    const limited = await app.request("/x", {}, from("10.0.0.1"));
    assert.equal(limited.headers.get("retry-after"), "1");
  });

  it("ignores X-Forwarded-For unless told to trust the proxy; forgets the stalest clients beyond maxClients", async () => {
    const t = 0;
    const direct = appWith(() => t, { rate: 1, burst: 1 });
    assert.equal((await direct.request("/x", { headers: { "X-Forwarded-For": "1.1.1.1" } }, from("10.0.0.9"))).status, 200);
    assert.equal((await direct.request("/x", { headers: { "X-Forwarded-For": "2.2.2.2" } }, from("10.0.0.9"))).status, 429, "a spoofed header does not reset the bucket");
    const proxied = appWith(() => t, { rate: 1, burst: 1, trustProxy: true });
    assert.equal((await proxied.request("/x", { headers: { "X-Forwarded-For": "spoof, 1.1.1.1" } }, from("10.0.0.9"))).status, 200);
    assert.equal((await proxied.request("/x", { headers: { "X-Forwarded-For": "other, 2.2.2.2" } }, from("10.0.0.9"))).status, 200, "the proxy's last entry is the client");
    const small = appWith(() => t, { rate: 1, burst: 1, maxClients: 2 });
    for (const a of ["a", "b", "c"]) assert.equal((await small.request("/x", {}, from(a))).status, 200);
    assert.equal((await small.request("/x", {}, from("a"))).status, 200, "a was forgotten (bounded memory)");
  });

  it("reads its settings from the environment: defaults high enough for the bench, 0 turns it off", async () => {
    assert.deepEqual(rateLimitFromEnv({}), { ratePerSecond: 1000, burst: 2000, trustProxy: false });
    assert.deepEqual(rateLimitFromEnv({ API_RATE_LIMIT: "5", API_RATE_BURST: "7", API_TRUST_PROXY: "1" }), { ratePerSecond: 5, burst: 7, trustProxy: true });
    assert.deepEqual(rateLimitFromEnv({ API_RATE_LIMIT: "nonsense" }), { ratePerSecond: 1000, burst: 2000, trustProxy: false });
    const off = appWith(() => 0, { rate: 0, burst: 1 });
    for (let i = 0; i < 5; i++) assert.equal((await off.request("/x", {}, from("z"))).status, 200);
    const post = await off.request("/x", { method: "POST" }, from("z"));
    assert.equal(post.status, 405);
    assert.equal(post.headers.get("allow"), "GET, HEAD, OPTIONS");
  });
});
