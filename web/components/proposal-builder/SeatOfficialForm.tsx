"use client";
/** Action form: seat an official in an active agency at a position (OfficialSeats.issue). */
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useRuntime } from "@/components/Providers";
import { Field, useProblemText } from "@/components/proposal-builder/Field";
import { useAgencies } from "@/hooks/useAgencies";
import { type FormProblems, POSITIONS, type ProposalCall, checkForm, seatFormSchema, seatOfficialCall } from "@/utils/proposal-actions";

export function SeatOfficialForm({ onAdd }: { onAdd: (call: ProposalCall) => void }) {
  const t = useTranslations("builder");
  const positions = useTranslations("council.positions");
  const problem = useProblemText();
  const { addresses } = useRuntime();
  const agencies = useAgencies(undefined);
  const active = (agencies.data ?? []).filter((a) => a.active);
  const [official, setOfficial] = useState("");
  const [agency, setAgency] = useState("");
  const [position, setPosition] = useState("1");
  const [problems, setProblems] = useState<FormProblems>({});

  return (
    <form
      className="form builder-action-form"
      noValidate
      aria-label={t("kinds.seatOfficial")}
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkForm(seatFormSchema, { official, agencyId: agency ? Number(agency) : undefined, position });
        if (!checked.ok) return setProblems(checked.problems);
        setProblems({});
        onAdd(seatOfficialCall(addresses, checked.value));
        setOfficial("");
      }}
    >
      <Field label={t("fields.official")} problem={problem(problems.official)}>
        {({ props }) => <input {...props} value={official} onChange={(e) => setOfficial(e.target.value)} autoComplete="off" spellCheck={false} placeholder="0x…" />}
      </Field>
      <div className="row">
        <Field label={t("fields.agency")} problem={problem(problems.agencyId)}>
          {({ props }) => (
            <select {...props} value={agency} onChange={(e) => setAgency(e.target.value)}>
              <option value="">{agencies.isLoading ? t("loading") : t("fields.choose")}</option>
              {active.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("fields.position")} problem={problem(problems.position)}>
          {({ props }) => (
            <select {...props} value={position} onChange={(e) => setPosition(e.target.value)}>
              {POSITIONS.map((p) => (
                <option key={p} value={p}>
                  {positions(String(p) as "1" | "2" | "3")}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button type="submit" className="button">
        {t("addAction")}
      </button>
    </form>
  );
}
