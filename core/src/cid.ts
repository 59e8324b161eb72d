/**
 * Content identifiers: the CIDv1 (codec raw 0x55, multihash sha2-256) of a file, from the 32-byte sha-256 digest the
 * contracts store (`metadataDigest`, `pqKeyHash`, milestone `descriptionHash`). `DocumentRegistry.tokenURI` renders
 * the same CID as `ipfs://<cid>`. Browser-safe: the dApp, the indexer and the CLI use these two functions.
 */
import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { create as createDigest } from "multiformats/hashes/digest";
import { sha256 } from "multiformats/hashes/sha2";

const HEX32 = /^0x[0-9a-fA-F]{64}$/;

/** 0x hex of `bytes`. */
export const bytesToHex = (bytes: Uint8Array): string => `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;

function fromHex32(hex: string): Uint8Array {
  if (!HEX32.test(hex)) throw new Error(`"${hex}" is not a 32-byte 0x hex digest`);
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(hex.slice(2 + 2 * i, 4 + 2 * i), 16);
  return bytes;
}

/** The CIDv1 (raw, sha2-256; base32 `b…`) of the blob whose sha-256 is `digest` (0x hex). */
export function cidFromDigest(digest: string): string {
  return CID.createV1(raw.code, createDigest(sha256.code, fromHex32(digest))).toString();
}

/** The sha-256 digest (0x hex) inside a CIDv1 raw sha2-256 string; throws on any other kind of CID. */
export function digestFromCid(cid: string): string {
  let parsed: CID;
  try {
    parsed = CID.parse(cid);
  } catch {
    throw new Error(`"${cid}" is not a CID`);
  }
  if (parsed.version !== 1 || parsed.code !== raw.code || parsed.multihash.code !== sha256.code) {
    throw new Error(`CID ${cid} is not CIDv1 raw sha2-256`);
  }
  return bytesToHex(parsed.multihash.digest);
}
