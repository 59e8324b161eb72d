"use client";
/** The one place where a transaction's state is announced (live region, translated). */
import { useTranslations } from "next-intl";

import { ErrorText } from "@/components/ErrorText";
import type { TxState } from "@/hooks/useTransaction";
import { shortHex } from "@/utils/format";

export function TxStatus({ state }: { state: TxState }) {
  const t = useTranslations("tx");
  return (
    <div className="tx-status" role="status" aria-live="polite" data-status={state.status}>
      {state.status === "wallet" ? <p>{t("wallet")}</p> : null}
      {state.status === "pending" ? <p>{t("pending", { hash: shortHex(state.hash) })}</p> : null}
      {state.status === "confirmed" ? <p className="ok">{t("confirmed", { block: state.blockNumber.toString(), hash: shortHex(state.hash) })}</p> : null}
      {state.status === "failed" ? (
        <p className="error-text" role="alert">
          {t("failed")} <ErrorText error={state.error} />
        </p>
      ) : null}
    </div>
  );
}
