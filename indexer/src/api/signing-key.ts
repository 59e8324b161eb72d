// The extract-signing key's seed file: created once, never overwritten. Extracts already handed out verify only
// under the key that signed them, so a seed that cannot be read is a fatal error naming the file, not a new key.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export class SigningKeyError extends Error {
  override readonly name = "SigningKeyError";
}

const errorCode = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;

/** The 32-byte seed in `file` (64 hex digits and a newline); created, exclusively, when there is no such file. */
export function loadOrCreateSeed(file: string): Uint8Array {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (errorCode(error) !== "ENOENT") {
      throw new SigningKeyError(`the extract-signing key ${file} cannot be read (${errorCode(error) ?? String(error)}); it is never replaced automatically, because extracts signed with it would stop verifying: fix its permissions or restore it from the backup`);
    }
    mkdirSync(path.dirname(file), { recursive: true });
    const seed = randomBytes(32);
    try {
      // "wx": fails if the file appeared meanwhile (another process created it): then that one is read below.
      writeFileSync(file, `${seed.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
      return Uint8Array.from(seed);
    } catch (writeError) {
      if (errorCode(writeError) !== "EEXIST") throw new SigningKeyError(`the extract-signing key ${file} cannot be created (${errorCode(writeError) ?? String(writeError)})`);
      return loadOrCreateSeed(file);
    }
  }
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new SigningKeyError(`the extract-signing key ${file} is corrupt (expected 64 hex digits, found ${text.length} characters); it is never replaced automatically, because extracts signed with it would stop verifying: restore it from the backup, or move it away to start a new key (and publish the new one)`);
  }
  return Uint8Array.from(Buffer.from(hex, "hex"));
}
