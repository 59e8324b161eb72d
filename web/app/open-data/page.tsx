import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { apiUrl } from "@/lib/api/client";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("openData"))("title") };
}

/** Every list of the public API (indexer/src/api/openapi.ts) and where it lives. */
const SETS = [
  { key: "documents", path: "/documents" },
  { key: "proposals", path: "/proposals" },
  { key: "allocations", path: "/budget/allocations" },
  { key: "releases", path: "/budget/releases" },
  { key: "totals", path: "/budget/totals" },
  { key: "officials", path: "/officials" },
  { key: "agencies", path: "/agencies" },
  { key: "auditLog", path: "/audit-log" },
  { key: "settingsHistory", path: "/settings-history" },
  { key: "flags", path: "/flags" },
] as const;
const FORMATS = ["json", "csv", "xml"] as const;

export default async function OpenDataPage() {
  const t = await getTranslations("openData");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <div className="table-wrap">
        <table className="data" data-testid="open-data">
          <thead>
            <tr>
              <th scope="col">{t("dataset")}</th>
              <th scope="col">{t("formats")}</th>
            </tr>
          </thead>
          <tbody>
            {SETS.map((set) => (
              <tr key={set.key}>
                <th scope="row">{t(`sets.${set.key}`)}</th>
                <td className="formats">
                  {FORMATS.map((format) => (
                    <a key={format} href={apiUrl(set.path, { format, limit: "1000" })} aria-label={t("link", { set: t(`sets.${set.key}`), format: format.toUpperCase() })}>
                      {format.toUpperCase()}
                    </a>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("feeds")}</h2>
      <ul>
        <li>
          {t("feedProposals")}: <a href={apiUrl("/feeds/proposals.rss")}>RSS</a> · <a href={apiUrl("/feeds/proposals.atom")}>Atom</a>
        </li>
        <li>
          {t("feedDocuments")}: <a href={apiUrl("/feeds/documents.rss")}>RSS</a> · <a href={apiUrl("/feeds/documents.atom")}>Atom</a>
        </li>
      </ul>
      <p>
        <a href={apiUrl("/openapi.json")}>{t("openapi")}</a>
      </p>
    </>
  );
}
