"use client";
/**
 * Action form: the council's reasoned answer to an appeal against a central act or a proposal (Appeals.answer,
 * executed by the Timelock). The reasons are validated with core's schema (no personal data), stored in the
 * content store (POST /api/appeal-texts), and the action carries their sha-256.
 */
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { Hex } from "viem";

import { APPEAL_LANGUAGES, APPEAL_VERDICTS, type AppealVerdict, appealAnswerSchema } from "@government-dao/core/appeals";
import { useRuntime } from "@/components/Providers";
import { Field, useProblemText } from "@/components/proposal-builder/Field";
import { type ProposalCall, answerAppealCall } from "@/utils/proposal-actions";

/** A pending appeal the council must answer (listed by the public API). */
export interface CouncilAppeal {
  id: string;
  kind: "DOCUMENT" | "PROPOSAL";
  dueAt: string;
}

export function AnswerAppealForm({ onAdd, appeals }: { onAdd: (call: ProposalCall) => void; appeals: readonly CouncilAppeal[] }) {
  const t = useTranslations("builder");
  const ta = useTranslations("appeals");
  const problem = useProblemText();
  const locale = useLocale();
  const { addresses } = useRuntime();
  const [appealId, setAppealId] = useState("");
  const [outcome, setOutcome] = useState<AppealVerdict>("rejected");
  const [reasons, setReasons] = useState("");
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  return (
    <form
      className="form builder-action-form"
      noValidate
      aria-label={t("kinds.answerAppeal")}
      aria-busy={busy}
      onSubmit={async (e) => {
        e.preventDefault();
        const language = APPEAL_LANGUAGES.find((l) => l === locale) ?? "ru";
        const answer = appealAnswerSchema.safeParse({ schema: "government-dao/appeal-answer@1", language, outcome, reasons });
        const found: Record<string, string> = {};
        if (!/^\d{1,20}$/.test(appealId) || appealId === "0") found.appealId = "invalidNumber";
        if (!answer.success) found.reasons = answer.error.issues.some((i) => /personal data/.test(i.message)) ? "personalData" : "required";
        if (Object.keys(found).length > 0 || !answer.success) return setProblems(found);
        setProblems({});
        setBusy(true);
        try {
          const response = await fetch("/api/appeal-texts", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(answer.data) });
          const stored = (await response.json().catch(() => ({}))) as { digest?: Hex };
          if (!response.ok || !stored.digest) throw new Error("store");
          onAdd(answerAppealCall(addresses, { appealId: BigInt(appealId), outcome, answerDigest: stored.digest }));
          setAppealId("");
          setReasons("");
        } catch {
          setProblems({ form: "storeFailed" });
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field label={t("fields.appeal")} problem={problem(problems.appealId)}>
        {({ props }) =>
          appeals.length > 0 ? (
            <select {...props} value={appealId} onChange={(e) => setAppealId(e.target.value)}>
              <option value="">{t("fields.choose")}</option>
              {appeals.map((a) => (
                <option key={a.id} value={a.id}>
                  {ta("title", { id: a.id })} — {a.kind === "DOCUMENT" ? ta("subjectDocument") : ta("subjectProposal", { id: "" }).trim()}
                </option>
              ))}
            </select>
          ) : (
            <input {...props} inputMode="numeric" value={appealId} onChange={(e) => setAppealId(e.target.value)} />
          )
        }
      </Field>
      <Field label={ta("outcome")}>
        {({ props }) => (
          <select {...props} value={outcome} onChange={(e) => setOutcome(e.target.value as AppealVerdict)}>
            {APPEAL_VERDICTS.map((o) => (
              <option key={o} value={o}>
                {ta(`outcomes.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={ta("reasons")} problem={problem(problems.reasons)}>
        {({ props }) => <textarea {...props} rows={5} maxLength={10_000} value={reasons} onChange={(e) => setReasons(e.target.value)} />}
      </Field>
      {problems.form ? (
        <p className="error-text" role="alert">
          {problem(problems.form)}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy}>
        {busy ? t("storing") : t("addAction")}
      </button>
    </form>
  );
}
