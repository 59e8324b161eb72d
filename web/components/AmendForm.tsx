"use client";
/** A new version of a document: the new file, its metadata (prefilled from the old version) and why it is amended. */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";

import type { ActionableDocument } from "@/components/DocumentActions";
import { EMPTY_METADATA, Field, MetadataInputs, type MetadataValues, ReasonInput } from "@/components/DocumentFields";
import { FileDrop, type HashedFile } from "@/components/FileDrop";
import { TxStatus } from "@/components/TxStatus";
import { useAmendDocument } from "@/hooks/useAmendRevoke";
import { type FormProblems, checkAmendForm } from "@/utils/document-form";
import { isTxBusy } from "@/utils/tx-state";

export function AmendForm({ doc, prefill }: { doc: ActionableDocument; prefill: MetadataValues | undefined }) {
  const t = useTranslations("amend");
  const r = useTranslations("registrar");
  const problemText = useTranslations("registrar.problems");
  const [file, setFile] = useState<HashedFile>();
  const [fields, setFields] = useState<MetadataValues>(prefill ?? { ...EMPTY_METADATA, type: doc.docType });
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<FormProblems>({});
  const { state, amend } = useAmendDocument();
  const busy = isTxBusy(state);
  const problem = (key: keyof FormProblems) => {
    const code = problems[key];
    return code ? problemText(code as "required") : undefined;
  };
  return (
    <form
      id="amend-form"
      className="form amend-form"
      noValidate
      aria-labelledby="amend-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkAmendForm({ ...fields, type: doc.docType, contentHash: file?.hash, agencyId: doc.agencyId, effective: fields.effective || undefined, reason });
        if (!checked.ok) {
          setProblems(checked.problems);
          return;
        }
        setProblems({});
        void amend(doc.id, checked.value, { type: file?.type ?? "", size: file?.size ?? 0 });
      }}
    >
      <h3 id="amend-form-title">{t("amendTitle")}</h3>
      <p className="hint">
        {t("amends")} <code>{doc.id}</code>
      </p>
      <FileDrop label={t("newFile")} hint={r("fileHint")} onHashed={setFile} />
      {file ? (
        <p className="hash">
          {r("contentHash")} <code data-testid="amend-content-hash">{file.hash}</code>
        </p>
      ) : null}
      {problems.contentHash ? <p className="error-text">{problem("contentHash")}</p> : null}
      {prefill ? null : (
        <p className="hint" data-testid="no-prefill">
          {t("noPrefill")}
        </p>
      )}
      <MetadataInputs values={fields} onChange={setFields} problem={problem} showType={false} />
      <Field name="amend-reason" label={t("amendReason")} problem={problem("reason")}>
        {(id, d) => <ReasonInput id={id} value={reason} onChange={setReason} describedBy={d} />}
      </Field>
      <button type="submit" className="button" disabled={busy}>
        {t("submitAmend")}
      </button>
      <TxStatus state={state} />
      {state.status === "confirmed" && file ? (
        <p data-testid="amended-link">
          <Link href={`/documents/${file.hash}`}>{t("openNew")}</Link> <span className="hint">{t("indexing")}</span>
        </p>
      ) : null}
    </form>
  );
}
