// Web security of the public API (docs/security.md): read-only, CORS for public reads, security headers, cache
// policy, and a per-client token-bucket rate limit. Every refusal is JSON `{ error: { code, message } }`.
import type { Context, MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";

import { errorAnswer } from "./errors.js";

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
export const ALLOW = "GET, HEAD, OPTIONS";

/** Any method but GET, HEAD and OPTIONS is refused with 405: no REST route changes state. */
export const readOnly: MiddlewareHandler = async (c, next) => {
  if (!READ_METHODS.has(c.req.method)) {
    c.header("Allow", ALLOW);
    return c.json(errorAnswer("method_not_allowed", `${c.req.method.slice(0, 20)} is not allowed: this API is read-only (${ALLOW})`), 405);
  }
  await next();
};

/** Public read access from any origin; no credentials, so `*` is safe. */
export const publicCors: MiddlewareHandler = cors({
  origin: "*",
  allowMethods: ["GET", "HEAD", "OPTIONS"],
  exposeHeaders: ["X-Next-Cursor", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "Content-Disposition", "ETag", "X-Cache"],
  maxAge: 86400,
});

/** A restrictive CSP for JSON, CSV and XML bodies: nothing in them may load, run, frame or submit anything. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/** Security headers of every REST response (the public data may be read cross-origin, so CORP is cross-origin). */
export const apiSecureHeaders: MiddlewareHandler = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
    sandbox: [],
  },
  crossOriginResourcePolicy: "cross-origin",
  crossOriginOpenerPolicy: "same-origin",
  referrerPolicy: "no-referrer",
  xContentTypeOptions: "nosniff",
  xFrameOptions: "DENY",
});

/** Security headers of /graphql: the same minus the CSP (Ponder may serve its GraphiQL page there). */
export const graphqlSecureHeaders: MiddlewareHandler = secureHeaders({
  crossOriginResourcePolicy: "cross-origin",
  referrerPolicy: "no-referrer",
  xContentTypeOptions: "nosniff",
  xFrameOptions: "DENY",
});

/**
 * Cache-Control: the OpenAPI document and the signing key change only with a new release (5 minutes); other
 * successful answers follow the chain (a block every few seconds) and must be revalidated — signed extracts too, which
 * the answer cache keeps per indexed checkpoint; errors and 429s are never stored.
 */
export const cachePolicy: MiddlewareHandler = async (c, next) => {
  await next();
  if (c.res.headers.has("Cache-Control")) return;
  const path = c.req.path;
  let value: string;
  if (c.res.status >= 400) value = "no-store";
  else if (path.endsWith("/openapi.json") || path.endsWith("/signing-key")) value = "public, max-age=300";
  else value = "public, no-cache";
  c.res.headers.set("Cache-Control", value);
};

export interface RateLimitOptions {
  /** Tokens added per second (sustained requests per second per client); 0 turns the limit off. */
  ratePerSecond: number;
  /** Bucket size: requests a client may send at once. */
  burst: number;
  /** Take the client address from the last X-Forwarded-For entry (only behind a trusted reverse proxy). */
  trustProxy: boolean;
  /** Most clients tracked at once; the stalest are forgotten beyond it (bounded memory). */
  maxClients?: number;
  /** Clock in ms (tests). */
  now?: () => number;
}

const positive = (text: string | undefined, fallback: number): number => {
  if (text === undefined || text.trim() === "") return fallback;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};

/** API_RATE_LIMIT (per second, default 1000; 0 = off), API_RATE_BURST (default 2× the rate, at least 1), API_TRUST_PROXY=1. */
export function rateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitOptions {
  const ratePerSecond = positive(env.API_RATE_LIMIT, 1000);
  const burst = Math.max(1, positive(env.API_RATE_BURST, ratePerSecond * 2));
  return { ratePerSecond, burst, trustProxy: env.API_TRUST_PROXY === "1" || env.API_TRUST_PROXY === "true" };
}

/** The socket address @hono/node-server (Ponder's server) passes in `c.env.incoming`. */
function socketAddress(c: Context): string | undefined {
  const env: unknown = c.env;
  if (typeof env !== "object" || env === null || !("incoming" in env)) return undefined;
  const incoming: unknown = env.incoming;
  if (typeof incoming !== "object" || incoming === null || !("socket" in incoming)) return undefined;
  const socket: unknown = incoming.socket;
  if (typeof socket !== "object" || socket === null || !("remoteAddress" in socket)) return undefined;
  return typeof socket.remoteAddress === "string" ? socket.remoteAddress : undefined;
}

/**
 * The rate limit of signed extracts (each new one is an ML-DSA-65 signature, ≈ 10 ms of the event loop the indexer
 * shares): API_EXTRACT_RATE_LIMIT per second per client (default 10; 0 turns it off), API_EXTRACT_RATE_BURST (default
 * 2 × the rate); never above the general limit while that one is on.
 */
export function extractRateLimitFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimitOptions {
  const general = rateLimitFromEnv(env);
  const own = positive(env.API_EXTRACT_RATE_LIMIT, 10);
  const ratePerSecond = general.ratePerSecond > 0 && own > 0 ? Math.min(own, general.ratePerSecond) : own;
  const burst = Math.max(1, Math.min(positive(env.API_EXTRACT_RATE_BURST, ratePerSecond * 2), general.ratePerSecond > 0 ? general.burst : Number.POSITIVE_INFINITY));
  return { ratePerSecond, burst, trustProxy: general.trustProxy };
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("X-Forwarded-For")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return socketAddress(c) ?? "unknown";
}

interface Bucket {
  tokens: number;
  updated: number;
}

/** A token bucket per client address, in memory; 429 JSON with Retry-After (whole seconds) when empty. */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const { ratePerSecond, burst, trustProxy } = options;
  const maxClients = options.maxClients ?? 100_000;
  const now = options.now ?? (() => Date.now());
  const buckets = new Map<string, Bucket>();
  return async (c, next) => {
    if (ratePerSecond <= 0) return next();
    const key = clientAddress(c, trustProxy);
    const t = now();
    let bucket = buckets.get(key);
    if (bucket === undefined) {
      if (buckets.size >= maxClients) {
        // Forget the least recently seen client (Map keeps insertion order; seen clients are re-inserted below).
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      bucket = { tokens: burst, updated: t };
    } else {
      bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.updated) / 1000) * ratePerSecond);
      bucket.updated = t;
      buckets.delete(key);
    }
    buckets.set(key, bucket);
    c.header("RateLimit-Limit", String(Math.floor(burst)));
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerSecond));
      c.header("Retry-After", String(retryAfter));
      c.header("RateLimit-Remaining", "0");
      return c.json(errorAnswer("rate_limited", `too many requests; retry after ${retryAfter} s`), 429);
    }
    bucket.tokens -= 1;
    c.header("RateLimit-Remaining", String(Math.floor(bucket.tokens)));
    return next();
  };
}
