"use client";
/**
 * Action form: mint a decree, law or budget of the central government (DocumentRegistry.issue by the Timelock,
 * agency 0). The file is hashed in the browser and never uploaded; the metadata is co-signed with the Office of the
 * Government's key and stored (/api/metadata/decree) when the action is added, as `propose mint-decree` does.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";

import { FileDrop, type HashedFile } from "@/components/FileDrop";
import { useRuntime } from "@/components/Providers";
import { Field, useProblemText } from "@/components/proposal-builder/Field";
import { ENACTED_DOC_TYPES, type FormProblems, type ProposalCall, checkForm, decreeFormSchema, issueDocumentCall } from "@/utils/proposal-actions";
import { ContentStoreError, storeDecreeMetadata } from "@/utils/proposal-content";

const EMPTY = { type: "decree", number: "", titleKk: "", titleRu: "", titleEn: "", adopted: "", effective: "" };

export function MintDecreeForm({ onAdd }: { onAdd: (call: ProposalCall) => void }) {
  const t = useTranslations("builder");
  const types = useTranslations("docTypes");
  const problem = useProblemText();
  const { addresses } = useRuntime();
  const [file, setFile] = useState<HashedFile>();
  const [fields, setFields] = useState(EMPTY);
  const [problems, setProblems] = useState<FormProblems>({});
  const [busy, setBusy] = useState(false);
  /** Changed after an action is added, so the file input starts empty again. */
  const [generation, setGeneration] = useState(0);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value });

  return (
    <form
      className="form builder-action-form"
      noValidate
      aria-label={t("kinds.mintDecree")}
      aria-busy={busy}
      onSubmit={async (e) => {
        e.preventDefault();
        const checked = checkForm(decreeFormSchema, { ...fields, contentHash: file?.hash, effective: fields.effective || undefined });
        if (!checked.ok) return setProblems(checked.problems);
        setProblems({});
        setBusy(true);
        try {
          const stored = await storeDecreeMetadata(checked.value, { type: file?.type ?? "", size: file?.size ?? 0 });
          onAdd(issueDocumentCall(addresses, { type: checked.value.type, contentHash: checked.value.contentHash, ...stored }));
          setFields(EMPTY);
          setFile(undefined);
          setGeneration((g) => g + 1);
        } catch (error) {
          setProblems({ form: error instanceof ContentStoreError ? error.code : "storeFailed" });
        } finally {
          setBusy(false);
        }
      }}
    >
      <FileDrop key={generation} label={t("fields.file")} hint={t("fields.fileHint")} onHashed={setFile} />
      {file ? (
        <p className="hash">
          {t("fields.contentHash")} <code data-testid="decree-hash">{file.hash}</code>
        </p>
      ) : null}
      {problems.contentHash ? <p className="error-text">{problem(problems.contentHash)}</p> : null}
      <div className="row">
        <Field label={t("fields.docType")} problem={problem(problems.type)}>
          {({ props }) => (
            <select {...props} value={fields.type} onChange={set("type")}>
              {ENACTED_DOC_TYPES.map((type) => (
                <option key={type} value={type}>
                  {types(type)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("fields.number")} problem={problem(problems.number)}>
          {({ props }) => <input {...props} value={fields.number} onChange={set("number")} />}
        </Field>
      </div>
      {(["titleKk", "titleRu", "titleEn"] as const).map((key) => (
        <Field key={key} label={t(`fields.${key}`)} problem={problem(problems[key])}>
          {({ props }) => <input {...props} value={fields[key]} onChange={set(key)} lang={key.slice(5).toLowerCase()} />}
        </Field>
      ))}
      <div className="row">
        <Field label={t("fields.adopted")} problem={problem(problems.adopted)}>
          {({ props }) => <input {...props} type="date" value={fields.adopted} onChange={set("adopted")} />}
        </Field>
        <Field label={t("fields.effective")} problem={problem(problems.effective)}>
          {({ props }) => <input {...props} type="date" value={fields.effective} onChange={set("effective")} />}
        </Field>
      </div>
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
