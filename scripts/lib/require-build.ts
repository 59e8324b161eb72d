/**
 * The scripts import the TypeChain types that `hardhat build` generates (types/ethers-contracts). On a clone that
 * was never built, say so in one line instead of failing with a module-resolution stack trace.
 */
import { existsSync } from "node:fs";

export function requireBuild(): void {
  if (!existsSync(new URL("../../types/ethers-contracts/index.ts", import.meta.url))) {
    console.error("Error: the contracts are not built yet (no types/ethers-contracts): run npm run build, or npm start, first.");
    process.exit(1);
  }
}
