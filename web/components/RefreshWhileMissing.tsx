"use client";
/**
 * Re-renders a server page every few seconds for a while: a proposal created a moment ago is on chain before the
 * public data service has indexed it, and its page shows it as soon as the service has.
 */
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const EVERY_MS = 2_000;
const FOR_MS = 60_000;

export function RefreshWhileMissing() {
  const router = useRouter();
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > FOR_MS) clearInterval(timer);
      else router.refresh();
    }, EVERY_MS);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
