/** sha-256 of a file, computed in the browser (WebCrypto); the file never leaves the machine. */
import { type Hex, bytesToHex } from "viem";

export async function sha256File(file: Blob): Promise<Hex> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return bytesToHex(new Uint8Array(digest));
}
