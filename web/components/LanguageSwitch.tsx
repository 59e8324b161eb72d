"use client";
/** kk / ru / en; the choice is remembered in a cookie by a server action, then the page re-renders. */
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";

import { setLocale } from "@/app/actions";
import { LOCALES } from "@/i18n/locales";

const NAMES = { kk: "Қазақша", ru: "Русский", en: "English" } as const;

export function LanguageSwitch() {
  const t = useTranslations("app");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("language")} className="lang-switch">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocale(locale);
              router.refresh();
            })
          }
        >
          <span aria-hidden="true">{locale.toUpperCase()}</span>
          <span className="visually-hidden">{NAMES[locale]}</span>
        </button>
      ))}
    </div>
  );
}
