"use client";
/** A labelled form field with its translated problem, tied to the control by aria-describedby. */
import { useTranslations } from "next-intl";
import { type ReactNode, useId } from "react";

import type en from "@/messages/en.json";

export type ProblemKey = keyof (typeof en)["builder"]["problems"];

/** The translated text of a problem code from the zod schemas (an unknown code reads as "invalid"). */
export function useProblemText(): (code: string | undefined) => string | undefined {
  const t = useTranslations("builder.problems");
  return (code) => (code === undefined ? undefined : t.has(code as ProblemKey) ? t(code as ProblemKey) : t("invalid"));
}

export interface FieldControl {
  id: string;
  /** Props for the control: its id and, when there is a problem, aria-invalid and aria-describedby. */
  props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string };
}

export function Field({ label, problem, hint, children }: { label: string; problem?: string | undefined; hint?: string; children: (control: FieldControl) => ReactNode }) {
  const id = useId();
  const problemId = `${id}-problem`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : undefined, problem ? problemId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, props: { id, ...(problem ? { "aria-invalid": true as const } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) } })}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p className="error-text" id={problemId}>
          {problem}
        </p>
      ) : null}
    </div>
  );
}
