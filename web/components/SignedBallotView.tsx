"use client";
/** The result of "sign only": the signed ballot as JSON to copy or download and hand to a relayer. */
import { useTranslations } from "next-intl";

import { ErrorText } from "@/components/ErrorText";
import type { SignState } from "@/hooks/useGovernanceWrites";
import { ballotJson } from "@/utils/ballot";

export function SignedBallotView({ state }: { state: SignState }) {
  const t = useTranslations("ballot");
  if (state.status === "idle") return null;
  if (state.status === "wallet") {
    return (
      <p role="status" aria-live="polite">
        {t("signing")}
      </p>
    );
  }
  if (state.status === "failed") {
    return (
      <p className="error-text" role="alert">
        {t("notSigned")} <ErrorText error={state.error} />
      </p>
    );
  }
  const json = ballotJson(state.ballot);
  return (
    <div className="signed-ballot" role="status" aria-live="polite">
      <p className="ok">{t("signed")}</p>
      <label htmlFor="signed-ballot-json">{t("signedJson")}</label>
      <textarea id="signed-ballot-json" data-testid="signed-ballot" readOnly rows={12} value={json} onFocus={(ev) => ev.target.select()} />
      <p>
        <a className="button secondary" href={`data:application/json;charset=utf-8,${encodeURIComponent(json)}`} download={`ballot-${state.ballot.proposalId.toString().slice(0, 12)}-${state.ballot.voter.slice(2, 8)}.json`}>
          {t("download")}
        </a>
      </p>
      <p className="hint">{t("signedHint")}</p>
    </div>
  );
}
