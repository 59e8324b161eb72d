"use client";
/**
 * A connected account's part of a document's page (loaded only once a wallet is connected, see DocumentActions): a
 * registrar of the document's agency may amend it (a new file and its metadata, starting from the old one's) or
 * revoke it (with a public reason); others are told who may. Decrees, laws and budgets change only by a council
 * proposal.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Address } from "viem";

import { AmendForm } from "@/components/AmendForm";
import type { ActionableDocument } from "@/components/DocumentActions";
import type { MetadataValues } from "@/components/DocumentFields";
import { RevokeForm } from "@/components/RevokeForm";
import { useAgencies } from "@/hooks/useAgencies";
import { AGENCY_DOC_TYPES } from "@/utils/format";

export function RegistrarActions({ address, doc, prefill }: { address: Address; doc: ActionableDocument; prefill: MetadataValues | undefined }) {
  const t = useTranslations("amend");
  const agencies = useAgencies(address);
  const [open, setOpen] = useState<"amend" | "revoke">();
  const agencyDocument = AGENCY_DOC_TYPES.some((type) => type === doc.docType) && doc.agencyId > 0;

  if (agencies.isLoading) return null;
  const registrar = agencies.data?.some((a) => a.id === doc.agencyId && a.registrar) === true;
  if (!agencyDocument || !registrar) {
    return (
      <p className="hint card" data-testid="not-doc-registrar">
        {agencyDocument ? t("onlyRegistrar", { agency: doc.agencyName }) : t("onlyProposal")}
      </p>
    );
  }
  const toggle = (form: "amend" | "revoke") => setOpen(open === form ? undefined : form);
  return (
    <section className="card registrar-actions" aria-labelledby="registrar-actions" data-testid="registrar-actions">
      <h2 id="registrar-actions">{t("title")}</h2>
      <p className="hint">{t("intro", { agency: doc.agencyName })}</p>
      <div className="row">
        {doc.status === "ACTIVE" ? (
          <button type="button" className="button" aria-expanded={open === "amend"} aria-controls="amend-form" onClick={() => toggle("amend")}>
            {t("amend")}
          </button>
        ) : null}
        <button type="button" className="button danger" aria-expanded={open === "revoke"} aria-controls="revoke-form" onClick={() => toggle("revoke")}>
          {t("revoke")}
        </button>
      </div>
      {open === "amend" ? <AmendForm doc={doc} prefill={prefill} /> : null}
      {open === "revoke" ? <RevokeForm doc={doc} /> : null}
    </section>
  );
}
