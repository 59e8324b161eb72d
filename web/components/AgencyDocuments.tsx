"use client";
/** On the registrar's page: the documents of the agencies the connected account is a registrar of, to amend or revoke. */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useConnection } from "wagmi";

import { useAgencies } from "@/hooks/useAgencies";

export interface AgencyDocumentItem {
  id: string;
  agencyId: number;
  /** Number and title in the reader's language (or the short hash when the metadata is not at hand). */
  name: string;
  status: "ACTIVE" | "AMENDED";
}

export function AgencyDocuments({ docs }: { docs: readonly AgencyDocumentItem[] }) {
  const t = useTranslations("amend");
  const statuses = useTranslations("docStatuses");
  const { address } = useConnection();
  const agencies = useAgencies(address);
  const own = new Set((agencies.data ?? []).filter((a) => a.registrar).map((a) => a.id));
  const mine = docs.filter((d) => own.has(d.agencyId));
  if (!address || mine.length === 0) return null;
  return (
    <section className="card" aria-labelledby="agency-documents" data-testid="agency-documents">
      <h2 id="agency-documents">{t("agencyDocuments")}</h2>
      <p className="hint">{t("agencyDocumentsHint")}</p>
      <ul className="plain">
        {mine.map((d) => (
          <li key={d.id}>
            <Link href={`/documents/${d.id}`}>{d.name}</Link> <span className="hint">({statuses(d.status)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
