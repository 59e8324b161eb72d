import { getTranslations } from "next-intl/server";

import { ApiRetry } from "@/components/public/ApiRetry";

/** How often a page asks the public data service again while it is down. */
const RETRY_SECONDS = 10;

/**
 * The banner a public page shows instead of its data when the public data service does not answer. The page still
 * answers 200 with everything else on it; it retries by itself, and the link reloads it at once.
 */
export async function ApiDown({ retryHref }: { retryHref: string }) {
  const t = await getTranslations("api");
  return (
    <div className="banner bad" role="alert" data-testid="api-down">
      <p className="banner-title">{t("downTitle")}</p>
      <p>{t("downText")}</p>
      <ApiRetry seconds={RETRY_SECONDS} />
      {/* A plain link: a full reload asks the service again. */}
      <a className="button secondary" href={retryHref}>
        {t("retry")}
      </a>
    </div>
  );
}
