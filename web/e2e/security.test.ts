/**
 * The dApp's browser security and resilience, in a real browser against a real chain (e2e/harness.ts):
 *   - every main route answers with the security headers and a Content-Security-Policy whose nonce is new on every
 *     request, and chromium reports no CSP violation while pages load, the wallet connects, the language changes
 *     and a file is verified;
 *   - with the public API down every public page still answers 200 with a translated banner, and shows its data again
 *     once the API is back; with the chain's RPC down the on-chain pages say so plainly;
 *   - /verify refuses an empty file, says "not found" for random bytes, hashes 200 MB in the browser, and never
 *     sends the file anywhere.
 */
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { truncate } from "node:fs/promises";
import { after, describe, it } from "node:test";

import type { Page, Request } from "playwright-core";

import { freePort, startAnvil } from "@government-dao/devchain/anvil";
import { LOCALE_COOKIE } from "../i18n/locales";
import { contentSecurityPolicy, cspOrigin } from "../lib/security";
import { startWeb } from "../lib/server";
import type { World } from "./harness";
import { worldSession } from "./session";

let world: World;

/** Figures printed at the end. */
const figures = {
  routesChecked: 0,
  browserLoads: 0,
  violations: [] as string[],
  apiDownPages: 0,
  rpcDownPages: 0,
  verify: [] as { file: string; bytes: number; result: string; ms: number }[],
};

/** Every CSP violation a page reports, from the DOM event and from chromium's console. */
const VIOLATION_LISTENER = `document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolation?.(JSON.stringify({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile, line: e.lineNumber }));
});`;

const { track } = worldSession({ artifacts: "security" }, async (started) => {
  world = started;
  await world.context.exposeFunction("__cspViolation", (report: string) => {
    figures.violations.push(report);
  });
  await world.context.addInitScript(VIOLATION_LISTENER);
});

after(() => {
  const row = (a: string, b: string | number) => `| ${a.padEnd(44)} | ${String(b).padEnd(34)} |`;
  console.log(
    [
      "",
      "Security and resilience figures (web/e2e/security.test.ts)",
      row("figure", "value"),
      row("-".repeat(44), "-".repeat(34)),
      row("routes checked for headers (2 requests each)", figures.routesChecked),
      row("page loads in chromium", figures.browserLoads),
      row("CSP violations reported", figures.violations.length),
      row("pages checked with the API down", figures.apiDownPages),
      row("pages checked with the RPC down", figures.rpcDownPages),
      ...figures.verify.map((v) => row(`/verify ${v.file} (${v.bytes} bytes)`, `${v.result} in ${v.ms} ms`)),
      "",
    ].join("\n"),
  );
});

/** A new page whose console messages about the Content Security Policy count as violations. */
async function newPage(): Promise<Page> {
  const page = await world.page();
  track(page);
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) figures.violations.push(`console: ${message.text()}`);
  });
  return page;
}

/** Waits until React has hydrated the page (its fibers are attached to the DOM). */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.getElementById("main");
    return main !== null && Object.keys(main).some((key) => key.startsWith("__reactFiber"));
  });
}

async function open(page: Page, path: string): Promise<void> {
  const response = await page.goto(`${world.web.url}${path}`);
  assert.equal(response?.status(), 200, `${path} answered ${response?.status()}`);
  await hydrated(page);
  figures.browserLoads++;
}

const documentId = (): string => {
  const id = world.record.documents.decreePilot?.tokenId;
  assert.ok(id, "the seed has the pilot decree");
  return id;
};
const proposalId = (): string => {
  const id = world.record.proposals.active;
  assert.ok(id, "the seed leaves an Active proposal");
  return id;
};

/** The main routes, the two with an id filled in from the seed. */
const routes = (): string[] => ["/", "/documents", `/documents/${documentId()}`, "/proposals", `/proposals/${proposalId()}`, "/budget", "/officials", "/open-data", "/verify", "/council", "/registrar"];

/** Parses a CSP header into directive → sources. */
function directives(policy: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) result.set(name, sources);
  }
  return result;
}

const origin = (url: string): string => new URL(url).origin;

