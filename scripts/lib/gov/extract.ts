/**
 * `gov verify-extract`: checks a citizen extract — one document as JSON signed by the API's ML-DSA-65 key
 * (core/src/extract.ts) — against the key the API publishes. Offline once the key is saved; no chain needed.
 */
import { readFile } from "node:fs/promises";

import { verifyExtract } from "@government-dao/core/extract";
import { PlainError } from "../explain-error.js";
import type { Output } from "./commands-governance.js";
import { terminalSafe } from "../terminal-text.js";

async function readJson(source: string, what: string): Promise<unknown> {
  let text: string;
  if (/^https?:\/\//.test(source)) {
    const response = await fetch(source, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
    if (!response?.ok) throw new PlainError(`Cannot fetch the ${what} from ${source}.`);
    text = await response.text();
  } else {
    text = await readFile(source, "utf8").catch(() => {
      throw new PlainError(`Cannot read the ${what} ${source}: no such file.`);
    });
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new PlainError(`The ${what} ${source} is not JSON.`);
  }
}

/** Returns the exit code: 0 when the signature holds, 4 when it does not. */
export async function verifyExtractFile(io: Output, extractFile: string, keySource: string): Promise<number> {
  const extract = await readJson(extractFile, "extract");
  const key = (await readJson(keySource, "signing key")) as { algorithm?: unknown; publicKey?: unknown };
  if (key.algorithm !== "ML-DSA-65" || typeof key.publicKey !== "string") {
    throw new PlainError(`The signing key ${keySource} is not the API's key JSON ({"algorithm":"ML-DSA-65","publicKey":"<base64>"}).`);
  }
  const result = verifyExtract(extract, Uint8Array.from(Buffer.from(key.publicKey, "base64")));
  const doc = (extract as { document?: { id?: string; status?: string } }).document;
  if (result.ok) {
    io.out(`VALID: the extract${doc?.id ? ` of document ${terminalSafe(doc.id)}` : ""} is signed by the API's ML-DSA-65 key${doc?.status ? ` (status ${terminalSafe(doc.status)})` : ""}.`);
    return 0;
  }
  io.out(`INVALID: ${terminalSafe(result.reason)}.`);
  return 4;
}
