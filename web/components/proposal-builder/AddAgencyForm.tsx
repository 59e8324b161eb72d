"use client";
/**
 * Action form: register an agency (AgencyRegistry.addAgency) with its id, public name, the sha-256 of its ML-DSA-65
 * public key (typed, or computed in the browser from the dropped key file) and its registrars — as `propose
 * add-agency` takes them.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";

import { FileDrop } from "@/components/FileDrop";
import { useRuntime } from "@/components/Providers";
import { Field, useProblemText } from "@/components/proposal-builder/Field";
import { type FormProblems, type ProposalCall, addAgencyCall, agencyFormSchema, checkForm } from "@/utils/proposal-actions";

export function AddAgencyForm({ onAdd }: { onAdd: (call: ProposalCall) => void }) {
  const t = useTranslations("builder");
  const problem = useProblemText();
  const { addresses } = useRuntime();
  const [fields, setFields] = useState({ id: "", name: "", keyHash: "", registrars: "" });
  const [problems, setProblems] = useState<FormProblems>({});
  const set = (key: keyof typeof fields) => (e: { target: { value: string } }) => setFields({ ...fields, [key]: e.target.value });

  return (
    <form
      className="form builder-action-form"
      noValidate
      aria-label={t("kinds.addAgency")}
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkForm(agencyFormSchema, fields);
        if (!checked.ok) return setProblems(checked.problems);
        setProblems({});
        onAdd(addAgencyCall(addresses, checked.value));
        setFields({ id: "", name: "", keyHash: "", registrars: "" });
      }}
    >
      <div className="row">
        <Field label={t("fields.agencyId")} problem={problem(problems.id)}>
          {({ props }) => <input {...props} inputMode="numeric" value={fields.id} onChange={set("id")} />}
        </Field>
        <Field label={t("fields.agencyName")} problem={problem(problems.name)}>
          {({ props }) => <input {...props} value={fields.name} onChange={set("name")} />}
        </Field>
      </div>
      <FileDrop
        label={t("fields.publicKeyFile")}
        hint={t("fields.publicKeyHint")}
        onHashed={(file) => setFields((f) => ({ ...f, keyHash: file?.hash ?? "" }))}
      />
      <Field label={t("fields.keyHash")} problem={problem(problems.keyHash)}>
        {({ props }) => <input {...props} value={fields.keyHash} onChange={set("keyHash")} spellCheck={false} placeholder="0x…" className="mono" />}
      </Field>
      <Field label={t("fields.registrars")} hint={t("fields.registrarsHint")} problem={problem(problems.registrars ?? problems[Object.keys(problems).find((k) => k.startsWith("registrars.")) ?? ""])}>
        {({ props }) => <textarea {...props} rows={2} value={fields.registrars} onChange={set("registrars")} spellCheck={false} />}
      </Field>
      <button type="submit" className="button">
        {t("addAction")}
      </button>
    </form>
  );
}
