"use client";
/**
 * A registrar amends (new version, with the new file's co-signed metadata linking to the old one) or revokes (with a
 * public reason) a document of their agency. Plain checks come first — unknown or no-longer-current document, not a
 * registrar of its agency, a file already registered — so nothing is co-signed, stored or sent in vain; then
 * DocumentRegistry.amend / revoke is simulated and sent.
 */
import type { Address, Hex, PublicClient } from "viem";

import { useRuntime } from "@/components/Providers";
import { type ContractOf, useRequiredContract } from "@/hooks/useContract";
import { type FileFacts, storeMetadata } from "@/hooks/useIssueDocument";
import { useTransaction } from "@/hooks/useTransaction";
import type { AmendForm } from "@/utils/document-form";
import { PlainError } from "@/utils/errors";
import { DOC_STATUSES, DOC_TYPES } from "@/utils/format";

/** The registry's record of `id`, checked to exist and to be one the account may change. */
async function changeableRecord(
  publicClient: PublicClient,
  registry: ContractOf<"DocumentRegistry">,
  agencies: ContractOf<"AgencyRegistry">,
  id: Hex,
  account: Address,
) {
  const record = await publicClient.readContract({ ...registry, functionName: "verify", args: [id] });
  if (!record.found) throw new PlainError("revert.UnknownDocument");
  if (!(await publicClient.readContract({ ...agencies, functionName: "isRegistrar", args: [record.agencyId, account] }))) throw new PlainError("revert.UnauthorizedIssuer");
  return { ...record, status: DOC_STATUSES[record.status] ?? "active" };
}

export function useAmendDocument() {
  const registry = useRequiredContract("DocumentRegistry");
  const agencies = useRequiredContract("AgencyRegistry");
  const { chainId } = useRuntime();
  const tx = useTransaction();
  const amend = (oldId: Hex, form: AmendForm, file: FileFacts) =>
    tx.run(async (ctx) => {
      const { publicClient, walletClient, account } = ctx;
      const old = await changeableRecord(publicClient, registry, agencies, oldId, account);
      if (old.status !== "active") throw new PlainError("revert.DocumentNotActive");
      const contentHash = form.contentHash as Hex;
      if ((await publicClient.readContract({ ...registry, functionName: "verify", args: [contentHash] })).found) throw new PlainError("revert.DocumentExists");
      // The new version keeps the old one's agency and type (the gateway checks both against the chain).
      const type = DOC_TYPES[old.docType] as AmendForm["type"];
      const stored = await storeMetadata(ctx, chainId, { ...form, agencyId: old.agencyId, type }, file, oldId);
      const { request } = await publicClient.simulateContract({
        ...registry,
        account,
        functionName: "amend",
        args: [BigInt(oldId), contentHash, stored.metadataDigest, stored.coSignatureDigest, form.reason],
      });
      return walletClient.writeContract(request);
    });
  return { ...tx, amend };
}

export function useRevokeDocument() {
  const registry = useRequiredContract("DocumentRegistry");
  const agencies = useRequiredContract("AgencyRegistry");
  const tx = useTransaction();
  const revoke = (id: Hex, reason: string) =>
    tx.run(async ({ publicClient, walletClient, account }) => {
      const record = await changeableRecord(publicClient, registry, agencies, id, account);
      if (record.status === "revoked") throw new PlainError("revert.DocumentAlreadyRevoked");
      const { request } = await publicClient.simulateContract({ ...registry, account, functionName: "revoke", args: [BigInt(id), reason] });
      return walletClient.writeContract(request);
    });
  return { ...tx, revoke };
}
