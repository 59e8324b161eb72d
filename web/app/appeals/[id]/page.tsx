import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { AppealView } from "@/components/appeals/AppealView";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return { title: (await getTranslations("appeals"))("title", { id: (await params).id }) };
}

/** An appeal's public page: everything on it is read by the browser from the chain (components/appeals/AppealView.tsx). */
export default async function AppealPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,20}$/.test(id)) notFound();
  return <AppealView id={BigInt(id)} />;
}
