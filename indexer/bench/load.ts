/**
 * HTTP load on loopback with autocannon, shared by the indexer bench (bench/indexer.ts) and the reliability suite
 * (test/reliability/api-load.test.ts, web-load.test.ts): a fixed overall request rate (or as fast as the server
 * answers) over a mix of routes, every response checked by its route, and latency percentiles from every response.
 */
/// <reference path="./autocannon.d.ts" />
import { readFileSync } from "node:fs";

import autocannon from "autocannon";

/** One route of a load mix; `valid` judges each response (status, body, headers with lower-case names). */
export interface LoadRoute {
  path: string;
  headers?: Record<string, string>;
  valid?: (status: number, body: string, headers: Record<string, string>) => boolean;
}

export interface LoadOptions {
  /** Base URL, e.g. http://127.0.0.1:42069. */
  url: string;
  routes: readonly LoadRoute[];
  connections: number;
  /** Target requests per second over all connections; omitted = as fast as the server answers. */
  overallRate?: number;
  /** Seconds of load. */
  duration?: number;
  /** Stop after this many requests. */
  amount?: number;
  /** Requests in flight per connection (HTTP pipelining; default 1). */
  pipelining?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  /** requests / seconds */
  achieved: number;
  non2xx: number;
  fiveXx: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  /** Errors by message, e.g. { "request timed out": 3, "read ECONNRESET": 1 }. */
  errorKinds: Record<string, number>;
  /** Responses a route's `valid` refused. */
  invalid: number;
  /** The first few refused responses: path, status, content type and the body's end. */
  invalidSamples: string[];
  /** Count per status code, e.g. { "200": 5990, "429": 10 }. */
  statuses: Record<string, number>;
  /** Latency percentiles in ms, from every response. */
  p50: number;
  p95: number;
  p99: number;
}

/** The `p`-th percentile of ascending `sorted` values (NaN when empty). */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Current and peak resident memory of process `pid` in MB (Linux /proc). */
export function memory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(/(\d+) kB/.exec(status.split("\n").find((l) => l.startsWith(key)) ?? "")?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

/** Header names as sent keep their case in autocannon's callback: `valid` sees them lower-cased. */
const lowerCaseKeys = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

/** Runs autocannon over `routes` (each connection cycles through them) and summarises what came back. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let invalid = 0;
  const invalidSamples: string[] = [];
  const refuse = (path: string, status: number, body: string, headers: Record<string, string>) => {
    invalid++;
    if (invalidSamples.length < 3) invalidSamples.push(`${path} → ${status} ${headers["content-type"] ?? "(no content type)"}, ${body.length} chars: …${body.slice(-120)}`);
  };
  const times: number[] = [];
  const run = autocannon({
    url: options.url,
    connections: options.connections,
    ...(options.overallRate !== undefined ? { overallRate: options.overallRate } : {}),
    ...(options.duration !== undefined ? { duration: options.duration } : {}),
    ...(options.amount !== undefined ? { amount: options.amount } : {}),
    ...(options.pipelining !== undefined ? { pipelining: options.pipelining } : {}),
    requests: options.routes.map((route) => {
      const { valid } = route;
      return {
        method: "GET",
        path: route.path,
        ...(route.headers ? { headers: route.headers } : {}),
        ...(valid
          ? {
              onResponse: (status: number, body: string, _context: Record<string, unknown>, raw: Record<string, string>) => {
                const headers = lowerCaseKeys(raw);
                if (!valid(status, body, headers)) refuse(route.path, status, body, headers);
              },
            }
          : {}),
      };
    }),
  });
  const errorKinds: Record<string, number> = {};
  run.on("response", (_client, _status, _bytes, responseTime) => times.push(responseTime));
  run.on("reqError", (error) => void (errorKinds[error.message] = (errorKinds[error.message] ?? 0) + 1));
  const result = await run;
  times.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    seconds: result.duration,
    achieved: result.requests.total / result.duration,
    non2xx: result.non2xx,
    fiveXx: result["5xx"],
    errors: result.errors,
    timeouts: result.timeouts,
    errorKinds,
    invalid,
    invalidSamples,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
  };
}

/** One line for a table: requests, achieved rate, p50/p95/p99, non-2xx and errors. */
export const describeLoad = (r: LoadResult): string =>
  `${r.requests.toLocaleString("en")} requests, ${r.achieved.toFixed(1)} req/s, p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, ${r.non2xx} non-2xx, ${r.errors} errors`;
