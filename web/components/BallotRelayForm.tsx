"use client";
/** Any connected account submits an official's signed ballot (JSON from "sign only") and pays for the transaction. */
import { useTranslations } from "next-intl";
import { useState } from "react";

import { TxStatus } from "@/components/TxStatus";
import { useCastVote } from "@/hooks/useGovernanceWrites";
import { parseBallot } from "@/utils/ballot";

export function BallotRelayForm({ proposalId, connected }: { proposalId: bigint; connected: boolean }) {
  const t = useTranslations("ballot");
  const [text, setText] = useState("");
  const { state, relay } = useCastVote();
  const busy = state.status === "wallet" || state.status === "pending";
  return (
    <section aria-labelledby="relay" className="card" data-testid="ballot-relay">
      <h2 id="relay">{t("relayTitle")}</h2>
      <p className="hint" id="relay-hint">
        {t("relayIntro")}
      </p>
      {!connected ? (
        <p>{t("relayConnect")}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void relay(parseBallot(text), proposalId);
          }}
        >
          <label htmlFor="relay-ballot">{t("relayLabel")}</label>
          <textarea id="relay-ballot" rows={8} spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="relay-hint" className="mono" />
          <button type="submit" className="button" disabled={busy || text.trim() === ""}>
            {t("relaySubmit")}
          </button>
        </form>
      )}
      <TxStatus state={state} />
    </section>
  );
}
