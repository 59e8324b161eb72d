import path from "node:path";
import { fileURLToPath } from "node:url";

import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { STATIC_SECURITY_HEADERS } from "./lib/security";

const webDir = path.dirname(fileURLToPath(import.meta.url));

const config: NextConfig = {
  reactStrictMode: true,
  // The domain core is a workspace package of TypeScript sources (core/), compiled with the app.
  transpilePackages: ["@government-dao/core"],
  poweredByHeader: false,
  // Default .next; NEXT_DIST_DIR lets two builds live side by side (web/lib/server.ts reads the same variable).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The workspace root holds the lockfile and node_modules; server code imports the repository's metadata schema.
  turbopack: { root: path.resolve(webDir, "..") },
  outputFileTracingRoot: path.resolve(webDir, ".."),
  typescript: { tsconfigPath: "tsconfig.json" },
  // The fixed security headers on every response; each page's Content-Security-Policy (with its nonce) is set by proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      // The JSON route handlers are never documents: nothing may load or frame them.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(config);
