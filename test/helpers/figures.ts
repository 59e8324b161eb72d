/**
 * The reliability suite's figures: each test records what it held, survived, tried and lost, and the table is
 * printed once at the end of the run (`npm run test:reliability`, and inside `npm test`), failed tests included.
 *
 * Every figure is computed from what the run observed and recorded BEFORE the test asserts on it: a loss shows in
 * the table as a number (and then fails the test), instead of aborting the test before a constant 0 is recorded.
 * "data lost" figures go through {@link recordLoss}, which counts them from expected vs found items.
 */
type Kind = "load held" | "fault survived" | "bad inputs tried" | "data lost";

interface Figure {
  kind: Kind;
  what: string;
  value: string;
}

const figures: Figure[] = [];

/** Records one figure (printed in the table at the end of the run). */
export function recordFigure(kind: Kind, what: string, value: string | number): void {
  figures.push({ kind, what, value: typeof value === "number" ? value.toLocaleString("en") : value });
}

/** What a run expected and what it found, as item keys (ids, "proposal-voter" pairs, …) or plain counts. */
export type LossCounts = { expected: readonly string[]; found: readonly string[] } | { expected: number; found: number };

/**
 * Records a "data lost" figure counted from the data — missing + found twice + found but never written — and returns
 * that number for the test to assert on afterwards (`expect(recordLoss(…)).to.equal(0)`). With plain counts only
 * the shortfall and the surplus can be told.
 */
export function recordLoss(what: string, counts: LossCounts): number {
  const { lost, text } = countLoss(counts);
  recordFigure("data lost", what, text);
  return lost;
}

/** The loss of {@link recordLoss} and its table text, e.g. "2 (100 expected, 99 found, 1 missing)"; records nothing. */
export function countLoss(counts: LossCounts): { lost: number; text: string } {
  let missing: number;
  let duplicates = 0;
  let extra = 0;
  let expected: number;
  let found: number;
  if (typeof counts.expected === "number" && typeof counts.found === "number") {
    expected = counts.expected;
    found = counts.found;
    missing = Math.max(0, expected - found);
    extra = Math.max(0, found - expected);
  } else {
    const want = new Set((counts.expected as readonly string[]).map((id) => id.toLowerCase()));
    const got = (counts.found as readonly string[]).map((id) => id.toLowerCase());
    const seen = new Set(got);
    expected = want.size;
    found = got.length;
    missing = [...want].filter((id) => !seen.has(id)).length;
    duplicates = got.length - seen.size;
    extra = [...seen].filter((id) => !want.has(id)).length;
  }
  const lost = missing + duplicates + extra;
  const detail = [`${expected.toLocaleString("en")} expected, ${found.toLocaleString("en")} found`, ...(missing ? [`${missing} missing`] : []), ...(duplicates ? [`${duplicates} twice`] : []), ...(extra ? [`${extra} unexpected`] : [])];
  return { lost, text: `${lost.toLocaleString("en")} (${detail.join(", ")})` };
}

// A root hook: runs once after every test file of the run.
after(function printFigures() {
  if (figures.length === 0) return;
  const rows = figures.map((f) => [f.kind, f.what, f.value]);
  const header = ["kind", "what", "figure"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `  | ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  console.log("\n  Reliability figures");
  console.log(line(header));
  console.log(`  |${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
});
