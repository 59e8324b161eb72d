#!/usr/bin/env node
// Reads coverage/lcov.info written by `hardhat test --coverage`, prints line coverage per contract (test helpers
// under contracts/test/ excluded) and fails below the threshold. Hardhat's coverage records lines (DA) only, no
// branches (BRDA): branch coverage is argued by the revert-path tests and the access-control matrix instead.
import { readFileSync } from "node:fs";

const MIN_LINES = Number(process.env.MIN_LINE_COVERAGE ?? 95);
let lcov;
try {
  lcov = readFileSync("coverage/lcov.info", "utf8");
} catch {
  console.error("coverage/lcov.info is missing: run `hardhat test --coverage` first.");
  process.exit(1);
}

const files = new Map();
let current;
for (const line of lcov.split("\n")) {
  if (line.startsWith("SF:")) {
    const path = line.slice(3).replace(/^.*?(contracts\/)/, "$1");
    current = path.startsWith("contracts/") && !path.startsWith("contracts/test/") ? path : undefined;
    if (current && !files.has(current)) files.set(current, new Map());
  } else if (current && line.startsWith("DA:")) {
    const [lineNo, hits] = line.slice(3).split(",").map(Number);
    const seen = files.get(current);
    seen.set(lineNo, (seen.get(lineNo) ?? 0) + hits);
  }
}

let total = 0;
let hit = 0;
const rows = [];
for (const [file, lines] of [...files].sort()) {
  const covered = [...lines.values()].filter((h) => h > 0).length;
  total += lines.size;
  hit += covered;
  const missed = [...lines].filter(([, h]) => h === 0).map(([n]) => n);
  rows.push([file, lines.size ? ((100 * covered) / lines.size).toFixed(1) : "100.0", `${covered}/${lines.size}`, missed.join(",")]);
}
const width = Math.max(...rows.map((r) => r[0].length), 8);
console.log(`\nLine coverage of contracts/ (excluding contracts/test/)\n`);
console.log(`${"contract".padEnd(width)}  lines %  covered  uncovered lines`);
for (const [file, pct, ratio, missed] of rows) console.log(`${file.padEnd(width)}  ${pct.padStart(7)}  ${ratio.padStart(7)}  ${missed}`);
const pct = total ? (100 * hit) / total : 100;
console.log(`${"TOTAL".padEnd(width)}  ${pct.toFixed(1).padStart(7)}  ${`${hit}/${total}`.padStart(7)}`);
if (pct < MIN_LINES) {
  console.error(`\nLine coverage ${pct.toFixed(1)} % is below the required ${MIN_LINES} %.`);
  process.exit(1);
}
console.log(`\nLine coverage ${pct.toFixed(1)} % ≥ ${MIN_LINES} %.`);
