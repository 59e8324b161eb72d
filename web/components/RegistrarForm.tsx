"use client";
/**
 * A registrar issues an order, certificate or notice of their agency by dropping the file and describing it; once
 * registered, the registrar is taken to the new document's public page.
 */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useConnection } from "wagmi";

import { EMPTY_METADATA, Field, MetadataInputs, type MetadataValues } from "@/components/DocumentFields";
import { FileDrop, type HashedFile } from "@/components/FileDrop";
import { TxStatus } from "@/components/TxStatus";
import { useAgencies } from "@/hooks/useAgencies";
import { useIssueDocument } from "@/hooks/useIssueDocument";
import { useOpenWhenPublished } from "@/hooks/useOpenWhenPublished";
import { type FormProblems, checkDocumentForm } from "@/utils/document-form";
import { isTxBusy } from "@/utils/tx-state";

export function RegistrarForm() {
  const t = useTranslations("registrar");
  const problemText = useTranslations("registrar.problems");
  const { address } = useConnection();
  const agencies = useAgencies(address);
  const own = (agencies.data ?? []).filter((a) => a.registrar);
  const [agencyId, setAgencyId] = useState<number>();
  const [file, setFile] = useState<HashedFile>();
  const [fields, setFields] = useState<MetadataValues>(EMPTY_METADATA);
  const [problems, setProblems] = useState<FormProblems>({});
  const { state, issue } = useIssueDocument();
  const busy = isTxBusy(state);
  useOpenWhenPublished(state.status === "confirmed" ? file?.hash : undefined);
  const chosenAgency = agencyId ?? own[0]?.id;
  const problem = (key: keyof FormProblems) => {
    const code = problems[key];
    return code ? problemText(code as "required") : undefined;
  };

  if (!address) return <p className="card">{t("connectPrompt")}</p>;
  if (agencies.isLoading) return <p>{t("loading")}</p>;
  if (own.length === 0) {
    return (
      <p className="card" data-testid="not-registrar">
        {t("notRegistrar")}
      </p>
    );
  }

  return (
    <form
      className="card form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkDocumentForm({
          ...fields,
          contentHash: file?.hash,
          agencyId: chosenAgency,
          effective: fields.effective || undefined,
        });
        if (!checked.ok) {
          setProblems(checked.problems);
          return;
        }
        setProblems({});
        void issue(checked.value, { type: file?.type ?? "", size: file?.size ?? 0 });
      }}
    >
      <FileDrop
        label={t("file")}
        hint={t("fileHint")}
        onHashed={setFile}
      />
      {file ? (
        <p className="hash">
          {t("contentHash")} <code data-testid="content-hash">{file.hash}</code>
        </p>
      ) : null}
      {problems.contentHash ? <p className="error-text">{problem("contentHash")}</p> : null}

      <Field name="agency" label={t("agency")} problem={problem("agencyId")}>
        {(id) => (
          <select id={id} value={chosenAgency} onChange={(e) => setAgencyId(Number(e.target.value))}>
            {own.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <MetadataInputs values={fields} onChange={setFields} problem={problem} />
      <button type="submit" className="button" disabled={busy}>
        {t("submit")}
      </button>
      <TxStatus state={state} />
      {state.status === "confirmed" && file ? (
        <p data-testid="issued-link">
          <Link href={`/documents/${file.hash}`}>{t("openIssued")}</Link> <span className="hint">{t("opening")}</span>
        </p>
      ) : null}
    </form>
  );
}
