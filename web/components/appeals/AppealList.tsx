/**
 * Appeals as a table (server-rendered from the public API): number (linked to its page, which reads the chain),
 * state, the body that must answer, due date, and "overdue" where it is. Used by /appeals and by the pages of the
 * acts that are contested.
 */
import { getTranslations } from "next-intl/server";

import type { Formatters } from "@/components/public/format";
import type { ApiAppeal } from "@/lib/api/appeals";

const STATE_KEY = { FILED: "filed", FORWARDED: "forwarded", EXTENDED: "extended", ANSWERED: "answered", WITHDRAWN: "withdrawn" } as const;
const OUTCOME_KEY = { UPHELD: "upheld", PARTLY_UPHELD: "partlyUpheld", REJECTED: "rejected" } as const;

export async function AppealList({ appeals, names, f, testId }: { appeals: ApiAppeal[]; names: ReadonlyMap<string, string>; f: Formatters; testId: string }) {
  const t = await getTranslations("appeals");
  if (appeals.length === 0) return <p data-testid={testId}>{t("none")}</p>;
  return (
    <div className="table-wrap" tabIndex={0}>
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t("number")}</th>
            <th scope="col">{t("state")}</th>
            <th scope="col">{t("respondent")}</th>
            <th scope="col">{t("dueAt")}</th>
          </tr>
        </thead>
        <tbody>
          {appeals.map((a) => (
            <tr key={a.id} data-appeal={a.id} data-state={a.state} data-overdue={a.overdue}>
              <td>
                <a href={`/appeals/${a.id}`}>№ {a.id}</a>
              </td>
              <td>
                {t(`states.${STATE_KEY[a.state]}`)}
                {a.outcome ? ` · ${t(`outcomes.${OUTCOME_KEY[a.outcome]}`)}` : ""}
                {a.overdue ? (
                  <>
                    {" "}
                    <span className="badge state-canceled">{t("overdueShort")}</span>
                  </>
                ) : null}
              </td>
              <td>{a.respondent === "0" ? t("council") : (names.get(a.respondent) ?? t("agency", { id: a.respondent }))}</td>
              <td>{f.date(a.dueAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
