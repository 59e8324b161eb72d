/**
 * `npm run bench -w web`: the dApp as a citizen's browser sees it, on the production build against a real anvil
 * with the seeded system and the indexer (the e2e harness): JavaScript sent per public route (raw and gzip, as the
 * browser receives it on a first load), time to content of the dashboard and of a document page (median of 5 loads,
 * navigation timing in chromium), and the time `/verify` takes for a 50 MB file (read + sha-256 in the browser, the
 * file never leaves it). Writes web/bench/pages-snapshot.md. Numbers depend on the machine: compare runs on one.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

import type { Page } from "playwright-core";

import { WEB_DIR } from "../lib/server";
import { startWorld } from "../e2e/harness";

const ROUTES = ["/", "/documents", "/proposals", "/budget", "/officials", "/open-data", "/verify", "/council", "/council/propose", "/registrar"];
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

/** JavaScript bytes of a first load of `url` in a fresh page (raw, and gzip-compressed as a server would send them). */
async function firstLoadJs(page: Page, url: string): Promise<{ raw: number; gzip: number; files: number }> {
  const bodies: Promise<Buffer | undefined>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.body().catch(() => undefined));
  });
  await page.goto(url, { waitUntil: "networkidle" });
  const buffers = (await Promise.all(bodies)).filter((b): b is Buffer => b !== undefined);
  return {
    raw: buffers.reduce((n, b) => n + b.length, 0),
    gzip: buffers.reduce((n, b) => n + gzipSync(b).length, 0),
    files: buffers.length,
  };
}

/** Milliseconds from navigation start to the selector being visible, and the browser's first contentful paint. */
async function timeToContent(page: Page, url: string, selector: string): Promise<{ content: number; fcp: number }> {
  const started = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  await page.locator(selector).first().waitFor({ state: "visible" });
  const content = Date.now() - started;
  const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0);
  return { content, fcp: Math.round(fcp) };
}

const world = await startWorld({ artifacts: "bench" });
try {
  const rows: string[] = [];
  for (const route of ROUTES) {
    const page = await world.page();
    const js = await firstLoadJs(page, `${world.web.url}${route}`);
    rows.push(`| first-load JS \`${route}\` | ${js.files} scripts | ${kib(js.raw)} raw | ${kib(js.gzip)} gzip |`);
    await page.close();
  }

  const amended = world.record.documents.decreePilot?.tokenId;
  if (!amended) throw new Error("the seed record has no decreePilot document");
  const targets: [string, string, string][] = [
    ["dashboard", "/", "[data-testid=latest-decrees]"],
    ["document page (amended decree)", `/documents/${amended}`, "main h1"],
  ];
  for (const [name, route, selector] of targets) {
    const runs: { content: number; fcp: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await world.page();
      runs.push(await timeToContent(page, `${world.web.url}${route}`, selector));
      await page.close();
    }
    rows.push(`| time to content: ${name} | 5 loads | median ${median(runs.map((r) => r.content))} ms to content | median first contentful paint ${median(runs.map((r) => r.fcp))} ms |`);
  }

  const big = await world.tempFile("fifty-megabytes.bin", new Uint8Array(50 * 1024 * 1024).map((_, i) => (i * 2654435761) & 0xff));
  const hashRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await world.page();
    await page.goto(`${world.web.url}/verify`);
    const started = Date.now();
    await page.locator('input[type="file"]').setInputFiles(big);
    await page.locator("[data-verdict]").waitFor();
    hashRuns.push(Date.now() - started);
    await page.close();
  }
  rows.push(`| /verify, 50 MB file | 3 runs | median ${median(hashRuns)} ms from file chosen to verdict | read + sha-256 in the browser + one registry lookup |`);

  const table = ["| what | load | result | note |", "|---|---|---|---|", ...rows].join("\n");
  const snapshot = `# dApp pages bench\n\nWritten by \`npm run bench -w web\` (web/bench/pages.ts): production build, chromium, real anvil + indexer, on the machine that ran it.\n\n${table}\n`;
  await writeFile(path.join(WEB_DIR, "bench", "pages-snapshot.md"), snapshot);
  console.log(snapshot);
} finally {
  await world.stop();
}
