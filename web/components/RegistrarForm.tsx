"use client";
/** A registrar issues an order, certificate or notice of their agency by dropping the file and describing it. */
import { useTranslations } from "next-intl";
import { type ReactNode, useId, useState } from "react";
import type { Hex } from "viem";
import { useConnection } from "wagmi";

import { FileDrop } from "@/components/FileDrop";
import { TxStatus } from "@/components/TxStatus";
import { useAgencies } from "@/hooks/useAgencies";
import { useIssueDocument } from "@/hooks/useIssueDocument";
import { type DocumentForm, type FormProblems, checkDocumentForm } from "@/utils/document-form";
import { AGENCY_DOC_TYPES } from "@/utils/format";
import { sha256File } from "@/utils/hash";

type Fields = Omit<DocumentForm, "contentHash" | "agencyId" | "effective" | "type"> & { type: string; effective: string };
const EMPTY: Fields = { type: "order", number: "", titleKk: "", titleRu: "", titleEn: "", adopted: "", effective: "" };

function Field({ name, label, problem, children }: { name: string; label: string; problem: string | undefined; children: (id: string, describedBy: string | undefined) => ReactNode }) {
  const id = `${useId()}-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, problem ? `${id}-problem` : undefined)}
      {problem ? (
        <p className="error-text" id={`${id}-problem`}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}

export function RegistrarForm() {
  const t = useTranslations("registrar");
  const problemText = useTranslations("registrar.problems");
  const types = useTranslations("docTypes");
  const { address } = useConnection();
  const agencies = useAgencies(address);
  const own = (agencies.data ?? []).filter((a) => a.registrar);
  const [agencyId, setAgencyId] = useState<number>();
  const [file, setFile] = useState<{ hash: Hex; type: string; size: number }>();
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [problems, setProblems] = useState<FormProblems>({});
  const { state, issue } = useIssueDocument();
  const busy = state.status === "wallet" || state.status === "pending";
  const chosenAgency = agencyId ?? own[0]?.id;
  const set = (key: keyof Fields) => (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value });
  const problem = (key: keyof DocumentForm) => {
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
        const agency = own.find((a) => a.id === checked.value.agencyId);
        void issue(checked.value, agency?.name ?? "", { type: file?.type ?? "", size: file?.size ?? 0 });
      }}
    >
      <FileDrop
        label={t("file")}
        hint={t("fileHint")}
        onFile={async (f) => setFile({ hash: await sha256File(f), type: f.type, size: f.size })}
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
      <Field name="type" label={t("type")} problem={problem("type")}>
        {(id) => (
          <select id={id} value={fields.type} onChange={set("type")}>
            {AGENCY_DOC_TYPES.map((type) => (
              <option key={type} value={type}>
                {types(type)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="number" label={t("number")} problem={problem("number")}>
        {(id, d) => <input id={id} value={fields.number} onChange={set("number")} aria-invalid={Boolean(d)} aria-describedby={d} />}
      </Field>
      {(["titleKk", "titleRu", "titleEn"] as const).map((key) => (
        <Field key={key} name={key} label={t(key)} problem={problem(key)}>
          {(id, d) => <input id={id} value={fields[key]} onChange={set(key)} aria-invalid={Boolean(d)} aria-describedby={d} lang={key.slice(5).toLowerCase()} />}
        </Field>
      ))}
      <div className="row">
        <Field name="adopted" label={t("adopted")} problem={problem("adopted")}>
          {(id, d) => <input id={id} type="date" value={fields.adopted} onChange={set("adopted")} aria-invalid={Boolean(d)} aria-describedby={d} />}
        </Field>
        <Field name="effective" label={t("effective")} problem={problem("effective")}>
          {(id, d) => <input id={id} type="date" value={fields.effective} onChange={set("effective")} aria-invalid={Boolean(d)} aria-describedby={d} />}
        </Field>
      </div>
      <button type="submit" className="button" disabled={busy}>
        {t("submit")}
      </button>
      <TxStatus state={state} />
    </form>
  );
}
