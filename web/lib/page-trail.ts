/**
 * Next/previous links over a keyset-paginated API list, without JavaScript: the URL carries the page's `cursor` and
 * the `trail` of the cursors before it ("." between them; base64url cursors have no "."), so "previous" goes back
 * exactly one page. The first page has neither.
 */
const CURSOR = /^[A-Za-z0-9_-]{1,400}$/;
/** At most this many pages back are remembered (older ones: "previous" then starts over at the first page). */
const MAX_TRAIL = 20;

/** Where a page is: its cursor (absent: the first page) and the cursors of the pages before it. */
export interface PagePosition {
  cursor: string | undefined;
  trail: string[];
}

/** The position in the query `cursor` and `trail` (malformed values: the first page). */
export function pagePosition(cursor: string | undefined, trail: string | undefined): PagePosition {
  if (cursor === undefined || !CURSOR.test(cursor)) return { cursor: undefined, trail: [] };
  const back = (trail ?? "").split(".").filter((c) => CURSOR.test(c));
  return { cursor, trail: back.slice(-MAX_TRAIL) };
}

/** The query of the next page (after `nextCursor`; null on the last) and of the previous one (null on the first). */
export function pageLinks(position: PagePosition, nextCursor: string | null): { next: Record<string, string> | null; previous: Record<string, string> | null } {
  const here = position.cursor === undefined ? [] : [...position.trail, position.cursor].slice(-MAX_TRAIL);
  const next = nextCursor === null ? null : { cursor: nextCursor, ...(here.length > 0 ? { trail: here.join(".") } : {}) };
  if (position.cursor === undefined) return { next, previous: null };
  const before = position.trail.at(-1);
  const previous = before === undefined ? {} : { cursor: before, ...(position.trail.length > 1 ? { trail: position.trail.slice(0, -1).join(".") } : {}) };
  return { next, previous };
}

/** `path` with `base` and `extra` as its query (empty values left out). */
export function hrefWith(path: string, base: Record<string, string>, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams(Object.entries({ ...base, ...extra }).filter(([, v]) => v !== "")).toString();
  return query === "" ? path : `${path}?${query}`;
}
