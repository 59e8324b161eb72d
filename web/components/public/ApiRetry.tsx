"use client";
/** Asks the server for the page again every few seconds while the public data service is down (see ApiDown). */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";

export function ApiRetry({ seconds }: { seconds: number }) {
  const t = useTranslations("api");
  const router = useRouter();
  useEffect(() => {
    // A refresh re-renders the server components: once the service answers, the page shows its data.
    const timer = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(timer);
  }, [router, seconds]);
  return <p data-testid="api-auto-retry">{t("autoRetry", { seconds })}</p>;
}
