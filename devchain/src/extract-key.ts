/**
 * The public API's extract key on the development chain: the demo seed (core/src/extract.ts `demoExtractSeed`,
 * public, like the demo agency keys), whose key the demo deployment registers in the SigningKeyRegistry at genesis
 * (demo-cast.ts). npm start and the test worlds hand this file to the indexer (`startIndexer({ signingSeedFile })`),
 * so that its extracts verify against the chain. A real deployment creates its own seed and registers its hash by
 * proposal.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { demoExtractSeed } from "@government-dao/core/extract";

/** Writes `<dir>/demo-extract-seed.hex` (64 hex digits and a newline, mode 0600), the indexer's seed format; its path. */
export async function writeDemoExtractSeed(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "demo-extract-seed.hex");
  await writeFile(file, `${Buffer.from(demoExtractSeed()).toString("hex")}\n`, { mode: 0o600 });
  return file;
}
