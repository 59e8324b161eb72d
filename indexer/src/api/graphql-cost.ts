// What a GraphQL operation may cost, before it runs: its depth and an estimate of the rows it makes the database
// read. Ponder's lists (`documents`, `history`, …) return a page `{ items, pageInfo, totalCount }` of at most `limit`
// rows (default 50, most 1,000); every field inside `items` runs once per row, so the rows of nested lists multiply:
// `votes { items { proposal { votes { items { … } } } } }` ten levels deep is 50^10 rows. The estimate follows the
// query text alone (no schema), so it needs no database and runs in microseconds.
import { type DocumentNode, type FragmentDefinitionNode, Kind, type SelectionSetNode, type ValueNode, parse } from "graphql";

export interface QueryLimits {
  /** Most tokens of the query text (parsing stops there). */
  maxTokens: number;
  /** Most nested fields of data (introspection — `__schema`, `__type` — is not counted: it reads no rows). */
  maxDepth: number;
  /** Most rows the estimate may reach. */
  maxCost: number;
  /** Most rows a list inside another list's items may ask for (`limit`). */
  maxNestedLimit: number;
}

/** Ponder 0.16.10's page size when `limit` is not given, and its largest (graphql/index.js DEFAULT_LIMIT, MAX_LIMIT). */
export const PONDER_DEFAULT_LIMIT = 50;
export const PONDER_MAX_LIMIT = 1000;

/** Selections walked at most (fragments spread many times could otherwise make the walk itself exponential). */
const MAX_VISITS = 20_000;

export type Verdict =
  | { ok: true; depth: number; cost: number }
  | { ok: false; code: "GRAPHQL_PARSE_FAILED" | "QUERY_TOO_LONG" | "QUERY_TOO_DEEP" | "QUERY_TOO_COSTLY" | "NESTED_LIMIT_TOO_LARGE" | "QUERY_TOO_COMPLEX"; message: string };

class Refusal extends Error {
  constructor(
    readonly code: Exclude<Verdict, { ok: true }>["code"],
    message: string,
  ) {
    super(message);
  }
}

const PAGE_FIELDS = new Set(["items", "pageInfo", "totalCount"]);

