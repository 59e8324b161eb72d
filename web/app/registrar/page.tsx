import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { RegistrarForm } from "@/components/RegistrarForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("registrar"))("title") };
}

export default async function RegistrarPage() {
  const t = await getTranslations("registrar");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <RegistrarForm />
    </>
  );
}
