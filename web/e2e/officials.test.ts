/**
 * Officials and registrars in a real browser against a real chain: a vote by EIP-712 signature (signed and submitted
 * by the official, or signed only and relayed by another account), a tampered ballot refused before anything is
 * sent, a registrar amending and revoking documents of their agency, and a development-account connection that
 * survives a reload. See e2e/harness.ts for the world (anvil + Ignition + demo seed + indexer + `next start` +
 * chromium with an injected wallet that forwards eth_signTypedData_v4 to anvil).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";

import type { Page } from "playwright-core";

import { devAccount } from "@government-dao/devchain/demo-cast";
import { LOCALE_COOKIE } from "../i18n/locales";
import type { World } from "./harness";
import { worldSession } from "./session";

let world: World;
const { openAs, track } = worldSession({ artifacts: "officials" }, (started) => {
  world = started;
});

async function rpc<T>(method: string, params: unknown[] = []): Promise<T> {
  const response = await fetch(world.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  return ((await response.json()) as { result: T }).result;
}

const blockNumber = async (): Promise<number> => Number(await rpc<string>("eth_blockNumber"));

function activeProposal(): string {
  const id = world.record.proposals.active;
  assert.ok(id, "the seed leaves an Active proposal");
  return id;
}

function seededDocument(key: string): string {
  const id = world.record.documents[key]?.tokenId;
  assert.ok(id, `the seed has the document ${key}`);
  return id;
}

const tally = async (page: Page, kind: "for" | "against" | "abstain"): Promise<number> => Number(await page.getByTestId(`tally-${kind}`).textContent());

/** Fills the vote form: support, reason and how to cast it. */
async function fillVote(page: Page, support: "For" | "Against" | "Abstain", reason: string, method: "Sign a ballot and submit it" | "Sign only") {
  await page.getByRole("radio", { name: support, exact: true }).check();
  await page.getByLabel("Reason (public, optional)").fill(reason);
  await page.getByRole("radio", { name: method }).check();
}

/** Pastes `text` into the relay form and submits it. */
async function relay(page: Page, text: string) {
  await page.getByLabel("Paste the signed ballot (JSON)").fill(text);
  await page.getByRole("button", { name: "Submit the ballot" }).click();
}

/** Reloads a server-rendered page until `ready` holds (the indexer needs a moment to see a new block). */
async function reloadUntil(page: Page, ready: () => Promise<boolean>, timeout = 30_000) {
  const until = Date.now() + timeout;
  for (;;) {
    if (await ready()) return;
    if (Date.now() > until) throw new Error("the page did not show the change in time");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await page.reload();
  }
}

describe("an official votes by EIP-712 signature", () => {
  it("signs and submits a ballot with a reason: the tally changes and the reason is recorded", async () => {
    const page = await openAs(`/proposals/${activeProposal()}`, 2);
    await page.getByTestId("tally-for").waitFor();
    const before = await tally(page, "for");
    const reason = "Signed ballot: the register is ready for review.";
    await fillVote(page, "For", reason, "Sign a ballot and submit it");
    await world.screenshot(page, "vote-by-sig-form");
    await page.getByRole("button", { name: "Sign and submit" }).click();
    await page.getByText(/Confirmed in block/).waitFor({ timeout: 20_000 });
    await page.getByTestId("tally-for").filter({ hasText: String(before + 1) }).waitFor();
    const vote = page.getByTestId("votes").locator("li", { hasText: reason });
    await vote.waitFor();
    assert.match((await vote.textContent()) ?? "", /0x3C44/i, "the vote counts as the signer's (#2), not the sender's");
    await page.getByTestId("already-voted").waitFor();
    await world.screenshot(page, "vote-by-sig-confirmed");
    await page.close();
  });

  it("signs only; a tampered or malformed ballot is refused plainly and nothing is sent; another account relays the real one", async () => {
    const proposal = activeProposal();
    const official = await openAs(`/proposals/${proposal}`, 3);
    await official.getByTestId("tally-against").waitFor();
    const againstBefore = await tally(official, "against");
    const reason = "Relayed ballot: the budget line needs an audit first.";
    const blockBefore = await blockNumber();
    await fillVote(official, "Against", reason, "Sign only");
    await official.getByRole("button", { name: "Sign the ballot" }).click();
    const signed = official.getByTestId("signed-ballot");
    await signed.waitFor();
    const text = await signed.inputValue();
    const ballot = JSON.parse(text) as Record<string, unknown>;
    assert.equal(ballot.kind, "government-dao/ballot@1");
    assert.equal(ballot.proposalId, proposal);
    assert.equal(ballot.support, 0);
    assert.equal(ballot.reason, reason);
    assert.equal(String(ballot.voter).toLowerCase(), devAccount(3).toLowerCase());
    assert.match(String(ballot.signature), /^0x[0-9a-f]{130}$/i);
    assert.equal(await official.getByRole("link", { name: "Download the ballot" }).getAttribute("download") !== null, true);
    assert.equal(await blockNumber(), blockBefore, "signing only sends nothing");
    await world.screenshot(official, "ballot-signed-only");
    await official.close();

    // The treasurer (#9, no seat) relays it.
    const relayer = await openAs(`/proposals/${proposal}`, 9);
    await relayer.getByTestId("ballot-relay").waitFor();
    await relay(relayer, "{ this is not json");
    await relayer.getByRole("alert").filter({ hasText: "This is not a signed ballot" }).waitFor();
    await relay(relayer, JSON.stringify({ ...ballot, support: 1 }));
    await relayer.getByRole("alert").filter({ hasText: "The ballot's signature is not the voter's" }).waitFor();
    await world.screenshot(relayer, "ballot-tampered");
    assert.equal(await blockNumber(), blockBefore, "a refused ballot sends nothing");
    assert.equal(await tally(relayer, "against"), againstBefore);

    await relay(relayer, text);
    await relayer.getByText(/Confirmed in block/).waitFor({ timeout: 20_000 });
    await relayer.getByTestId("tally-against").filter({ hasText: String(againstBefore + 1) }).waitFor();
    const vote = relayer.getByTestId("votes").locator("li", { hasText: reason });
    await vote.waitFor();
    assert.match((await vote.textContent()) ?? "", /0x90F7/i, "the relayed vote counts as the official's (#3)");
    await world.screenshot(relayer, "ballot-relayed");

    // The same ballot again: the official has voted.
    await relay(relayer, text);
    await relayer.getByRole("alert").filter({ hasText: "You have already voted on this proposal" }).waitFor();
    await relayer.close();
  });
});

