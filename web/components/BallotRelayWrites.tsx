"use client";
/** The connected account's part of BallotRelayForm: paste a signed ballot and submit it, paying for the transaction. */
import { useTranslations } from "next-intl";
import { useState } from "react";

import { TxStatus } from "@/components/TxStatus";
import { useCastVote } from "@/hooks/useGovernanceWrites";
import { parseBallot } from "@/utils/ballot-parse";
import { isTxBusy } from "@/utils/tx-state";

export function BallotRelayWrites({ proposalId }: { proposalId: bigint }) {
  const t = useTranslations("ballot");
  const [text, setText] = useState("");
  const { state, relay } = useCastVote();
  const busy = isTxBusy(state);
  return (
    <>
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
      <TxStatus state={state} />
    </>
  );
}
