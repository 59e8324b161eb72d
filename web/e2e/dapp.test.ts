/**
 * The dApp in a real browser against a real chain: public verification, an official's vote, a registrar's new
 * document, the language switch, and the error paths an official or registrar meets. See e2e/harness.ts for the
 * world (anvil + Ignition + demo seed + `next start` + chromium with an injected wallet).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFile, truncate } from "node:fs/promises";
import { describe, it } from "node:test";

import type { Page } from "playwright-core";
import { createPublicClient, http } from "viem";
import { privateKeyToAccount } from "viem/accounts";

import { type SnapshotList, snapshotListSchema } from "@government-dao/core/api/snapshot";
import { snapshotCsvName } from "@government-dao/core/api/datapackage";
import { loadBatchTree } from "@government-dao/core/batch-proof";
import { GOVERNMENT_OFFICE_AGENCY_ID } from "@government-dao/core/cosignature";
import { DATASETS } from "@government-dao/core/datasets";
import { demoAgencySystemKey } from "@government-dao/core/dev-accounts";
import { publishSnapshot } from "@government-dao/core/snapshot-publish";
import { openContentStore } from "@government-dao/core/content-store";
import { apiKeysFromSeed, demoExtractSeed, verifyExtractSignature } from "@government-dao/core/extract";
import { freePort } from "@government-dao/devchain/anvil";
import { cast } from "@government-dao/devchain/demo-cast";
import { startWeb } from "../lib/server";
import { LOCALE_COOKIE } from "../i18n/locales";
import { ROOT_DIR, type World } from "./harness";
import { worldSession } from "./session";

let world: World;
const { openAs, track } = worldSession({}, (started) => {
  world = started;
});

async function verifyFile(page: Page, file: string): Promise<string> {
  await page.locator('input[type="file"]').setInputFiles(file);
  const verdict = page.locator("[data-verdict]");
  await verdict.waitFor();
  return (await verdict.getAttribute("data-verdict")) ?? "";
}

function activeProposal(): string {
  const id = world.record.proposals.active;
  assert.ok(id, "the seed leaves an Active proposal");
  return id;
}

async function castVote(page: Page, support: "For" | "Against" | "Abstain", reason: string) {
  await page.getByRole("radio", { name: support, exact: true }).check();
  await page.getByLabel("Reason (public, optional)").fill(reason);
  await page.getByRole("button", { name: "Cast vote" }).click();
}

/** The public pages read the indexer's API; they run first, while the seed's proposals are still in every state. */
describe("the public pages, server-rendered from the indexer's API", () => {
  it("dashboard: latest decrees, open proposals, budget totals and the auditor's flags", async () => {
    const page = await openAs("/");
    await page.getByTestId("latest-decrees").getByRole("link", { name: /D-2026\/001-R1/ }).waitFor();
    await page.getByTestId("open-proposals").getByText("Voting open").waitFor();
    assert.match((await page.getByTestId("budget-totals").textContent()) ?? "", /Allocated: 800,000,000 DKZT/);
    await page.getByTestId("auditor-flags").getByText("Milestone past its deadline").waitFor();
    // The report is dated by the chain's time of the block it audited (the seed moved the chain's clock ahead of
    // this machine's), not by the wall clock of the machine that wrote it.
    const report = (await (await fetch(`${world.indexer.url}/api/v1/flags`)).json()) as { asOf: number; block: number };
    const audited = await createPublicClient({ transport: http(world.rpcUrl) }).getBlock({ blockNumber: BigInt(report.block) });
    assert.equal(report.asOf, Number(audited.timestamp));
    assert.equal(await page.getByTestId("flags-as-of").getAttribute("data-as-of"), String(report.asOf));
    await world.screenshot(page, "public-dashboard");
    await page.close();
  });

  it("documents browser: filters by type and status, and finds a document by search", async () => {
    const page = await openAs("/documents");
    await page.getByLabel("Type").selectOption("DECREE");
    await page.getByLabel("Status").selectOption("REVOKED");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/type=DECREE/);
    const rows = page.getByTestId("documents-table").locator("tbody tr");
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.first().getAttribute("data-doc-type"), "DECREE");
    assert.equal(await rows.first().getAttribute("data-doc-status"), "REVOKED");
    await rows.first().getByText("D-2026/002").waitFor();
    await world.screenshot(page, "public-documents-filtered");

    await page.getByRole("link", { name: "Clear filters" }).click();
    await page.getByTestId("documents-count").filter({ hasText: /^\d+ documents on this page$/ }).waitFor();
    await page.getByLabel("Search by number, title, agency or sha-256").fill("OPEN budget data");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/q=OPEN/);
    await page.getByTestId("documents-table").getByRole("link", { name: /L-2026\/002/ }).waitFor();
    assert.equal(await page.getByTestId("documents-table").locator("tbody tr").count(), 1);
    await world.screenshot(page, "public-documents-search");
    await page.close();
  });

  it("documents browser: the API searches agency names and pages the list, without JavaScript", async () => {
    const browser = world.context.browser();
    assert.ok(browser, "the shared context belongs to a browser");
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
    try {
      const page = await context.newPage();
      await page.goto(`${world.web.url}/documents?q=${encodeURIComponent("Ministry of Finance")}`);
      const rows = page.getByTestId("documents-table").locator("tbody tr");
      assert.ok((await rows.count()) > 0, "documents of the Ministry of Finance are found by the agency's name");
      for (const text of await rows.locator('td[data-label="Agency"]').allTextContents()) assert.equal(text, "Ministry of Finance");
      await page.goto(`${world.web.url}/documents`);
      const firstPage = await page.getByTestId("documents-table").locator("tbody tr").count();
      const next = page.getByRole("link", { name: "Next page →" });
      if ((await next.count()) > 0) {
        assert.equal(firstPage, 50, "a full first page before a next one");
        await next.click();
        await page.waitForURL(/cursor=/);
        const firstOfSecond = await page.getByTestId("documents-table").locator("tbody tr a").first().getAttribute("href");
        await page.getByRole("link", { name: "← Previous page" }).click();
        await page.waitForURL((url) => !url.search.includes("cursor="));
        assert.equal(await page.getByTestId("documents-table").locator("tbody tr").count(), firstPage);
        assert.ok(firstOfSecond !== (await page.getByTestId("documents-table").locator("tbody tr a").first().getAttribute("href")));
      } else {
        assert.ok(firstPage < 50, "one page: no next link");
      }
    } finally {
      await context.close();
    }
  });

  it("document page: amendment history, proof, co-signature, QR code and a signed extract", async () => {
    const id = world.record.documents.decreePilot?.tokenId;
    assert.ok(id);
    const page = await openAs(`/documents/${id}`);
    await page.getByRole("heading", { level: 1, name: /D-2026\/001/ }).waitFor();
    const history = page.getByTestId("history");
    assert.equal(await history.locator("ol.versions > li").count(), 2);
    await history.getByRole("link", { name: "D-2026/001-R1" }).waitFor();
    await history.getByText("Extends the pilot to notices and certificate batches.").first().waitFor();
    // Checked in the browser against the chain, as /verify checks it.
    await page.locator('[data-testid="cosignature"][data-cosignature="valid"]').waitFor();
    await page.locator('[data-testid="chain-check"][data-chain="agrees"]').waitFor();
    assert.match((await page.getByTestId("tx-proof").textContent()) ?? "", /0x[0-9a-f]{64}, block \d+/);
    // A decree is issued by the Timelock: named for what it is, from this deployment's addresses.
    await page.getByTestId("issuer").locator('[data-account="TimelockController"]').getByText("The Timelock, which carries out the council's decisions").waitFor();
    await page.getByTestId("qr-code").locator("svg").waitFor();
    await world.screenshot(page, "public-document-amended");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("extract-link").click()]);
    const file = await download.path();
    const extract = JSON.parse(await readFile(file, "utf8")) as { document?: { id?: string }; versions?: unknown[]; signature?: { algorithm?: string; value?: string } };
    assert.equal(extract.document?.id, id);
    assert.equal(extract.versions?.length, 2);
    assert.equal(extract.signature?.algorithm, "ML-DSA-65");
    // Signed under the key the extract carries, which names key 1 of the registry: the demo deployment's genesis key.
    const checked = verifyExtractSignature(extract);
    assert.ok(checked.ok && checked.version === 2, JSON.stringify(checked));
    assert.deepEqual([checked.claims.key.id, checked.claims.key.sha256], [1, apiKeysFromSeed(demoExtractSeed()).publicKeySha256]);
    await page.close();
  });

  it("document page of a revoked decree: the reason for the revocation; an unknown hash: not found", async () => {
    const page = await openAs(`/documents/${world.record.documents.decreeWorkingGroup?.tokenId}`);
    await page.getByTestId("revoked").getByText(/Replaced by the Law on open budget data \(L-2026\/002\)\./).waitFor();
    await world.screenshot(page, "public-document-revoked");
    await page.goto(`${world.web.url}/documents/0x${"ab".repeat(32)}`);
    await page.getByRole("heading", { level: 1, name: "This page does not exist." }).waitFor();
    await page.close();
  });

  it("budget page: both allocations with milestones and releases, and the chart of money flows", async () => {
    const page = await openAs("/budget");
    assert.equal(await page.getByTestId("allocation").count(), 2);
    const chart = page.getByTestId("money-chart");
    await chart.locator("svg.chart-wide").waitFor();
    assert.equal(await chart.locator("svg.chart-wide g[data-row]").count(), 3);
    await page.locator('[data-milestone-status="OVERDUE"]').first().waitFor();
    await page.locator('[data-milestone-status="RELEASED"]').first().waitFor();
    await world.screenshot(page, "public-budget");
    await page.close();
  });

  it("proposals list: every Governor state of the seed", async () => {
    const page = await openAs("/proposals");
    const table = page.getByTestId("proposals-table");
    for (const state of ["pending", "active", "canceled", "defeated", "succeeded", "queued", "executed"]) {
      assert.ok((await table.locator(`[data-state="${state}"]`).count()) >= 1, `no ${state} proposal listed`);
    }
    await world.screenshot(page, "public-proposals");
    await page.close();
  });

  it("proposal page: server-rendered from the API, each action's sentence first and its raw call behind a toggle; the browser reads no chain logs", async () => {
    const id = activeProposal();
    const browser = world.context.browser();
    assert.ok(browser, "the shared context belongs to a browser");
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
    try {
      const page = await context.newPage();
      await page.goto(`${world.web.url}/proposals/${id}`);
      assert.equal(await page.getByTestId("proposal-state").textContent(), "Voting open", "rendered on the server, without JavaScript");
      await page.getByTestId("tally-for").waitFor();
      const actions = page.getByTestId("action");
      assert.ok((await actions.count()) >= 1);
      const action = actions.first();
      const sentence = (await action.getByTestId("action-sentence").textContent()) ?? "";
      assert.ok(sentence.length > 0 && !/^0x/.test(sentence), `a sentence, not a hex call: ${sentence}`);
      const children = await action.evaluate((li) => [...li.children].map((c) => c.getAttribute("data-testid") ?? c.tagName.toLowerCase()));
      assert.equal(children[0], "action-sentence", "the sentence comes first");
      const calldata = action.getByTestId("calldata");
      assert.match((await calldata.textContent()) ?? "", /^0x[0-9a-f]{8}/);
      assert.equal(await calldata.isVisible(), false, "the raw calldata is inside the closed toggle");
      assert.equal(await action.locator("details").getByTestId("calldata").count(), 1);
      await action.locator("details > summary").click();
      assert.equal(await calldata.isVisible(), true, "the toggle opens without JavaScript");
      await world.screenshot(page, "public-proposal-no-js");
    } finally {
      await context.close();
    }
    // With the dApp's scripts running (wallet controls, the periodic server re-render): no eth_getLogs from the browser.
    const page = track(await world.page());
    const logReads: string[] = [];
    page.on("request", (request) => {
      if ((request.postData() ?? "").includes("eth_getLogs")) logReads.push(request.url());
    });
    await page.goto(`${world.web.url}/proposals/${id}`);
    await page.getByTestId("tally-for").waitFor();
    await page.waitForTimeout(7_000);
    assert.deepEqual(logReads, [], "the browser read no logs");
    await page.close();
  });

  it("officials and agencies, and the open-data links", async () => {
    const page = await openAs("/officials");
    assert.equal(await page.getByTestId("officials-table").locator("tbody tr").count(), 6);
    await page.getByTestId("agencies-table").getByText("Ministry of Digital Development").waitFor();
    await world.screenshot(page, "public-officials");
    // A page per official, linked from the list: the seat, its agency and every vote with its reason.
    const voter = cast.officials[1];
    await page.getByTestId("officials-table").getByRole("link", { name: new RegExp(voter, "i") }).click();
    await page.waitForURL(new RegExp(`/officials/${voter}$`, "i"));
    await page.getByTestId("official-facts").getByText("Ministry of Finance").waitFor();
    const votes = page.getByTestId("official-votes").locator("li");
    assert.ok((await votes.count()) > 1, "the official's votes");
    await page.getByTestId("official-votes").getByText("The pilot keeps paper archives untouched.").waitFor();
    // The official's agency has its own page: registrars, officials, money and documents.
    await page.getByTestId("official-facts").getByRole("link", { name: "Ministry of Finance" }).click();
    await page.waitForURL(/\/agencies\/1$/);
    await page.getByTestId("agency-name").getByText("Ministry of Finance").waitFor();
    await page.getByTestId("agency-registrars").getByText(cast.financeRegistrar, { exact: false }).waitFor();
    await page.getByTestId("agency-officials").getByRole("link", { name: new RegExp(voter, "i") }).waitFor();
    assert.ok((await page.getByTestId("agency-documents").locator("li").count()) > 0, "the agency's documents");
    await page.getByTestId("agency-documents").getByTestId("row-status").first().and(page.locator('[data-source="chain"]')).waitFor();
    // The seed's allocations are charged to the central government's budget, not to the ministry: the page says so.
    await page.getByText("No allocation is charged to this agency.").waitFor();
    assert.equal(await page.getByTestId("agency-allocations").locator("li").count(), 0);
    await world.screenshot(page, "public-agency");
    assert.equal((await fetch(`${world.web.url}/agencies/999`)).status, 404);
    await page.goto(`${world.web.url}/officials/${voter}`);
    await votes.first().getByRole("link").click();
    await page.waitForURL(/\/proposals\/\d+$/);
    await page.getByTestId("votes").getByRole("link", { name: new RegExp(voter.slice(2, 6), "i") }).first().waitFor();
    assert.equal((await fetch(`${world.web.url}/officials/0x${"00".repeat(20)}`)).status, 404);
    await page.goto(`${world.web.url}/open-data`);
    const csv = await page.getByRole("link", { name: "Documents as CSV" }).getAttribute("href");
    assert.ok(csv);
    const response = await fetch(csv);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /^id,docType,status/);
    // Every data set of the catalogue (core/src/datasets.ts) answers in each format it offers, and so does the catalogue.
    const hrefs = await page.getByTestId("open-data").locator("a").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(hrefs.length >= 30, `${hrefs.length} links`);
    for (const href of [...hrefs, await page.getByRole("link", { name: /DCAT-AP/ }).getAttribute("href")]) {
      assert.equal((await fetch(href ?? "")).status, 200, href ?? "");
    }
    // Each data set and each standard is explained, in the reader's language.
    await page.getByTestId("open-data").getByText("Every payment released from the escrow, with its transaction.").waitFor();
    await page.getByTestId("standards").getByText("Open Contracting Data Standard (OCDS 1.1)").waitFor();
    for (const [locale, dataset, standard] of [
      ["ru", "Каждая выплата из эскроу, с её транзакцией.", "Стандарт данных открытых контрактов (OCDS 1.1)"],
      ["kk", "Эскроудан төленген әрбір төлем, транзакциясымен бірге.", "Ашық келісімшарттар деректерінің стандарты (OCDS 1.1)"],
    ] as const) {
      const html = await (await fetch(`${world.web.url}/open-data`, { headers: { cookie: `${LOCALE_COOKIE}=${locale}` } })).text();
      assert.ok(html.includes(dataset) && html.includes(standard), `the open-data page in ${locale} explains its data sets and standards`);
    }
    await world.screenshot(page, "public-open-data");
    await page.close();
  });

  it("draws the keyboard focus with at least 3:1 contrast, on the light page and in the dark header", async () => {
    const page = await openAs("/");
    const ratios: Record<string, number> = {};
    for (const [where, selector] of [["page", "main a"], ["header", ".site-nav a"]] as const) {
      await page.locator(selector).first().waitFor();
      // Tab to the first such link, so that the browser shows the ring as it does for a keyboard user.
      for (let i = 0; i < 60 && !(await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)); i++) await page.keyboard.press("Tab");
      // Only plain data comes back from the page (no helper functions in it: tsx would name them with a helper the
      // page does not have); the ratio is computed here.
      const colors = await page.evaluate(() => {
        const focused = document.activeElement as HTMLElement;
        let behind = "rgb(255, 255, 255)";
        for (let e: HTMLElement | null = focused.parentElement; e; e = e.parentElement) {
          const bg = getComputedStyle(e).backgroundColor;
          if (bg !== "transparent" && !/^rgba\(.*,\s*0\)$/.test(bg)) {
            behind = bg;
            break;
          }
        }
        const style = getComputedStyle(focused);
        return { behind, outline: style.outlineStyle === "none" ? null : style.outlineColor, shadow: /rgba?\([^)]*\)/.exec(style.boxShadow)?.[0] ?? null };
      });
      const rings = [colors.outline, colors.shadow].filter((c): c is string => c !== null);
      ratios[where] = Math.max(0, ...rings.map((ring) => contrast(ring, colors.behind)));
    }
    assert.ok((ratios.page ?? 0) >= 3 && (ratios.header ?? 0) >= 3, `focus ring contrast: ${JSON.stringify(ratios)}`);
    await page.close();
  });

  it("lays out the documents browser on a phone without sideways scrolling", async () => {
    const page = await openAs("/documents");
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    await world.screenshot(page, "public-documents-mobile");
    await page.close();
  });

  it("shows a translated banner with a retry link when the API does not answer", async () => {
    const deadApi = `http://127.0.0.1:${await freePort()}`;
    const web = await startWeb({ port: await freePort(), rpcUrl: world.rpcUrl, chainId: world.chainId, deploymentDir: world.deploymentDir, contentDir: world.contentDir, apiUrl: deadApi });
    try {
      const page = await world.page();
      track(page);
      await page.goto(`${web.url}/budget`);
      await page.getByRole("alert").filter({ hasText: "The public data service is not reachable; try again in a moment." }).waitFor();
      assert.equal(await page.getByRole("link", { name: "Try again" }).getAttribute("href"), "/budget");
      await world.screenshot(page, "public-api-down");
      await page.goto(`${web.url}/`);
      await page.getByTestId("api-down").waitFor();
      await page.getByRole("heading", { level: 1, name: "Government decisions you can check" }).waitFor();
      await page.close();
    } finally {
      await web.stop();
    }
  });
});

