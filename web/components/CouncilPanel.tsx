"use client";
/** An official's view: own seat and voting power, and the latest proposals of the council (from chain). */
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useConnection } from "wagmi";

import { useAgencyNames } from "@/hooks/useAgencies";
import { useChainDate } from "@/hooks/useChainDate";
import { useRecentProposals, useSeat } from "@/hooks/useGovernance";
import { shortHex } from "@/utils/format";

export function CouncilPanel() {
  const t = useTranslations("council");
  const states = useTranslations("proposalStates");
  const date = useChainDate();
  const { address } = useConnection();
  const seat = useSeat(address);
  const proposals = useRecentProposals(12);
  const agencyNames = useAgencyNames();

  return (
    <>
      <section aria-labelledby="my-seat" className="card">
        <h2 id="my-seat">{t("mySeat")}</h2>
        {!address ? <p>{t("connectPrompt")}</p> : null}
        {address && seat.data ? (
          seat.data.votes > 0n ? (
            <dl className="facts" data-testid="seat">
              <dt>{t("account")}</dt>
              <dd>
                <code>{address}</code>
              </dd>
              <dt>{t("seatId")}</dt>
              <dd>{seat.data.seatId.toString()}</dd>
              <dt>{t("agency")}</dt>
              <dd>{agencyNames.get(seat.data.agencyId) ?? t("agencyId", { id: seat.data.agencyId })}</dd>
              <dt>{t("position")}</dt>
              <dd>{t(`positions.${seat.data.position === 1 ? "1" : seat.data.position === 2 ? "2" : seat.data.position === 3 ? "3" : "other"}`, { code: seat.data.position })}</dd>
              <dt>{t("since")}</dt>
              <dd>{date(seat.data.since)}</dd>
              <dt>{t("votingPower")}</dt>
              <dd data-testid="voting-power">{seat.data.votes.toString()}</dd>
            </dl>
          ) : (
            <p data-testid="no-seat">{t("noSeat", { account: shortHex(address, 4) })}</p>
          )
        ) : null}
      </section>

      <section aria-labelledby="latest-proposals">
        <h2 id="latest-proposals">{t("latest")}</h2>
        {proposals.isLoading ? <p>{t("loading")}</p> : null}
        {proposals.isError ? <p className="error-text">{t("loadFailed")}</p> : null}
        {proposals.data && proposals.data.length === 0 ? <p>{t("none")}</p> : null}
        {proposals.data && proposals.data.length > 0 ? (
          <ul className="proposal-list">
            {proposals.data.map((p) => (
              <li key={p.id.toString()}>
                <Link href={`/proposals/${p.id.toString()}`}>{p.title || shortHex(`0x${p.id.toString(16)}`)}</Link>{" "}
                <span className={`badge state-${p.state}`}>{states(p.state)}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
