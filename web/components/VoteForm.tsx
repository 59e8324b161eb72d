"use client";
/**
 * Casting a vote on an active proposal. A visitor without a wallet is told to connect; the form and the Governor's
 * write code (VoteWrites: sending, EIP-712 signing) load only once an account is connected, so the public's first load
 * of a proposal page carries none of it.
 */
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

import { TxStatus } from "@/components/TxStatus";

const VoteWrites = dynamic(() => import("@/components/VoteWrites").then((m) => m.VoteWrites), { ssr: false });

export function VoteForm({ proposalId, connected, seated, voted }: { proposalId: bigint; connected: boolean; seated: boolean; voted: boolean }) {
  const t = useTranslations("proposal");
  return (
    <section aria-labelledby="vote" className="card">
      <h2 id="vote">{t("castVote")}</h2>
      {connected ? (
        <VoteWrites proposalId={proposalId} seated={seated} voted={voted} />
      ) : (
        <>
          <p>{t("connectToVote")}</p>
          <TxStatus state={{ status: "idle" }} />
        </>
      )}
    </section>
  );
}
