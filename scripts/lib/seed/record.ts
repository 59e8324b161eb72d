/**
 * The seed's record of a finished run, `.local/seed/chain-<id>-<governor>.json`: written last, only when every
 * step succeeded. A chain with proposals but no matching record was seeded partly (or used by hand), and the
 * seed refuses it with one plain message instead of adding a second half.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

export interface SeedRecord {
  version: 1;
  chainId: string;
  governor: string;
  finishedAt: string;
  transactions: number;
  seconds: number;
  /** The last proposal the seed creates: its existence on chain proves the record belongs to this chain. */
  finalProposalId: string;
  /** Token id (content hash) and metadata CID of each seeded document, by catalogue key. */
  documents: Record<string, { tokenId: string; metadataCid: string }>;
  batch: { root: string; count: number; metadataCid: string; treeDumpCid: string };
  /** Proposal ids by role in the demo (e.g. "defeated", "amendDecree"). */
  proposals: Record<string, string>;
  allocations: { platform: string; courses: string };
  /** Appeal numbers by role in the demo (e.g. "overdue", "upheld"). */
  appeals: Record<string, string>;
  /** Public key CIDs by agency id (the CID's digest is the agency's pqKeyHash). */
  publicKeys: Record<string, string>;
}

export const recordFile = (stateDir: string, chainId: bigint, governor: string): string =>
  path.join(stateDir, "seed", `chain-${chainId}-${governor.toLowerCase()}.json`);

export async function readRecord(file: string): Promise<SeedRecord | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  const json: unknown = JSON.parse(text);
  if (typeof json !== "object" || json === null || (json as { version?: unknown }).version !== 1) return undefined;
  return json as SeedRecord;
}

export async function writeRecord(file: string, record: SeedRecord): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`);
  await rename(temp, file);
}
