"use client";
/** For / against / abstain with an optional public reason. */
import { useTranslations } from "next-intl";
import { useState } from "react";

import { TxStatus } from "@/components/TxStatus";
import { type Support, useCastVote } from "@/hooks/useGovernanceWrites";

export function VoteForm({ proposalId, connected, seated, voted }: { proposalId: bigint; connected: boolean; seated: boolean; voted: boolean }) {
  const t = useTranslations("proposal");
  const [support, setSupport] = useState<Support>(1);
  const [reason, setReason] = useState("");
  const { state, vote } = useCastVote();
  const busy = state.status === "wallet" || state.status === "pending";
  return (
    <section aria-labelledby="vote" className="card">
      <h2 id="vote">{t("castVote")}</h2>
      {!connected ? <p>{t("connectToVote")}</p> : null}
      {connected && !seated ? <p className="hint">{t("noSeatHint")}</p> : null}
      {voted ? <p data-testid="already-voted">{t("alreadyVoted")}</p> : null}
      {connected && !voted ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void vote(proposalId, support, reason.trim());
          }}
        >
          <fieldset>
            <legend>{t("yourVote")}</legend>
            {([1, 0, 2] as const).map((s) => (
              <label key={s} className="radio">
                <input type="radio" name="support" value={s} checked={support === s} onChange={() => setSupport(s)} />
                {t(`support.${s === 1 ? "for" : s === 0 ? "against" : "abstain"}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="reason">{t("reason")}</label>
          <textarea id="reason" name="reason" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="button" disabled={busy}>
            {t("submitVote")}
          </button>
        </form>
      ) : null}
      <TxStatus state={state} />
    </section>
  );
}
