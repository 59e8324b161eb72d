"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

const LINKS = [
  { href: "/", key: "home" },
  { href: "/documents", key: "documents" },
  { href: "/proposals", key: "proposals" },
  { href: "/budget", key: "budget" },
  { href: "/appeals", key: "appeals" },
  { href: "/officials", key: "officials" },
  { href: "/open-data", key: "openData" },
  { href: "/verify", key: "verify" },
  { href: "/council", key: "council" },
  { href: "/registrar", key: "registrar" },
] as const;

export function NavLinks() {
  const t = useTranslations("nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="site-nav">
      <ul>
        {LINKS.map(({ href, key }) => {
          const current = href === "/" ? pathname === "/" : pathname.startsWith(href);
          return (
            <li key={href}>
              {/* No prefetch: the public pages are rendered per request from the API and the chain; prefetching
                  nine of them on every page view would load both for pages nobody opened. */}
              <Link href={href} prefetch={false} aria-current={current ? "page" : undefined}>
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
