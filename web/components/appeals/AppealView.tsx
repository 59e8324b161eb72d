"use client";
/**
 * An appeal's public page, read in the browser from the chain (hooks/useAppeal.ts): its number, the body that must
 * answer, the due date and the days left (or how late it is), the citizen's text and the reasoned answer (both
 * checked against the digests on chain), the act it contests and the act that remedied it. A registrar of the
 * responding agency answers here with the wallet; the council answers by proposal.
 */
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useConnection } from "wagmi";

import { APPEAL_LANGUAGES, APPEAL_VERDICTS, type AppealVerdict, appealAnswerSchema, appealTextSchema } from "@government-dao/core/appeals";
import { hex32 } from "@government-dao/core/enums";
import { FilerPanel } from "@/components/appeals/FilerPanel";
import { TxStatus } from "@/components/TxStatus";
import { useAgencies, useAgencyNames } from "@/hooks/useAgencies";
import { isPending, useAnswerAppeal, useAppeal, useAppealText } from "@/hooks/useAppeal";
import { useChainDate } from "@/hooks/useChainDate";
import { isTxBusy } from "@/utils/tx-state";

const DAY = 86_400n;

export function AppealView({ id }: { id: bigint }) {
  const t = useTranslations("appeals");
  const chainDate = useChainDate();
  const names = useAgencyNames();
  const appeal = useAppeal(id);
  const a = appeal.data;
  const text = useAppealText(a?.bodyDigest, appealTextSchema);
  const answer = useAppealText(a && a.state === "answered" ? a.answerDigest : undefined, appealAnswerSchema);

  if (appeal.isPending) return <p aria-live="polite">{t("reading")}</p>;
  if (appeal.isError) return <p className="error-text" role="alert">{t("chainDown")}</p>;
  if (a === null || a === undefined) return <p data-testid="appeal-missing">{t("missing", { id: id.toString() })}</p>;

  const respondent = a.respondent === 0 ? t("council") : (names.get(a.respondent) ?? t("agency", { id: a.respondent }));
  const date = (seconds: bigint) => chainDate(seconds, { time: true });
  const daysLeft = (a.dueAt - a.chainTime + DAY - 1n) / DAY;
  const daysLate = (a.chainTime - a.dueAt) / DAY;
  const subjectHref = a.kind === "document" ? `/documents/${hex32(a.subject)}` : `/proposals/${a.subject.toString()}`;
  return (
    <>
      <h1>{t("title", { id: id.toString() })}</h1>
      <section className="card" data-testid="appeal" data-source="chain">
        <dl className="facts">
          <dt>{t("state")}</dt>
          <dd>
            <span className={`badge appeal-${a.state}`} data-testid="appeal-state" data-state={a.state}>
              {t(`states.${a.state === "none" ? "filed" : a.state}`)}
            </span>
            {a.overdue ? (
              <span className="badge state-canceled" data-testid="appeal-overdue">
                {" "}
                {t("overdue", { days: Number(daysLate) })}
              </span>
            ) : null}
          </dd>
          <dt>{t("contests")}</dt>
          <dd>
            <a href={subjectHref} data-testid="appeal-subject">
              {a.kind === "document" ? t("subjectDocument") : t("subjectProposal", { id: a.subject.toString() })}
            </a>
          </dd>
          <dt>{t("respondent")}</dt>
          <dd data-testid="appeal-respondent">{respondent}</dd>
          <dt>{t("filedAt")}</dt>
          <dd>{date(a.filedAt)}</dd>
          <dt>{t("dueAt")}</dt>
          <dd data-testid="appeal-due">
            {date(a.dueAt)}
            {isPending(a.state) && !a.overdue ? <span className="hint"> — {t("daysLeft", { days: Number(daysLeft) })}</span> : null}
          </dd>
        </dl>
        <h2>{t("textTitle")}</h2>
        <blockquote data-testid="appeal-text" lang={text.data?.language}>
          {text.data ? text.data.text : text.isPending ? t("reading") : t("textMissing")}
        </blockquote>
      </section>
      {a.state === "answered" ? (
        <section className="card" data-testid="appeal-answer" aria-labelledby="appeal-answer-title">
          <h2 id="appeal-answer-title">{t("answerTitle", { date: date(a.answeredAt) })}</h2>
          <p>
            <span className="badge" data-testid="appeal-outcome" data-outcome={a.outcome}>
              {t(`outcomes.${a.outcome === "none" ? "rejected" : a.outcome}`)}
            </span>
          </p>
          <blockquote data-testid="appeal-reasons" lang={answer.data?.language}>
            {answer.data ? answer.data.reasons : answer.isPending ? t("reading") : t("textMissing")}
          </blockquote>
          {a.remedy !== 0n ? (
            <p>
              {t("remedy")} <a href={`/documents/${hex32(a.remedy)}`} data-testid="appeal-remedy">{hex32(a.remedy).slice(0, 12)}…</a>
            </p>
          ) : null}
        </section>
      ) : null}
      {isPending(a.state) ? <FilerPanel id={id} filer={a.filer} /> : null}
      {isPending(a.state) && a.respondent !== 0 ? <AnswerPanel id={id} respondent={a.respondent} /> : null}
      {isPending(a.state) && a.respondent === 0 ? <p className="hint">{t("councilAnswers")}</p> : null}
    </>
  );
}


/** The answer form, for a registrar of the responding agency only. */
function AnswerPanel({ id, respondent }: { id: bigint; respondent: number }) {
  const t = useTranslations("appeals");
  const { address } = useConnection();
  const agencies = useAgencies(address);
  const [outcome, setOutcome] = useState<AppealVerdict>("rejected");
  const [reasons, setReasons] = useState("");
  const { state, answer } = useAnswerAppeal();
  const locale = useLocale();
  const language = APPEAL_LANGUAGES.find((l) => l === locale) ?? "ru";
  if (!agencies.data?.some((g) => g.id === respondent && g.registrar)) return null;
  return (
    <form
      className="form card"
      data-testid="appeal-answer-form"
      aria-labelledby="appeal-answer-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void answer(id, outcome, language, reasons);
      }}
    >
      <h2 id="appeal-answer-form-title">{t("answerFormTitle")}</h2>
      <label htmlFor="appeal-outcome">{t("outcome")}</label>
      <select id="appeal-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as AppealVerdict)}>
        {APPEAL_VERDICTS.map((o) => (
          <option key={o} value={o}>
            {t(`outcomes.${o}`)}
          </option>
        ))}
      </select>
      <label htmlFor="appeal-reasons-input">{t("reasons")}</label>
      <textarea id="appeal-reasons-input" rows={6} maxLength={10_000} value={reasons} onChange={(e) => setReasons(e.target.value)} />
      <button type="submit" className="button" disabled={isTxBusy(state) || reasons.trim().length < 20}>
        {t("sendAnswer")}
      </button>
      <TxStatus state={state} />
    </form>
  );
}
