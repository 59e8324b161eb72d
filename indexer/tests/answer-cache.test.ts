/**
 * The API's answer cache (src/api/answer-cache.ts) on a bare Hono app: a route that counts its runs, and a data
 * version the test moves as the indexer would when it commits a block. (The cache on the real indexer, on both
 * databases, is in support/suite.ts.)
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { Hono } from "hono";

import { DEFAULT_CACHE_BYTES, answerCache, answerCacheBytesFromEnv, sharedReads } from "../src/api/answer-cache.js";

/** An app with one cached route family `/data/:name` and one uncached `/live`, over a settable version. */
function world(options: { maxBytes?: number; maxEntryBytes?: number } = {}) {
  let version = "block-1";
  const runs = new Map<string, number>();
  const run = (name: string) => {
    runs.set(name, (runs.get(name) ?? 0) + 1);
    return runs.get(name) ?? 0;
  };
  let during: (() => void) | undefined;
  let requests = 0;
  const app = new Hono()
    // Like the rate limit: a header set before the route, different on every request.
    .use(async (c, next) => {
      c.header("RateLimit-Remaining", String(1000 - ++requests));
      await next();
    })
    .use(answerCache({ version: async () => version, cacheable: (path) => path.startsWith("/data/"), ...options }))
    .get("/data/missing", (c) => c.json({ error: { code: "not_found" } }, 404))
    .get("/data/:name", (c) => {
      const name = c.req.param("name");
      const n = run(name);
      during?.();
      c.header("X-Next-Cursor", `cursor-${name}`);
      return c.json({ name, version, run: n, padding: "x".repeat(Number(c.req.query("pad") ?? 0)) });
    })
    .get("/live", (c) => c.json({ run: run("live") }));
  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
  return {
    get,
    runs: (name: string) => runs.get(name) ?? 0,
    setVersion: (v: string) => void (version = v),
    whileRouteRuns: (f: (() => void) | undefined) => void (during = f),
  };
}