describe("a registrar amends and revokes documents of the agency", () => {
  it("amends an order with a new file: the old version shows as amended, the new one as current, /verify agrees", async () => {
    const oldId = seededDocument("orderBudgetReports");
    // The registrar picks the document from their agency's list.
    const page = await openAs("/registrar", 7);
    await page.getByTestId("agency-documents").getByRole("link", { name: "MF-2026/014 — On the procedure for publishing budget reports" }).click();
    await page.waitForURL(`**/documents/${oldId}`);
    await page.getByTestId("registrar-actions").waitFor();
    await page.getByRole("button", { name: "Amend", exact: true }).click();
    // The metadata form starts from the old version's.
    assert.equal(await page.getByLabel("Number").inputValue(), "MF-2026/014");
    assert.equal(await page.getByLabel("Title in English").inputValue(), "On the procedure for publishing budget reports");
    const file = await world.tempFile(`amended-${randomBytes(4).toString("hex")}.txt`, `MF-2026/014 rev. 2\n${randomBytes(16).toString("hex")}\n`);
    await page.getByLabel("New document file").setInputFiles(file);
    const newId = (await page.getByTestId("amend-content-hash").textContent()) ?? "";
    assert.match(newId, /^0x[0-9a-f]{64}$/);
    await page.getByLabel("Number").fill("MF-2026/014-2");
    await page.getByLabel("Title in English").fill("On the procedure for publishing budget reports (revised)");

    // The reason is required.
    await page.getByRole("button", { name: "Issue the amended version" }).click();
    await page.getByText("A reason is required.").waitFor();
    await page.getByLabel("Reason for the amendment (public)").fill("Reports are also published weekly.");
    await world.screenshot(page, "amend-form");
    await page.getByRole("button", { name: "Issue the amended version" }).click();
    await page.getByText(/Confirmed in block/).waitFor({ timeout: 30_000 });

    // The link to the new version comes from the public data service once it has indexed the amendment; the status
    // badge is the chain's, read in the browser.
    await reloadUntil(page, async () => (await page.getByRole("link", { name: "Replaced by a newer version" }).count()) > 0);
    await page.locator('h1 + p [data-status="AMENDED"][data-source="chain"]').waitFor();
    await page.getByRole("link", { name: "Replaced by a newer version" }).click();
    await page.waitForURL(`**/documents/${newId}`);
    await page.locator('h1 + p [data-status="ACTIVE"]').waitFor();
    assert.match((await page.locator("h1").textContent()) ?? "", /MF-2026\/014-2/);
    // The new metadata is co-signed by the agency (checked in the browser).
    await page.locator('[data-testid="cosignature"][data-cosignature="valid"]').waitFor();
    await page.getByTestId("history").getByText("Registered as an amendment · Reason: Reports are also published weekly.").waitFor();
    await world.screenshot(page, "amend-new-version");

    await page.goto(`${world.web.url}/verify`);
    await page.locator('input[type="file"]').setInputFiles(await world.documentFile("orderBudgetReports"));
    await page.locator('[data-verdict="amended"]').waitFor({ timeout: 15_000 });
    await world.screenshot(page, "amend-verify-old");
    await page.close();
  });

  it("revokes an order with a reason, which the document page then shows", async () => {
    const id = seededDocument("orderTengeAccounting");
    const page = await openAs(`/documents/${id}`, 7);
    await page.getByTestId("registrar-actions").waitFor();
    await page.getByRole("button", { name: "Revoke", exact: true }).click();
    await page.getByRole("button", { name: "Revoke the document" }).click();
    await page.getByText("A reason is required.").waitFor();
    const reason = "Superseded by the treasury's new accounting rules.";
    await page.getByLabel("Reason for revocation (public, required)").fill(reason);
    await page.getByRole("button", { name: "Revoke the document" }).click();
    await page.getByText(/Confirmed in block/).waitFor({ timeout: 20_000 });
    await world.screenshot(page, "revoke-confirmed");
    await reloadUntil(page, async () => (await page.getByTestId("revoked").count()) > 0);
    assert.match((await page.getByTestId("revoked").textContent()) ?? "", new RegExp(reason.replace(/[.]/g, "\\.")));
    assert.equal(await page.getByTestId("registrar-actions").count(), 0, "nothing more to do with a revoked document");
    await world.screenshot(page, "revoke-shown");
    await page.close();
  });

  it("does not offer the actions to a registrar of another agency, an official or a visitor", async () => {
    const id = seededDocument("orderCertificateRegister");
    const finance = await openAs(`/documents/${id}`, 7);
    await finance.getByTestId("not-doc-registrar").filter({ hasText: "Only a registrar of Ministry of Digital Development" }).waitFor();
    assert.equal(await finance.getByTestId("registrar-actions").count(), 0);
    await world.screenshot(finance, "actions-other-agency");
    await finance.close();

    const official = await openAs(`/documents/${id}`, 2);
    await official.getByTestId("not-doc-registrar").waitFor();
    assert.equal(await official.getByRole("button", { name: "Revoke", exact: true }).count(), 0);
    await official.close();

    const digital = await openAs(`/documents/${id}`, 8);
    await digital.getByTestId("registrar-actions").waitFor();
    await digital.close();

    const visitor = await world.page();
    track(visitor);
    await visitor.goto(`${world.web.url}/documents/${id}`);
    await visitor.getByTestId("history").waitFor();
    assert.equal(await visitor.getByTestId("registrar-actions").count(), 0);
    assert.equal(await visitor.getByTestId("not-doc-registrar").count(), 0);
    await visitor.close();
  });

  it("speaks Kazakh and Russian too", async () => {
    const id = seededDocument("noticeMaintenance");
    for (const [locale, amend, revoke] of [
      ["kk", "Өзгерту", "Кері қайтарып алу"],
      ["ru", "Изменить", "Отозвать"],
    ] as const) {
      await world.context.addCookies([{ name: LOCALE_COOKIE, value: locale, url: world.web.url }]);
      const page = await openAs(`/documents/${id}`, 8);
      await page.getByRole("button", { name: revoke, exact: true }).click();
      await page.getByRole("button", { name: amend, exact: true }).click();
      await world.screenshot(page, `actions-${locale}`);
      await page.close();
    }
    await world.context.addCookies([{ name: LOCALE_COOKIE, value: "en", url: world.web.url }]);
  });
});

