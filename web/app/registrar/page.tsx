import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { type AgencyDocumentItem, AgencyDocuments } from "@/components/AgencyDocuments";
import { RegistrarForm } from "@/components/RegistrarForm";
import { AppealInbox, type InboxAppeal } from "@/components/appeals/AppealInbox";
import { documentName } from "@/components/public/labels";
import { PENDING_APPEAL_STATES } from "@government-dao/core/api/appeal";
import { listAppeals } from "@/lib/api/appeals";
import { load } from "@/lib/api/client";
import { type ApiDocument, listDocuments } from "@/lib/api/documents";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registrar"))("title") };
}

const AGENCY_TYPES = ["ORDER", "CERTIFICATE", "NOTICE"] as const;

/** Every ACTIVE or AMENDED document of `type`, following the API's pages. */
async function documentsOfType(type: "ORDER" | "CERTIFICATE" | "NOTICE"): Promise<ApiDocument[]> {
  const all: ApiDocument[] = [];
  for (let cursor: string | undefined, pages = 0; pages < 20; pages++) {
    const page = await listDocuments({ type, limit: 1000, cursor });
    all.push(...page.items.filter((d) => d.status !== "REVOKED"));
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  return all;
}

/** Agency documents a registrar may still amend or revoke (none when the public data service is down). */
async function agencyDocuments(locale: string): Promise<AgencyDocumentItem[]> {
  const loaded = await load(async () => ({ docs: (await Promise.all([...AGENCY_TYPES].map(documentsOfType))).flat() }));
  if (!loaded.ok) return [];
  return loaded.data.docs.flatMap((d) => {
    if (d.status === "REVOKED") return [];
    const name = documentName(d, locale);
    return [{ id: d.id, agencyId: Number(d.agencyId), name: name.number ? `${name.number} — ${name.title}` : name.title, status: d.status }];
  });
}

/** The agencies' pending appeals (none when the public data service is down): the inbox filters them by wallet. */
async function pendingAppeals(): Promise<InboxAppeal[]> {
  const loaded = await load(() => listAppeals({}, 1000));
  if (!loaded.ok) return [];
  return loaded.data
    .filter((a) => a.respondent !== "0" && PENDING_APPEAL_STATES.some((s) => s === a.state))
    .map((a) => ({ id: a.id, respondent: Number(a.respondent), dueAt: a.dueAt, overdue: a.overdue }));
}

export default async function RegistrarPage() {
  const t = await getTranslations("registrar");
  const [docs, appeals] = await Promise.all([agencyDocuments(await getLocale()), pendingAppeals()]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <AppealInbox appeals={appeals} />
      <RegistrarForm />
      <AgencyDocuments docs={docs} />
    </>
  );
}
