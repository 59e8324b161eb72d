import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Hex } from "viem";

import { ApiDown } from "@/components/public/ApiDown";
import { ChainStatus } from "@/components/public/ChainVerdict";
import { formatters } from "@/components/public/format";
import { agencyName, documentName } from "@/components/public/labels";
import { load } from "@/lib/api/client";
import { budgetTotals } from "@/lib/api/budget";
import { listDocuments } from "@/lib/api/documents";
import { getFlags } from "@/lib/api/flags";
import { listAgencies } from "@/lib/api/people";
import { listProposals, proposalTitle } from "@/lib/api/proposals";
import { governorStates, tokenInfos } from "@/lib/chain";

export const dynamic = "force-dynamic";

/** Proposals still to be decided: not yet open or open for voting (the chain's Governor state). */
const OPEN_STATES = new Set(["pending", "active"]);

async function dashboard() {
  const [{ items: decrees }, proposals, totals, flags, agencies] = await Promise.all([
    listDocuments({ type: "DECREE", limit: 5 }),
    listProposals(50),
    budgetTotals(),
    getFlags(),
    listAgencies(),
  ]);
  const [states, tokens] = await Promise.all([
    governorStates(proposals.filter((p) => p.state === "CREATED").map((p) => p.id)),
    tokenInfos(totals.map((t) => t.tokenId)),
  ]);
  const open = proposals.filter((p) => OPEN_STATES.has(states.get(p.id) ?? ""));
  return { decrees, open, states, totals, tokens, flags, names: new Map(agencies.map((a) => [a.id, a.name])) };
}

export default async function HomePage() {
  const t = await getTranslations("home");
  const tp = await getTranslations("proposalStates");
  const tb = await getTranslations("budget");
  const f = await formatters();
  const cards = [
    { href: "/verify", title: t("verifyTitle"), text: t("verifyText") },
    { href: "/council", title: t("councilTitle"), text: t("councilText") },
    { href: "/registrar", title: t("registrarTitle"), text: t("registrarText") },
  ];
  const data = await load(dashboard);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <h2 className="visually-hidden">{t("dashboard")}</h2>
      {!data.ok ? (
        <ApiDown retryHref="/" />
      ) : (
        <div className="dashboard">
          <section className="card" aria-labelledby="latest-decrees" data-testid="latest-decrees">
            <h2 id="latest-decrees">{t("latestDecrees")}</h2>
            <ul className="plain list-lines">
              {data.data.decrees.map((d) => {
                const name = documentName(d, f.locale);
                return (
                  <li key={d.id}>
                    <Link href={`/documents/${d.id}`}>
                      {name.number ? `${name.number} — ` : ""}
                      {name.title}
                    </Link>{" "}
                    <ChainStatus id={d.id as Hex} reported={{ status: d.status }} testId="row-status" /> <span className="hint">{f.date(d.issuedAt)}</span>
                  </li>
                );
              })}
            </ul>
            <p>
              <Link href="/documents">{t("allDocuments")}</Link>
            </p>
          </section>
          <section className="card" aria-labelledby="open-proposals" data-testid="open-proposals">
            <h2 id="open-proposals">{t("activeProposals")}</h2>
            {data.data.open.length === 0 ? (
              <p>{t("noActiveProposals")}</p>
            ) : (
              <ul className="plain list-lines">
                {data.data.open.map((p) => {
                  const state = data.data.states.get(p.id) ?? "pending";
                  return (
                    <li key={p.id}>
                      <Link href={`/proposals/${p.id}`}>{proposalTitle(p.description)}</Link> <span className={`badge state-${state}`}>{tp(state)}</span>
                    </li>
                  );
                })}
              </ul>
            )}
            <p>
              <Link href="/proposals">{t("allProposals")}</Link>
            </p>
          </section>
          <section className="card" aria-labelledby="budget-totals" data-testid="budget-totals">
            <h2 id="budget-totals">{t("budgetTotals")}</h2>
            <dl className="facts">
              {data.data.totals.map((row) => (
                <div key={row.id} className="facts-row">
                  <dt>{agencyName(data.data.names, row.agencyId)}</dt>
                  <dd>
                    {tb("allocated")}: {f.amount(row.allocated, data.data.tokens.get(row.tokenId.toLowerCase()) ?? null)}
                    <br />
                    {tb("released")}: {f.amount(row.released, data.data.tokens.get(row.tokenId.toLowerCase()) ?? null)}
                  </dd>
                </div>
              ))}
            </dl>
            <p>
              <Link href="/budget">{t("fullBudget")}</Link>
            </p>
          </section>
          <section className="card" aria-labelledby="auditor-flags" data-testid="auditor-flags">
            <h2 id="auditor-flags">{t("flags")}</h2>
            {data.data.flags.generatedAt === null ? (
              <p>{t("flagsNotRun")}</p>
            ) : data.data.flags.items.length === 0 ? (
              <p>{t("noFlags")}</p>
            ) : (
              <>
                <p className="hint" data-testid="flags-as-of" data-as-of={data.data.flags.asOf ?? undefined}>
                  {t("flagsGenerated", { at: f.dateTime(String(data.data.flags.asOf ?? data.data.flags.generatedAt)), block: f.count(data.data.flags.block ?? 0) })}
                </p>
                <ul className="plain list-lines">
                  {data.data.flags.items.map((flag) => (
                    <li key={`${flag.rule}-${flag.subject.kind}-${flag.subject.id}`}>
                      <span className={`badge severity-${flag.severity}`}>{t(`severity.${flag.severity}`)}</span>{" "}
                      <strong>{data.data.flags.rules.find((r) => r.id === flag.rule)?.title ?? flag.rule}</strong>: {flag.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
      )}
      <ul className="cards">
        {cards.map((c) => (
          <li key={c.href} className="card">
            <h2>
              <Link href={c.href}>{c.title}</Link>
            </h2>
            <p>{c.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
