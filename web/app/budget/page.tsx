import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ApiDown } from "@/components/public/ApiDown";
import { PageLinks } from "@/components/public/PageLinks";
import { type ChartRow, MoneyChart } from "@/components/public/MoneyChart";
import { formatters } from "@/components/public/format";
import { agencyName } from "@/components/public/labels";
import { budgetOverview } from "@/lib/api/budget";
import { budgetPageData } from "@/lib/budget-page";
import { pagePosition } from "@/lib/page-trail";
import { load } from "@/lib/api/client";
import { chainTime, tokenInfos } from "@/lib/chain";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("budget"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

export default async function BudgetPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const position = pagePosition(typeof params.cursor === "string" ? params.cursor : undefined, typeof params.trail === "string" ? params.trail : undefined);
  const t = await getTranslations("budget");
  const f = await formatters();
  const data = await load(async () => {
    const page = await budgetPageData(budgetOverview, position.cursor);
    const tokens = await tokenInfos([...page.totals.map((r) => r.tokenId), ...page.allocations.map((a) => a.allocation.tokenId)]);
    return { ...page, tokens };
  });
  if (!data.ok) {
    return (
      <>
        <h1>{t("title")}</h1>
        <ApiDown retryHref="/budget" />
      </>
    );
  }
  const { totals, allocations, names, tokens, nextCursor } = data.data;
  const token = (id: string) => tokens.get(id.toLowerCase()) ?? null;
  // Overdue is judged by the chain clock, as the contracts and the auditor do.
  const now = await chainTime();

  const rows: ChartRow[] = totals.flatMap((total) => {
    const agency = agencyName(names, total.agencyId);
    const tk = token(total.tokenId);
    const parts = allocations.filter((a) => (a.allocation.agencyId ?? "") === total.agencyId && a.allocation.tokenId.toLowerCase() === total.tokenId.toLowerCase());
    return [
      {
        key: total.id,
        label: t("chartAgency", { agency }),
        total: true,
        allocated: BigInt(total.allocated),
        released: BigInt(total.released),
        cancelled: BigInt(total.cancelled),
        caption: `${t("released")} ${f.amount(total.released, tk)} / ${t("allocated")} ${f.amount(total.allocated, tk)}`,
      },
      ...parts.map(({ allocation: a }) => ({
        key: `allocation-${a.id}`,
        label: t("chartAllocation", { id: a.id }),
        total: false,
        allocated: BigInt(a.total),
        released: BigInt(a.released),
        cancelled: a.cancelled ? BigInt(a.total) - BigInt(a.released) : 0n,
        caption: `${t("released")} ${f.amount(a.released, tk)} / ${t("allocated")} ${f.amount(a.total, tk)}`,
      })),
    ];
  });

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      <section aria-labelledby="budget-chart" className="card">
        <h2 id="budget-chart">{t("chart")}</h2>
        <MoneyChart rows={rows} title={t("chart")} description={t("chartDesc")} legend={{ allocated: t("allocated"), released: t("released"), cancelled: t("cancelled") }} />
      </section>

      <section aria-labelledby="budget-totals">
        <h2 id="budget-totals">{t("totals")}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="data" data-testid="totals-table">
            <thead>
              <tr>
                <th scope="col">{t("agency")}</th>
                <th scope="col">{t("allocated")}</th>
                <th scope="col">{t("released")}</th>
                <th scope="col">{t("cancelled")}</th>
                <th scope="col">{t("allocationCount")}</th>
              </tr>
            </thead>
            <tbody>
              {totals.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{agencyName(names, r.agencyId)}</th>
                  <td className="num">{f.amount(r.allocated, token(r.tokenId))}</td>
                  <td className="num">{f.amount(r.released, token(r.tokenId))}</td>
                  <td className="num">{f.amount(r.cancelled, token(r.tokenId))}</td>
                  <td className="num">{f.count(r.allocationCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="budget-allocations">
        <h2 id="budget-allocations">{t("allocations")}</h2>
        {allocations.length === 0 && <p>{t("none")}</p>}
        {allocations.map(({ allocation: a, milestones, releases }) => {
          const tk = token(a.tokenId);
          return (
            <article key={a.id} className="card" data-testid="allocation" aria-labelledby={`allocation-${a.id}`}>
              <h3 id={`allocation-${a.id}`}>{t("allocation", { id: a.id })}</h3>
              <dl className="facts">
                <dt>{t("recipient")}</dt>
                <dd>
                  <code>{a.recipient}</code>
                </dd>
                <dt>{t("agency")}</dt>
                <dd>{agencyName(names, a.agencyId)}</dd>
                <dt>{t("total")}</dt>
                <dd>{f.amount(a.total, tk)}</dd>
                <dt>{t("released")}</dt>
                <dd>{f.amount(a.released, tk)}</dd>
                {a.budgetDocumentRefId && (
                  <>
                    <dt>{t("budgetDocument")}</dt>
                    <dd>
                      <Link href={`/documents/${a.budgetDocumentRefId}`}>
                        <code>{a.budgetDocumentRefId.slice(0, 18)}…</code>
                      </Link>
                    </dd>
                  </>
                )}
                <dt>{t("createdAt")}</dt>
                <dd>{f.dateTime(a.createdAt)}</dd>
                {a.proposalId && (
                  <>
                    <dt>{t("byProposal")}</dt>
                    <dd>
                      <Link href={`/proposals/${a.proposalId}`}>
                        <code>{a.proposalId.slice(0, 12)}…</code>
                      </Link>
                    </dd>
                  </>
                )}
              </dl>
              {a.cancelled && <p className="error-text">{t("cancelledOn", { at: a.cancelledAt ? f.dateTime(a.cancelledAt) : "—", reason: a.cancelReason ?? "—" })}</p>}
              <h4>{t("milestones")}</h4>
              <div className="table-wrap" tabIndex={0}>
                <table className="data">
                  <thead>
                    <tr>
                      <th scope="col">{t("milestone")}</th>
                      <th scope="col">{t("amount")}</th>
                      <th scope="col">{t("deadline")}</th>
                      <th scope="col">{t("status")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {milestones.map((m) => {
                      const status = m.status === "PENDING" && BigInt(m.deadline) < now ? "OVERDUE" : m.status;
                      return (
                        <tr key={m.id} data-milestone-status={status}>
                          <th scope="row">{m.index + 1}</th>
                          <td className="num">{f.amount(m.amount, tk)}</td>
                          <td>{f.date(m.deadline)}</td>
                          <td>
                            <span className={`badge milestone-${status.toLowerCase()}`}>{t(`milestoneStatus.${status}`)}</span>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <h4>{t("releases")}</h4>
              {releases.length === 0 ? (
                <p>{t("noReleases")}</p>
              ) : (
                <ul className="plain list-lines">
                  {releases.map((r) => (
                    <li key={r.id}>
                      {t("releasedOn", { amount: f.amount(r.amount, tk), at: f.dateTime(r.timestamp) })} · <code>{r.transactionHash.slice(0, 18)}…</code>
                    </li>
                  ))}
                </ul>
              )}
            </article>
          );
        })}
        <PageLinks path="/budget" query={{}} position={position} nextCursor={nextCursor} />
      </section>
    </>
  );
}
