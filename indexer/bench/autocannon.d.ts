// The part of autocannon (no bundled types; @types/autocannon is not installed) that bench/load.ts uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  interface Request {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    /** Called with every response to this request (autocannon then keeps the body). */
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void;
  }
  interface Options {
    url: string;
    connections?: number;
    overallRate?: number;
    duration?: number;
    amount?: number;
    pipelining?: number;
    /** Seconds before a request counts as a timeout (default 10). */
    timeout?: number;
    headers?: Record<string, string>;
    /** Cycled through by each connection. */
    requests?: Request[];
  }
  interface Result {
    requests: { total: number };
    /** seconds */
    duration: number;
    non2xx: number;
    errors: number;
    timeouts: number;
    "5xx": number;
    statusCodeStats: Record<string, { count: number }>;
    latency: { p50: number; p90: number; p99: number };
  }
  interface Instance extends EventEmitter, PromiseLike<Result> {
    on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): this;
    on(event: "reqError", listener: (error: Error) => void): this;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
