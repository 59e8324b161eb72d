/**
 * A bulk registry: N certificate files, anchored on chain by one Merkle root (OpenZeppelin StandardMerkleTree,
 * leaf encoding ["bytes32"] = the certificate's sha-256, as DocumentRegistry expects). The files, the tree dump
 * (`tree.dump()`, from which anyone builds a proof) and the signed batch metadata all go to the content store.
 * Holders appear only as pseudonymous references (a hash), never by name.
 */
import { sha256, toUtf8Bytes } from "ethers";

import { agencyName } from "@government-dao/devchain/demo-cast";
import { buildBatchTree } from "@government-dao/core/batch-proof";
import { BATCH_SCHEMA_ID, type BatchMetadata, formatBatchMetadata } from "@government-dao/core/metadata";
import { coSign, coSigningAgencyId } from "@government-dao/core/cosignature";
import { isoDate, type SigningContext } from "./documents.js";

export interface PreparedBatch {
  root: string;
  count: number;
  agencyId: number;
  metadata: BatchMetadata;
  metadataCid: string;
  metadataDigest: string;
  treeDumpCid: string;
  /** Content hashes of the certificates, in tree order of insertion. */
  contentHashes: string[];
}

/** The text of certificate `index` (1-based) of the demo batch. */
export function certificateText(agencyId: number, series: string, index: number): string {
  const number = `${series}-${String(index).padStart(5, "0")}`;
  // A pseudonymous holder reference: the registry of people stays with the agency, off this system.
  const holderRef = sha256(toUtf8Bytes(`demo holder reference ${number}`)).slice(2, 18);
  return [
    "GOVERNMENT DAO - DEMO CERTIFICATE (fictional)",
    `Issued by: ${agencyName(agencyId)}`,
    "Certificate of completion: basic digital literacy course (36 hours)",
    `Number: ${number}`,
    `Holder reference: ${holderRef}`,
    "",
  ].join("\n");
}

/** Generates, stores and signs a batch of `count` certificates. */
export async function prepareCertificateBatch(
  ctx: SigningContext,
  options: { agencyId: number; series: string; count: number; adoptedAt: number },
): Promise<PreparedBatch> {
  const contentHashes: string[] = [];
  for (let i = 1; i <= options.count; i++) {
    const stored = await ctx.store.putText(certificateText(options.agencyId, options.series, i));
    contentHashes.push(stored.digest);
  }
  const tree = buildBatchTree(contentHashes);
  const dump = await ctx.store.putText(`${JSON.stringify(tree.dump())}\n`);
  const root = tree.root;
  const { coSignature } = coSign(ctx.keys(coSigningAgencyId(options.agencyId)), root, ctx.chainId, ctx.registry);
  const metadata: BatchMetadata = {
    schema: BATCH_SCHEMA_ID,
    title: {
      kk: "Цифрлық сауаттылық курсының сертификаттары",
      ru: "Сертификаты курса цифровой грамотности",
      en: "Certificates of the digital literacy course",
    },
    type: "certificate",
    agency: { id: options.agencyId, name: agencyName(options.agencyId) },
    number: options.series,
    dates: { adopted: isoDate(options.adoptedAt) },
    batch: {
      root,
      count: options.count,
      leafEncoding: "bytes32",
      treeDumpCid: dump.cid,
      mediaType: "text/plain; charset=utf-8",
    },
    coSignature,
  };
  const meta = await ctx.store.put(formatBatchMetadata(metadata));
  return {
    root,
    count: options.count,
    agencyId: options.agencyId,
    metadata,
    metadataCid: meta.cid,
    metadataDigest: meta.digest,
    treeDumpCid: dump.cid,
    contentHashes,
  };
}
