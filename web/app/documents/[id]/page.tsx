import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import type { Hex } from "viem";

import { Account } from "@/components/Account";
import { AppealList } from "@/components/appeals/AppealList";
import { DocumentActions } from "@/components/DocumentActions";
import { ApiDown } from "@/components/public/ApiDown";
import { ChainCheck, ChainCoSignature, ChainStatus, type Reported } from "@/components/public/ChainVerdict";
import { formatters } from "@/components/public/format";
import { docTypeKey, documentName } from "@/components/public/labels";
import { ApiNotFound, load } from "@/lib/api/client";
import { listAppeals } from "@/lib/api/appeals";
import { getDocument, verifyDocument } from "@/lib/api/documents";
import { getFlags } from "@/lib/api/flags";
import { listAgencies } from "@/lib/api/people";
import { proposalTitle } from "@/lib/api/proposals";
import { metadataPrefill } from "@/lib/document-prefill";

export const dynamic = "force-dynamic";

const ID = /^(0x)?[0-9a-fA-F]{64}$/;
const normalise = (id: string): Hex => `0x${id.replace(/^0x/, "").toLowerCase()}`;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { id } = await params;
  return { title: `${(await getTranslations("documents"))("document")} ${id.replace(/^0x/, "").slice(0, 10)}` };
}

/** The absolute URL of this page as the reader reached it (for the QR code). */
async function pageUrl(path: string): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto}://${host}${path}`;
}

