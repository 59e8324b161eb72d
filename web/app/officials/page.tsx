import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { ApiDown } from "@/components/public/ApiDown";
import { formatters } from "@/components/public/format";
import { agencyName, positionKey } from "@/components/public/labels";
import { load } from "@/lib/api/client";
import { listAgencies, listOfficials } from "@/lib/api/people";
import { shortHex } from "@/utils/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("officials"))("title") };
}

export default async function OfficialsPage() {
  const t = await getTranslations("officials");
  const tc = await getTranslations("council");
  const f = await formatters();
  const data = await load(async () => {
    const [officials, agencies] = await Promise.all([listOfficials(), listAgencies()]);
    return { officials, agencies };
  });
  if (!data.ok) {
    return (
      <>
        <h1>{t("title")}</h1>
        <ApiDown retryHref="/officials" />
      </>
    );
  }
  const { officials, agencies } = data.data;
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const seats = [...officials].sort((a, b) => Number(a.seatId ?? "0") - Number(b.seatId ?? "0"));
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <section aria-labelledby="officials-list">
        <h2 id="officials-list">{t("officials")}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="data" data-testid="officials-table">
            <thead>
              <tr>
                <th scope="col">{t("seat")}</th>
                <th scope="col">{t("account")}</th>
                <th scope="col">{t("agency")}</th>
                <th scope="col">{t("position")}</th>
                <th scope="col">{t("since")}</th>
                <th scope="col">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {seats.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{o.seatId ?? "—"}</th>
                  <td>
                    <Link href={`/officials/${o.address}`}>
                      <code>{o.address}</code>
                    </Link>
                  </td>
                  <td>{agencyName(names, o.agencyId)}</td>
                  <td>{o.position === null ? "—" : tc(`positions.${positionKey(o.position)}`, { code: o.position })}</td>
                  <td>{o.since ? f.date(o.since) : "—"}</td>
                  <td>{o.seated ? <span className="badge state-active">{t("seated")}</span> : <span className="badge">{t("notSeated", { at: o.revokedAt ? f.date(o.revokedAt) : "—" })}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="agencies-list">
        <h2 id="agencies-list">{t("agencies")}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="data" data-testid="agencies-table">
            <thead>
              <tr>
                <th scope="col">{t("name")}</th>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("registrars")}</th>
                <th scope="col">{t("documents")}</th>
                <th scope="col">{t("batches")}</th>
                <th scope="col">{t("key")}</th>
              </tr>
            </thead>
            <tbody>
              {agencies.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    <Link href={`/agencies/${a.id}`}>{a.name}</Link> <span className="hint">#{a.id}</span>
                  </th>
                  <td>{a.active ? t("active") : t("inactive")}</td>
                  <td>
                    {a.registrars.filter((r) => r.active).length === 0
                      ? "—"
                      : a.registrars
                          .filter((r) => r.active)
                          .map((r) => (
                            <code key={r.account} className="block" title={r.account}>
                              {shortHex(r.account, 4)}
                            </code>
                          ))}
                  </td>
                  <td className="num">
                    {f.count(a.documentsIssued)} / {f.count(a.documentsAmended)} / {f.count(a.documentsRevoked)}
                  </td>
                  <td className="num">
                    {f.count(a.batchesAnchored)} ({f.count(a.batchDocumentsAnchored)})
                  </td>
                  <td>{a.pqKeyHash ? <code title={a.pqKeyHash}>{shortHex(a.pqKeyHash, 6)}</code> : t("noKey")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
