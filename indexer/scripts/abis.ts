/**
 * Writes `generated/abis.ts` from the Hardhat build (`artifacts/`), never by hand: the ABI of every indexed
 * contract (and DigitalTenge, to name calls to it in proposals) as `as const` literals, so Ponder types the
 * events. Git-ignored; `npm test`, `npm run typecheck` and `startIndexer` regenerate it.
 *
 *   tsx scripts/abis.ts        (run `npm run build` at the repository root first)
 */
import { fileURLToPath } from "node:url";

import { writeAbis } from "../lib/abis.js";

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { file, count } = await writeAbis();
  console.log(`abis: ${count} ABIs -> ${file}`);
}
