/**
 * Server side: the only read of the content store in the dApp. A file is asked for by the sha-256 digest the chain
 * holds (its CIDv1 raw sha2-256 names the file) and given back only when its bytes hash to that digest; a missing or
 * altered file is "missing", and an altered one is logged in one plain line.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { cidFromDigest } from "@government-dao/core/content-store";
import { contentDir } from "@/lib/runtime";

/** A file asked of the content store: its bytes, or why there are none. */
export type ContentRead = { bytes: Uint8Array<ArrayBuffer> } | { missing: "absent" | "altered" };

const DIGEST = /^0x[0-9a-fA-F]{64}$/;

/** The file whose sha-256 is `digest` (0x hex), checked; never throws. */
export async function readContent(digest: string): Promise<ContentRead> {
  if (!DIGEST.test(digest)) return { missing: "absent" };
  const cid = cidFromDigest(digest);
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await readFile(path.join(contentDir(), cid)));
  } catch {
    return { missing: "absent" };
  }
  const actual = `0x${createHash("sha256").update(bytes).digest("hex")}`;
  if (actual !== digest.toLowerCase()) {
    console.warn(`content store: ${cid} is refused: its sha-256 is ${actual}, not ${digest.toLowerCase()} (the file was altered)`);
    return { missing: "altered" };
  }
  return { bytes };
}

/** The JSON of a checked content-store file, or undefined when it is missing, altered or not JSON. */
export async function readContentJson(digest: string): Promise<unknown> {
  const read = await readContent(digest);
  if ("missing" in read) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(read.bytes)) as unknown;
  } catch {
    return undefined;
  }
}