describe("an official votes on the open proposal", () => {
  it("shows the seat and voting power of the connected official", async () => {
    const page = await openAs("/council", 2);
    assert.equal(await page.getByTestId("voting-power").textContent(), "1");
    await page.getByRole("link", { name: /Law|Decree/ }).first().waitFor();
    await world.screenshot(page, "council");
    await page.close();
  });

  it("casts a vote against with a reason, and the tally and the list of votes change", async () => {
    const page = await openAs(`/proposals/${activeProposal()}`, 2);
    await page.getByTestId("tally-for").waitFor();
    assert.equal(await page.getByTestId("proposal-state").textContent(), "Voting open");
    const againstBefore = Number(await page.getByTestId("tally-against").textContent());
    const reason = "The register needs a privacy review first.";
    await castVote(page, "Against", reason);
    await page.getByText(/Confirmed in block/).waitFor({ timeout: 20_000 });
    await page.getByTestId("tally-against").filter({ hasText: String(againstBefore + 1) }).waitFor();
    await page.getByTestId("votes").getByText(reason).waitFor();
    await page.getByTestId("already-voted").waitFor();
    await world.screenshot(page, "proposal-after-vote");
    await page.close();
  });
});

describe("error paths, each shown as a plain message", () => {
  it("tells an account without a seat that it cannot vote, offers it no vote form, and still lets it relay a ballot", async () => {
    const page = await openAs(`/proposals/${activeProposal()}`, 9);
    await page.getByTestId("no-seat").getByText("This account holds no seat on the council, so it cannot vote.", { exact: false }).waitFor();
    assert.equal(await page.getByRole("group", { name: "Your vote" }).count(), 0, "no vote form");
    assert.equal(await page.getByRole("button", { name: "Vote", exact: true }).count(), 0);
    await page.getByLabel("Paste the signed ballot (JSON)").waitFor();
    await world.screenshot(page, "error-not-official");
    await page.close();
  });

  it("reports a transaction the official rejects in the wallet", async () => {
    world.wallet.rejectTransactions = true;
    try {
      const page = await openAs(`/proposals/${activeProposal()}`, 6);
      await castVote(page, "For", "");
      await page.getByRole("alert").filter({ hasText: "You rejected the request in your wallet" }).waitFor();
      assert.equal(await page.getByTestId("tally-for").textContent(), await page.getByTestId("tally-for").textContent());
      await page.close();
    } finally {
      world.wallet.rejectTransactions = false;
    }
  });

  it("refuses to register a file that is already registered", async () => {
    const page = await openAs("/registrar", 7);
    await fillDocument(page, await world.documentFile("orderBudgetReports"), "FIN-DUP-1");
    await page.getByRole("alert").filter({ hasText: "This document is already registered" }).waitFor({ timeout: 20_000 });
    await world.screenshot(page, "error-duplicate");
    await page.close();
  });

  it("warns when the wallet is on another network", async () => {
    world.wallet.chainId = 1;
    try {
      const page = await openAs("/council", 2);
      await page.getByTestId("wrong-network").waitFor();
      assert.match((await page.getByTestId("wrong-network").textContent()) ?? "", /chain 1, but this site works with chain 31337/);
      await world.screenshot(page, "error-wrong-network");
      await page.close();
    } finally {
      delete world.wallet.chainId;
    }
  });
});

