// The API's public origin, from configuration only: feed and extract links are built from it, never from the
// request's Host header (a forged Host would otherwise reach every later reader through the answer cache).

/** The port Ponder serves on: `PORT`, else `--port N` / `-p N` of `ponder start`, else Ponder's default 42069. */
export function servedPort(env: NodeJS.ProcessEnv, argv: readonly string[]): number {
  if (env.PORT !== undefined && /^\d{1,5}$/.test(env.PORT)) return Number(env.PORT);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const inline = /^--port=(\d{1,5})$/.exec(arg);
    if (inline) return Number(inline[1]);
    if ((arg === "--port" || arg === "-p") && /^\d{1,5}$/.test(argv[i + 1] ?? "")) return Number(argv[i + 1]);
  }
  return 42069;
}

/**
 * `PUBLIC_URL` (e.g. https://data.gov.example, the address readers use through the reverse proxy), without a trailing
 * slash; default `http://127.0.0.1:<port served>`. Anything but a plain http(s) origin with an optional path is a
 * clear error at start, not a link to somewhere else later.
 */
export function publicUrlFrom(env: NodeJS.ProcessEnv, argv: readonly string[]): string {
  const text = env.PUBLIC_URL?.trim();
  if (text === undefined || text === "") return `http://127.0.0.1:${servedPort(env, argv)}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`PUBLIC_URL ${JSON.stringify(text.slice(0, 200))} is not a URL; set it to the origin readers use, e.g. https://data.example.gov`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`PUBLIC_URL must be http or https, not ${JSON.stringify(url.protocol)}`);
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new Error("PUBLIC_URL must be an origin with an optional path: no user, password, query or fragment");
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
