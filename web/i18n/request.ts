import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage } from "./locales";

/** The language: the remembered choice (cookie), else the browser's preference, else Kazakh. */
export default getRequestConfig(async () => {
  const remembered = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(remembered) ? remembered : (localeFromAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE);
  const messages = (await import(`../messages/${locale}.json`)) as { default: Messages };
  return { locale, messages: messages.default, timeZone: "Asia/Almaty" };
});

type Messages = typeof import("../messages/en.json");
