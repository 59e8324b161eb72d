"use client";
/**
 * A registrar issues an agency document: the registrar's wallet signs a request to the agency gateway, which
 * co-signs the metadata with the agency's key and stores it (through /api/co-signatures); then
 * DocumentRegistry.issue is simulated and sent from the same wallet. `storeMetadata` is shared with amending
 * (hooks/useAmendRevoke.ts).
 */
import { type Hex, isHex } from "viem";

import { type CoSignatureAnswer, type CoSignatureRequest, coSignatureAnswerSchema } from "@government-dao/core/api/gateway";
import { signGatewayRequest } from "@government-dao/core/gateway-request";
import { useRuntime } from "@/components/Providers";
import { useRequiredContract } from "@/hooks/useContract";
import { type TxContext, useTransaction } from "@/hooks/useTransaction";
import type { DocumentForm } from "@/utils/document-form";
import { DOC_TYPES } from "@/utils/format";

export class MetadataServiceError extends Error {
  constructor(readonly code: "coSignatureUnavailable" | "invalidMetadata" | "metadataFailed") {
    super(code);
  }
}

/** The gateway's answer (core's CoSignatureAnswer), its digests as the contract calls take them. */
export type StoredMetadata = CoSignatureAnswer & { metadataDigest: Hex; coSignatureDigest: Hex };

/** The file's facts that go into the metadata (never the file itself). */
export interface FileFacts {
  type: string;
  size: number;
}

/**
 * Has the agency gateway co-sign and store the metadata of `form`: the request is signed by the connected registrar's
 * wallet (core/src/gateway-request.ts), and the gateway checks on chain that it is the agency's registrar.
 * `supersedes` names the document a new version amends. Throws {@link MetadataServiceError} with a plain code when the
 * service refuses.
 */
export async function storeMetadata(ctx: TxContext, chainId: number, form: DocumentForm, file: FileFacts, supersedes?: Hex): Promise<StoredMetadata> {
  const request: CoSignatureRequest = {
    type: form.type,
    contentHash: form.contentHash,
    number: form.number,
    title: { kk: form.titleKk, ru: form.titleRu, en: form.titleEn },
    dates: form.effective ? { adopted: form.adopted, effective: form.effective } : { adopted: form.adopted },
    body: { mediaType: file.type || "application/octet-stream", size: file.size },
    ...(supersedes ? { supersedes } : {}),
  };
  const body = new TextEncoder().encode(JSON.stringify(request));
  const wallet = { address: ctx.account, signMessage: ({ message }: { message: string }) => ctx.walletClient.signMessage({ account: ctx.account, message }) };
  const signed = await signGatewayRequest(wallet, { chainId, method: "POST", path: `/v1/agencies/${form.agencyId}/co-signatures`, agencyId: form.agencyId, time: Math.floor(Date.now() / 1000), body });
  const response = await fetch(`/api/co-signatures/${form.agencyId}`, { method: "POST", headers: { "content-type": "application/json", ...signed }, body });
  if (!response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { error?: string };
    const code = answer.error === "coSignatureUnavailable" || answer.error === "agencyNotConfigured" ? "coSignatureUnavailable" : answer.error === "invalidRequest" ? "invalidMetadata" : "metadataFailed";
    throw new MetadataServiceError(code);
  }
  // The gateway's answer, checked (a digest that is not one would be written on chain).
  const stored = coSignatureAnswerSchema.safeParse(await response.json().catch(() => null));
  if (!stored.success) throw new MetadataServiceError("metadataFailed");
  const { metadataDigest, metadataCid, coSignatureDigest } = stored.data;
  if (!isHex(metadataDigest) || !isHex(coSignatureDigest)) throw new MetadataServiceError("metadataFailed");
  return { metadataDigest, metadataCid, coSignatureDigest };
}

export function useIssueDocument() {
  const registry = useRequiredContract("DocumentRegistry");
  const { chainId } = useRuntime();
  const tx = useTransaction();
  const issue = (form: DocumentForm, file: FileFacts) =>
    tx.run(async (ctx) => {
      const { publicClient, walletClient, account } = ctx;
      const stored = await storeMetadata(ctx, chainId, form, file);
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
