/**
 * Turns a catalogue entry into what the chain needs: the document file and its metadata JSON written to the
 * content store, the agency's ML-DSA co-signature inside the metadata, and the three hashes `issue`/`amend` take.
 */
import { sha256 } from "ethers";

import type { ContentStore } from "../content-store.js";
import { agencyName } from "../demo-cast.js";
import {
  DOCUMENT_SCHEMA_ID,
  type DocumentMetadata,
  documentTypeIndex,
  formatDocumentMetadata,
} from "../metadata.js";
import { type AgencyKeys, coSign, coSigningAgencyId, demoAgencyKeys } from "../mldsa.js";
import type { DocumentSpec } from "./catalogue.js";

/** A document ready to be issued. */
export interface PreparedDocument {
  spec: DocumentSpec;
  /** sha-256 of the file = token id. */
  contentHash: string;
  docType: number;
  metadata: DocumentMetadata;
  metadataCid: string;
  metadataDigest: string;
  coSignatureDigest: string;
}

/** Everything signing depends on. */
export interface SigningContext {
  store: ContentStore;
  chainId: bigint;
  registry: string;
  keys: (agencyId: number) => AgencyKeys;
}

/** A cache of the demo keys (key generation takes ~50 ms). */
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

const MEDIA_TYPE = "text/plain; charset=utf-8";
const TYPE_LABEL: Record<DocumentSpec["type"], string> = {
  decree: "Decree",
  law: "Law",
  budget: "Budget",
  order: "Order",
  certificate: "Certificate",
  notice: "Notice",
};

/** ISO date (YYYY-MM-DD) of a Unix timestamp. */
export const isoDate = (timestamp: number): string => new Date(timestamp * 1000).toISOString().slice(0, 10);

/** The text of a demo document file (no dates inside, so the same entry always gives the same file). */
export function documentText(spec: DocumentSpec): string {
  return [
    "GOVERNMENT DAO - DEMO DOCUMENT (fictional, not a legal act)",
    `${TYPE_LABEL[spec.type]} ${spec.number}`,
    `Issued by: ${agencyName(spec.agencyId)}`,
    "",
    `[kk] ${spec.title.kk}`,
    `[ru] ${spec.title.ru}`,
    `[en] ${spec.title.en}`,
    "",
    ...spec.body,
    "",
  ].join("\n");
}

/**
 * Writes the file and the signed metadata to the store.
 * @param adoptedAt Chain time the document is adopted (its metadata date).
 * @param supersedes Token id of the document this one amends, if any.
 */
export async function prepareDocument(
  spec: DocumentSpec,
  ctx: SigningContext,
  adoptedAt: number,
  supersedes?: string,
): Promise<PreparedDocument> {
  const file = new TextEncoder().encode(documentText(spec));
  const stored = await ctx.store.put(file);
  const contentHash = sha256(file);
  const { coSignature, digest } = coSign(ctx.keys(coSigningAgencyId(spec.agencyId)), contentHash, ctx.chainId, ctx.registry);
  const metadata: DocumentMetadata = {
    schema: DOCUMENT_SCHEMA_ID,
    title: spec.title,
    type: spec.type,
    agency: { id: spec.agencyId, name: agencyName(spec.agencyId) },
    number: spec.number,
    dates: {
      adopted: isoDate(adoptedAt),
      ...(spec.effectiveAfterDays ? { effective: isoDate(adoptedAt + spec.effectiveAfterDays * 86_400) } : {}),
    },
    body: { sha256: stored.digest, mediaType: MEDIA_TYPE, size: stored.size },
    ...(supersedes ? { supersedes } : {}),
    coSignature,
  };
  const meta = await ctx.store.put(formatDocumentMetadata(metadata));
  return {
    spec,
    contentHash,
    docType: documentTypeIndex(spec.type),
    metadata,
    metadataCid: meta.cid,
    metadataDigest: meta.digest,
    coSignatureDigest: digest,
  };
}
