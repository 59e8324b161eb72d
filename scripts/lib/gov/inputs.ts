/**
 * Parsers of command-line values: each returns the typed value or throws a {@link PlainError} that says which
 * value is wrong and what is expected. Commander runs them while it reads the arguments, before anything is sent.
 */
import { readFile, stat } from "node:fs/promises";

import { parseUnits } from "ethers";

import { PlainError } from "../explain-error.js";
import { MAX_DOCUMENT_BYTES } from "@government-dao/core/limits";
import { DOCUMENT_TYPES, type DocumentTypeName } from "@government-dao/core/metadata";

/**
 * How a refused value is echoed in an error: quoted and escaped as JSON (a newline or a control character in the
 * input cannot break the one-line message or forge log lines), and cut after 60 characters.
 */
export const shown = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

export function parseUint(text: string, what: string, max = 2n ** 256n - 1n): bigint {
  if (!/^\d+$/.test(text)) throw new PlainError(`Invalid ${what} ${shown(text)}: expected a whole number.`);
  const value = BigInt(text);
  if (value > max) throw new PlainError(`Invalid ${what} ${shown(text)}: at most ${max}.`);
  return value;
}

export const parseAgencyId = (text: string): number => Number(parseUint(text, "agency id", 0xffffffffn));
export const parsePosition = (text: string): number => Number(parseUint(text, "position", 0xffffn));

/** A token amount like "1500000.50" in units with `decimals` places. */
export function parseAmount(text: string, decimals: number, what = "amount"): bigint {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new PlainError(`Invalid ${what} ${shown(text)}: expected a number like 1500000 or 1500000.50.`);
  const fraction = text.split(".")[1] ?? "";
  if (fraction.length > decimals) throw new PlainError(`Invalid ${what} ${shown(text)}: at most ${decimals} decimal places.`);
  const value = parseUnits(text, decimals);
  if (value === 0n) throw new PlainError(`Invalid ${what} ${shown(text)}: must be more than zero.`);
  return value;
}

/** A date (YYYY-MM-DD, midnight UTC) or a Unix time in seconds. */
export function parseTime(text: string, what = "date"): number {
  if (/^\d{9,11}$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    if (!Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text)) return ms / 1000;
  }
  throw new PlainError(`Invalid ${what} ${shown(text)}: expected YYYY-MM-DD or a Unix time in seconds.`);
}

/** A 32-byte hash or document id in 0x hex. */
export function parseHash(text: string, what = "hash"): string {
  if (/^0x[0-9a-fA-F]{64}$/.test(text)) return text.toLowerCase();
  if (/^\d{1,78}$/.test(text) && BigInt(text) < 2n ** 256n) return `0x${BigInt(text).toString(16).padStart(64, "0")}`;
  throw new PlainError(`Invalid ${what} ${shown(text)}: expected 0x and 64 hex digits.`);
}

/** Durations like 90, 90s, 15m, 2h, 3d (seconds). */
export function parseDuration(text: string): number {
  const match = /^(\d+)(s|m|h|d)?$/.exec(text);
  if (!match) throw new PlainError(`Invalid duration ${shown(text)}: expected e.g. 90, 15m, 2h or 3d.`);
  const unit = { s: 1, m: 60, h: 3_600, d: 86_400 }[(match[2] ?? "s") as "s" | "m" | "h" | "d"];
  return Number(match[1]) * unit;
}

export function parseDocumentType(text: string, allowed: readonly DocumentTypeName[] = DOCUMENT_TYPES): DocumentTypeName {
  const type = text.toLowerCase() as DocumentTypeName;
  if (!allowed.includes(type)) throw new PlainError(`Invalid document type ${shown(text)}: use ${allowed.join(", ")}.`);
  return type;
}

/** Vote support: for/against/abstain (or 1/0/2). */
export function parseSupport(text: string): 0 | 1 | 2 {
  const support = { against: 0, for: 1, abstain: 2, "0": 0, "1": 1, "2": 2 }[text.toLowerCase()] as 0 | 1 | 2 | undefined;
  if (support === undefined) throw new PlainError(`Invalid vote ${shown(text)}: use for, against or abstain.`);
  return support;
}

/** Reads a file for hashing or storing; plain errors for a missing, non-regular, empty or oversized file. */
export async function readDocumentFile(file: string, { allowEmpty = false } = {}): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new PlainError(`${file} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof PlainError) throw error;
    throw new PlainError(`Cannot read ${file}: no such file.`);
  }
  if (size > MAX_DOCUMENT_BYTES) throw new PlainError(`File too large: ${file} is ${size} bytes; the limit is ${MAX_DOCUMENT_BYTES} bytes (256 MiB).`);
  if (size === 0 && !allowEmpty) throw new PlainError(`${file} is empty: a document file must have content.`);
  return new Uint8Array(await readFile(file));
}

/** Media type guessed from the file name (the metadata records it; registrars may override with --media-type). */
export function mediaTypeOf(file: string): string {
  const extension = file.toLowerCase().split(".").pop() ?? "";
  const types: Record<string, string> = {
    pdf: "application/pdf",
    txt: "text/plain; charset=utf-8",
    md: "text/markdown; charset=utf-8",
    json: "application/json",
    xml: "application/xml",
    html: "text/html; charset=utf-8",
    png: "image/png",
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    odt: "application/vnd.oasis.opendocument.text",
  };
  return types[extension] ?? "application/octet-stream";
}
