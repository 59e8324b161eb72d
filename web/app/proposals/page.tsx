import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ApiDown } from "@/components/public/ApiDown";
import { formatters } from "@/components/public/format";
import { load } from "@/lib/api/client";
import { listProposals, proposalTitle } from "@/lib/api/proposals";
import { governorStates } from "@/lib/chain";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("proposals"))("title") };
}

export default async function ProposalsPage() {
  const t = await getTranslations("proposals");
  const tp = await getTranslations("proposalStates");
  const f = await formatters();
  const data = await load(async () => {
    const proposals = await listProposals(1000);
    // The Governor's state depends on the clock and the quorum: ask the chain for every proposal not yet queued,
    // executed or canceled (the indexer keeps the event-derived state only).
    return { proposals, states: await governorStates(proposals.filter((p) => p.state === "CREATED").map((p) => p.id)) };
  });
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {!data.ok ? (
        <ApiDown retryHref="/proposals" />
      ) : data.data.proposals.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table className="data stack" data-testid="proposals-table">
            <thead>
              <tr>
                <th scope="col">{t("proposal")}</th>
                <th scope="col">{t("state")}</th>
                <th scope="col">{t("tally")}</th>
                <th scope="col">{t("votes")}</th>
                <th scope="col">{t("created")}</th>
              </tr>
            </thead>
            <tbody>
              {data.data.proposals.map((p) => {
                const chain = data.data.states.get(p.id);
                const state = chain ?? (p.state === "QUEUED" ? "queued" : p.state === "EXECUTED" ? "executed" : p.state === "CANCELED" ? "canceled" : null);
                return (
                  <tr key={p.id}>
                    <td>
                      <Link href={`/proposals/${p.id}`}>{proposalTitle(p.description)}</Link>
                    </td>
                    <td data-label={t("state")}>
                      {state ? (
                        <span className={`badge state-${state}`} data-state={state}>
                          {tp(state)}
                        </span>
                      ) : (
                        <span className="badge">{t("indexedState.CREATED")}</span>
                      )}
                    </td>
                    <td className="num" data-label={t("tally")} data-testid="tally">
                      {f.count(p.forVotes)} / {f.count(p.againstVotes)} / {f.count(p.abstainVotes)}
                    </td>
                    <td className="num" data-label={t("votes")}>
                      {f.count(p.voteCount)}
                    </td>
                    <td data-label={t("created")}>{f.date(p.createdAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