export default async function DocumentPage({ params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  if (!ID.test(raw)) notFound();
  const id = normalise(raw);
  const t = await getTranslations("document");
  const tt = await getTranslations("docTypes");
  const tv = await getTranslations("proposal");
  const ta = await getTranslations("appeals");
  const f = await formatters();

  const data = await load(async () => {
    const [detail, verified, appeals, agencies, flags] = await Promise.all([
      getDocument(id),
      verifyDocument(id),
      listAppeals({ kind: "DOCUMENT", subject: BigInt(id).toString() }),
      listAgencies(),
      getFlags(),
    ]);
    return { detail, verified, appeals, agencies, flags };
  }).catch((error: unknown) => {
    if (error instanceof ApiNotFound) notFound();
    throw error;
  });
  if (!data.ok) {
    return (
      <>
        <h1>
          {(await getTranslations("documents"))("document")} <code>{id.slice(0, 12)}…</code>
        </h1>
        <ApiDown retryHref={`/documents/${id}`} />
      </>
    );
  }
  const { detail, verified, appeals, agencies, flags } = data.data;
  // The auditor's flags on this document and on its appeals, each with the published rule that raised it.
  const appealIds = new Set(appeals.map((a) => a.id));
  const audited = flags.items.filter((g) => (g.subject.kind === "document" && g.subject.id.toLowerCase() === id) || (g.subject.kind === "appeal" && appealIds.has(g.subject.id)));
  const ruleOf = new Map(flags.rules.map((r) => [r.id, r]));
  const doc = detail.document;
  const name = documentName(doc, f.locale);
  const link = await pageUrl(`/documents/${id}`);
  const qr = await QRCode.toString(link, { type: "svg", errorCorrectionLevel: "M", margin: 1, color: { dark: "#16202a", light: "#ffffff" } });
  // What the service says; the client components below check it against the chain and show the chain's answer.
  const reported: Reported = {
    status: doc.status,
    coSignature: verified.coSignature.status,
    agencyId: doc.agencyId,
    issuer: doc.issuer,
    metadataDigest: doc.metadataDigest,
    supersedes: doc.supersedes,
    supersededBy: doc.supersededBy,
  };
  const proposal = verified.proposal;
  const prefill = doc.status === "ACTIVE" ? await metadataPrefill(doc.metadataDigest) : undefined;

  return (
    <>
      <p className="eyebrow">{tt(docTypeKey(doc.docType))}</p>
      <h1>
        {name.number && <>{name.number} — </>}
        {name.title}
      </h1>
      <p>
        <ChainStatus id={id} reported={reported} />
      </p>
      <ChainCheck id={id} reported={reported} />
      {doc.status === "REVOKED" && (
        <div className="banner bad" data-testid="revoked">
          <p className="banner-title">{t("revoked")}</p>
          <p>{t("revokedOn", { at: doc.revokedAt ? f.dateTime(doc.revokedAt) : "—", reason: doc.revokeReason ?? "—" })}</p>
        </div>
      )}
      {doc.status === "AMENDED" && doc.supersededBy && (
        <div className="banner warn">
          <Link href={`/documents/${doc.supersededBy}`}>{t("amendedBy")}</Link>
        </div>
      )}
      <DocumentActions
        doc={{ id: `0x${id.slice(2)}`, agencyId: Number(doc.agencyId), agencyName: doc.agencyName ?? `#${doc.agencyId}`, docType: docTypeKey(doc.docType), status: doc.status }}
        prefill={prefill}
      />
      <div className="doc-layout">
        <section className="card" aria-labelledby="doc-facts">
          <h2 id="doc-facts">{t("facts")}</h2>
          <dl className="facts">
            <dt>{t("sha256")}</dt>
            <dd>
              <code>{doc.id}</code>
            </dd>
            <dt>{t("type")}</dt>
            <dd>{tt(docTypeKey(doc.docType))}</dd>
            <dt>{t("agency")}</dt>
            <dd>{doc.agencyName ?? `#${doc.agencyId}`}</dd>
            <dt>{t("issuedAt")}</dt>
            <dd data-testid="issued-at">{f.dateTime(doc.issuedAt)}</dd>
            <dt>{t("issuer")}</dt>
            <dd data-testid="issuer">
              <Account address={doc.issuer} />
            </dd>
            <dt>{t("proof")}</dt>
            <dd data-testid="tx-proof">
              {t("transaction")}{" "}
              <code>{verified.transactionHash}</code>, {t("block", { block: f.count(verified.blockNumber) })}
            </dd>
            <dt>{t("coSignature")}</dt>
            <ChainCoSignature id={id} />
          </dl>
        </section>
        <aside className="card qr" aria-labelledby="doc-qr">
          <h2 id="doc-qr">{t("qr")}</h2>
          <div className="qr-code" role="img" aria-label={t("qrAlt", { url: link })} data-testid="qr-code" dangerouslySetInnerHTML={{ __html: qr }} />
          <p className="hint">{t("qrText")}</p>
          <p>
            <code>{link}</code>
          </p>
          <h2>{t("extract")}</h2>
          <p className="hint">{t("extractText")}</p>
          <a className="button" href={`/documents/${id}/extract`} download data-testid="extract-link">
            {t("download")}
          </a>
        </aside>
      </div>

      <section className="card" aria-labelledby="doc-contest">
        <h2 id="doc-contest">{ta("contest")}</h2>
        <p className="hint">{ta("contestText")}</p>
        <a className="button secondary" href={`/appeals/new?document=${id}`} data-testid="contest-link">
          {ta("contestLink")}
        </a>
        <h3>{ta("onThisAct")}</h3>
        <AppealList appeals={appeals} names={new Map(agencies.map((a) => [a.id, a.name]))} f={f} testId="document-appeals" />
      </section>

      <section className="card" aria-labelledby="doc-history" data-testid="history">
        <h2 id="doc-history">{t("history")}</h2>
        <p className="hint">{t("historyIntro")}</p>
        <ol className="versions">
          {detail.versions.map((v) => {
            const vName = documentName(v, f.locale);
            const events = detail.history.filter((e) => e.documentId === v.id);
            return (
              <li key={v.id} data-version={v.id} aria-current={v.id === doc.id ? "true" : undefined}>
                <p>
                  {v.id === doc.id ? (
                    <strong>
                      {vName.number ?? vName.title} ({t("thisVersion")})
                    </strong>
                  ) : (
                    <Link href={`/documents/${v.id}`}>{vName.number ?? vName.title}</Link>
                  )}{" "}
                  <ChainStatus id={v.id as Hex} reported={{ status: v.status }} testId="version-status" />
                </p>
                <ul className="plain">
                  {events.map((e) => (
                    <li key={e.id}>
                      {f.dateTime(e.timestamp)} — {t(`event.${e.kind}`)}
                      {e.reason ? <> · {t("reason", { reason: e.reason })}</> : null}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      </section>

      <section className="card" aria-labelledby="doc-proposal">
        <h2 id="doc-proposal">{t("enacted")}</h2>
        {proposal === null ? (
          <p>{t("notEnacted")}</p>
        ) : (
          <>
            <p>
              {t("enactedBy")}: <Link href={`/proposals/${proposal.id}`}>{proposalTitle(proposal.description)}</Link>
            </p>
            <dl className="tallies">
              {(["for", "against", "abstain"] as const).map((k) => (
                <div key={k} className={`tally tally-${k}`}>
                  <dt>{tv(`support.${k}`)}</dt>
                  <dd>{f.count(k === "for" ? proposal.forVotes : k === "against" ? proposal.againstVotes : proposal.abstainVotes)}</dd>
                </div>
              ))}
            </dl>
            <h3>{tv("votes", { count: proposal.votes.length })}</h3>
            <ul className="votes">
              {proposal.votes.map((v) => (
                <li key={v.transactionHash}>
                  <code>{v.voter}</code>
                  <span className={`badge vote-${v.support === "FOR" ? 1 : v.support === "AGAINST" ? 0 : 2}`}>
                    {tv(`support.${v.support === "FOR" ? "for" : v.support === "AGAINST" ? "against" : "abstain"}`)}
                  </span>
                  <span className="hint">{f.dateTime(v.timestamp)}</span>
                  {v.reason && <q>{v.reason}</q>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="doc-audit" data-testid="document-audit">
        <h2 id="doc-audit">{ta("auditTitle")}</h2>
        {flags.rules.length === 0 ? (
          <p>{ta("auditNotRun")}</p>
        ) : audited.length === 0 ? (
          <p>{ta("auditNone", { rules: flags.rules.length })}</p>
        ) : (
          <ul>
            {audited.map((g) => (
              <li key={`${g.rule}-${g.message}`} data-rule={g.rule} data-severity={g.severity}>
                <strong>{ruleOf.get(g.rule)?.title ?? g.rule}</strong> — {g.message}
                <p className="hint">{ruleOf.get(g.rule)?.explanation}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
