"use client";
/**
 * Reading the DocumentRegistry: a document by its content hash, with the reasons of its amendment or revocation, or
 * a member of a Merkle-anchored batch (utils/batch-member.ts).
 */
import { useQuery } from "@tanstack/react-query";
import type { Address, Hex } from "viem";
import { getContractEvents, readContract } from "viem/actions";

import { useContract, useReadClient } from "@/hooks/useContract";
import { type BatchMember, findBatchMember } from "@/utils/batch-member";
import { DOC_STATUSES, DOC_TYPES, type DocTypeName } from "@/utils/format";

export interface VerifiedDocument {
  found: true;
  tokenId: Hex;
  type: DocTypeName;
  status: (typeof DOC_STATUSES)[number];
  agencyId: number;
  issuedAt: bigint;
  issuer: Address;
  metadataDigest: Hex;
  /** sha-256 of the agency co-signature anchored on chain (0 when none); checked by useCoSignatureCheck. */
  coSignatureDigest: Hex;
  supersedes?: Hex;
  supersededBy?: Hex;
  /** Why the newer version replaced this one (DocumentAmended). */
  amendReason?: string;
  /** Why it was revoked (DocumentRevoked). */
  revokeReason?: string;
  /** Set when the file is a member of a Merkle-anchored batch (found from the chain's roots: utils/batch-member.ts). */
  batch?: BatchMember;
}

/** Not found: not registered, and in no batch that could be searched (`unsearchedBatches`: content missing). */
export type VerifyResult = VerifiedDocument | { found: false; unsearchedBatches: number };

const asHex = (n: bigint): Hex => `0x${n.toString(16).padStart(64, "0")}`;

/** The registry's answer for `contentHash` (undefined until a hash is given). */
export function useVerifyDocument(contentHash: Hex | undefined) {
  const registry = useContract("DocumentRegistry");
  const client = useReadClient();
  return useQuery({
    queryKey: ["verify", registry?.address, contentHash],
    enabled: Boolean(registry && client && contentHash),
    queryFn: async (): Promise<VerifyResult> => {
      if (!registry || !client || !contentHash) throw new Error("not ready");
      const doc = await readContract(client, { ...registry, functionName: "verify", args: [contentHash] });
      if (!doc.found) {
        const { member, unsearched } = await findBatchMember(client, registry, contentHash);
        if (!member) return { found: false, unsearchedBatches: unsearched };
        return {
          found: true,
          tokenId: contentHash,
          type: member.metadata.type,
          status: member.revoked ? "revoked" : member.superseded ? "amended" : "active",
          agencyId: member.agencyId,
          issuedAt: member.anchoredAt,
          issuer: member.issuer,
          metadataDigest: member.metadataDigest,
          // A batch's co-signature is in its metadata, over the root; nothing of it is anchored per member.
          coSignatureDigest: `0x${"0".repeat(64)}`,
          batch: member,
        };
      }
      const tokenId = BigInt(contentHash);
      const result: VerifiedDocument = {
        found: true,
        tokenId: contentHash,
        type: DOC_TYPES[doc.docType] ?? "order",
        status: DOC_STATUSES[doc.status] ?? "active",
        agencyId: doc.agencyId,
        issuedAt: BigInt(doc.issuedAt),
        issuer: doc.issuer,
        metadataDigest: doc.metadataDigest,
        coSignatureDigest: doc.coSignatureDigest,
        ...(doc.supersedes !== 0n ? { supersedes: asHex(doc.supersedes) } : {}),
        ...(doc.supersededBy !== 0n ? { supersededBy: asHex(doc.supersededBy) } : {}),
      };
      if (result.supersededBy) {
        const [amended] = await getContractEvents(client, {
          ...registry,
          eventName: "DocumentAmended",
          args: { oldTokenId: tokenId },
          fromBlock: 0n,
          strict: true,
        });
        if (amended) result.amendReason = amended.args.reason;
      }
      if (result.status === "revoked") {
        const [revoked] = await getContractEvents(client, {
          ...registry,
          eventName: "DocumentRevoked",
          args: { tokenId },
          fromBlock: 0n,
          strict: true,
        });
        if (revoked) result.revokeReason = revoked.args.reason;
      }
      return result;
    },
  });
}
