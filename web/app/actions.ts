"use server";
/** Server actions: remembering the reader's language. */
import { cookies } from "next/headers";

import { LOCALE_COOKIE, isLocale } from "@/i18n/locales";

export async function setLocale(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
}
