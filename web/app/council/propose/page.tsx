import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { type Address, getAddress } from "viem";

import type { BudgetOption } from "@/components/proposal-builder/AllocationForm";
import { ProposalBuilder } from "@/components/proposal-builder/ProposalBuilder";
import type { CouncilAppeal } from "@/components/proposal-builder/AnswerAppealForm";
import type { PendingMilestone } from "@/components/proposal-builder/ReleaseMilestoneForm";
import type { Locale } from "@/i18n/locales";
import { PENDING_APPEAL_STATES } from "@government-dao/core/api/appeal";
import { listAppeals } from "@/lib/api/appeals";
import { budgetOverview } from "@/lib/api/budget";
import { load } from "@/lib/api/client";
import { documentTitle, listDocuments } from "@/lib/api/documents";
import { shortHex } from "@/utils/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("builder"))("title") };
}

/** Active budget documents and pending milestones from the public API, to choose from (typing ids also works). */
async function choices(locale: Locale): Promise<{ budgets: BudgetOption[]; pending: PendingMilestone[]; appeals: CouncilAppeal[]; ok: boolean }> {
  const data = await load(async () => {
    const [budgets, overview, appeals] = await Promise.all([
      listDocuments({ type: "BUDGET", status: "ACTIVE", limit: 1000 }),
      budgetOverview({ limit: 1000 }),
      listAppeals({ respondent: "0" }, 1000),
    ]);
    return { budgets: budgets.items, allocations: overview.items, appeals };
  });
  if (!data.ok) return { budgets: [], pending: [], appeals: [], ok: false };
  const { budgets, allocations, appeals } = data.data;
  return {
    ok: true,
    // The council's pending appeals (answered or withdrawn ones cannot be answered).
    appeals: appeals.filter((a) => PENDING_APPEAL_STATES.some((s) => s === a.state)).map((a) => ({ id: a.id, kind: a.kind, dueAt: a.dueAt })),
    budgets: budgets.map((d) => {
      const label = documentTitle(d, locale);
      return { id: d.id as `0x${string}`, label: label ? `${label.number} — ${label.title}` : shortHex(d.id) };
    }),
    pending: allocations
      .filter((a) => !a.allocation.cancelled)
      .flatMap((a) =>
        a.milestones
          .filter((m) => m.status === "PENDING")
          .map((m) => ({ allocationId: a.allocation.id, index: m.index, amount: m.amount, token: getAddress(a.allocation.tokenId) as Address, deadline: m.deadline })),
      ),
  };
}

export default async function ProposePage() {
  const t = await getTranslations("builder");
  const { budgets, pending, appeals, ok } = await choices((await getLocale()) as Locale);
  return (
    <>
      <p className="eyebrow">
        <Link href="/council">{t("backToCouncil")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {!ok ? <p className="card hint">{t("apiDown")}</p> : null}
      <ProposalBuilder budgets={budgets} pending={pending} appeals={appeals} />
    </>
  );
}
