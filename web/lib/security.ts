/**
 * The dApp's browser security policy: a Content-Security-Policy with a per-request script nonce (set by proxy.ts on
 * every page) and the fixed security headers (set by next.config.ts on every response).
 *
 * The page may run only the scripts this server sent (its own files and inline scripts carrying the nonce), may
 * talk only to itself, the chain's RPC endpoint and the public API, and may not be framed by any other site.
 */

/** Headers that do not depend on the request: on every response, pages, assets and API routes alike. */
export const STATIC_SECURITY_HEADERS: readonly { key: string; value: string }[] = [
  // Never guess a content type: a JSON or text answer is never run as a script or style.
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Other sites learn at most our origin, never a page path (which may carry a search or a document id).
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // No framing (clickjacking); CSP frame-ancestors says the same to browsers that read it.
  { key: "X-Frame-Options", value: "DENY" },
  // The dApp needs none of these; an injected script cannot ask for them either.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  // A window this site opens (or that opens it) gets no handle on it.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** A fresh nonce: 128 random bits, base64 (the form Next.js extracts from `'nonce-…'`). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The origin of a URL as a CSP source (`scheme://host:port`), or undefined when it is not an absolute http(s)/ws(s) URL. */
export function cspOrigin(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (!["http:", "https:", "ws:", "wss:"].includes(parsed.protocol)) return undefined;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return undefined;
  }
}

export interface PolicyOptions {
  nonce: string;
  /** Origins the browser may fetch besides its own (the chain's RPC endpoint, the public API). */
  connect: readonly string[];
  /** `next dev`: React rebuilds server error stacks with eval, and dev styles are injected inline. */
  dev: boolean;
  /** The page was requested over https: ask the browser to upgrade any http sub-request. */
  https: boolean;
}

/** The Content-Security-Policy of a page, one line. */
export function contentSecurityPolicy({ nonce, connect, dev, https }: PolicyOptions): string {
  const connectSources = [...new Set(connect.map(cspOrigin).filter((o): o is string => o !== undefined))];
  const directives: [string, ...string[]][] = [
    // Anything not named below: this origin only.
    ["default-src", "'self'"],
    // Our own script files and the inline scripts Next.js renders with this request's nonce; nothing else, no eval.
    ["script-src", "'self'", `'nonce-${nonce}'`, ...(dev ? ["'unsafe-eval'"] : [])],
    // Our stylesheets and the inline styles Next.js marks with the nonce (dev injects styles without it).
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    // The QR code and chart are inline SVG; data: and blob: for images a browser builds locally.
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    // Server actions, react-query and wagmi: this origin, the chain's RPC endpoint and the public API.
    ["connect-src", "'self'", ...connectSources],
    // /verify hashes on the main thread in chunks; no worker, frame or plugin is ever needed.
    ["worker-src", "'none'"],
    ["frame-src", "'none'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/**
 * Whether a state-changing request comes from this site's own pages (OWASP's CSRF defence, "verifying origin with
 * standard headers"): its Origin header, when a browser sends one, names the host the request was sent to. A
 * request without Origin (curl, a server) is not a browser's cross-site request and passes.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The largest body the dApp's own POST routes read: a document's description, milestone texts. */
export const MAX_POST_BYTES = 64 * 1024;

/** The request's body, or undefined when it is larger than `max` bytes (nothing beyond `max` is read). */
export async function readCappedBody(request: Request, max: number): Promise<Uint8Array | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) return undefined;
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}

/** The request's JSON body (null when it is not JSON), or `tooLarge` when it is over `max` bytes. */
export async function readCappedJson(request: Request, max: number): Promise<{ tooLarge: true } | { tooLarge: false; json: unknown }> {
  const body = await readCappedBody(request, max);
  if (body === undefined) return { tooLarge: true };
  try {
    return { tooLarge: false, json: JSON.parse(new TextDecoder().decode(body)) };
  } catch {
    return { tooLarge: false, json: null };
  }
}
