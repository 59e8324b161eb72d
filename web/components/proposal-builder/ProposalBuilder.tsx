"use client";
/**
 * The officials' proposal builder: title and rationale, actions from typed forms, the decoded actions as sentences,
 * a simulation of every action as the Timelock will run it and of `propose` from the connected account, then the
 * submission. Submit stays disabled until the simulation of exactly this proposal has passed.
 */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useConnection } from "wagmi";

import { TxStatus } from "@/components/TxStatus";
import { ActionPicker } from "@/components/proposal-builder/ActionPicker";
import { ActionSentence } from "@/components/proposal-builder/ActionSentence";
import type { BudgetOption } from "@/components/proposal-builder/AllocationForm";
import { ErrorText } from "@/components/ErrorText";
import { Field, useProblemText } from "@/components/proposal-builder/Field";
import type { CouncilAppeal } from "@/components/proposal-builder/AnswerAppealForm";
import type { PendingMilestone } from "@/components/proposal-builder/ReleaseMilestoneForm";
import { useRuntime } from "@/components/Providers";
import { useEscrowTokens } from "@/hooks/useEscrowTokens";
import { useSeat } from "@/hooks/useGovernance";
import { useProposalBuilder } from "@/hooks/useProposalBuilder";
import { type FormProblems, checkForm, decodeCall, proposalTextSchema } from "@/utils/proposal-actions";

export function ProposalBuilder({ budgets, pending, appeals }: { budgets: readonly BudgetOption[]; pending: readonly PendingMilestone[]; appeals: readonly CouncilAppeal[] }) {
  const t = useTranslations("builder");
  const problem = useProblemText();
  const { addresses } = useRuntime();
  const { address } = useConnection();
  const seat = useSeat(address);
  const { tokens, decimalsOf, symbolOf } = useEscrowTokens(t("nativeCoin"));
  const builder = useProposalBuilder(decimalsOf, symbolOf);
  const [problems, setProblems] = useState<FormProblems>({});
  const simulation = builder.simulation;
  const actionsPass = simulation?.actions.every((o) => o.ok) === true;

  if (!address) return <p className="card">{t("connectPrompt")}</p>;

  return (
    <div className="builder">
      {seat.data && seat.data.votes === 0n ? (
        <p className="card notice" role="note" data-testid="builder-not-official">
          {t("notOfficial")}
        </p>
      ) : null}

      <section aria-labelledby="builder-text" className="card form">
        <h2 id="builder-text">{t("textHeading")}</h2>
        <Field label={t("fields.title")} problem={problem(problems.title)}>
          {({ props }) => <input {...props} value={builder.title} onChange={(e) => builder.setTitle(e.target.value)} maxLength={200} />}
        </Field>
        <Field label={t("fields.rationale")} hint={t("fields.rationaleHint")} problem={problem(problems.rationale)}>
          {({ props }) => <textarea {...props} rows={4} value={builder.rationale} onChange={(e) => builder.setRationale(e.target.value)} />}
        </Field>
      </section>

      <ActionPicker onAdd={builder.addAction} budgets={budgets} pending={pending} appeals={appeals} tokens={tokens ?? []} decimalsOf={decimalsOf} symbolOf={symbolOf} />

      <section aria-labelledby="builder-actions" className="card">
        <h2 id="builder-actions">{t("actionsHeading", { count: builder.actions.length })}</h2>
        {builder.actions.length === 0 ? <p>{t("noActions")}</p> : null}
        <ol className="builder-actions" data-testid="builder-actions">
          {builder.actions.map((action, i) => {
            const outcome = simulation?.actions[i];
            return (
              <li key={action.key} data-outcome={outcome ? (outcome.ok ? "ok" : "failed") : "none"}>
                <p>
                  <ActionSentence decoded={decodeCall(addresses, action.call)} />
                </p>
                {outcome ? (
                  outcome.ok ? (
                    <p className="ok" data-testid="action-outcome">
                      {t("simulation.actionOk")}
                    </p>
                  ) : (
                    <p className="error-text" data-testid="action-outcome">
                      {t("simulation.actionFailed")} <ErrorText error={outcome.reason} />
                    </p>
                  )
                ) : null}
                <button type="button" className="link-button" onClick={() => builder.removeAction(action.key)} aria-label={t("removeAction", { n: i + 1 })}>
                  {t("remove")}
                </button>
              </li>
            );
          })}
        </ol>
      </section>

      <section aria-labelledby="builder-simulation" className="card">
        <h2 id="builder-simulation">{t("simulation.heading")}</h2>
        <p>{t("simulation.intro")}</p>
        <button
          type="button"
          className="button secondary"
          disabled={builder.actions.length === 0 || builder.simulating}
          onClick={() => {
            const checked = checkForm(proposalTextSchema, { title: builder.title, rationale: builder.rationale });
            if (!checked.ok) return setProblems(checked.problems);
            setProblems({});
            void builder.simulate();
          }}
        >
          {builder.simulating ? t("simulation.running") : t("simulation.run")}
        </button>
        <div role="status" aria-live="polite" data-testid="simulation" data-simulation={simulation ? (simulation.passed ? "passed" : "failed") : builder.stale ? "stale" : "none"}>
          {builder.stale ? <p>{t("simulation.stale")}</p> : null}
          {builder.simulationError ? (
            <p className="error-text">
              {t("simulation.unavailable")} <ErrorText error={builder.simulationError} />
            </p>
          ) : null}
          {simulation ? (
            <>
              <p className={actionsPass ? "ok" : "error-text"}>{actionsPass ? t("simulation.actionsPassed") : t("simulation.actionsFailed")}</p>
              {/* "Can submit" only when the whole proposal can: beside a failed action, the account's part is said apart. */}
              <p className={simulation.propose.ok && actionsPass ? "ok" : "error-text"} data-testid="propose-outcome">
                {simulation.propose.ok ? (
                  t(actionsPass ? "simulation.proposeOk" : "simulation.proposeOkActionsFail")
                ) : (
                  <>
                    {t("simulation.proposeFailed")} <ErrorText error={simulation.propose.reason} />
                  </>
                )}
              </p>
            </>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="builder-submit" className="card">
        <h2 id="builder-submit">{t("submitHeading")}</h2>
        {!builder.canSubmit && builder.tx.status !== "confirmed" ? <p className="hint">{t("submitHint")}</p> : null}
        <button type="button" className="button" disabled={!builder.canSubmit} onClick={() => void builder.submit()}>
          {t("submit")}
        </button>
        <TxStatus state={builder.tx} />
        {builder.tx.status === "confirmed" && builder.proposalId !== undefined ? (
          <p>
            <Link href={`/proposals/${builder.proposalId.toString()}`} data-testid="new-proposal-link">
              {t("openProposal")}
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
