import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AppealList } from "@/components/appeals/AppealList";
import { ApiDown } from "@/components/public/ApiDown";
import { formatters } from "@/components/public/format";
import { appealStats, listAppeals } from "@/lib/api/appeals";
import { load } from "@/lib/api/client";
import { listAgencies } from "@/lib/api/people";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("appeals"))("listTitle") };
}

/** Appeals: how each body answers (statistics) and the latest appeals. */
export default async function AppealsPage() {
  const t = await getTranslations("appeals");
  const f = await formatters();
  const data = await load(async () => {
    const [stats, appeals, agencies] = await Promise.all([appealStats(), listAppeals(), listAgencies()]);
    return { stats, appeals, agencies };
  });
  if (!data.ok) {
    return (
      <>
        <h1>{t("listTitle")}</h1>
        <ApiDown retryHref="/appeals" />
      </>
    );
  }
  const { stats, appeals, agencies } = data.data;
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)} %`);
  return (
    <>
      <h1>{t("listTitle")}</h1>
      <p className="hint">{t("listIntro")}</p>
      <section className="card" aria-labelledby="appeal-stats">
        <h2 id="appeal-stats">{t("statsTitle")}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table data-testid="appeal-stats">
            <thead>
              <tr>
                <th scope="col">{t("respondent")}</th>
                <th scope="col">{t("received")}</th>
                <th scope="col">{t("pending")}</th>
                <th scope="col">{t("overdueShort")}</th>
                <th scope="col">{t("answeredOnTime")}</th>
                <th scope="col">{t("medianDays")}</th>
                <th scope="col">{t("upheldShare")}</th>
              </tr>
            </thead>
            <tbody>
              {stats.map((s) => (
                <tr key={s.respondent} data-respondent={s.respondent}>
                  <th scope="row">{s.respondent === "0" ? t("council") : s.name}</th>
                  <td>{f.count(s.received)}</td>
                  <td>{f.count(s.pending)}</td>
                  <td data-overdue={s.overdue}>{f.count(s.overdue)}</td>
                  <td>
                    {f.count(s.answeredOnTime)} / {f.count(s.answered)}
                  </td>
                  <td>{s.medianDaysToAnswer === null ? "—" : s.medianDaysToAnswer}</td>
                  <td>{percent(s.upheldShare)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card" aria-labelledby="appeal-latest">
        <h2 id="appeal-latest">{t("latest")}</h2>
        <AppealList appeals={appeals} names={names} f={f} testId="appeal-list" />
      </section>
    </>
  );
}
