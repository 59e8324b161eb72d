"use client";
/**
 * The inputs of a registrar's forms: an agency document's metadata (type, number, titles in three languages, dates),
 * shared by issue and amend, and the public reason of an amendment or revocation.
 */
import { useTranslations } from "next-intl";
import { type ReactNode, useId } from "react";

import { MAX_REASON_BYTES } from "@/utils/document-form";
import { AGENCY_DOC_TYPES } from "@/utils/format";

/** The form's text values (dates as yyyy-mm-dd, "" when empty). */
export interface MetadataValues {
  type: string;
  number: string;
  titleKk: string;
  titleRu: string;
  titleEn: string;
  adopted: string;
  effective: string;
}

export const EMPTY_METADATA: MetadataValues = { type: "order", number: "", titleKk: "", titleRu: "", titleEn: "", adopted: "", effective: "" };

/** A labelled input with its problem announced and linked (aria-describedby). */
export function Field({ name, label, problem, children }: { name: string; label: string; problem: string | undefined; children: (id: string, describedBy: string | undefined) => ReactNode }) {
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

export function MetadataInputs({
  values,
  onChange,
  problem,
  showType = true,
}: {
  values: MetadataValues;
  onChange: (values: MetadataValues) => void;
  problem: (key: keyof MetadataValues) => string | undefined;
  /** False when the type is fixed (an amendment keeps the old document's type). */
  showType?: boolean;
}) {
  const t = useTranslations("registrar");
  const types = useTranslations("docTypes");
  const set = (key: keyof MetadataValues) => (e: { target: { value: string } }) => onChange({ ...values, [key]: e.target.value });
  return (
    <>
      {showType ? (
        <Field name="type" label={t("type")} problem={problem("type")}>
          {(id) => (
            <select id={id} value={values.type} onChange={set("type")}>
              {AGENCY_DOC_TYPES.map((type) => (
                <option key={type} value={type}>
                  {types(type)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field name="number" label={t("number")} problem={problem("number")}>
        {(id, d) => <input id={id} value={values.number} onChange={set("number")} aria-invalid={Boolean(d)} aria-describedby={d} />}
      </Field>
      {(["titleKk", "titleRu", "titleEn"] as const).map((key) => (
        <Field key={key} name={key} label={t(key)} problem={problem(key)}>
          {(id, d) => <input id={id} value={values[key]} onChange={set(key)} aria-invalid={Boolean(d)} aria-describedby={d} lang={key.slice(5).toLowerCase()} />}
        </Field>
      ))}
      <div className="row">
        <Field name="adopted" label={t("adopted")} problem={problem("adopted")}>
          {(id, d) => <input id={id} type="date" value={values.adopted} onChange={set("adopted")} aria-invalid={Boolean(d)} aria-describedby={d} />}
        </Field>
        <Field name="effective" label={t("effective")} problem={problem("effective")}>
          {(id, d) => <input id={id} type="date" value={values.effective} onChange={set("effective")} aria-invalid={Boolean(d)} aria-describedby={d} />}
        </Field>
      </div>
    </>
  );
}

/** A reason textarea with a byte counter (the limit is in UTF-8 bytes, not letters). */
export function ReasonInput({ id, value, onChange, describedBy }: { id: string; value: string; onChange: (value: string) => void; describedBy: string | undefined }) {
  const t = useTranslations("amend");
  const bytes = new TextEncoder().encode(value.trim()).length;
  return (
    <>
      <textarea
        id={id}
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(describedBy)}
        aria-describedby={[describedBy, `${id}-count`].filter(Boolean).join(" ")}
        required
      />
      <p className={`hint${bytes > MAX_REASON_BYTES ? " error-text" : ""}`} id={`${id}-count`}>
        {t("reasonBytes", { bytes, max: MAX_REASON_BYTES })}
      </p>
    </>
  );
}
