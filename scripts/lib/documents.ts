/**
 * From a document file to what `DocumentRegistry.issue`/`amend` take: the file and its metadata JSON stored in the
 * content store, the issuing agency's ML-DSA co-signature inside the metadata, and the three hashes. Shared by the
 * seed, the operations CLI (`mint`, `amend`, `propose mint-decree`) and the tests.
 *
 * Nothing is stored unless the metadata validates, so a malformed document never reaches the chain.
 */
import { sha256 } from "ethers";

import type { ContentStore } from "@government-dao/core/content-store";
import { coSignedMetadata } from "@government-dao/core/co-signed-metadata";
import { type DocumentMetadata, type DocumentTypeName, documentTypeIndex } from "@government-dao/core/metadata";
import { type AgencyKeys, coSigningAgencyId, demoAgencyKeys, keySigner } from "@government-dao/core/cosignature";

/** Everything signing depends on. */
export interface SigningContext {
  store: ContentStore;
  chainId: bigint;
  /** The DocumentRegistry address (part of the co-signed message). */
  registry: string;
  /** The ML-DSA key pair that co-signs documents of `agencyId` (see {@link coSigningAgencyId}). */
  keys: (agencyId: number) => AgencyKeys;
}

/** What describes a document besides its bytes. */
export interface DocumentDescription {
  type: DocumentTypeName;
  agency: { id: number; name: string };
  number: string;
  title: { kk: string; ru: string; en: string };
  /** ISO dates (YYYY-MM-DD). */
  dates: { adopted: string; effective?: string };
  mediaType: string;
}

/** A document ready to be issued. */
export interface PreparedDocument {
  /** sha-256 of the file = token id. */
  contentHash: string;
  docType: number;
  metadata: DocumentMetadata;
  metadataCid: string;
  metadataDigest: string;
  coSignatureDigest: string;
}

/** A cache of the DEMO keys (key generation takes ~50 ms): public seeds, for local chains only. */
export function demoKeyring(): (agencyId: number) => AgencyKeys {
  const cache = new Map<number, AgencyKeys>();
  return (agencyId) => {
    let keys = cache.get(agencyId);
    if (!keys) {
      keys = demoAgencyKeys(agencyId);
      cache.set(agencyId, keys);
    }
    return keys;
  };
}

/** ISO date (YYYY-MM-DD) of a Unix timestamp. */
export const isoDate = (timestamp: number): string => new Date(timestamp * 1000).toISOString().slice(0, 10);

/**
 * Validates the metadata of `file`, co-signs the file's hash and stores file and metadata.
 * @param supersedes Token id (0x hex) of the document this one amends, if any.
 * @throws MetadataError listing every bad field (nothing is stored then).
 */
export async function prepareDocumentFile(
  file: Uint8Array,
  description: DocumentDescription,
  ctx: SigningContext,
  supersedes?: string,
): Promise<PreparedDocument> {
  const contentHash = sha256(file);
  const signer = keySigner(ctx.keys(coSigningAgencyId(description.agency.id)));
  const { metadata, bytes, coSignatureDigest } = await coSignedMetadata(
    { ...description, contentHash, body: { mediaType: description.mediaType, size: file.length }, supersedes },
    signer,
    ctx.chainId,
    ctx.registry,
  );
  await ctx.store.put(file);
  const meta = await ctx.store.put(bytes);
  return {
    contentHash,
    docType: documentTypeIndex(description.type),
    metadata,
    metadataCid: meta.cid,
    metadataDigest: meta.digest,
    coSignatureDigest,
  };
}
