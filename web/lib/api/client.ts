/**
 * The public data service (the indexer's REST API under /api/v1), read by server components only. Its base URL is
 * read per request from API_URL (set by startWeb / `npm start`), like RPC_URL, so one build serves any deployment.
 * Every answer is validated with zod; a service that is down, slow, answers an error or a shape this build does not
 * know becomes an ApiUnavailable error, which pages turn into a translated banner (components/ApiDown.tsx).
 */
import type { z } from "zod";

import { apiBaseUrl } from "@/lib/env";

export { apiBaseUrl };

/** The public data service could not answer this request (down, error status, or an answer of an unknown shape). */
export class ApiUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApiUnavailable";
  }
}

/** The requested item does not exist (HTTP 404 with the API's `not_found` code). */
export class ApiNotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApiNotFound";
  }
}

const TIMEOUT_MS = 8_000;

/** The public URL of an API path (for links the browser follows: exports, feeds, extracts). */
export const apiUrl = (path: string, query: Record<string, string | undefined> = {}): string => {
  const url = new URL(`${apiBaseUrl()}/api/v1${path}`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") url.searchParams.set(key, value);
  return url.toString();
};

/** GET `path` (under /api/v1) and validate the JSON answer with `schema`. */
export async function getJson<S extends z.ZodType>(path: string, schema: S, query: Record<string, string | undefined> = {}): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), { cache: "no-store", signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: "application/json" } });
  } catch (error) {
    throw new ApiUnavailable(`GET ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 404) throw new ApiNotFound(`GET ${path}: not found`);
  if (!response.ok) throw new ApiUnavailable(`GET ${path}: HTTP ${response.status}`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiUnavailable(`GET ${path}: the answer is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiUnavailable(`GET ${path}: unexpected answer (${parsed.error.issues[0]?.path.join(".") ?? "?"})`);
  return parsed.data;
}

/** Runs the fetchers of a page; `{ ok: false }` when the service is unavailable (other errors propagate). */
export async function load<T>(fetcher: () => Promise<T>): Promise<{ ok: true; data: T } | { ok: false }> {
  try {
    return { ok: true, data: await fetcher() };
  } catch (error) {
    if (error instanceof ApiUnavailable) {
      console.error(`public data service: ${error.message}`);
      return { ok: false };
    }
    throw error;
  }
}
