/**
 * `gov verify-extract`: checks a citizen extract — one document as JSON signed by the public API's ML-DSA-65 key
 * (core/src/extract.ts) — against the chain, never against the API that signed it: the signature under the key the
 * extract carries, that key's hash and validity period in the deployment's SigningKeyRegistry, and the named block's
 * time. A schema-1 extract (signed before keys were registered) names no key on chain: it is checked against a key
 * file the reader supplies, and the answer says so.
 */
import { readFile } from "node:fs/promises";

import { type ExtractClaims, type RegisteredKey, extractKeyVerdict, verifyExtractSignature } from "@government-dao/core/extract";
import { PlainError } from "../explain-error.js";
import type { Output } from "./commands-governance.js";
import { iso } from "./commands-governance.js";
import type { GovContext } from "./context.js";
import { terminalSafe } from "../terminal-text.js";

async function readJson(file: string, what: string): Promise<unknown> {
  const text = await readFile(file, "utf8").catch(() => {
    throw new PlainError(`Cannot read the ${what} ${file}: no such file.`);
  });
  try {
    return JSON.parse(text);
  } catch {
    throw new PlainError(`The ${what} ${file} is not JSON.`);
  }
}

/** The public key of a saved `GET /api/v1/signing-key` answer (for schema-1 extracts only). */
async function legacyKey(file: string): Promise<Uint8Array> {
  const key = (await readJson(file, "signing key")) as { algorithm?: unknown; publicKey?: unknown };
  if (key.algorithm !== "ML-DSA-65" || typeof key.publicKey !== "string") {
    throw new PlainError(`The signing key ${file} is not the API's key JSON ({"algorithm":"ML-DSA-65","publicKey":"<base64>"}).`);
  }
  return Uint8Array.from(Buffer.from(key.publicKey, "base64"));
}

/** The registry's key `id` (null: none) and the named block's time, read from the chain. */
async function chainFacts(ctx: GovContext, claims: ExtractClaims): Promise<{ key: RegisteredKey | null; blockTimestamp: number | undefined }> {
  const registry = ctx.contracts.signingKeys;
  const count = await registry.keyCount();
  const key =
    claims.key.id >= 1 && BigInt(claims.key.id) <= count
      ? await registry.key(claims.key.id).then((k) => ({ purpose: Number(k.purpose), keyHash: k.keyHash, validFrom: Number(k.validFrom), validUntil: Number(k.validUntil) }))
      : null;
  const block = await ctx.provider.getBlock(claims.block.number);
  // A block the chain does not have yet: its time cannot match; say so rather than trust the extract's.
  if (block === null) throw new PlainError(`The extract names block ${claims.block.number}, which this chain does not have (head ${await ctx.provider.getBlockNumber()}).`);
  return { key, blockTimestamp: block.timestamp };
}

/** Returns the exit code: 0 when the extract holds against the chain, 4 when it does not. */
export async function verifyExtractFile(ctx: GovContext, io: Output, extractFile: string, keyFile?: string): Promise<number> {
  const extract = await readJson(extractFile, "extract");
  const checked = verifyExtractSignature(extract, keyFile === undefined ? undefined : await legacyKey(keyFile));
  const doc = (extract as { document?: { id?: unknown; status?: unknown } }).document;
  const what = `the extract${typeof doc?.id === "string" ? ` of document ${terminalSafe(doc.id)}` : ""}${typeof doc?.status === "string" ? ` (status ${terminalSafe(doc.status)})` : ""}`;
  if (!checked.ok) {
    io.out(`INVALID: ${terminalSafe(checked.reason)}.`);
    return 4;
  }
  if (checked.version === 1) {
    io.out(`VALID, NOT PINNED: ${what} is signed by the key in ${terminalSafe(keyFile)}; it is a schema-1 extract, which names no key on chain, so this shows only that the key you supplied signed it.`);
    return 0;
  }
  const { claims } = checked;
  const facts = await chainFacts(ctx, claims);
  const verdict = extractKeyVerdict(claims, { chainId: Number(ctx.chainId), registry: ctx.addresses.signingKeys, ...facts });
  if (!verdict.ok) {
    io.out(`INVALID: ${terminalSafe(verdict.reason)}.`);
    return 4;
  }
  io.out(`VALID: ${what} is signed by key ${claims.key.id} of the SigningKeyRegistry ${ctx.addresses.signingKeys}, valid at block ${claims.block.number} (${iso(claims.block.timestamp)}).`);
  return 0;
}
