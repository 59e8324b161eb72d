/**
 * Reading the content store (the local stand-in for IPFS) from the browser: a file is asked for by the sha-256 digest
 * the chain holds (GET /api/content/<digest>) and kept only when its bytes hash to that digest, whoever served them.
 */
import type { Hex } from "viem";

import { type ContentRead, hashMatches } from "@government-dao/core/content-read";

/** The path the dApp serves a content-store file at. */
export const contentPath = (digest: Hex): string => `/api/content/${digest.toLowerCase()}`;

/** Fetches the file whose sha-256 is `digest`; bytes that do not hash to it are refused ("altered"). */
export async function fetchContent(digest: Hex): Promise<ContentRead> {
  const response = await fetch(contentPath(digest), { cache: "no-store" });
  if (response.status === 404) return { missing: "absent" };
  if (response.status === 409) return { missing: "altered" };
  if (!response.ok) throw new Error(`the content store answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return hashMatches(bytes, digest) ? { bytes } : { missing: "altered" };
}