describe("a development-account connection", () => {
  it("survives a page reload, and a disconnect survives it too", async () => {
    const page = await openAs("/registrar");
    const wallet = page.locator('[data-wallet-status="connected"], [data-wallet-status="disconnected"]');
    await wallet.waitFor();
    // A browser wallet remembered from earlier tests reconnects first: disconnect it.
    await page.getByTestId("connected-account").waitFor({ timeout: 3_000 }).catch(() => {});
    if (await page.getByRole("button", { name: "Disconnect" }).isVisible()) await page.getByRole("button", { name: "Disconnect" }).click();
    await page.locator("summary", { hasText: "Connect wallet" }).click();
    await page.getByRole("button", { name: /^#8 registrar, Ministry of Digital Development/ }).click();
    const connected = page.locator('[data-connector="dev-account-8"] [data-testid="connected-account"]');
    await connected.waitFor();
    assert.equal(await connected.getAttribute("title"), devAccount(8));
    await page.getByLabel("Number").waitFor();

    await page.reload();
    await connected.waitFor({ timeout: 10_000 });
    assert.equal(await connected.getAttribute("title"), devAccount(8));
    await page.getByLabel("Number").waitFor();
    await world.screenshot(page, "dev-account-after-reload");

    await page.getByRole("button", { name: "Disconnect" }).click();
    await page.locator('[data-wallet-status="disconnected"]').waitFor();
    await page.reload();
    await page.locator('[data-wallet-status="connected"], [data-wallet-status="disconnected"]').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.equal(await page.locator('[data-connector="dev-account-8"]').count(), 0, "a disconnected dev account stays disconnected");
    await page.close();
  });
});
