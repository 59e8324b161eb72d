import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { LanguageSwitch } from "@/components/LanguageSwitch";
import { NavLinks } from "@/components/NavLinks";
import { WalletButton } from "@/components/WalletButton";

export async function Header() {
  const t = await getTranslations("app");
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link href="/" className="brand">
          <span aria-hidden="true" className="brand-mark">
            ◆
          </span>
          {t("name")}
        </Link>
        <NavLinks />
        <div className="header-tools">
          <LanguageSwitch />
          <WalletButton />
        </div>
      </div>
    </header>
  );
}
