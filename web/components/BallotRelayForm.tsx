"use client";
/**
 * Any connected account submits an official's signed ballot (JSON from "sign only") and pays for the transaction.
 * The form and the write code (BallotRelayWrites, with the ballot's zod schema) load only once an account is connected.
 */
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

import { TxStatus } from "@/components/TxStatus";

const BallotRelayWrites = dynamic(() => import("@/components/BallotRelayWrites").then((m) => m.BallotRelayWrites), { ssr: false });

export function BallotRelayForm({ proposalId, connected }: { proposalId: bigint; connected: boolean }) {
  const t = useTranslations("ballot");
  return (
    <section aria-labelledby="relay" className="card" data-testid="ballot-relay">
      <h2 id="relay">{t("relayTitle")}</h2>
      <p className="hint" id="relay-hint">
        {t("relayIntro")}
      </p>
      {connected ? (
        <BallotRelayWrites proposalId={proposalId} />
      ) : (
        <>
          <p>{t("relayConnect")}</p>
          <TxStatus state={{ status: "idle" }} />
        </>
      )}
    </section>
  );
}
