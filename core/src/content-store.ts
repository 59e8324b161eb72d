/**
 * A local content-addressed store: the stand-in for IPFS on one machine.
 *
 * Every blob is kept at `<root>/<cid>`, where the CID is CIDv1, codec raw (0x55), multihash sha2-256 of the bytes
 * (the same CID `DocumentRegistry.tokenURI` renders as `ipfs://<cid>` from the stored 32-byte digest). The 32-byte
 * digest (0x hex) is what the contracts store (`metadataDigest`, `pqKeyHash`, milestone `descriptionHash`), so a
 * verifier goes from an on-chain hash to the file with {cidFromDigest} (`cid.ts`) and checks the bytes on the way
 * back. Node only (the file system); the dApp reads content through the web server's hash-checked route.
 */
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";

import { CID } from "multiformats/cid";
import * as raw from "multiformats/codecs/raw";
import { sha256 } from "multiformats/hashes/sha2";

import { bytesToHex, cidFromDigest, digestFromCid } from "./cid.ts";

export { cidFromDigest, digestFromCid } from "./cid.ts";

/** Where `npm start` and `npm run seed` keep content (git-ignored). */
export const DEFAULT_CONTENT_DIR = path.join(".local", "content");

/** A stored blob: its CID (base32 string) and the sha-256 digest the chain stores (0x hex, 32 bytes). */
export interface StoredContent {
  cid: string;
  digest: string;
  size: number;
}

/** CID and digest of `bytes` (nothing is written). */
export async function contentId(bytes: Uint8Array): Promise<StoredContent> {
  const hash = await sha256.digest(bytes);
  return { cid: CID.createV1(raw.code, hash).toString(), digest: bytesToHex(hash.digest), size: bytes.length };
}

/** A content store rooted at one directory. */
export interface ContentStore {
  root: string;
  /** Stores `bytes` (idempotent: the same bytes map to the same file) and returns their CID and digest. */
  put(bytes: Uint8Array): Promise<StoredContent>;
  /** Stores a UTF-8 string. */
  putText(text: string): Promise<StoredContent>;
  /** Reads a blob by CID and checks its sha-256; throws a plain error if it is missing or altered. */
  get(cid: string): Promise<Uint8Array>;
  /** Reads a blob by the digest the chain stores. */
  getByDigest(digest: string): Promise<Uint8Array>;
  /** Reads a UTF-8 blob by CID. */
  getText(cid: string): Promise<string>;
  /** Whether a blob with this CID is stored (not checked). */
  has(cid: string): Promise<boolean>;
}

/** Opens (and creates on first write) the content store at `root`. */
export function openContentStore(root: string = DEFAULT_CONTENT_DIR): ContentStore {
  const fileOf = (cid: string) => path.join(root, cid);

  async function has(cid: string): Promise<boolean> {
    try {
      return (await stat(fileOf(cid))).isFile();
    } catch {
      return false;
    }
  }

  async function put(bytes: Uint8Array): Promise<StoredContent> {
    const stored = await contentId(bytes);
    if (await has(stored.cid)) return stored;
    await mkdir(root, { recursive: true });
    // Write then rename: a reader never sees half a file, and a crash leaves only a temp file behind.
    const temp = `${fileOf(stored.cid)}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, fileOf(stored.cid));
    return stored;
  }

  async function get(cid: string): Promise<Uint8Array> {
    const expected = digestFromCid(cid);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(fileOf(cid)));
    } catch {
      throw new Error(`Content ${cid} is not in the store (${root})`);
    }
    const actual = (await contentId(bytes)).digest;
    if (actual !== expected) throw new Error(`Content ${cid} in ${root} is corrupted: its sha-256 is ${actual}`);
    return bytes;
  }

  return {
    root,
    put,
    putText: (text) => put(new TextEncoder().encode(text)),
    get,
    getByDigest: (digest) => get(cidFromDigest(digest)),
    getText: async (cid) => new TextDecoder().decode(await get(cid)),
    has,
  };
}
