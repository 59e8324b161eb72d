/**
 * A file read from the content store by the sha-256 digest the chain holds, and the check that its bytes are that
 * file. Browser-safe and small (no ML-DSA): the dApp's content fetch and every co-signature check use it.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "viem";

/** A file asked of the content store by its digest: its bytes, or why there are none (absent, or bytes altered). */
export type ContentRead = { bytes: Uint8Array } | { missing: "absent" | "altered" };

/** sha-256 of `bytes`, 0x lower-case hex. */
export const sha256Hex = (bytes: Uint8Array): `0x${string}` => bytesToHex(sha256(bytes));

/** Whether sha-256 of `bytes` is `digest` (0x hex, any case): how a file fetched by its on-chain digest is checked. */
export const hashMatches = (bytes: Uint8Array, digest: string): boolean => sha256Hex(bytes) === digest.toLowerCase();
