"use client";
/** Action form: release a milestone of an allocation to its recipient (BudgetEscrow.releaseMilestone). */
import { useTranslations } from "next-intl";
import { useState } from "react";
import { type Address, formatUnits } from "viem";

import { milestoneNumber } from "@government-dao/core/enums";
import { useRuntime } from "@/components/Providers";
import { Field, useProblemText } from "@/components/proposal-builder/Field";
import { useChainDate } from "@/hooks/useChainDate";
import { type FormProblems, type ProposalCall, checkForm, releaseFormSchema, releaseMilestoneCall } from "@/utils/proposal-actions";

/** A pending milestone of an open allocation (listed by the public API). */
export interface PendingMilestone {
  allocationId: string;
  index: number;
  amount: string;
  token: Address;
  deadline: string;
}

export function ReleaseMilestoneForm({
  onAdd,
  pending,
  decimalsOf,
  symbolOf,
}: {
  onAdd: (call: ProposalCall) => void;
  pending: readonly PendingMilestone[];
  decimalsOf: (token: Address) => number;
  symbolOf: (token: Address) => string;
}) {
  const t = useTranslations("builder");
  const date = useChainDate();
  const problem = useProblemText();
  const { addresses } = useRuntime();
  const [fields, setFields] = useState({ allocationId: "", milestone: "" });
  const [problems, setProblems] = useState<FormProblems>({});
  const picked = pending.find((p) => p.allocationId === fields.allocationId && milestoneNumber(p.index) === fields.milestone);

  return (
    <form
      className="form builder-action-form"
      noValidate
      aria-label={t("kinds.releaseMilestone")}
      onSubmit={(e) => {
        e.preventDefault();
        const checked = checkForm(releaseFormSchema, fields);
        if (!checked.ok) return setProblems(checked.problems);
        setProblems({});
        onAdd(releaseMilestoneCall(addresses, checked.value));
        setFields({ allocationId: "", milestone: "" });
      }}
    >
      {pending.length > 0 ? (
        <Field label={t("fields.pendingMilestone")}>
          {({ props }) => (
            <select
              {...props}
              value={picked ? `${picked.allocationId}:${picked.index}` : ""}
              onChange={(e) => {
                const [allocationId = "", index = ""] = e.target.value.split(":");
                setFields({ allocationId, milestone: index === "" ? "" : milestoneNumber(index) });
              }}
            >
              <option value="">{t("fields.choose")}</option>
              {pending.map((p) => (
                <option key={`${p.allocationId}:${p.index}`} value={`${p.allocationId}:${p.index}`}>
                  {t("pendingOption", {
                    allocation: p.allocationId,
                    milestone: milestoneNumber(p.index),
                    amount: `${formatUnits(BigInt(p.amount), decimalsOf(p.token))} ${symbolOf(p.token)}`,
                    due: date(p.deadline),
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <div className="row">
        <Field label={t("fields.allocationId")} problem={problem(problems.allocationId)}>
          {({ props }) => <input {...props} inputMode="numeric" value={fields.allocationId} onChange={(e) => setFields({ ...fields, allocationId: e.target.value })} />}
        </Field>
        <Field label={t("fields.milestone")} problem={problem(problems.milestone)}>
          {({ props }) => <input {...props} inputMode="numeric" value={fields.milestone} onChange={(e) => setFields({ ...fields, milestone: e.target.value })} />}
        </Field>
      </div>
      <button type="submit" className="button">
        {t("addAction")}
      </button>
    </form>
  );
}