/** Estimated depth and rows of `query` (every operation in it, summed: one request runs one), or why it is refused. */
export function estimateQuery(query: string, variables: Record<string, unknown>, limits: QueryLimits): Verdict {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: limits.maxTokens, noLocation: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : "the query does not parse";
    // graphql-js says "Document contains more that N tokens"; say it plainly.
    if (/contains more th[ae]t \d+ tokens/.test(message)) return { ok: false, code: "QUERY_TOO_LONG", message: `the query has more than ${limits.maxTokens} tokens; at most ${limits.maxTokens} are allowed` };
    return { ok: false, code: "GRAPHQL_PARSE_FAILED", message };
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);

  let visits = 0;
  let depth = 0;
  let cost = 0;
  const defaults = new Map<string, ValueNode>();

  /** The page size a list field asks for: its `limit` argument (a literal or a variable), else Ponder's default. */
  const limitOf = (args: readonly { name: { value: string }; value: ValueNode }[] | undefined): number => {
    const arg = args?.find((a) => a.name.value === "limit");
    if (arg === undefined) return PONDER_DEFAULT_LIMIT;
    let value: unknown;
    if (arg.value.kind === Kind.INT) value = Number(arg.value.value);
    else if (arg.value.kind === Kind.VARIABLE) {
      const name = arg.value.name.value;
      const fallback = defaults.get(name);
      value = name in variables ? variables[name] : fallback?.kind === Kind.INT ? Number(fallback.value) : null;
      // A variable declared without a value means "no limit given": Ponder's default.
      if (value === null || value === undefined) return PONDER_DEFAULT_LIMIT;
    }
    // Anything else is refused by GraphQL's own validation; count it as the largest page meanwhile.
    return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : PONDER_MAX_LIMIT;
  };

  /** Whether a selection set (fragments included) selects page fields, i.e. belongs to a list field. */
  const isPage = (set: SelectionSetNode, seen: Set<string>): boolean =>
    set.selections.some((s) => {
      if (s.kind === Kind.FIELD) return PAGE_FIELDS.has(s.name.value);
      if (s.kind === Kind.INLINE_FRAGMENT) return isPage(s.selectionSet, seen);
      const fragment = fragments.get(s.name.value);
      if (fragment === undefined || seen.has(s.name.value)) return false;
      return isPage(fragment.selectionSet, new Set([...seen, s.name.value]));
    });

  /** Walks `set`, whose fields each run `runs` times, at nesting `level`; `inList`: inside another list's items. */
  const walk = (set: SelectionSetNode, runs: number, level: number, inList: boolean, spreading: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      if (++visits > MAX_VISITS) throw new Refusal("QUERY_TOO_COMPLEX", `the query expands to more than ${MAX_VISITS} selections (fragments spread too often)`);
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, runs, level, inList, spreading);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // An unknown or cyclic fragment is GraphQL's own validation error; nothing to count here.
        if (fragment !== undefined && !spreading.has(name)) walk(fragment.selectionSet, runs, level, inList, new Set([...spreading, name]));
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith("__")) continue; // __typename, __schema, __type: no rows
      const fieldLevel = level + 1;
      if (fieldLevel > depth) depth = fieldLevel;
      if (depth > limits.maxDepth) throw new Refusal("QUERY_TOO_DEEP", `the query is nested ${fieldLevel}+ fields deep; at most ${limits.maxDepth} are allowed`);
      const children = selection.selectionSet;
      if (children === undefined) continue; // a column
      if (!isPage(children, new Set())) {
        // One row: a lookup by id at the top, a relation to one row inside a list (one load per parent row).
        cost += runs;
        walk(children, runs, fieldLevel, inList, spreading);
      } else {
        const rows = limitOf(selection.arguments);
        if (inList && rows > limits.maxNestedLimit) {
          throw new Refusal("NESTED_LIMIT_TOO_LARGE", `${name}(limit: ${rows}) inside another list: at most ${limits.maxNestedLimit} rows per nested list`);
        }
        cost += runs * Math.max(rows, 1);
        walkPage(children, runs, rows, fieldLevel, spreading);
      }
      if (cost > limits.maxCost) throw new Refusal("QUERY_TOO_COSTLY", `the query may read ${formatRows(cost)}+ rows; at most ${limits.maxCost.toLocaleString("en")} are allowed (lower limit: or nest fewer lists)`);
    }
  };

  /** A page's own fields: `items` runs `rows` times per page; `pageInfo` and `totalCount` once. */
  const walkPage = (set: SelectionSetNode, runs: number, rows: number, level: number, spreading: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      if (++visits > MAX_VISITS) throw new Refusal("QUERY_TOO_COMPLEX", `the query expands to more than ${MAX_VISITS} selections (fragments spread too often)`);
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        walkPage(selection.selectionSet, runs, rows, level, spreading);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (fragment !== undefined && !spreading.has(selection.name.value)) walkPage(fragment.selectionSet, runs, rows, level, new Set([...spreading, selection.name.value]));
      } else if (selection.name.value === "items" && selection.selectionSet !== undefined) {
        const itemLevel = level + 1;
        if (itemLevel > depth) depth = itemLevel;
        if (depth > limits.maxDepth) throw new Refusal("QUERY_TOO_DEEP", `the query is nested ${itemLevel}+ fields deep; at most ${limits.maxDepth} are allowed`);
        walk(selection.selectionSet, runs * Math.max(rows, 1), itemLevel, true, spreading);
      } else {
        walk({ kind: Kind.SELECTION_SET, selections: [selection] }, runs, level, true, spreading);
      }
    }
  };

  try {
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      defaults.clear();
      for (const v of definition.variableDefinitions ?? []) if (v.defaultValue !== undefined) defaults.set(v.variable.name.value, v.defaultValue);
      walk(definition.selectionSet, 1, 0, false, new Set());
    }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
  return { ok: true, depth, cost };
}

const formatRows = (n: number): string => (n < 1e9 ? Math.round(n).toLocaleString("en") : n.toExponential(1));
