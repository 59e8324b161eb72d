import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { Hex } from "viem";

import { ChainStatus } from "@/components/public/ChainVerdict";
import { ApiDown } from "@/components/public/ApiDown";
import { formatters } from "@/components/public/format";
import { docTypeKey, documentName, positionKey } from "@/components/public/labels";
import { ApiNotFound, load } from "@/lib/api/client";
import { getAgency } from "@/lib/api/people";
import { tokenInfos } from "@/lib/chain";
import { shortHex } from "@/utils/format";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations("agency"))("title", { id: (await params).id.slice(0, 10) }) };
}

/** One agency: its registrars and officials, its money per token, its newest documents and allocations. */
export default async function AgencyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,10}$/.test(id)) notFound();
  const t = await getTranslations("agency");
  const to = await getTranslations("officials");
  const tc = await getTranslations("council");
  const tb = await getTranslations("budget");
  const tt = await getTranslations("docTypes");
  const f = await formatters();
  const data = await load(async () => {
    const detail = await getAgency(id);
    const tokens = await tokenInfos([...detail.totals.map((r) => r.tokenId), ...detail.allocations.map((a) => a.tokenId)]);
    return { ...detail, tokens };
  }).catch((error: unknown) => {
    if (error instanceof ApiNotFound) return { ok: false as const, missing: true };
    throw error;
  });
  if ("missing" in data) notFound();
  if (!data.ok) {
    return (
      <>
        <h1>{t("title", { id })}</h1>
        <ApiDown retryHref={`/agencies/${id}`} />
      </>
    );
  }
  const { agency, officials, totals, allocations, documents, tokens } = data.data;
  const token = (address: string) => tokens.get(address.toLowerCase()) ?? null;
  return (
    <>
      <h1 data-testid="agency-name">{agency.name}</h1>
      <dl className="facts" data-testid="agency-facts">
        <dt>{t("id")}</dt>
        <dd>{agency.id}</dd>
        <dt>{to("status")}</dt>
        <dd>{agency.active ? to("active") : to("inactive")}</dd>
        <dt>{to("key")}</dt>
        <dd>{agency.pqKeyHash ? <code title={agency.pqKeyHash}>{shortHex(agency.pqKeyHash, 6)}</code> : to("noKey")}</dd>
        <dt>{to("documents")}</dt>
        <dd>
          {f.count(agency.documentsIssued)} / {f.count(agency.documentsAmended)} / {f.count(agency.documentsRevoked)}
        </dd>
        <dt>{to("registrars")}</dt>
        <dd data-testid="agency-registrars">
          {agency.registrars.filter((r) => r.active).length === 0
            ? "—"
            : agency.registrars
                .filter((r) => r.active)
                .map((r) => (
                  <code key={r.account} className="block">
                    {r.account}
                  </code>
                ))}
        </dd>
      </dl>
      <section aria-labelledby="agency-officials">
        <h2 id="agency-officials">{to("officials")}</h2>
        {officials.length === 0 ? <p>{t("noOfficials")}</p> : null}
        <ul data-testid="agency-officials">
          {officials.map((o) => (
            <li key={o.id}>
              <Link href={`/officials/${o.address}`}>
                <code>{o.address}</code>
              </Link>{" "}
              {o.position === null ? null : tc(`positions.${positionKey(o.position)}`, { code: o.position })}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="agency-money">
        <h2 id="agency-money">{t("money")}</h2>
        {totals.length === 0 ? <p>{t("noMoney")}</p> : null}
        <ul data-testid="agency-totals">
          {totals.map((r) => (
            <li key={r.id}>
              {tb("allocated")} {f.amount(r.allocated, token(r.tokenId))} · {tb("released")} {f.amount(r.released, token(r.tokenId))}
            </li>
          ))}
        </ul>
        <ul data-testid="agency-allocations">
          {allocations.map((a) => (
            <li key={a.id}>
              <Link href={`/budget#allocation-${a.id}`}>{t("allocation", { id: a.id })}</Link>: {f.amount(a.released, token(a.tokenId))} / {f.amount(a.total, token(a.tokenId))}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="agency-documents">
        <h2 id="agency-documents">{t("documents")}</h2>
        {documents.length === 0 ? <p>{t("noDocuments")}</p> : null}
        <ul data-testid="agency-documents">
          {documents.map((d) => {
            const name = documentName(d, f.locale);
            return (
              <li key={d.id}>
                <Link href={`/documents/${d.id}`}>
                  {name.number && <strong>{name.number}</strong>} {name.title}
                </Link>{" "}
                · {tt(docTypeKey(d.docType))} · <ChainStatus id={d.id as Hex} reported={{ status: d.status }} testId="row-status" /> · {f.date(d.issuedAt)}
              </li>
            );
          })}
        </ul>
        <p>
          <Link href={`/documents?agency=${agency.id}`}>{t("allDocuments")}</Link>
        </p>
      </section>
    </>
  );
}
