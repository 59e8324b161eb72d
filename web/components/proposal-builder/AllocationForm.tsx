"use client";
/**
 * Action form: allocate budget to a recipient in milestones (BudgetEscrow.createAllocation), citing an Active
 * budget document. Amounts are typed in whole tokens and converted with the token's decimals; the total is their
 * sum; the milestone texts are stored and only their sha-256 goes on chain, as `propose allocation` does.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { Address, Hex } from "viem";

import { useRuntime } from "@/components/Providers";
import { Field, useProblemText } from "@/components/proposal-builder/Field";
import type { EscrowToken } from "@/hooks/useEscrowTokens";
import { type FormProblems, type ProposalCall, allocationFormSchema, checkForm, createAllocationCall, isoDay } from "@/utils/proposal-actions";
import { ContentStoreError, storeMilestoneDescriptions } from "@/utils/proposal-content";

/** An Active budget document the allocation may cite (listed by the public API). */
export interface BudgetOption {
  id: Hex;
  label: string;
}

interface MilestoneFields {
  key: number;
  amount: string;
  due: string;
  description: string;
}

export function AllocationForm({
  onAdd,
  budgets,
  tokens,
  symbolOf,
}: {
  onAdd: (call: ProposalCall) => void;
  budgets: readonly BudgetOption[];
  tokens: readonly EscrowToken[];
  symbolOf: (token: Address) => string;
}) {
  const t = useTranslations("builder");
  const problem = useProblemText();
  const { addresses } = useRuntime();
  const [recipient, setRecipient] = useState("");
  const [budget, setBudget] = useState(budgets[0]?.id ?? "");
  const [token, setToken] = useState<string>(tokens[0]?.address ?? "");
  const [milestones, setMilestones] = useState<MilestoneFields[]>([{ key: 0, amount: "", due: "", description: "" }]);
  const [problems, setProblems] = useState<FormProblems>({});
  const [busy, setBusy] = useState(false);
  const chosen = tokens.find((x) => x.address === token) ?? tokens[0];
  const setMilestone = (key: number, field: "amount" | "due" | "description", value: string) =>
    setMilestones((list) => list.map((m) => (m.key === key ? { ...m, [field]: value } : m)));

  return (
    <form
      className="form builder-action-form"
      noValidate
      aria-label={t("kinds.createAllocation")}
      aria-busy={busy}
      onSubmit={async (e) => {
        e.preventDefault();
        if (!chosen) return;
        const schema = allocationFormSchema(chosen.decimals, isoDay(new Date()));
        const checked = checkForm(schema, { recipient, token: chosen.address, budgetDocumentId: budget, milestones });
        if (!checked.ok) return setProblems(checked.problems);
        setProblems({});
        setBusy(true);
        try {
          const hashes = await storeMilestoneDescriptions(checked.value.milestones.map((m) => m.description));
          onAdd(createAllocationCall(addresses, checked.value, chosen.decimals, hashes));
          setRecipient("");
          setMilestones([{ key: 0, amount: "", due: "", description: "" }]);
        } catch (error) {
          setProblems({ form: error instanceof ContentStoreError ? error.code : "storeFailed" });
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field label={t("fields.recipient")} problem={problem(problems.recipient)}>
        {({ props }) => <input {...props} value={recipient} onChange={(e) => setRecipient(e.target.value)} autoComplete="off" spellCheck={false} placeholder="0x…" />}
      </Field>
      <div className="row">
        <Field label={t("fields.budget")} problem={problem(problems.budgetDocumentId)} {...(budgets.length === 0 ? { hint: t("fields.budgetHint") } : {})}>
          {({ props }) =>
            budgets.length > 0 ? (
              <select {...props} value={budget} onChange={(e) => setBudget(e.target.value)}>
                {budgets.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.label}
                  </option>
                ))}
              </select>
            ) : (
              <input {...props} value={budget} onChange={(e) => setBudget(e.target.value)} spellCheck={false} placeholder="0x…" className="mono" />
            )
          }
        </Field>
        <Field label={t("fields.token")} problem={problem(problems.token)}>
          {({ props }) => (
            <select {...props} value={chosen?.address ?? ""} onChange={(e) => setToken(e.target.value)}>
              {tokens.map((x) => (
                <option key={x.address} value={x.address}>
                  {symbolOf(x.address)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="milestones">
        <legend>{t("fields.milestones")}</legend>
        {problems.milestones ? <p className="error-text">{problem(problems.milestones)}</p> : null}
        <ol>
          {milestones.map((m, i) => (
            <li key={m.key} className="milestone-fields">
              <div className="row">
                <Field label={t("fields.amount", { n: i + 1, symbol: chosen ? symbolOf(chosen.address) : "" })} problem={problem(problems[`milestones.${i}.amount`])}>
                  {({ props }) => <input {...props} inputMode="decimal" value={m.amount} onChange={(e) => setMilestone(m.key, "amount", e.target.value)} />}
                </Field>
                <Field label={t("fields.due", { n: i + 1 })} problem={problem(problems[`milestones.${i}.due`])}>
                  {({ props }) => <input {...props} type="date" value={m.due} onChange={(e) => setMilestone(m.key, "due", e.target.value)} />}
                </Field>
              </div>
              <Field label={t("fields.description", { n: i + 1 })} problem={problem(problems[`milestones.${i}.description`])}>
                {({ props }) => <input {...props} value={m.description} onChange={(e) => setMilestone(m.key, "description", e.target.value)} />}
              </Field>
              {milestones.length > 1 ? (
                <button type="button" className="link-button" onClick={() => setMilestones((list) => list.filter((x) => x.key !== m.key))}>
                  {t("removeMilestone", { n: i + 1 })}
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button secondary"
          onClick={() => setMilestones((list) => [...list, { key: Math.max(...list.map((x) => x.key)) + 1, amount: "", due: "", description: "" }])}
        >
          {t("addMilestone")}
        </button>
      </fieldset>
      {problems.form ? (
        <p className="error-text" role="alert">
          {problem(problems.form)}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={busy || !chosen}>
        {busy ? t("storing") : t("addAction")}
      </button>
    </form>
  );
}
