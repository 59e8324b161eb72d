"use client";
/** A co-signature verdict checked in the browser (hooks/useCoSignature.ts), in words; /verify and the document page. */
import { useTranslations } from "next-intl";

import type { CoSignatureVerdict } from "@government-dao/core/cosignature";

/** The co-signature verdict in words: valid (by whom), invalid (why) or not checked (why); never "anchored". */
export function CoSignatureText({ verdict, failed, agencyName }: { verdict: CoSignatureVerdict | undefined; failed: boolean; agencyName: (id: number) => string }) {
  const t = useTranslations("verify.coSignatureCheck");
  if (failed) return <span className="error-text">{t("unchecked", { why: t("why.lookupFailed") })}</span>;
  if (!verdict) return <span>{t("checking")}</span>;
  switch (verdict.status) {
    case "none":
      return <span>{t("none")}</span>;
    case "valid":
      return <span>{t("valid", { agency: agencyName(verdict.signer) })}</span>;
    case "invalid":
      return (
        <span className="error-text" data-reason={verdict.reason}>
          {t("invalid", { why: t(`why.${verdict.reason}`) })}
        </span>
      );
    case "unchecked":
      return <span data-reason={verdict.reason}>{t("unchecked", { why: t(`why.${verdict.reason}`) })}</span>;
  }
}
