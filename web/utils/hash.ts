/**
 * sha-256 of a file, computed in the browser; the file never leaves the machine. A small file is hashed in one call
 * to WebCrypto; a large one is read and hashed in slices, so a file of hundreds of megabytes never sits in memory
 * whole (and WebCrypto, missing outside secure contexts, is not needed for it).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { type Hex, bytesToHex } from "viem";

import { MAX_DOCUMENT_BYTES } from "@government-dao/core/limits";

/**
 * Up to this size, one WebCrypto call: native speed (a 50 MB file in about half a second, web/bench), for a copy
 * in memory a browser tab holds easily. Larger files are hashed in slices by @noble/hashes (slower, constant memory).
 */
const ONE_SHOT_BYTES = 128 * 1024 * 1024;
const SLICE_BYTES = 2 * 1024 * 1024;

/** Why a file cannot be hashed as a document: empty (no document has no content) or larger than core's limit. */
export type FileProblem = "empty" | "tooLarge";

export function fileProblem(file: Blob): FileProblem | undefined {
  if (file.size === 0) return "empty";
  if (file.size > MAX_DOCUMENT_BYTES) return "tooLarge";
  return undefined;
}

/** sha-256 of `file`; `onProgress` gets the fraction hashed (0..1) after each slice of a large file. */
export async function sha256File(file: Blob, onProgress?: (fraction: number) => void): Promise<Hex> {
  if (file.size <= ONE_SHOT_BYTES && globalThis.crypto?.subtle) {
    const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
    return bytesToHex(new Uint8Array(digest));
  }
  const hash = sha256.create();
  for (let offset = 0; offset < file.size; offset += SLICE_BYTES) {
    hash.update(new Uint8Array(await file.slice(offset, offset + SLICE_BYTES).arrayBuffer()));
    onProgress?.(Math.min(1, (offset + SLICE_BYTES) / file.size));
  }
  return bytesToHex(hash.digest());
}
