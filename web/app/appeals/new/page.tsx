import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { AppealForm } from "@/components/appeals/AppealForm";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("appeals"))("formTitle") };
}

const DOCUMENT = /^0x[0-9a-fA-F]{64}$/;
const PROPOSAL = /^\d{1,78}$/;

/** /appeals/new?document=<sha-256> or ?proposal=<id>: contest one act. */
export default async function NewAppealPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const q = await searchParams;
  const t = await getTranslations("appeals");
  const document = typeof q.document === "string" && DOCUMENT.test(q.document) ? q.document : undefined;
  const proposal = typeof q.proposal === "string" && PROPOSAL.test(q.proposal) ? q.proposal : undefined;
  if (!document && !proposal) notFound();
  return (
    <>
      <h1>{t("contest")}</h1>
      <p>
        {document ? (
          <a href={`/documents/${document}`}>{t("subjectDocument")}</a>
        ) : (
          <a href={`/proposals/${proposal}`}>{t("subjectProposal", { id: proposal ?? "" })}</a>
        )}
      </p>
      <AppealForm kind={document ? "document" : "proposal"} subject={BigInt(document ?? proposal ?? "0")} />
    </>
  );
}
