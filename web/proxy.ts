/**
 * Runs before every page: gives the request a fresh nonce and the page its Content-Security-Policy (lib/security.ts).
 * Next.js reads the nonce from the request's CSP header and puts it on every script it renders, so the page must
 * be rendered per request (every page already is: the language comes from a cookie).
 */
import { type NextRequest, NextResponse } from "next/server";

import { apiBaseUrl, rpcUrlFromEnv } from "@/lib/env";
import { contentSecurityPolicy, newNonce } from "@/lib/security";

export function proxy(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    connect: [rpcUrlFromEnv(), apiBaseUrl()],
    dev: process.env.NODE_ENV === "development",
    https: (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(/:$/, "")) === "https",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the build's static files, the icon or the JSON route handlers under /api.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
      // Link prefetches fetch RSC data, not a document: no policy to set, so skip the work.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
