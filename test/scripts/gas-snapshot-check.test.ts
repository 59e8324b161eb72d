/**
 * The gas snapshot check that `npm test` runs (bench/snapshot-check.ts): it fails on a stale snapshot and on a
 * missed target, and passes only on an exact match.
 */
import { expect } from "chai";

import { snapshotProblems } from "../../bench/snapshot-check.js";

const SNAPSHOT = [
  "# Gas snapshot",
  "| operation | ours | wizard | ours/wizard | target | result |",
  "| propose (1 action) | 101,361 | 68,969 | 1.470 | ≤ 1.60 | PASS |",
  "| execute | 72,842 | 88,883 | 0.820 | ≤ 1.00 | PASS |",
].join("\n");

describe("gas snapshot check", function () {
  it("passes when the committed snapshot is exactly what was measured", function () {
    expect(snapshotProblems(SNAPSHOT, SNAPSHOT)).to.deep.equal([]);
  });

  it("fails on a stale snapshot, naming the line and both values", function () {
    const measured = SNAPSHOT.replace("101,361", "101,752");
    const problems = snapshotProblems(SNAPSHOT, measured);
    expect(problems[0]).to.match(/stale.*1 line\(s\) differ/);
    expect(problems[1]).to.contain("line 3").and.contain("committed: | propose (1 action) | 101,361").and.contain("measured:  | propose (1 action) | 101,752");
  });

  it("fails when a line was added or removed", function () {
    expect(snapshotProblems(SNAPSHOT, `${SNAPSHOT}\n| queue | 1 | 2 | 0.5 | ≤ 1.00 | PASS |`)[1]).to.contain("committed: (none)");
    expect(snapshotProblems(`${SNAPSHOT}\nextra`, SNAPSHOT)[1]).to.contain("measured:  (none)");
  });

  it("fails on a missed target even when the snapshot was rewritten to match", function () {
    const missed = SNAPSHOT.replace("| 0.820 | ≤ 1.00 | PASS |", "| 1.020 | ≤ 1.00 | **MISS** |");
    const problems = snapshotProblems(missed, missed);
    expect(problems).to.deep.equal(["gas targets missed:", "  | execute | 72,842 | 88,883 | 1.020 | ≤ 1.00 | **MISS** |"]);
  });
});
