/**
 * Writes the generated ABIs (`core/generated/`) from the Hardhat build: see `src/generate-abis.ts`.
 *
 *   npm run generate -w @government-dao/core      (after `npm run build` at the repository root)
 */
import path from "node:path";

import { generateAbis } from "../src/generate-abis.ts";

const { file, count } = await generateAbis();
console.log(`abis: ${count} ABIs -> ${path.relative(process.cwd(), file)}`);
