import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { DATASETS } from "@government-dao/core/datasets";

import { apiUrl } from "@/lib/api/client";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("openData"))("title") };
}


export default async function OpenDataPage() {
  const t = await getTranslations("openData");
  const locale = (await getLocale()) as keyof (typeof DATASETS)[number]["title"];
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <div className="table-wrap" tabIndex={0}>
        <table className="data" data-testid="open-data">
          <thead>
            <tr>
              <th scope="col">{t("dataset")}</th>
              <th scope="col">{t("formats")}</th>
            </tr>
          </thead>
          <tbody>
            {DATASETS.map((set) => (
              <tr key={set.key}>
                <th scope="row">{set.title[locale] ?? set.title.en}</th>
                <td className="formats">
                  {set.formats.map((format) => (
                    <a key={format} href={apiUrl(set.path, set.formats.length > 1 ? { format, limit: "1000" } : {})} aria-label={t("link", { set: set.title[locale] ?? set.title.en, format: format.toUpperCase() })}>
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
        <li>
          {t("feedAppeals")}: <a href={apiUrl("/feeds/appeals.rss")}>RSS</a> · <a href={apiUrl("/feeds/appeals.atom")}>Atom</a>
        </li>
      </ul>
      <p>
        <a href={apiUrl("/openapi.json")}>{t("openapi")}</a> · <a href={apiUrl("/catalog")}>{t("catalog")}</a> · <a href={apiUrl("/datapackage.json")}>{t("datapackage")}</a>
      </p>
    </>
  );
}
