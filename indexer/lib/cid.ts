/** CIDv1 (raw codec, sha2-256) of a 32-byte sha-256 digest: the content store's file name (scripts/lib/content-store.ts). */
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** `b…` base32 CIDv1 of the blob whose sha-256 is `digest` (0x hex). */
export function cidFromDigest(digest: string): string {
  const hex = digest.replace(/^0x/, "");
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error(`"${digest}" is not a 32-byte hex digest`);
  const bytes = new Uint8Array(36);
  bytes.set([0x01, 0x55, 0x12, 0x20]);
  bytes.set(Buffer.from(hex, "hex"), 4);
  return `b${base32(bytes)}`;
}
