"use client";
/**
 * The connected account's part of VoteForm: for / against / abstain with an optional public reason, cast in one of
 * three ways: sent from this account, signed as an EIP-712 ballot and submitted by this account, or signed only — for
 * another account (a relayer) to submit. Stays mounted after the vote, so the outcome stays on screen. An account
 * without a seat is told so instead of being offered a form whose vote would be refused.
 */
import { useTranslations } from "next-intl";
import { useState } from "react";

import { SignedBallotView } from "@/components/SignedBallotView";
import { TxStatus } from "@/components/TxStatus";
import { type Support, useCastVote, useSignBallot } from "@/hooks/useGovernanceWrites";
import { MAX_VOTE_REASON } from "@/utils/ballot";
import { isTxBusy } from "@/utils/tx-state";

const METHODS = ["direct", "bySig", "signOnly"] as const;
type Method = (typeof METHODS)[number];

export function VoteWrites({ proposalId, seated, voted }: { proposalId: bigint; seated: boolean; voted: boolean }) {
  const t = useTranslations("proposal");
  const b = useTranslations("ballot");
  const [support, setSupport] = useState<Support>(1);
  const [reason, setReason] = useState("");
  const [method, setMethod] = useState<Method>("direct");
  const { state, vote, voteBySig } = useCastVote();
  const signer = useSignBallot();
  const busy = isTxBusy(state) || signer.state.status === "wallet";
  return (
    <>
      {!seated ? <p className="hint" data-testid="no-seat">{t("noSeatHint")}</p> : null}
      {voted ? <p data-testid="already-voted">{t("alreadyVoted")}</p> : null}
      {seated && !voted ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const text = reason.trim();
            if (method === "direct") void vote(proposalId, support, text);
            else if (method === "bySig") void voteBySig(proposalId, support, text);
            else void signer.sign(proposalId, support, text);
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
          <textarea id="reason" name="reason" rows={3} maxLength={MAX_VOTE_REASON} value={reason} onChange={(e) => setReason(e.target.value)} />
          <fieldset className="vote-method">
            <legend>{b("method")}</legend>
            {METHODS.map((m) => (
              <label key={m} className="radio">
                <input type="radio" name="method" value={m} checked={method === m} onChange={() => setMethod(m)} aria-describedby={`method-${m}-hint`} />
                {b(`methods.${m}`)}
                <span className="hint" id={`method-${m}-hint`}>
                  {" "}
                  — {b(`methodHints.${m}`)}
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={busy}>
            {method === "direct" ? t("submitVote") : b(`submit.${method}`)}
          </button>
        </form>
      ) : null}
      <TxStatus state={state} />
      <SignedBallotView state={signer.state} />
    </>
  );
}
