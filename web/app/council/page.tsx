import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { CouncilPanel } from "@/components/CouncilPanel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("council"))("title") };
}

export default async function CouncilPage() {
  const t = await getTranslations("council");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p>
        <Link href="/council/propose" className="button">
          {(await getTranslations("builder"))("link")}
        </Link>
      </p>
      <CouncilPanel />
    </>
  );
}
