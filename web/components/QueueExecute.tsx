"use client";
/**
 * Queue a succeeded proposal in the Timelock; execute a queued one once its delay has passed. Without `writes` (no
 * account connected) it only says what is due; QueueExecuteWrites supplies them, loaded once an account connects.
 */
import { useTranslations } from "next-intl";

import { TxStatus } from "@/components/TxStatus";
import type { ProposalView } from "@/hooks/useGovernance";
import type { useQueueExecute } from "@/hooks/useGovernanceWrites";
import type { TxState } from "@/hooks/useTransaction";
import { isTxBusy } from "@/utils/tx-state";

const IDLE: TxState = { status: "idle" };

export function QueueExecute({ proposal, writes }: { proposal: ProposalView; writes?: ReturnType<typeof useQueueExecute> }) {
  const t = useTranslations("proposal");
  const connected = writes !== undefined;
  const state = writes?.state ?? IDLE;
  const busy = isTxBusy(state);
  const due = proposal.state === "queued" && proposal.eta > 0n && proposal.now >= proposal.eta;
  return (
    <section aria-labelledby="execution" className="card">
      <h2 id="execution">{t("execution")}</h2>
      {!connected ? <p>{t("connectToExecute")}</p> : null}
      {connected && proposal.state === "succeeded" ? (
        <button type="button" className="button" disabled={busy} onClick={() => void writes?.queue(proposal)}>
          {t("queue")}
        </button>
      ) : null}
      {proposal.state === "queued" && !due ? <p>{t("notDue")}</p> : null}
      {connected && due ? (
        <button type="button" className="button" disabled={busy} onClick={() => void writes?.execute(proposal)}>
          {t("execute")}
        </button>
      ) : null}
      <TxStatus state={state} />
    </section>
  );
}
