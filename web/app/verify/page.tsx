import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { VerifyPanel } from "@/components/VerifyPanel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title") };
}

export default async function VerifyPage() {
  const t = await getTranslations("verify");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <VerifyPanel />
    </>
  );
}