describe("answer cache", () => {
  it("serves a repeated request from the cache with the route's headers, without running the route again", async () => {
    const w = world();
    const first = await w.get("/data/a?limit=2");
    const second = await w.get("/data/a?limit=2");
    assert.equal(first.headers.get("X-Cache"), "MISS");
    assert.equal(second.headers.get("X-Cache"), "HIT");
    assert.equal(w.runs("a"), 1);
    assert.deepEqual(await second.json(), await first.json());
    assert.equal(second.headers.get("X-Next-Cursor"), "cursor-a");
    assert.match(second.headers.get("Content-Type") ?? "", /application\/json/);
    assert.equal(second.headers.get("ETag"), first.headers.get("ETag"));
    assert.equal(second.headers.get("RateLimit-Remaining"), "998", "headers of the middlewares around the cache are fresh, not kept");
  });

  it("keys answers by path and query", async () => {
    const w = world();
    await w.get("/data/a?limit=2");
    assert.equal((await w.get("/data/a?limit=3")).headers.get("X-Cache"), "MISS");
    assert.equal(w.runs("a"), 2);
  });

  it("runs the route again once the indexed version moves, and changes the ETag", async () => {
    const w = world();
    const before = await w.get("/data/a");
    w.setVersion("block-2");
    const after = await w.get("/data/a");
    assert.equal(after.headers.get("X-Cache"), "MISS");
    assert.deepEqual(await after.json(), { name: "a", version: "block-2", run: 2, padding: "" });
    assert.notEqual(after.headers.get("ETag"), before.headers.get("ETag"));
  });

  it("never serves an answer computed while a block committed under the newer version", async () => {
    const w = world();
    // The block commits while the route reads: the answer is stored under block-1, which is no longer the latest.
    w.whileRouteRuns(() => w.setVersion("block-2"));
    await w.get("/data/a");
    w.whileRouteRuns(undefined);
    const next = await w.get("/data/a");
    assert.equal(next.headers.get("X-Cache"), "MISS");
    assert.equal(w.runs("a"), 2);
  });

  it("answers a matching If-None-Match with 304 and no body, without running the route", async () => {
    const w = world();
    const etag = (await w.get("/data/a")).headers.get("ETag") ?? "";
    assert.match(etag, /^"[\w-]{27}"$/);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
      const response = await w.get("/data/a", { "If-None-Match": header });
      assert.equal(response.status, 304, header);
      assert.equal(await response.text(), "");
    }
    assert.equal(w.runs("a"), 1);
    w.setVersion("block-2");
    assert.equal((await w.get("/data/a", { "If-None-Match": etag })).status, 200);
  });

  it("answers a malformed or foreign If-None-Match with the whole answer, as if it were absent", async () => {
    const w = world();
    await w.get("/data/a");
    for (const header of ['"unterminated', "W/", ",,,", "x".repeat(10_000), '"' + "a".repeat(27) + '"', "\u00ff\u00fe"]) {
      const response = await w.get("/data/a", { "If-None-Match": header });
      assert.equal(response.status, 200, header.slice(0, 20));
      assert.equal(((await response.json()) as { name: string }).name, "a");
    }
  });

  it("does not keep errors, and leaves routes it is not told to cache alone", async () => {
    const w = world();
    for (let i = 0; i < 2; i++) {
      const missing = await w.get("/data/missing");
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get("X-Cache"), null);
      const live = await w.get("/live");
      assert.equal(live.headers.get("ETag"), null);
    }
    assert.equal(w.runs("live"), 2);
  });

  it("bounds its memory: drops the least recently used answers and never keeps an oversized one", async () => {
    const w = world({ maxBytes: 3_000, maxEntryBytes: 1_500 });
    await w.get("/data/a?pad=1000");
    await w.get("/data/b?pad=1000");
    await w.get("/data/a?pad=1000"); // a is now the most recently used
    await w.get("/data/c?pad=1000"); // over 3,000 bytes: b goes
    assert.equal((await w.get("/data/a?pad=1000")).headers.get("X-Cache"), "HIT");
    assert.equal((await w.get("/data/b?pad=1000")).headers.get("X-Cache"), "MISS");
    await w.get("/data/d?pad=2000");
    assert.equal((await w.get("/data/d?pad=2000")).headers.get("X-Cache"), "MISS");
    assert.equal(w.runs("d"), 2);
  });

  it("is turned off by API_ANSWER_CACHE_MB=0, sized by it otherwise, and falls back to 32 MiB on nonsense", async () => {
    assert.equal(answerCacheBytesFromEnv({}), DEFAULT_CACHE_BYTES);
    assert.equal(answerCacheBytesFromEnv({ API_ANSWER_CACHE_MB: "8" }), 8 * 1024 * 1024);
    assert.equal(answerCacheBytesFromEnv({ API_ANSWER_CACHE_MB: "-1" }), DEFAULT_CACHE_BYTES);
    assert.equal(answerCacheBytesFromEnv({ API_ANSWER_CACHE_MB: "lots" }), DEFAULT_CACHE_BYTES);
    const w = world({ maxBytes: answerCacheBytesFromEnv({ API_ANSWER_CACHE_MB: "0" }) });
    await w.get("/data/a");
    const second = await w.get("/data/a");
    assert.equal(second.headers.get("X-Cache"), null);
    assert.equal(second.headers.get("ETag"), null);
    assert.equal(w.runs("a"), 2);
  });

  it("shares version reads among requests that arrive while one is under way, never one that started before them", async () => {
    const started: { resolve: (v: number) => void }[] = [];
    const read = sharedReads(() => new Promise<number>((resolve) => started.push({ resolve })));
    const a = read();
    const b = read(); // arrives while a's read runs: must not use it
    const c = read();
    assert.equal(started.length, 1);
    started[0]?.resolve(1);
    assert.equal(await a, 1);
    await new Promise((r) => setImmediate(r));
    assert.equal(started.length, 2, "b and c share one new read, started after they arrived");
    const d = read(); // arrives while b and c's read runs
    started[1]?.resolve(2);
    assert.deepEqual([await b, await c], [2, 2]);
    await new Promise((r) => setImmediate(r));
    assert.equal(started.length, 3);
    started[2]?.resolve(3);
    assert.equal(await d, 3);
    const e = read(); // nothing under way: a read of its own at once
    assert.equal(started.length, 4);
    started[3]?.resolve(4);
    assert.equal(await e, 4);
  });

  it("passes a failed version read to the requests that shared it, and reads afresh after", async () => {
    let calls = 0;
    const read = sharedReads(async () => {
      calls++;
      if (calls === 1) throw new Error("database unavailable");
      return calls;
    });
    await assert.rejects(read(), /database unavailable/);
    assert.equal(await read(), 2);
  });
});
