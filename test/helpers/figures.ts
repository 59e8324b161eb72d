/**
 * The reliability suite's figures: each test records what it held, survived, tried and lost, and the table is
 * printed once at the end of the run (`npm run test:reliability`, and inside `npm test`). "data lost" must be 0.
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
