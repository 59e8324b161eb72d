"use client";
/**
 * On a document's page, what a connected account may do with it (RegistrarActions: amend or revoke, for a registrar
 * of the document's agency). Visitors without a wallet see nothing, and download nothing of it either: the forms,
 * the registry reads and zod load only once an account is connected (a citizen's first load of a document page
 * stays that of the public pages, not ~130 KiB gzip more).
 */
import dynamic from "next/dynamic";
import type { Hex } from "viem";
import { useConnection } from "wagmi";

import type { MetadataValues } from "@/components/DocumentFields";

export interface ActionableDocument {
  id: Hex;
  agencyId: number;
  agencyName: string;
  docType: string;
  status: "ACTIVE" | "AMENDED" | "REVOKED";
}

// Rendered on the client only: the server never knows the wallet, so it rendered nothing here before either.
const RegistrarActions = dynamic(() => import("@/components/RegistrarActions").then((m) => m.RegistrarActions), { ssr: false });

export function DocumentActions({ doc, prefill }: { doc: ActionableDocument; prefill: MetadataValues | undefined }) {
  const { address } = useConnection();
  if (!address || doc.status === "REVOKED") return null;
  return <RegistrarActions address={address} doc={doc} prefill={prefill} />;
}