describe("the policy builder (lib/security.ts)", () => {
  it("names only origins in connect-src (an RPC key in a path stays out), once each, and drops what is not a URL", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc", connect: ["https://rpc.example/v1/SECRET", "https://rpc.example/other", "not a url", "ftp://x"], dev: false, https: false }));
    assert.deepEqual(policy.get("connect-src"), ["'self'", "https://rpc.example"]);
    assert.equal(cspOrigin("ws://127.0.0.1:8546/"), "ws://127.0.0.1:8546");
  });

  it("production: no eval, no inline style, no upgrade over http; next dev and https add only what they need", () => {
    const prod = directives(contentSecurityPolicy({ nonce: "abc", connect: [], dev: false, https: false }));
    assert.deepEqual(prod.get("script-src"), ["'self'", "'nonce-abc'"]);
    assert.deepEqual(prod.get("style-src"), ["'self'", "'nonce-abc'"]);
    assert.equal(prod.has("upgrade-insecure-requests"), false);
    const dev = directives(contentSecurityPolicy({ nonce: "abc", connect: [], dev: true, https: true }));
    assert.deepEqual(dev.get("script-src"), ["'self'", "'nonce-abc'", "'unsafe-eval'"]);
    assert.deepEqual(dev.get("style-src"), ["'self'", "'unsafe-inline'"]);
    assert.equal(dev.has("upgrade-insecure-requests"), true);
  });
});

