// The part of autocannon (no bundled types; @types/autocannon is not installed) that bench/indexer.ts uses.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  interface Options {
    url: string;
    connections?: number;
    overallRate?: number;
    duration?: number;
    amount?: number;
  }
  interface Result {
    requests: { total: number };
    /** seconds */
    duration: number;
    non2xx: number;
    errors: number;
    latency: { p50: number; p90: number; p99: number };
  }
  interface Instance extends EventEmitter, PromiseLike<Result> {
    on(event: "response", listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): this;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
