import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { type PagePosition, hrefWith, pageLinks } from "@/lib/page-trail";

/** "Previous page" / "Next page" links of a keyset-paginated list (plain links: they work without JavaScript). */
export async function PageLinks({ path, query, position, nextCursor }: { path: string; query: Record<string, string>; position: PagePosition; nextCursor: string | null }) {
  const t = await getTranslations("pages");
  const links = pageLinks(position, nextCursor);
  if (links.next === null && links.previous === null) return null;
  return (
    <nav className="form-actions" aria-label={t("label")} data-testid="page-links">
      {links.previous !== null && (
        <Link href={hrefWith(path, query, links.previous)} rel="prev">
          {t("previous")}
        </Link>
      )}
      {links.next !== null && (
        <Link href={hrefWith(path, query, links.next)} rel="next">
          {t("next")}
        </Link>
      )}
    </nav>
  );
}
