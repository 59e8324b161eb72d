"use client";
/**
 * On the registrar's page: the pending appeals the agencies of the connected account must answer, the soonest due
 * first, overdue ones marked; each opens the appeal's page, where the registrar answers it.
 */
import { useTranslations } from "next-intl";
import { useConnection } from "wagmi";

import { useAgencies } from "@/hooks/useAgencies";
import { useChainDate } from "@/hooks/useChainDate";

export interface InboxAppeal {
  id: string;
  respondent: number;
  dueAt: string;
  overdue: boolean;
}

export function AppealInbox({ appeals }: { appeals: readonly InboxAppeal[] }) {
  const t = useTranslations("appeals");
  const date = useChainDate();
  const { address } = useConnection();
  const agencies = useAgencies(address);
  const own = new Set((agencies.data ?? []).filter((a) => a.registrar).map((a) => a.id));
  const mine = appeals.filter((a) => own.has(a.respondent)).sort((x, y) => Number(BigInt(x.dueAt) - BigInt(y.dueAt)));
  if (!address || own.size === 0) return null;
  return (
    <section className="card" aria-labelledby="appeal-inbox" data-testid="appeal-inbox">
      <h2 id="appeal-inbox">{t("inboxTitle")}</h2>
      {mine.length === 0 ? (
        <p>{t("inboxEmpty")}</p>
      ) : (
        <ul className="plain">
          {mine.map((a) => (
            <li key={a.id} data-appeal={a.id}>
              <a href={`/appeals/${a.id}`}>{t("title", { id: a.id })}</a> — {t("dueAt")}: {date(a.dueAt)}
              {a.overdue ? <span className="badge state-canceled"> {t("overdueShort")}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
