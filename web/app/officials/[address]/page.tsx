import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { ApiDown } from "@/components/public/ApiDown";
import { formatters } from "@/components/public/format";
import { positionKey, SUPPORT_KEY, SUPPORT_VALUE } from "@/components/public/labels";
import { ApiNotFound, load } from "@/lib/api/client";
import { getOfficial } from "@/lib/api/people";
import { shortHex } from "@/utils/format";

export const dynamic = "force-dynamic";

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;

export async function generateMetadata({ params }: { params: Promise<{ address: string }> }): Promise<Metadata> {
  return { title: (await getTranslations("official"))("title", { account: shortHex((await params).address, 4) }) };
}

/** One official: the seat (no name: names are not on chain), its agency, and every vote with its reason. */
export default async function OfficialPage({ params }: { params: Promise<{ address: string }> }) {
  const { address } = await params;
  if (!ADDRESS.test(address)) notFound();
  const t = await getTranslations("official");
  const to = await getTranslations("officials");
  const tc = await getTranslations("council");
  const tp = await getTranslations("proposal");
  const f = await formatters();
  const data = await load(() => getOfficial(address)).catch((error: unknown) => {
    if (error instanceof ApiNotFound) return { ok: false as const, missing: true };
    throw error;
  });
  if ("missing" in data) notFound();
  if (!data.ok) {
    return (
      <>
        <h1>{t("title", { account: shortHex(address, 4) })}</h1>
        <ApiDown retryHref={`/officials/${address}`} />
      </>
    );
  }
  const { official, agency, votes } = data.data;
  return (
    <>
      <h1>{t("title", { account: shortHex(official.address, 4) })}</h1>
      <p className="lead">{to("intro")}</p>
      <dl className="facts" data-testid="official-facts">
        <dt>{to("account")}</dt>
        <dd>
          <code>{official.address}</code>
        </dd>
        <dt>{to("seat")}</dt>
        <dd>{official.seatId ?? "—"}</dd>
        <dt>{to("agency")}</dt>
        <dd>{agency === null ? "—" : <Link href={`/agencies/${agency.id}`}>{agency.name ?? `#${agency.id}`}</Link>}</dd>
        <dt>{to("position")}</dt>
        <dd>{official.position === null ? "—" : tc(`positions.${positionKey(official.position)}`, { code: official.position })}</dd>
        <dt>{to("status")}</dt>
        <dd data-testid="official-status">
          {official.seated ? (
            <span className="badge state-active">{to("seated")}</span>
          ) : (
            <span className="badge">{to("notSeated", { at: official.revokedAt ? f.date(official.revokedAt) : "—" })}</span>
          )}
        </dd>
        <dt>{to("since")}</dt>
        <dd>{official.since ? f.date(official.since) : "—"}</dd>
        <dt>{t("terms")}</dt>
        <dd>{f.count(official.termCount)}</dd>
      </dl>
      <section aria-labelledby="official-votes">
        <h2 id="official-votes">{t("votes", { count: votes.length })}</h2>
        {votes.length === 0 ? <p>{t("noVotes")}</p> : null}
        <ul className="votes" data-testid="official-votes">
          {votes.map((v) => (
            <li key={`${v.proposalId}-${v.blockNumber}`} data-proposal={v.proposalId}>
              <span className={`badge vote-${SUPPORT_VALUE[v.support]}`}>{tp(`support.${SUPPORT_KEY[v.support]}`)}</span>{" "}
              <Link href={`/proposals/${v.proposalId}`}>{v.proposalTitle}</Link> <span className="hint">{f.dateTime(v.timestamp)}</span>
              {v.reason ? <q>{v.reason}</q> : null}
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link href="/officials">{t("back")}</Link>
      </p>
    </>
  );
}
