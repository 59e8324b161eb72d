/**
 * Reading the indexer's public API from the reliability tests: typed JSON, every page of a list, and the
 * validators a load mix applies to each response (JSON that parses, CSV with the expected header).
 */
import type { LoadRoute } from "../../indexer/bench/load.js";

/** GET `url` and parse its JSON body; fails on a status other than 200. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** POST a GraphQL query to `${apiUrl}/graphql`; fails on errors. */
export async function graphql<T>(apiUrl: string, query: string): Promise<T> {
  const response = await fetch(`${apiUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (body.errors !== undefined || body.data === undefined) throw new Error(`GraphQL ${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Every item of a cursor-paginated REST list (`path` without cursor; `limit` up to 1,000), in the API's order. */
export async function allPages<T>(apiUrl: string, path: string): Promise<T[]> {
  const items: T[] = [];
  const separator = path.includes("?") ? "&" : "?";
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await getJson(`${apiUrl}${path}${cursor === null ? "" : `${separator}cursor=${encodeURIComponent(cursor)}`}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

/** Whether `body` parses as JSON. */
const parses = (body: string): boolean => {
  try {
    JSON.parse(body);
    return true;
  } catch {
    return false;
  }
};

/** A route whose answer must be 200 with a JSON body. */
export const jsonRoute = (path: string): LoadRoute => ({ path, valid: (status, body) => status === 200 && parses(body) });

/** A route whose answer must be 200 CSV whose first line starts with `firstColumn`. */
export const csvRoute = (path: string, firstColumn: string): LoadRoute => ({
  path,
  valid: (status, body, headers) => status === 200 && /^text\/csv/.test(headers["content-type"] ?? "") && body.startsWith(firstColumn),
});

/** Sets of ids compared: what `actual` misses of `expected`, and how many of its entries are repeats or extras. */
export function compareIds(expected: readonly string[], actual: readonly string[]): { missing: number; duplicates: number; extra: number } {
  const want = new Set(expected.map((id) => id.toLowerCase()));
  const got = actual.map((id) => id.toLowerCase());
  const seen = new Set(got);
  return {
    missing: [...want].filter((id) => !seen.has(id)).length,
    duplicates: got.length - seen.size,
    extra: [...seen].filter((id) => !want.has(id)).length,
  };
}
