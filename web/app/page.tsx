import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function HomePage() {
  const t = await getTranslations("home");
  const cards = [
    { href: "/verify", title: t("verifyTitle"), text: t("verifyText") },
    { href: "/council", title: t("councilTitle"), text: t("councilText") },
    { href: "/registrar", title: t("registrarTitle"), text: t("registrarText") },
  ];
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <ul className="cards">
        {cards.map((c) => (
          <li key={c.href} className="card">
            <h2>
              <Link href={c.href}>{c.title}</Link>
            </h2>
            <p>{c.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
