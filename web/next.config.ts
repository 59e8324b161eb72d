import path from "node:path";
import { fileURLToPath } from "node:url";

import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const webDir = path.dirname(fileURLToPath(import.meta.url));

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Default .next; NEXT_DIST_DIR lets two builds live side by side (web/lib/server.ts reads the same variable).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The workspace root holds the lockfile and node_modules; server code imports the repository's metadata schema.
  turbopack: { root: path.resolve(webDir, "..") },
  outputFileTracingRoot: path.resolve(webDir, ".."),
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default createNextIntlPlugin("./i18n/request.ts")(config);