/** WCAG 2 contrast ratio of two CSS rgb()/rgba() colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, bl = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
    const linear = [r, g, bl].map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (linear[0] ?? 0) + 0.7152 * (linear[1] ?? 0) + 0.0722 * (linear[2] ?? 0);
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

async function fillDocument(page: Page, file: string, number: string) {
  await page.getByLabel("Document file").setInputFiles(file);
  await page.getByTestId("content-hash").waitFor();
  await page.getByLabel("Number").fill(number);
  await page.getByLabel("Title in Kazakh").fill("Ақпараттық қауіпсіздік туралы бұйрық");
  await page.getByLabel("Title in Russian").fill("Приказ об информационной безопасности");
  await page.getByLabel("Title in English").fill("Order on information security");
  await page.getByLabel("Date adopted").fill("2026-03-01");
  await page.getByRole("button", { name: "Issue the document" }).click();
}

describe("a registrar issues a document", () => {
  it("validates the form before anything is sent", async () => {
    const page = await openAs("/registrar", 7);
    await page.getByRole("button", { name: "Issue the document" }).click();
    await page.getByText("Choose the document file.").waitFor();
    assert.ok((await page.getByText("Required.").count()) >= 4);
    await page.close();
  });

  it("refuses a file over 256 MiB as /verify does, and forgets the file it had before", async () => {
    const page = await openAs("/registrar", 7);
    await page.getByLabel("Document file").setInputFiles(await world.documentFile("orderBudgetReports"));
    await page.getByTestId("content-hash").waitFor();
    const tooLarge = await world.tempFile("registrar-too-large.bin", "");
    await truncate(tooLarge, 256 * 1024 * 1024 + 1); // sparse: no bytes written
    await page.getByLabel("Document file").setInputFiles(tooLarge);
    await page.locator('[data-file-problem="tooLarge"]').getByText("This file is larger than 256 MiB", { exact: false }).waitFor();
    assert.equal(await page.getByTestId("content-hash").count(), 0, "the earlier file's hash is gone");
    await page.getByRole("button", { name: "Issue the document" }).click();
    await page.getByText("Choose the document file.").waitFor();
    await page.close();
  });

  it("mints an order from a dropped file, and /verify then finds it in force", async () => {
    const file = await world.tempFile("new-order.txt", `Order FIN-2026/101 on information security\n${randomBytes(16).toString("hex")}\n`);
    const page = await openAs("/registrar", 7);
    await fillDocument(page, file, "FIN-2026/101");
    // Registered, the registrar lands on the new document's public page once the register shows it.
    const id = `0x${createHash("sha256").update(await readFile(file)).digest("hex")}`;
    await page.waitForURL(`${world.web.url}/documents/${id}`, { timeout: 30_000 });
    await page.getByRole("heading", { level: 1, name: /FIN-2026\/101/ }).waitFor();
    await world.screenshot(page, "registrar-minted");
    await page.goto(`${world.web.url}/verify`);
    assert.equal(await verifyFile(page, file), "active");
    await page.getByText("Order", { exact: true }).waitFor();
    await page.close();
  });
});

describe("anyone verifies a file without a wallet", () => {
  it("finds the current version of an amended decree: in force", async () => {
    const page = await openAs("/verify");
    assert.equal(await verifyFile(page, await world.documentFile("decreePilotRevised")), "active");
    await page.getByText("Found: in force").waitFor();
    await page.getByTestId("issuer").locator('[data-account="TimelockController"]').waitFor();
    await world.screenshot(page, "verify-active");
    await page.close();
  });

  it("finds the superseded version: amended, with the reason and the newer version", async () => {
    const page = await openAs("/verify");
    assert.equal(await verifyFile(page, await world.documentFile("decreePilot")), "amended");
    await page.getByText("Extends the pilot to notices and certificate batches.").waitFor();
    await page.getByText("Replaced by", { exact: true }).waitFor();
    await world.screenshot(page, "verify-amended");
    await page.close();
  });

  it("finds a revoked decree, with the reason for the revocation", async () => {
    const page = await openAs("/verify");
    assert.equal(await verifyFile(page, await world.documentFile("decreeWorkingGroup")), "revoked");
    await page.getByText("Replaced by the Law on open budget data (L-2026/002).").waitFor();
    await world.screenshot(page, "verify-revoked");
    await page.close();
  });

  it("finds a certificate of the seed's Merkle batch from the chain's root: a member, its co-signature valid; one changed byte is not found", async () => {
    const store = openContentStore(world.contentDir);
    const tree = loadBatchTree(await store.getText(world.record.batch.treeDumpCid));
    const [, [hash = ""]] = [...tree.entries()][3] ?? [0, [""]];
    const bytes = await store.getByDigest(hash);
    const page = await openAs("/verify");
    assert.equal(await verifyFile(page, await world.tempFile("certificate.txt", bytes)), "active");
    await page.getByTestId("batch-member").getByText(world.record.batch.root).waitFor();
    await page.locator('[data-testid="cosignature"][data-cosignature="valid"]').waitFor();
    await world.screenshot(page, "verify-certificate");
    const changed = Uint8Array.from(bytes);
    changed[changed.length - 2] = (changed[changed.length - 2] ?? 0) ^ 1;
    assert.equal(await verifyFile(page, await world.tempFile("certificate-changed.txt", changed)), "not-found");
    await page.close();
  });

  it("says 'not found' for a file that was never registered", async () => {
    const page = await openAs("/verify");
    assert.equal(await verifyFile(page, await world.tempFile("unknown.pdf", randomBytes(2048))), "not-found");
    await page.getByText("Not found", { exact: true }).waitFor();
    await world.screenshot(page, "verify-unknown");
    await page.close();
  });
});

describe("the Office of the Government publishes an open-data snapshot", () => {
  it("anchors a complete dump of every data set as one co-signed batch; the open-data page lists it, and /verify finds its CSV on chain (one changed byte: not found)", async () => {
    const account = privateKeyToAccount(demoAgencySystemKey(GOVERNMENT_OFFICE_AGENCY_ID));
    const publisher = {
      apiUrl: world.indexer.url, gatewayUrl: world.gateway.url, agencyId: GOVERNMENT_OFFICE_AGENCY_ID, account, chainId: world.chainId,
      store: openContentStore(world.contentDir), intervalSeconds: 86_400,
      // Three rows a page: every list of the seed takes several pages, so the dump must follow each cursor to the end.
      pageRows: 3,
    };
    const published = await publishSnapshot(publisher);
    assert.equal(published.submitted, true);
    const manifest = published.manifest;
    assert.ok(manifest);
    // Complete: the documents' dump is, byte for byte, the API's one-page CSV of every document.
    const documentsFile = manifest.files.find((f) => f.name === "documents.csv");
    assert.ok(documentsFile && documentsFile.rows !== null && documentsFile.rows > 3 * 2, `documents.csv has ${documentsFile?.rows} rows`);
    const store = openContentStore(world.contentDir);
    const dumped = await store.getByDigest(documentsFile.sha256);
    const oneShot = new Uint8Array(await (await fetch(`${world.indexer.url}/api/v1/documents?format=csv&limit=1000`)).arrayBuffer());
    assert.deepEqual(dumped, oneShot);
    // Readable beside the chain's values: the seed's allocations are in digital tenge, with times in ISO 8601.
    const allocationsFile = manifest.files.find((f) => f.name === "allocations.csv");
    assert.ok(allocationsFile);
    const [header = "", firstRow = ""] = new TextDecoder().decode(await store.getByDigest(allocationsFile.sha256)).split("\r\n");
    const cells = Object.fromEntries(header.split(",").map((name, i) => [name, firstRow.split(",")[i]]));
    assert.equal(cells.currency, "KZT");
    assert.match(cells.totalDecimal ?? "", /^[0-9]+(\.[0-9]{1,2})?$/);
    assert.equal(BigInt(cells.total ?? "0"), BigInt(Math.round(Number(cells.totalDecimal) * 100)));
    assert.equal(cells.createdAtIso, new Date(Number(cells.createdAt) * 1000).toISOString().replace(".000Z", "Z"));
    assert.deepEqual(manifest.files.map((f) => f.name).sort(), [
      ...DATASETS.filter((d) => d.formats.includes("csv")).map((d) => snapshotCsvName(d.key)), "datapackage.json", "ocds-record-package.json", "ocds-release-package.json", "popolo.json",
    ].sort());

    // Anchored once: the same slot asked again answers the first request's receipt, and nothing new is sent.
    let receipt = published.receipt;
    for (let tries = 0; receipt.state !== "confirmed" && receipt.state !== "failed" && tries < 120; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const again = await publishSnapshot(publisher);
      assert.equal(again.submitted, false);
      receipt = again.receipt;
    }
    assert.equal(receipt.state, "confirmed", JSON.stringify(receipt.error));

    // The API lists it once indexed; its verify answer names the batch's type and the file.
    let listed: SnapshotList["items"][number] | undefined;
    for (let tries = 0; !listed && tries < 120; tries++) {
      const list = snapshotListSchema.parse(await (await fetch(`${world.indexer.url}/api/v1/snapshots`)).json());
      listed = list.items.find((item) => item.number === published.number);
      if (!listed) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.ok(listed, "the API lists the snapshot");
    assert.equal(listed.root, receipt.documentId);
    assert.deepEqual(listed.files, manifest.files);
    const apiVerdict = (await (await fetch(`${world.indexer.url}/api/v1/verify/${documentsFile.sha256}`)).json()) as { docType: string; batch: { file: { name: string } | null } };
    assert.equal(apiVerdict.docType, "NOTICE");
    assert.equal(apiVerdict.batch.file?.name, "documents.csv");

    const page = await openAs("/open-data");
    const entry = page.locator(`[data-testid="snapshot"][data-number="${published.number}"]`);
    await entry.getByText("Published by Office of the Government", { exact: false }).waitFor();
    const link = entry.locator('tr[data-file="documents.csv"] a');
    assert.equal(await link.getAttribute("download"), "documents.csv");
    const downloaded = new Uint8Array(await (await fetch(`${world.web.url}${await link.getAttribute("href")}`)).arrayBuffer());
    assert.deepEqual(downloaded, dumped);
    await world.screenshot(page, "open-data-snapshot");

    // The CLI checks the downloaded file by itself, against the chain and the content store.
    const downloadedFile = await world.tempFile("documents.csv", downloaded);
    const cli = spawnSync(process.execPath, ["--import", "tsx", "scripts/gov.ts", "verify", downloadedFile, "--rpc", world.rpcUrl, "--deployment-dir", world.deploymentDir, "--content-dir", world.contentDir], {
      cwd: ROOT_DIR, encoding: "utf8", timeout: 120_000,
    });
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /FOUND: notice of Office of the Government \(agency 3\), status Active, member of a batch of (\d+)/);
    assert.equal(Number(/member of a batch of (\d+)/.exec(cli.stdout)?.[1]), new Set(manifest.files.map((f) => f.sha256)).size);
    assert.match(cli.stdout, new RegExp(`batch +${published.number}, root ${listed.root}`));
    assert.match(cli.stdout, /file +documents\.csv \(data set documents, as the batch's manifest names it\)/);
    assert.match(cli.stdout, /valid ML-DSA-65 co-signature of the batch root by agency 3/);

    await page.goto(`${world.web.url}/verify`);
    assert.equal(await verifyFile(page, downloadedFile), "active");
    await page.getByTestId("batch-member").getByText(listed.root).waitFor();
    await page.getByTestId("batch-file").getByText("documents.csv", { exact: false }).waitFor();
    await page.locator('[data-testid="cosignature"][data-cosignature="valid"]').waitFor();
    await world.screenshot(page, "verify-snapshot-file");
    const changed = Uint8Array.from(downloaded);
    changed[changed.length - 3] = (changed[changed.length - 3] ?? 0) ^ 1;
    assert.equal(await verifyFile(page, await world.tempFile("documents-changed.csv", changed)), "not-found");
    await page.close();
  });
});

describe("the language switch", () => {
  it("switches to Russian and Kazakh, remembers the choice across reloads, and back to English", async () => {
    const page = await openAs("/");
    await world.screenshot(page, "home-en");
    await page.getByRole("button", { name: "Русский" }).click();
    await page.getByRole("heading", { level: 1, name: "Решения правительства, которые можно проверить" }).waitFor();
    await page.reload();
    assert.equal(await page.locator("html").getAttribute("lang"), "ru");
    await page.getByRole("heading", { level: 1, name: "Решения правительства, которые можно проверить" }).waitFor();
    await page.getByRole("button", { name: "Қазақша" }).click();
    await page.getByRole("heading", { level: 1, name: "Тексеруге болатын үкімет шешімдері" }).waitFor();
    // A chain date reads the same whether the server or the browser draws it (core/src/dates.ts), as Kazakh official
    // texts write it: "2026 жылғы 12 желтоқсан, 14:05".
    await page.goto(`${world.web.url}/documents/${world.record.documents.decreePilotRevised?.tokenId}`);
    const serverDate = await page.getByTestId("issued-at").innerText();
    assert.match(serverDate, /^\d{4} жылғы \d{1,2} \p{L}+, \d{2}:\d{2}$/u);
    await page.goto(`${world.web.url}/verify`);
    await page.getByRole("heading", { level: 1, name: "Құжатты тексеру" }).waitFor();
    assert.equal(await verifyFile(page, await world.documentFile("decreePilotRevised")), "active");
    assert.equal(await page.getByTestId("issued-at").innerText(), serverDate);
    await world.screenshot(page, "verify-kk");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Verify a document" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("lang"), "en");
    await page.close();
  });
});

describe("anyone carries out a passed proposal", () => {
  it("queues a succeeded proposal in the Timelock", async () => {
    const id = world.record.proposals.succeeded;
    assert.ok(id, "the seed leaves a Succeeded proposal");
    const page = await openAs(`/proposals/${id}`, 0);
    await page.getByRole("button", { name: "Queue in the Timelock" }).click();
    await page.getByText(/Confirmed in block/).waitFor({ timeout: 20_000 });
    await page.getByTestId("proposal-state").filter({ hasText: "Queued" }).waitFor();
    await page.getByText("Queued: it can be executed once the Timelock delay has passed.").waitFor();
    await page.close();
  });

  it("executes a queued proposal once the Timelock delay has passed", async () => {
    const id = world.record.proposals.queued;
    assert.ok(id, "the seed leaves a Queued proposal");
    await world.advanceTime(61);
    const page = await openAs(`/proposals/${id}`, 0);
    await page.getByRole("button", { name: "Execute" }).click();
    await page.getByText(/Confirmed in block/).waitFor({ timeout: 20_000 });
    await page.getByTestId("proposal-state").filter({ hasText: "Executed" }).waitFor();
    await world.screenshot(page, "proposal-executed");
    await page.close();
  });
});

describe("development accounts (local chain only)", () => {
  it("connects anvil's account #3 without a browser wallet and shows its seat", async () => {
    const page = await openAs("/council", 2);
    await page.getByRole("button", { name: "Disconnect" }).click();
    await page.locator('[data-wallet-status="disconnected"]').waitFor();
    await page.locator("summary", { hasText: "Connect wallet" }).click();
    await page.getByRole("heading", { name: "Development accounts — local chain only" }).waitFor();
    await page.getByRole("button", { name: /^#3 official/ }).click();
    await page.getByTestId("connected-account").filter({ hasText: "0x90F7…b906" }).waitFor();
    assert.equal(await page.getByTestId("voting-power").textContent(), "1");
    await page.getByText("Ministry of Digital Development").waitFor();
    await page.close();
  });
});

describe("on a phone-sized screen", () => {
  it("no public page scrolls sideways at 390 px", async () => {
    const routes = [
      "/",
      "/documents",
      `/documents/${world.record.documents.decreePilotRevised?.tokenId}`,
      "/proposals",
      `/proposals/${activeProposal()}`,
      "/budget",
      "/officials",
      "/appeals",
      "/open-data",
      "/verify",
    ];
    const page = await openAs("/");
    await page.setViewportSize({ width: 390, height: 844 });
    const wide: string[] = [];
    for (const route of routes) {
      await page.goto(`${world.web.url}${route}`, { waitUntil: "networkidle" });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${route}: ${overflow} px`);
    }
    assert.deepEqual(wide, [], "pages that scroll sideways");
    // The proposals table is stacked on a phone: every row's tally is in view, not behind a sideways scroll.
    await page.goto(`${world.web.url}/proposals`);
    const tallies = await page.getByTestId("tally").evaluateAll((cells) => cells.map((c) => c.getBoundingClientRect().right));
    assert.ok(tallies.length > 0 && tallies.every((right) => right <= 390), `tally cells end at ${tallies.join(", ")} px`);
    await page.close();
  });

  it("draws the budget chart with readable text at 390 px (the wide chart scaled down drew 6 px labels)", async () => {
    const page = await openAs("/budget");
    await page.setViewportSize({ width: 390, height: 844 });
    const narrow = page.getByTestId("money-chart").locator("svg.chart-narrow");
    await narrow.waitFor();
    assert.equal(await page.getByTestId("money-chart").locator("svg.chart-wide").isVisible(), false);
    const heights = await narrow.locator("text").evaluateAll((texts) => texts.map((t) => t.getBoundingClientRect().height));
    assert.ok(heights.length >= 6 && Math.min(...heights) >= 11, `text heights on the phone: ${heights.map((h) => h.toFixed(1)).join(", ")} px`);
    await world.screenshot(page, "budget-mobile");
    await page.close();
  });

  it("lays out the verify page in one column", async () => {
    const page = await openAs("/verify");
    await page.setViewportSize({ width: 390, height: 844 });
    await verifyFile(page, await world.documentFile("decreeWorkingGroup"));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
    await world.screenshot(page, "verify-mobile");
    await page.close();
  });
});
