"use client";
/**
 * A registrar issues an agency document: the metadata is co-signed and stored by /api/metadata, then
 * DocumentRegistry.issue is simulated and sent. `storeMetadata` is shared with amending (hooks/useAmendRevoke.ts).
 */
import type { Hex } from "viem";

import { useRequiredContract } from "@/hooks/useContract";
import { useTransaction } from "@/hooks/useTransaction";
import type { DocumentForm } from "@/utils/document-form";
import { DOC_TYPES } from "@/utils/format";

export class MetadataServiceError extends Error {
  constructor(readonly code: "coSignatureUnavailable" | "invalidMetadata" | "metadataFailed") {
    super(code);
  }
}

export interface StoredMetadata {
  metadataDigest: Hex;
  metadataCid: string;
  coSignatureDigest: Hex;
}

/** The file's facts that go into the metadata (never the file itself). */
export interface FileFacts {
  type: string;
  size: number;
}

/**
 * Has the agency co-sign the metadata of `form` and stores it (POST /api/metadata); `supersedes` names the document
 * a new version amends. Throws {@link MetadataServiceError} with a plain code when the service refuses.
 */
export async function storeMetadata(form: DocumentForm, agencyName: string, file: FileFacts, supersedes?: Hex): Promise<StoredMetadata> {
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
      ...(supersedes ? { supersedes } : {}),
    }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string };
    throw new MetadataServiceError(body.error === "coSignatureUnavailable" || body.error === "invalidMetadata" ? body.error : "metadataFailed");
  }
  return (await response.json()) as StoredMetadata;
}

export function useIssueDocument() {
  const registry = useRequiredContract("DocumentRegistry");
  const tx = useTransaction();
  const issue = (form: DocumentForm, agencyName: string, file: FileFacts) =>
    tx.run(async ({ publicClient, walletClient, account }) => {
      const stored = await storeMetadata(form, agencyName, file);
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
