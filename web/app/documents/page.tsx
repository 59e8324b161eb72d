import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Hex } from "viem";

import { ApiDown } from "@/components/public/ApiDown";
import { ChainStatus } from "@/components/public/ChainVerdict";
import { PageLinks } from "@/components/public/PageLinks";
import { formatters } from "@/components/public/format";
import { agencyName, docTypeKey, documentName } from "@/components/public/labels";
import { load } from "@/lib/api/client";
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, type DocumentStatus as Status, type DocumentType, listDocuments } from "@/lib/api/documents";
import { listAgencies } from "@/lib/api/people";
import { hrefWith, pagePosition } from "@/lib/page-trail";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("documents"))("title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).trim();
const isType = (v: string): v is DocumentType => DOCUMENT_TYPES.some((t) => t === v);
const isStatus = (v: string): v is Status => DOCUMENT_STATUSES.some((s) => s === v);
/** Documents per page. */
const PAGE_SIZE = 50;

/** The documents list: the API searches (`q`), filters and pages it; this page renders one page and its links. */
export default async function DocumentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const type = one(params.type);
  const status = one(params.status);
  const agency = one(params.agency);
  const query = one(params.q).slice(0, 200);
  const position = pagePosition(one(params.cursor) || undefined, one(params.trail) || undefined);
  const t = await getTranslations("documents");
  const tt = await getTranslations("docTypes");
  const ts = await getTranslations("docStatuses");
  const f = await formatters();

  const filters = { type, status, agency, q: query };
  const retry = hrefWith("/documents", filters);
  const data = await load(async () => {
    const [docs, agencies] = await Promise.all([
      listDocuments({
        q: query || undefined,
        type: isType(type) ? type : undefined,
        status: isStatus(status) ? status : undefined,
        agency: /^\d{1,10}$/.test(agency) ? agency : undefined,
        limit: PAGE_SIZE,
        cursor: position.cursor,
      }),
      listAgencies(),
    ]);
    return { docs, agencies };
  });

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {!data.ok ? (
        <ApiDown retryHref={retry} />
      ) : (
        (() => {
          const names = new Map(data.data.agencies.map((a) => [a.id, a.name]));
          const rows = data.data.docs.items;
          return (
            <>
              <form key={retry} method="get" action="/documents" className="filters card" role="search" aria-label={t("filters")}>
                <div className="row">
                  <div className="field">
                    <label htmlFor="filter-q">{t("search")}</label>
                    <input id="filter-q" name="q" type="search" defaultValue={query} />
                  </div>
                </div>
                <div className="row">
                  <div className="field">
                    <label htmlFor="filter-type">{t("type")}</label>
                    <select id="filter-type" name="type" defaultValue={isType(type) ? type : ""}>
                      <option value="">{t("any")}</option>
                      {DOCUMENT_TYPES.map((v) => (
                        <option key={v} value={v}>
                          {tt(docTypeKey(v))}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="filter-status">{t("status")}</label>
                    <select id="filter-status" name="status" defaultValue={isStatus(status) ? status : ""}>
                      <option value="">{t("any")}</option>
                      {DOCUMENT_STATUSES.map((v) => (
                        <option key={v} value={v}>
                          {ts(v)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor="filter-agency">{t("agency")}</label>
                    <select id="filter-agency" name="agency" defaultValue={agency}>
                      <option value="">{t("any")}</option>
                      {data.data.agencies.map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.name}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                <div className="form-actions">
                  <button type="submit" className="button">
                    {t("apply")}
                  </button>
                  <Link href="/documents">{t("reset")}</Link>
                </div>
              </form>
              <p role="status" data-testid="documents-count">
                {t("count", { count: rows.length })}
              </p>
              {rows.length > 0 && (
                <div className="table-wrap" tabIndex={0}>
                  <table className="data stack" data-testid="documents-table">
                    <thead>
                      <tr>
                        <th scope="col">{t("document")}</th>
                        <th scope="col">{t("type")}</th>
                        <th scope="col">{t("status")}</th>
                        <th scope="col">{t("agency")}</th>
                        <th scope="col">{t("issued")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((d) => {
                        const name = documentName(d, f.locale);
                        return (
                          <tr key={d.id} data-doc-type={d.docType} data-doc-status={d.status}>
                            <td>
                              <Link href={`/documents/${d.id}`}>
                                {name.number && <strong>{name.number}</strong>} {name.title}
                              </Link>
                              {d.metadataStatus !== "INDEXED" && <span className="hint"> ({t("untitled")})</span>}
                            </td>
                            <td data-label={t("type")}>{tt(docTypeKey(d.docType))}</td>
                            <td data-label={t("status")}>
                              <ChainStatus id={d.id as Hex} reported={{ status: d.status }} testId="row-status" />
                            </td>
                            <td data-label={t("agency")}>{agencyName(names, d.agencyId)}</td>
                            <td data-label={t("issued")}>{f.date(d.issuedAt)}</td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
              <PageLinks path="/documents" query={filters} position={position} nextCursor={data.data.docs.nextCursor} />
            </>
          );
        })()
      )}
    </>
  );
}