describe("security headers and the Content-Security-Policy", () => {
  it("every main route sends the headers and a CSP with a fresh nonce that every script of the page carries", async () => {
    for (const route of routes()) {
      const nonces: string[] = [];
      for (let request = 0; request < 2; request++) {
        const response = await fetch(`${world.web.url}${route}`, { headers: { "accept-language": "en" } });
        assert.equal(response.status, 200, route);
        const h = response.headers;
        assert.equal(h.get("x-content-type-options"), "nosniff", route);
        assert.equal(h.get("referrer-policy"), "strict-origin-when-cross-origin", route);
        assert.equal(h.get("x-frame-options"), "DENY", route);
        assert.match(h.get("permissions-policy") ?? "", /camera=\(\).*microphone=\(\).*geolocation=\(\)/, route);
        assert.equal(h.get("cross-origin-opener-policy"), "same-origin", route);
        assert.equal(h.get("x-powered-by"), null, route);
        const policy = h.get("content-security-policy");
        assert.ok(policy, `${route}: no Content-Security-Policy`);
        const csp = directives(policy);
        const script = csp.get("script-src") ?? [];
        const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
        assert.ok(nonce && nonce.length >= 22, `${route}: script-src has no nonce (${policy})`);
        assert.ok(!script.includes("'unsafe-inline'") && !script.includes("'unsafe-eval'"), `${route}: script-src is not strict (${policy})`);
        assert.deepEqual(csp.get("default-src"), ["'self'"]);
        assert.deepEqual(csp.get("object-src"), ["'none'"]);
        assert.deepEqual(csp.get("frame-ancestors"), ["'none'"]);
        assert.deepEqual(csp.get("base-uri"), ["'self'"]);
        assert.deepEqual(csp.get("form-action"), ["'self'"]);
        assert.deepEqual(csp.get("img-src"), ["'self'", "data:", "blob:"]);
        assert.deepEqual(csp.get("connect-src"), ["'self'", origin(world.rpcUrl), origin(world.api.url)]);
        // Every script tag Next.js rendered carries this response's nonce.
        const html = await response.text();
        const scripts = html.match(/<script\b[^>]*>/g) ?? [];
        assert.ok(scripts.length > 0, `${route}: no scripts`);
        for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `${route}: a script without the nonce: ${tag.slice(0, 120)}`);
        nonces.push(nonce);
      }
      assert.notEqual(nonces[0], nonces[1], `${route}: the nonce did not change between requests`);
      figures.routesChecked++;
    }
  });

  it("the JSON route handlers may not be framed or load anything", async () => {
    const response = await fetch(`${world.web.url}/api/metadata/decree`);
    assert.equal(response.headers.get("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(response.headers.get("x-content-type-options"), "nosniff");
  });

  it("chromium loads every route, hydrates it and reports no CSP violation (QR code and chart included)", async () => {
    const page = await newPage();
    for (const route of routes()) await open(page, route);
    await open(page, `/documents/${documentId()}`);
    await page.getByTestId("qr-code").locator("svg").waitFor();
    await open(page, "/budget");
    await page.getByTestId("money-chart").locator("svg.chart-wide").waitFor();
    await world.screenshot(page, "budget-under-csp");
    // The tally bars are sized by inline styles set from script once the chain answers.
    await open(page, `/proposals/${proposalId()}`);
    await page.getByTestId("tally-for").waitFor();
    await world.screenshot(page, "proposal-under-csp");
    assert.deepEqual(figures.violations, []);
    await page.close();
  });

  it("connects the browser wallet and a development account, switches language and verifies a file without a CSP violation", async () => {
    world.wallet.account = 2;
    const page = await newPage();
    await open(page, "/council");
    await page.locator('[data-wallet-status="connected"], [data-wallet-status="disconnected"]').waitFor();
    if (await page.locator('[data-wallet-status="disconnected"]').isVisible()) {
      await page.locator("summary", { hasText: "Connect wallet" }).click();
      await page.getByRole("button", { name: "Browser wallet" }).click();
    }
    await page.getByTestId("connected-account").waitFor();
    await page.getByTestId("voting-power").filter({ hasText: "1" }).waitFor();
    // A development account (anvil's #3) instead.
    await page.getByRole("button", { name: "Disconnect" }).click();
    await page.locator("summary", { hasText: "Connect wallet" }).click();
    await page.getByRole("button", { name: /^#3 official/ }).click();
    await page.getByTestId("connected-account").filter({ hasText: "0x90F7…b906" }).waitFor();
    await world.screenshot(page, "council-connected-under-csp");

    await page.getByRole("button", { name: "Русский" }).click();
    await page.locator("html[lang=ru]").waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page.locator("html[lang=en]").waitFor();

    await open(page, "/verify");
    await page.locator('input[type="file"]').setInputFiles(await world.documentFile("decreePilotRevised"));
    assert.equal(await page.locator("[data-verdict]").getAttribute("data-verdict"), "active");
    assert.deepEqual(figures.violations, []);
    await page.getByRole("button", { name: "Disconnect" }).click();
    await page.close();
  });
});

describe("the public API down", () => {
  const PUBLIC = (): string[] => ["/", "/documents", `/documents/${documentId()}`, "/proposals", "/budget", "/officials"];

  it("every public page answers 200 with the translated banner and no stack trace, then shows its data once the API is back", async () => {
    await world.indexer.stop();
    try {
      for (const route of [...PUBLIC(), "/open-data", "/verify", `/proposals/${proposalId()}`]) {
        for (const language of ["en", "ru", "kk"]) {
          const response = await fetch(`${world.web.url}${route}`, { headers: { cookie: `${LOCALE_COOKIE}=${language}`, "accept-language": language } });
          assert.equal(response.status, 200, `${route} (${language}) answered ${response.status} with the API down`);
          const html = await response.text();
          assert.doesNotMatch(html, /ApiUnavailable|ECONNREFUSED|at async |node_modules|Application error/, `${route}: internals leak into the page`);
          if (PUBLIC().includes(route)) assert.match(html, /data-testid="api-down"/, `${route} (${language}): no banner`);
        }
        figures.apiDownPages++;
      }
      const page = await newPage();
      await open(page, "/budget");
      const banner = page.getByTestId("api-down");
      await banner.getByText("The public data service is not reachable; try again in a moment.").waitFor();
      await banner.getByText("This page tries again by itself every 10 seconds.").waitFor();
      assert.equal(await banner.getByRole("link", { name: "Try again" }).getAttribute("href"), "/budget");
      await world.screenshot(page, "api-down-budget");
      await page.getByRole("button", { name: "Русский" }).click();
      await banner.getByText("Служба открытых данных недоступна; попробуйте ещё раз через минуту.").waitFor();
      await world.screenshot(page, "api-down-budget-ru");
      await page.getByRole("button", { name: "English" }).click();
      await page.locator("html[lang=en]").waitFor();

      await world.restartIndexer();
      // The open page retries by itself: the allocations appear without a reload.
      await page.getByTestId("allocation").first().waitFor({ timeout: 30_000 });
      assert.equal(await page.getByTestId("api-down").count(), 0);
      await world.screenshot(page, "api-back-budget");
      // A plain reload of another page shows its data too.
      await open(page, "/");
      await page.getByTestId("latest-decrees").waitFor();
      assert.deepEqual(figures.violations, []);
      await page.close();
    } finally {
      // Whatever happened above, leave the world with a running API for the tests after this one.
      if ((await fetch(`${world.indexer.url}/health`).catch(() => undefined))?.ok !== true) await world.restartIndexer();
    }
  });
});

describe("the dApp's POST routes", () => {
  it("refuse a foreign origin and an oversized body, and carry an unsigned co-signature request to the gateway, which refuses it", async () => {
    const post = (route: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${world.web.url}${route}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const description = JSON.stringify({ descriptions: ["Milestone one"] });
    for (const route of ["/api/co-signatures/1", "/api/metadata/decree", "/api/milestone-descriptions"]) {
      const foreign = await post(route, description, { origin: "https://evil.example" });
      assert.equal(foreign.status, 403, route);
      assert.equal(((await foreign.json()) as { error: string }).error, "crossOrigin", route);
      const large = await post(route, JSON.stringify({ descriptions: ["x".repeat(70 * 1024)] }));
      assert.equal(large.status, 413, route);
    }
    // Without the registrar's wallet signature the gateway refuses it (this route only carries it there).
    const unsigned = await post("/api/co-signatures/1", JSON.stringify({ type: "order" }));
    assert.equal(unsigned.status, 401);
    assert.equal(((await unsigned.json()) as { error: string }).error, "unauthenticated");
  });

  it("co-sign with the demo keys only where the RPC itself says chain 31337, whatever CHAIN_ID claims", async () => {
    // A chain that is not anvil's 31337 behind a server configured with the default CHAIN_ID (31337) and dev accounts.
    const other = await startAnvil({ port: await freePort(), chainId: 1337 });
    const web = await startWeb({ port: await freePort(), rpcUrl: other.rpcUrl, chainId: 31337, devAccounts: true, deploymentDir: world.deploymentDir, contentDir: world.contentDir, apiUrl: world.indexer.url });
    try {
      const decree = { contentHash: `0x${"ab".repeat(32)}`, type: "decree", number: "1", title: { kk: "a", ru: "b", en: "c" }, dates: { adopted: "2026-12-01" }, body: { mediaType: "application/pdf", size: 1 } };
      const refused = await fetch(`${web.url}/api/metadata/decree`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(decree) });
      assert.equal(refused.status, 501);
      assert.equal(((await refused.json()) as { error: string }).error, "coSignatureUnavailable");
      const texts = await fetch(`${web.url}/api/milestone-descriptions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ descriptions: ["x"] }) });
      assert.equal(texts.status, 501);
      // The same request on the real local chain is co-signed.
      const accepted = await fetch(`${world.web.url}/api/metadata/decree`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(decree) });
      assert.equal(accepted.status, 200, await accepted.clone().text());
    } finally {
      await web.stop();
      await other.stop();
    }
  });
});

describe("the chain's RPC down", () => {
  it("the on-chain pages answer 200 and say plainly that the chain cannot be reached", async () => {
    const deadRpc = `http://127.0.0.1:${await freePort()}`;
    const web = await startWeb({ port: await freePort(), rpcUrl: deadRpc, chainId: world.chainId, deploymentDir: world.deploymentDir, contentDir: world.contentDir, apiUrl: world.indexer.url });
    try {
      const page = await newPage();
      for (const route of ["/council", "/registrar", `/proposals/${proposalId()}`, "/verify"]) {
        const response = await page.goto(`${web.url}${route}`);
        assert.equal(response?.status(), 200, route);
        await hydrated(page);
        await page.getByTestId("chain-down").getByText(/The chain cannot be reached right now/).waitFor({ timeout: 30_000 });
        assert.equal(await page.getByText("Application error").count(), 0, `${route} crashed`);
        await world.screenshot(page, `rpc-down-${route.split("/")[1]}`);
        figures.rpcDownPages++;
      }
      // The public pages come from the API and still show their data.
      await page.goto(`${web.url}/budget`);
      await page.getByTestId("allocation").first().waitFor();
      await page.close();
    } finally {
      await web.stop();
    }
  });
});

describe("/verify with unusual files", () => {
  /** Every request the page sends, to check that none carries the file. */
  function recordRequests(page: Page): Request[] {
    const requests: Request[] = [];
    page.on("request", (request) => requests.push(request));
    return requests;
  }

  function assertNotSent(requests: Request[], marker: Buffer | undefined, maxBody: number) {
    for (const request of requests) {
      const body = request.postDataBuffer();
      if (!body) continue;
      assert.ok(body.length < maxBody, `${request.method()} ${request.url()} sent ${body.length} bytes`);
      if (marker) assert.equal(body.indexOf(marker), -1, `${request.url()} sent the file's bytes`);
      // Nor as hex (a JSON-RPC call would carry bytes that way).
      if (marker) assert.equal(body.toString("latin1").toLowerCase().includes(marker.toString("hex")), false, `${request.url()} sent the file's bytes as hex`);
    }
  }

  async function choose(page: Page, file: string): Promise<number> {
    const started = Date.now();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.locator("[data-verdict], [data-file-problem]").waitFor({ timeout: 120_000 });
    return Date.now() - started;
  }

  it("refuses an empty file plainly and looks nothing up", async () => {
    const page = await newPage();
    await open(page, "/verify");
    const requests = recordRequests(page);
    const ms = await choose(page, await world.tempFile("empty.pdf", new Uint8Array(0)));
    assert.equal(await page.locator("[data-file-problem]").getAttribute("data-file-problem"), "empty");
    await page.getByText("This file is empty (0 bytes).", { exact: false }).waitFor();
    assert.equal(await page.locator("[data-verdict]").count(), 0);
    assert.equal(await page.getByTestId("content-hash").count(), 0);
    // No lookup: the empty file's hash goes nowhere.
    const emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    for (const request of requests) assert.ok(!(request.postData() ?? "").includes(emptyHash), `${request.url()} looked up the empty hash`);
    figures.verify.push({ file: "empty.pdf", bytes: 0, result: "refused: empty", ms });
    await world.screenshot(page, "verify-empty");
    await page.close();
  });

  it("says 'not found' for random binary bytes and never sends them", async () => {
    const bytes = randomBytes(256 * 1024);
    const page = await newPage();
    await open(page, "/verify");
    const requests = recordRequests(page);
    const ms = await choose(page, await world.tempFile("random.bin", bytes));
    assert.equal(await page.locator("[data-verdict]").getAttribute("data-verdict"), "not-found");
    await page.getByText("Not found", { exact: true }).waitFor();
    assertNotSent(requests, bytes.subarray(1000, 1032), 64 * 1024);
    figures.verify.push({ file: "random.bin", bytes: bytes.length, result: "not found", ms });
    await world.screenshot(page, "verify-random-binary");
    await page.close();
  });

  it("hashes a 200 MB file in the browser (in slices), says 'not found' and sends nothing but the hash", async () => {
    const size = 200 * 1024 * 1024;
    const marker = randomBytes(32);
    // A fixed pattern with a random marker at the start, so the file is new to the registry on every run.
    const bytes = Buffer.alloc(size, "gov-dao-verify-");
    marker.copy(bytes, 0);
    const file = await world.tempFile("two-hundred-megabytes.bin", bytes);
    const page = await newPage();
    await open(page, "/verify");
    const requests = recordRequests(page);
    const ms = await choose(page, file);
    assert.equal(await page.locator("[data-verdict]").getAttribute("data-verdict"), "not-found");
    const expected = `0x${createHash("sha256").update(bytes).digest("hex")}`;
    assert.equal(await page.getByTestId("content-hash").textContent(), expected);
    assertNotSent(requests, marker, 64 * 1024);
    figures.verify.push({ file: "200 MB file", bytes: size, result: "not found", ms });
    await world.screenshot(page, "verify-200mb");
    await page.close();
  });

  it("refuses a file over 256 MiB with a plain 'too large' message", async () => {
    const file = await world.tempFile("too-large.bin", "");
    await truncate(file, 256 * 1024 * 1024 + 1); // sparse: no bytes written
    const page = await newPage();
    await open(page, "/verify");
    const requests = recordRequests(page);
    const ms = await choose(page, file);
    assert.equal(await page.locator("[data-file-problem]").getAttribute("data-file-problem"), "tooLarge");
    await page.getByText("This file is larger than 256 MiB", { exact: false }).waitFor();
    assertNotSent(requests, undefined, 64 * 1024);
    figures.verify.push({ file: "too-large.bin", bytes: 256 * 1024 * 1024 + 1, result: "refused: too large", ms });
    await world.screenshot(page, "verify-too-large");
    assert.deepEqual(figures.violations, []);
    await page.close();
  });
});
