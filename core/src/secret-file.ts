/**
 * Reading a secret (a private key) from a file, as ssh reads its keys: refused unless it is a regular file that only
 * its owner can read or write (on Windows, where modes mean nothing, only its being a file is checked). One home for
 * the CLI's and the agents' `--key-file`, the gateway's key files and the snapshot publisher's request key. Node only.
 */
import { readFileSync, statSync } from "node:fs";

/** A key file that cannot be used; the message names the file, never its content. */
export class SecretFileError extends Error {
  override name = "SecretFileError";
}

/** The text of secret file `file` (`shown`: how messages name it, e.g. terminal-escaped). */
export function readSecretFile(file: string, shown: string = file): string {
  let mode: number;
  try {
    const info = statSync(file);
    if (!info.isFile()) throw new SecretFileError(`The key file ${shown} is not a file.`);
    mode = info.mode & 0o777;
  } catch (error) {
    if (error instanceof SecretFileError) throw error;
    throw new SecretFileError(`Cannot read the key file ${shown}: no such file.`);
  }
  if (process.platform !== "win32" && (mode & 0o077) !== 0) {
    throw new SecretFileError(`The key file ${shown} is readable by others (mode ${mode.toString(8).padStart(4, "0")}): chmod 600 it first.`);
  }
  return readFileSync(file, "utf8");
}
