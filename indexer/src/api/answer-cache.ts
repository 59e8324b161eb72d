// Answers of the read-only API change only when the indexer commits a block: Ponder writes a block's rows and the
// chain's latest checkpoint in one transaction. So a GET answer is kept under its URL for as long as the checkpoint it
// was computed at is still the latest: a repeated request costs one read of the checkpoint row instead of the
// route's queries and co-signature checks (docs/sizing.md has the throughput with and without). The same version
// gives clients a strong ETag, and `If-None-Match` is answered 304 without running the route.
//
// Consistency: the checkpoint is read BEFORE the route runs. An answer computed while a block commits may hold that
// block's rows and is stored under the older checkpoint, which is no longer the latest, so it is never served; a
// stale answer can never be stored under a newer checkpoint.
import { createHash } from "node:crypto";

import type { MiddlewareHandler } from "hono";

/** What one cached answer keeps: the route's status 200, its own headers and the body. */
interface Answer {
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
}

export interface AnswerCacheOptions {
  /** The indexed version of the data, e.g. the latest checkpoint of every chain; read once per request. */
  version: () => Promise<string>;
  /** Whether the answer to `path` depends on the indexed data only (not on files, the clock or a key). */
  cacheable: (path: string) => boolean;
  /** Bound on the bytes of all cached bodies (default 32 MiB; 0 turns the cache off); least recently used go first. */
  maxBytes?: number;
  /** Larger bodies are answered but not kept (default 2 MiB). */
  maxEntryBytes?: number;
}

export const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;
export const DEFAULT_ENTRY_BYTES = 2 * 1024 * 1024;

/** `API_ANSWER_CACHE_MB` in bytes: default 32 MiB; 0 turns the cache off; anything unreadable is the default. */
export function answerCacheBytesFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.API_ANSWER_CACHE_MB;
  if (text === undefined || text.trim() === "") return DEFAULT_CACHE_BYTES;
  const mb = Number(text);
  return Number.isFinite(mb) && mb >= 0 ? Math.floor(mb * 1024 * 1024) : DEFAULT_CACHE_BYTES;
}

/**
 * The headers of a route's own answer that a kept answer repeats. Only these: the middlewares around the cache set
 * theirs on every answer (security headers, CORS, cache policy, and the rate limit's `RateLimit-Remaining`, which a
 * kept copy would repeat stale).
 */
const KEPT_HEADERS = new Set(["content-type", "content-disposition", "content-language", "x-next-cursor", "link"]);

/** A least-recently-used set of answers for one data version; a new version empties it. */
class AnswerStore {
  private version: string | undefined;
  private readonly answers = new Map<string, Answer>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly maxEntryBytes: number,
  ) {}

  /** The answer to `key` at `version`, if kept; a version other than the kept one drops every answer. */
  get(version: string, key: string): Answer | undefined {
    if (version !== this.version) {
      this.answers.clear();
      this.bytes = 0;
      this.version = version;
      return undefined;
    }
    const answer = this.answers.get(key);
    if (answer) {
      // Most recently used last (Map keeps insertion order).
      this.answers.delete(key);
      this.answers.set(key, answer);
    }
    return answer;
  }

  /** Keeps `answer` when it was computed at the version now kept (an answer of an older version is dropped). */
  set(version: string, key: string, answer: Answer): void {
    if (version !== this.version || answer.body.byteLength > this.maxEntryBytes) return;
    const previous = this.answers.get(key);
    if (previous) this.bytes -= previous.body.byteLength;
    this.answers.set(key, answer);
    this.bytes += answer.body.byteLength;
    for (const [oldest, kept] of this.answers) {
      if (this.bytes <= this.maxBytes) break;
      this.answers.delete(oldest);
      this.bytes -= kept.body.byteLength;
    }
  }
}

/**
 * Shares reads of the version among concurrent requests (on PGlite one read is a query through the single embedded
 * connection and capped the cached API at the rate of that query). A request never uses a read that started before
 * it arrived — that read may predate a commit the client has already seen, e.g. through `/status` — so requests that
 * arrive while a read is under way share the next one, which starts when it ends.
 */
export function sharedReads<T>(read: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const start = (): Promise<T> => {
    const reading = read();
    current = reading;
    const done = () => {
      if (current === reading) current = undefined;
    };
    reading.then(done, done);
    return reading;
  };
  return () => {
    if (current === undefined) return start();
    queued ??= current.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };
}

/**
 * The key of an answer: the path and the query parameters, sorted and decoded (`?b=1&a=2` and `?a=2&b=%31` are one
 * answer). Nothing else of the request reaches an answer: links come from PUBLIC_URL, not from Host (feeds.ts), and no
 * route looks at another header; unknown query parameters never get here (query-params.ts answers them 400).
 */
export function cacheKey(url: URL): string {
  const params = [...url.searchParams].sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  return params.length === 0 ? url.pathname : `${url.pathname}?${new URLSearchParams(params).toString()}`;
}

/** A strong ETag for `key` at `version`. */
const etagOf = (version: string, key: string): string => `"${createHash("sha256").update(version).update("\n").update(key).digest("base64url").slice(0, 27)}"`;

/** Whether an `If-None-Match` header names `etag` (a list, or `*`). */
const matches = (header: string | undefined, etag: string): boolean =>
  header !== undefined && (header.trim() === "*" || header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag));

/**
 * Middleware: cacheable GETs get an ETag and `X-Cache: HIT | MISS`; a matching `If-None-Match` gets 304; a kept
 * answer is served without running the route; a fresh 200 is kept. Everything else passes through untouched.
 */
export function answerCache(options: AnswerCacheOptions): MiddlewareHandler {
  const maxBytes = options.maxBytes ?? DEFAULT_CACHE_BYTES;
  if (maxBytes === 0) return (_c, next) => next();
  const store = new AnswerStore(maxBytes, options.maxEntryBytes ?? DEFAULT_ENTRY_BYTES);
  const readVersion = sharedReads(options.version);
  return async (c, next) => {
    if (c.req.method !== "GET" || !options.cacheable(c.req.path)) return next();
    const key = cacheKey(new URL(c.req.url));
    const version = await readVersion();
    const etag = etagOf(version, key);
    if (matches(c.req.header("If-None-Match"), etag)) return c.body(null, 304, { ETag: etag });

    const kept = store.get(version, key);
    if (kept) return c.body(kept.body, 200, { ...Object.fromEntries(kept.headers), ETag: etag, "X-Cache": "HIT" });

    await next();
    if (c.res.status !== 200) return;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    const headers = [...c.res.headers].filter(([name]) => KEPT_HEADERS.has(name.toLowerCase()));
    store.set(version, key, { headers, body });
    c.res.headers.set("ETag", etag);
    c.res.headers.set("X-Cache", "MISS");
  };
}
