// Every route accepts exactly the query parameters its OpenAPI description lists: a stray one (`?x=1`), a repeated
// one or one of another route is a 400, so a query string can neither change an answer silently nor make a new
// answer-cache entry (the cache keys on the accepted parameters, answer-cache.ts).
import type { MiddlewareHandler } from "hono";

import { errorAnswer } from "./errors.js";

export interface RouteQuery {
  /** The OpenAPI path template, e.g. /api/v1/verify/{sha256}. */
  template: string;
  pattern: RegExp;
  accepted: readonly string[];
}

interface OpenapiPaths {
  [template: string]: { get?: { summary: string; parameters?: readonly { name: string; in: string }[] } };
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The query parameters of every GET route of an OpenAPI `paths` object. */
export function routeQueries(paths: OpenapiPaths): RouteQuery[] {
  return Object.entries(paths).map(([template, item]) => ({
    template,
    pattern: new RegExp(`^${template.split(/\{[^}]+\}/).map(escapeRegExp).join("[^/]+")}$`),
    accepted: (item.get?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
  }));
}

/** A name as it may be echoed: JSON-quoted, at most 40 characters. */
const quoted = (name: string): string => JSON.stringify(name.length > 40 ? `${name.slice(0, 40)}…` : name);

/** Middleware: GET/HEAD on a known route with an unknown or repeated query parameter is a 400 JSON error. */
export function acceptedQueryParameters(routes: readonly RouteQuery[]): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const url = new URL(c.req.url);
    if (url.search === "" || url.search === "?") return next();
    const route = routes.find((r) => r.pattern.test(url.pathname));
    if (route === undefined) return next(); // no such route: its 404
    const seen = new Set<string>();
    for (const name of url.searchParams.keys()) {
      if (!route.accepted.includes(name)) {
        const accepts = route.accepted.length === 0 ? "accepts no query parameters" : `accepts ${route.accepted.join(", ")}`;
        return c.json(errorAnswer("unknown_parameter", `unknown query parameter ${quoted(name)}: ${route.template} ${accepts}`), 400);
      }
      if (seen.has(name)) return c.json(errorAnswer("repeated_parameter", `query parameter ${quoted(name)} is given more than once`), 400);
      seen.add(name);
    }
    return next();
  };
}
