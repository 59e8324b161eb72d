"use client";
/** Revoking a document: the public reason is required (1 to 1,024 bytes, as DocumentRegistry demands). */
import { useTranslations } from "next-intl";
import { useState } from "react";

import type { ActionableDocument } from "@/components/DocumentActions";
import { Field, ReasonInput } from "@/components/DocumentFields";
import { TxStatus } from "@/components/TxStatus";
import { useRevokeDocument } from "@/hooks/useAmendRevoke";
import { checkReason } from "@/utils/document-form";
import { isTxBusy } from "@/utils/tx-state";

export function RevokeForm({ doc }: { doc: ActionableDocument }) {
  const t = useTranslations("amend");
  const problemText = useTranslations("registrar.problems");
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<string>();
  const { state, revoke } = useRevokeDocument();
  const busy = isTxBusy(state);
  return (
    <form
      id="revoke-form"
      className="form revoke-form"
      noValidate
      aria-labelledby="revoke-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkReason(reason);
        if (!checked.ok) {
          setProblem(checked.problem);
          return;
        }
        setProblem(undefined);
        void revoke(doc.id, checked.value);
      }}
    >
      <h3 id="revoke-form-title">{t("revokeTitle")}</h3>
      <p className="hint">{t("revokeIntro")}</p>
      <Field name="revoke-reason" label={t("revokeReason")} problem={problem ? problemText(problem as "required") : undefined}>
        {(id, d) => <ReasonInput id={id} value={reason} onChange={setReason} describedBy={d} />}
      </Field>
      <button type="submit" className="button danger" disabled={busy}>
        {t("submitRevoke")}
      </button>
      <TxStatus state={state} />
      {state.status === "confirmed" ? <p className="hint">{t("indexing")}</p> : null}
    </form>
  );
}
