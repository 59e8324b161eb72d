"use client";
/** Queue a succeeded proposal in the Timelock; execute a queued one once its delay has passed. */
import { useTranslations } from "next-intl";

import { TxStatus } from "@/components/TxStatus";
import type { ProposalView } from "@/hooks/useGovernance";
import type { useQueueExecute } from "@/hooks/useGovernanceWrites";

/**
 * `writes` lives in the parent, so the outcome of the last transaction stays on screen after the proposal moves on
 * (a refetch may show "Executed" before the receipt arrives).
 */
export function QueueExecute({ proposal, connected, writes }: { proposal: ProposalView; connected: boolean; writes: ReturnType<typeof useQueueExecute> }) {
  const t = useTranslations("proposal");
  const { state, queue, execute } = writes;
  const busy = state.status === "wallet" || state.status === "pending";
  const due = proposal.state === "queued" && proposal.eta > 0n && proposal.now >= proposal.eta;
  return (
    <section aria-labelledby="execution" className="card">
      <h2 id="execution">{t("execution")}</h2>
      {!connected ? <p>{t("connectToExecute")}</p> : null}
      {connected && proposal.state === "succeeded" ? (
        <button type="button" className="button" disabled={busy} onClick={() => void queue(proposal)}>
          {t("queue")}
        </button>
      ) : null}
      {proposal.state === "queued" && !due ? <p>{t("notDue")}</p> : null}
      {connected && due ? (
        <button type="button" className="button" disabled={busy} onClick={() => void execute(proposal)}>
          {t("execute")}
        </button>
      ) : null}
      <TxStatus state={state} />
    </section>
  );
}
