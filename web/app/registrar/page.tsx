import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { type AgencyDocumentItem, AgencyDocuments } from "@/components/AgencyDocuments";
import { RegistrarForm } from "@/components/RegistrarForm";
import { documentName } from "@/components/public/labels";
import { load } from "@/lib/api/client";
import { documentLabels, listDocuments } from "@/lib/api/documents";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registrar"))("title") };
}

const AGENCY_TYPES = new Set(["ORDER", "CERTIFICATE", "NOTICE"]);

/** Agency documents a registrar may still amend or revoke (none when the public data service is down). */
async function agencyDocuments(locale: string): Promise<AgencyDocumentItem[]> {
  const loaded = await load(async () => {
    const docs = (await listDocuments()).filter((d) => AGENCY_TYPES.has(d.docType) && d.status !== "REVOKED");
    return { docs, labels: await documentLabels(docs) };
  });
  if (!loaded.ok) return [];
  return loaded.data.docs.flatMap((d) => {
    if (d.status === "REVOKED") return [];
    const name = documentName(loaded.data.labels.get(d.id), d.id, locale);
    return [{ id: d.id, agencyId: Number(d.agencyId), name: name.number ? `${name.number} — ${name.title}` : name.title, status: d.status }];
  });
}

export default async function RegistrarPage() {
  const t = await getTranslations("registrar");
  const docs = await agencyDocuments(await getLocale());
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <RegistrarForm />
      <AgencyDocuments docs={docs} />
    </>
  );
}
