/**
 * A bulk registry: N certificate files, anchored on chain by one Merkle root (OpenZeppelin StandardMerkleTree,
 * leaf encoding ["bytes32"] = the certificate's sha-256, as DocumentRegistry expects). The files, the tree dump
 * (`tree.dump()`, from which anyone builds a proof) and the signed batch metadata all go to the content store.
 * Holders appear only as pseudonymous references (a hash), never by name.
 */
import { sha256, toUtf8Bytes } from "ethers";

import { agencyName } from "@government-dao/devchain/demo-cast";
import { coSignedBatchMetadata } from "@government-dao/core/co-signed-metadata";
import type { BatchMetadata } from "@government-dao/core/metadata";
import { coSigningAgencyId, keySigner } from "@government-dao/core/cosignature";
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
  const signed = await coSignedBatchMetadata(
    {
      type: "certificate",
      agency: { id: options.agencyId, name: agencyName(options.agencyId) },
      number: options.series,
      title: {
        kk: "Цифрлық сауаттылық курсының сертификаттары",
        ru: "Сертификаты курса цифровой грамотности",
        en: "Certificates of the digital literacy course",
      },
      dates: { adopted: isoDate(options.adoptedAt) },
      mediaType: "text/plain; charset=utf-8",
      contentHashes,
    },
    keySigner(ctx.keys(coSigningAgencyId(options.agencyId))),
    ctx.chainId,
    ctx.registry,
  );
  const dump = await ctx.store.put(signed.treeDump);
  const meta = await ctx.store.put(signed.bytes);
  const { root, metadata } = signed;
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
