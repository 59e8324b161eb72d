/**
 * Limits every app applies the same way. No zod here (the browser's pages import it: see core/src/dates.ts).
 */

/**
 * The largest document file, in bytes (256 MiB): every verifier (`gov verify`, /verify) and every issuer (`gov issue`,
 * the dApp's registrar and builder) hashes at most this, so nothing is registered that a citizen could not check.
 */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
