"use client";
/**
 * After a document is registered, takes the registrar to its public page as soon as the public register has it
 * (the page is served from the indexed data, a moment after the block). Polls the page itself, at most for
 * `TIMEOUT_MS`; until then, and if it never comes, the form shows a link to it.
 */
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { Hex } from "viem";

const POLL_MS = 500;
const TIMEOUT_MS = 30_000;

/** Navigates to /documents/{id} once it answers 200; `id` undefined: nothing to open yet. */
export function useOpenWhenPublished(id: Hex | undefined): void {
  const router = useRouter();
  useEffect(() => {
    if (!id) return;
    const path = `/documents/${id}`;
    let stopped = false;
    const started = Date.now();
    const poll = async () => {
      while (!stopped && Date.now() - started < TIMEOUT_MS) {
        const response = await fetch(path, { method: "HEAD", cache: "no-store" }).catch(() => undefined);
        if (stopped) return;
        if (response?.ok) return router.push(path);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [id, router]);
}
