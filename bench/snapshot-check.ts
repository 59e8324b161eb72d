/**
 * The gas snapshot check of `npm test` (bench/gas.ts with GAS_SNAPSHOT=check), as Uniswap v4-core's: the snapshot
 * committed in bench/gas-snapshot.md must be exactly what the contracts measure now, and every row must meet its
 * target. Kept apart from the bench so that it has tests of its own (test/scripts/gas-snapshot-check.test.ts).
 */

/** Marks a row of the snapshot that misses its target. */
export const MISS_MARK = "**MISS**";

/**
 * What is wrong with the committed snapshot against the one just measured: each line that differs (the contracts
 * changed without `npm run bench`), then each measured row that misses its target. Empty when all is well.
 */
export function snapshotProblems(committed: string, measured: string): string[] {
  const was = committed.split("\n");
  const now = measured.split("\n");
  const differing: string[] = [];
  for (let i = 0; i < Math.max(was.length, now.length); i++) {
    if (was[i] !== now[i]) differing.push(`  line ${i + 1}\n    committed: ${was[i] ?? "(none)"}\n    measured:  ${now[i] ?? "(none)"}`);
  }
  const misses = now.filter((line) => line.includes(MISS_MARK));
  return [
    ...(differing.length > 0 ? [`bench/gas-snapshot.md is stale (run \`npm run bench\` and commit it): ${differing.length} line(s) differ`, ...differing] : []),
    ...(misses.length > 0 ? ["gas targets missed:", ...misses.map((m) => `  ${m}`)] : []),
  ];
}
