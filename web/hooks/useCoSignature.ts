"use client";
/**
 * The agency co-signature of a document found on /verify, checked here in the browser: the co-signing agency's
 * pqKeyHash read from the AgencyRegistry (chain), the metadata JSON and the public key fetched from the content store
 * by their on-chain digests (utils/content.ts refuses bytes that do not hash to them), then core's checkCoSignature (core/src/cosignature.ts) —
 * loaded by a dynamic import, so ML-DSA ships with /verify only.
 */
import "@/utils/zod-jitless";
import { useQuery } from "@tanstack/react-query";
import { readContract } from "viem/actions";

import { useRuntime } from "@/components/Providers";
import { useContract, useReadClient } from "@/hooks/useContract";
import type { VerifiedDocument } from "@/hooks/useDocument";
import type { BatchMember } from "@/utils/batch-member";
import { fetchContent } from "@/utils/content";
import type { CoSignatureVerdict } from "@government-dao/core/cosignature";

const ZERO = /^0x0{64}$/;

export function useCoSignatureCheck(doc: VerifiedDocument | undefined) {
  const agencies = useContract("AgencyRegistry");
  const registry = useContract("DocumentRegistry");
  const client = useReadClient();
  const { chainId } = useRuntime();

  /** A batch member: the batch metadata's co-signature over the root (checked as the CLI and the API do). */
  async function checkBatch(doc: VerifiedDocument, batch: BatchMember): Promise<CoSignatureVerdict> {
    if (!agencies || !registry || !client) throw new Error("not ready");
    const { coSigningAgencyId, verifySignatureBlock } = await import("@government-dao/core/cosignature");
    const signer = coSigningAgencyId(doc.agencyId);
    const { pqKeyHash } = await readContract(client, { ...agencies, functionName: "agency", args: [signer] });
    if (ZERO.test(pqKeyHash)) return { status: "unchecked", reason: "noKeyRegistered" };
    const key = await fetchContent(pqKeyHash);
    if (!("bytes" in key)) return { status: "unchecked", reason: key.missing === "altered" ? "keyAltered" : "keyMissing" };
    const check = verifySignatureBlock(batch.metadata.coSignature, batch.root, chainId, registry.address, pqKeyHash, { publicKey: key.bytes });
    return check.ok ? { status: "valid", signer } : { status: "invalid", reason: check.code };
  }
  return useQuery({
    queryKey: ["cosignature", registry?.address, doc?.tokenId, doc?.coSignatureDigest, doc?.metadataDigest],
    enabled: Boolean(doc && agencies && registry && client),
    queryFn: async (): Promise<CoSignatureVerdict> => {
      if (!doc || !agencies || !registry || !client) throw new Error("not ready");
      if (doc.batch) return checkBatch(doc, doc.batch);
      if (ZERO.test(doc.coSignatureDigest)) return { status: "none" };
      const { checkCoSignature, coSigningAgencyId } = await import("@government-dao/core/cosignature");
      const signer = coSigningAgencyId(doc.agencyId);
      const { pqKeyHash } = await readContract(client, { ...agencies, functionName: "agency", args: [signer] });
      const [metadata, key] = await Promise.all([
        fetchContent(doc.metadataDigest),
        ZERO.test(pqKeyHash) ? Promise.resolve({ missing: "absent" } as const) : fetchContent(pqKeyHash),
      ]);
      return checkCoSignature(
        {
          contentHash: doc.tokenId,
          chainId,
          registry: registry.address,
          type: doc.type,
          agencyId: doc.agencyId,
          metadataDigest: doc.metadataDigest,
          coSignatureDigest: doc.coSignatureDigest,
          keyHash: pqKeyHash,
        },
        metadata,
        key,
      );
    },
  });
}
