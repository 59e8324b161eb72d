/**
 * Reading the content store (the local stand-in for IPFS) from the browser: a file is asked for by the sha-256 digest
 * the chain holds (GET /api/content/<digest>) and kept only when its bytes hash to that digest, whoever served them.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { type Hex, bytesToHex } from "viem";

/** Whether sha-256 of `bytes` is `digest` (0x hex, any case). */
export const hashMatches = (bytes: Uint8Array, digest: string): boolean => bytesToHex(sha256(bytes)) === digest.toLowerCase();

/** A file asked of the content store: its bytes, or why there are none (absent, or its bytes differ from the digest). */
export type ContentRead = { bytes: Uint8Array } | { missing: "absent" | "altered" };

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
