import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

import type { Snapshot } from "@government-dao/core/api/snapshot";
import { DATASETS } from "@government-dao/core/datasets";

import { PageLinks } from "@/components/public/PageLinks";
import { formatters } from "@/components/public/format";
import { apiUrl, load } from "@/lib/api/client";
import { getSnapshots } from "@/lib/api/snapshots";
import { pagePosition } from "@/lib/page-trail";

/** The standards the exports follow, each explained in the reader's language (messages openData.standard.*). */
const STANDARDS = ["csv", "times", "ocds", "popolo", "dcat", "frictionless", "feeds", "openapi"] as const;

/** How many snapshots a page lists (older ones: the page links, through the API's cursor). */
const SNAPSHOTS_SHOWN = 30;

type Search = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("openData"))("title") };
}


/** One snapshot: its batch on chain and its files, each downloaded from the content store by its sha-256. */
async function SnapshotEntry({ snapshot, open }: { snapshot: Snapshot; open: boolean }) {
  const t = await getTranslations("openData");
  const f = await formatters();
  const locale = (await getLocale()) as keyof Snapshot["title"];
  return (
    <details open={open} data-testid="snapshot" data-number={snapshot.number}>
      <summary>
        {t("snapshot", { number: snapshot.number })} · {snapshot.title[locale] ?? snapshot.title.en}
      </summary>
      <p>
        {t("publishedBy", { agency: snapshot.agency.name ?? snapshot.agency.id })} ·{" "}
        {t("takenAt", { time: f.dateTime(String(Math.floor(Date.parse(snapshot.takenAt) / 1000))), anchored: f.dateTime(snapshot.anchoredAt) })}
      </p>
      {snapshot.revoked ? <p className="banner bad">{t("snapshotRevoked")}</p> : null}
      <dl className="facts">
        <dt>{t("root")}</dt>
        <dd>
          <code>{snapshot.root}</code>
        </dd>
        <dt>{t("transaction")}</dt>
        <dd>
          <code>{snapshot.anchoredTx}</code>
        </dd>
      </dl>
      <div className="table-wrap" tabIndex={0}>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("file")}</th>
              <th scope="col">{t("rows")}</th>
              <th scope="col">{t("size")}</th>
              <th scope="col">{t("sha256")}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.files.map((file) => (
              <tr key={file.name} data-file={file.name}>
                <th scope="row">
                  <a href={`/api/content/${file.sha256}`} download={file.name} aria-label={t("download", { name: file.name })}>
                    {file.name}
                  </a>
                </th>
                <td>{file.rows === null ? "—" : f.count(file.rows)}</td>
                <td>{t("bytes", { count: file.size })}</td>
                <td>
                  <code>{file.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

export default async function OpenDataPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const t = await getTranslations("openData");
  const locale = (await getLocale()) as keyof (typeof DATASETS)[number]["title"];
  const position = pagePosition(one(params.cursor), one(params.trail));
  const snapshots = await load(() => getSnapshots(SNAPSHOTS_SHOWN, position.cursor));
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
                <th scope="row">
                  {set.title[locale] ?? set.title.en}
                  <p className="dataset-about">{set.description[locale] ?? set.description.en}</p>
                </th>
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
      <h2>{t("standards")}</h2>
      <dl className="facts" data-testid="standards">
        {STANDARDS.map((key) => (
          <div key={key} className="fact-pair">
            <dt>{t(`standard.${key}.name`)}</dt>
            <dd>{t(`standard.${key}.about`)}</dd>
          </div>
        ))}
      </dl>
      <h2>{t("snapshots")}</h2>
      <p>{t.rich("snapshotsIntro", { verify: (chunks) => <Link href="/verify">{chunks}</Link> })}</p>
      <div data-testid="snapshots">
        {!snapshots.ok ? (
          <p className="banner bad">{t("snapshotsDown")}</p>
        ) : snapshots.data.items.length === 0 ? (
          <p>{t("noSnapshots")}</p>
        ) : (
          snapshots.data.items.map((snapshot, i) => <SnapshotEntry key={snapshot.batchId} snapshot={snapshot} open={i === 0 && position.cursor === undefined} />)
        )}
        {snapshots.ok ? <PageLinks path="/open-data" query={{}} position={position} nextCursor={snapshots.data.nextCursor} /> : null}
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
        <li>
          {t("feedDeadlines")}: <a href={apiUrl("/feeds/deadlines.ics")}>iCalendar</a>
        </li>
      </ul>
      <p>
        <a href={apiUrl("/openapi.json")}>{t("openapi")}</a> · <a href={apiUrl("/catalog")}>{t("catalog")}</a> · <a href={apiUrl("/datapackage.json")}>{t("datapackage")}</a>
      </p>
    </>
  );
}
