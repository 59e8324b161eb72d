import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { ChainNotice } from "@/components/ChainNotice";
import { Header } from "@/components/Header";
import { NetworkNotice } from "@/components/NetworkNotice";
import { Providers } from "@/components/Providers";
import { runtimeConfig } from "@/lib/runtime";

import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b4f6c" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  const runtime = runtimeConfig();
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skip")}
        </a>
        <NextIntlClientProvider>
          <Providers runtime={runtime}>
            <Header />
            <main id="main" className="container" tabIndex={-1}>
              <NetworkNotice />
              <ChainNotice />
              {children}
            </main>
            <footer className="site-footer">
              <div className="container">
                <p>{t("footer", { chainId: runtime.chainId })}</p>
              </div>
            </footer>
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
