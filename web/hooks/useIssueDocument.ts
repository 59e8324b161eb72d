"use client";
/**
 * A registrar issues an agency document: the metadata is co-signed and stored by /api/metadata, then
 * DocumentRegistry.issue is simulated and sent.
 */
import { type Hex } from "viem";

import { useRequiredContract } from "@/hooks/useContract";
import { useTransaction } from "@/hooks/useTransaction";
import { DOC_TYPES } from "@/utils/format";
import type { DocumentForm } from "@/utils/document-form";

export class MetadataServiceError extends Error {
  constructor(readonly code: "coSignatureUnavailable" | "invalidMetadata" | "metadataFailed") {
    super(code);
  }
}

interface StoredMetadata {
  metadataDigest: Hex;
  metadataCid: string;
  coSignatureDigest: Hex;
}

export function useIssueDocument() {
  const registry = useRequiredContract("DocumentRegistry");
  const tx = useTransaction();
  const issue = (form: DocumentForm, agencyName: string, file: { type: string; size: number }) =>
    tx.run(async ({ publicClient, walletClient, account }) => {
      const response = await fetch("/api/metadata", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          contentHash: form.contentHash,
          type: form.type,
          agency: { id: form.agencyId, name: agencyName },
          number: form.number,
          title: { kk: form.titleKk, ru: form.titleRu, en: form.titleEn },
          dates: form.effective ? { adopted: form.adopted, effective: form.effective } : { adopted: form.adopted },
          body: { mediaType: file.type || "application/octet-stream", size: file.size },
        }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { error?: string };
        throw new MetadataServiceError(body.error === "coSignatureUnavailable" || body.error === "invalidMetadata" ? body.error : "metadataFailed");
      }
      const stored = (await response.json()) as StoredMetadata;
      const { request } = await publicClient.simulateContract({
        ...registry,
        account,
        functionName: "issue",
        args: [DOC_TYPES.indexOf(form.type), form.agencyId, form.contentHash as Hex, stored.metadataDigest, stored.coSignatureDigest],
      });
      return walletClient.writeContract(request);
    });
  return { ...tx, issue };
}
