"use client";
/** One failure in plain words, in the reader's language: the dApp's one rendering of `errors.*` (utils/errors.ts). */
import { useTranslations } from "next-intl";

import type { ErrorMessage } from "@/utils/errors";

export function ErrorText({ error }: { error: ErrorMessage }) {
  const errors = useTranslations("errors");
  return <>{errors(error.key, { name: error.name ?? "", ...error.values })}</>;
}
