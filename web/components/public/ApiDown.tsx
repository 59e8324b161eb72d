import { getTranslations } from "next-intl/server";

/** The banner a public page shows instead of its data when the public data service does not answer. */
export async function ApiDown({ retryHref }: { retryHref: string }) {
  const t = await getTranslations("api");
  return (
    <div className="banner bad" role="alert" data-testid="api-down">
      <p className="banner-title">{t("downTitle")}</p>
      <p>{t("downText")}</p>
      {/* A plain link: a full reload asks the service again. */}
      <a className="button secondary" href={retryHref}>
        {t("retry")}
      </a>
    </div>
  );
}
