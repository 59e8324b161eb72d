/**
 * The dApp's view of the public data service in the e2e world: an HTTP proxy in front of the real indexer, which
 * passes every request through unchanged until a test makes it lie (`lie(rewrite)`): then each JSON answer is
 * replaced by what `rewrite` returns for it, as a compromised or buggy service would answer. The dApp must still show
 * what the chain says (issue 18: the document page checks status and co-signature against the chain).
 */
import { type IncomingHttpHeaders, createServer, request } from "node:http";

import { freePort } from "@government-dao/devchain/anvil";

/** Rewrites the JSON answer to GET `path` (with its query); returns it unchanged to leave it alone. */
export type Rewrite = (path: string, body: unknown) => unknown;

export interface ApiProxy {
  /** The URL the dApp is given as API_URL. */
  url: string;
  /** From now on answers are rewritten by `rewrite`; `lie(undefined)` makes the proxy honest again. */
  lie(rewrite: Rewrite | undefined): void;
  stop(): Promise<void>;
}

/** Headers that describe the original bytes, which a rewritten answer no longer has. */
const BYTE_HEADERS = new Set(["content-length", "etag", "content-encoding", "transfer-encoding", "connection"]);

/** Starts a proxy to `upstream()` (read per request: a restarted indexer keeps its port, but not its object). */
export async function startApiProxy(upstream: () => string): Promise<ApiProxy> {
  let rewrite: Rewrite | undefined;
  const server = createServer((incoming, outgoing) => {
    const target = new URL(incoming.url ?? "/", upstream());
    // No conditional request while lying: a 304 would let the dApp keep an honest copy.
    const headers: IncomingHttpHeaders = { ...incoming.headers, host: target.host };
    if (rewrite) delete headers["if-none-match"];
    const forward = request(target, { method: incoming.method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => {
        let body = Buffer.concat(chunks);
        const json = /^application\/(.+\+)?json/.test(answer.headers["content-type"] ?? "");
        if (rewrite && json && body.length > 0) body = Buffer.from(JSON.stringify(rewrite(target.pathname + target.search, JSON.parse(body.toString("utf8")))));
        const kept = Object.entries(answer.headers).filter(([name]) => !BYTE_HEADERS.has(name));
        outgoing.writeHead(answer.statusCode ?? 502, { ...Object.fromEntries(kept), "content-length": body.length });
        outgoing.end(body);
      });
      answer.on("error", () => outgoing.destroy());
    });
    forward.on("error", () => {
      outgoing.writeHead(502, { "content-type": "text/plain" });
      outgoing.end("the indexer behind the e2e proxy is not answering");
    });
    incoming.pipe(forward);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    lie: (next) => {
      rewrite = next;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
