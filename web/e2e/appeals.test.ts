/**
 * Issue 20: a citizen contests a decision without a wallet and without coin. The browser makes a key, signs the
 * appeal (EIP-712), the dApp's relayer (POST /api/appeals) files it on chain; the appeal's page reads it from the
 * chain; the Finance registrar answers from the same page with the dev wallet; the citizen sees the reasoned answer.
 * The relayer refuses what it must, and files nothing for it: personal data, a foreign origin, an oversized body,
 * another chain's signature, a replay, a flood; its text store (POST /api/appeal-texts) the same.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { type Address, type Hex, createPublicClient, http } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import { abis } from "@government-dao/core/abis";
import { APPEAL_REQUEST_TYPES, appealDigest, appealsDomain } from "@government-dao/core/appeals";
import { readAddresses } from "@government-dao/core/deployment";
import { DEV_ACCOUNT_INDEX } from "@government-dao/core/dev-accounts";
import type { World } from "./harness";
import { worldSession } from "./session";

let world: World;
const { openAs } = worldSession({ artifacts: "appeals" }, (started) => {
  world = started;
});

const TEXT = "Приказ о квартальных отчётах требует подать отчёт за пять рабочих дней; районным акиматам нужно не меньше десяти.";
const REASONS = "Срок установлен Бюджетным кодексом; приказ его только повторяет, изменить его может лишь закон.";

function chain() {
  const client = createPublicClient({ transport: http(world.rpcUrl) });
  const appeals = readAddresses(world.deploymentDir).Appeals as Address;
  return {
    client,
    appeals,
    count: () => client.readContract({ address: appeals, abi: abis.Appeals, functionName: "appealCount" }),
    appeal: (id: bigint) => client.readContract({ address: appeals, abi: abis.Appeals, functionName: "appeal", args: [id] }),
  };
}

/** A signed filing of `text` against document `subject`, as the browser builds it (chain id overridable). */
async function signedFiling(subject: Hex, text: string, key = generatePrivateKey(), chainId = world.chainId) {
  const c = chain();
  const citizen = privateKeyToAccount(key);
  const body = { schema: "government-dao/appeal@1" as const, language: "ru" as const, text };
  const nonce = await c.client.readContract({ address: c.appeals, abi: abis.Appeals, functionName: "nonces", args: [citizen.address] });
  const deadline = (await c.client.getBlock()).timestamp + 3_600n;
  const signature = await citizen.signTypedData({
    domain: appealsDomain(chainId, c.appeals),
    types: APPEAL_REQUEST_TYPES,
    primaryType: "FileAppeal",
    message: { kind: 0, subject: BigInt(subject), bodyDigest: appealDigest(body), nonce, deadline },
  });
  return { type: "file", kind: "document", subject: BigInt(subject).toString(), text: body, filer: citizen.address, deadline: deadline.toString(), signature };
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${world.web.url}/api/appeals`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });

describe("appeals: a citizen contests a decision without a wallet", () => {
  it("files from the document page, follows it on the appeal page read from the chain, and sees the registrar's reasoned answer", async () => {
    const order = world.record.documents.orderBudgetReports?.tokenId as Hex;
    const c = chain();
    const before = await c.count();

    const page = await openAs(`/documents/${order}`);
    await page.getByTestId("contest-link").click();
    await page.waitForURL(/\/appeals\/new\?document=/);
    // Personal data is caught while typing: the submit button stays disabled.
    await page.locator("#appeal-language").selectOption("ru");
    await page.locator("#appeal-text").fill(`${TEXT} Звоните: +7 701 234 56 78.`);
    await page.locator('[data-testid="personal-data"][data-found="phone"]').waitFor();
    assert.equal(await page.getByRole("button", { name: "Sign and file the appeal" }).isDisabled(), true);
    await page.locator("#appeal-text").fill(TEXT);
    await page.getByRole("button", { name: "Sign and file the appeal" }).click();
    await page.getByTestId("appeal-filed").waitFor({ timeout: 30_000 });
    const code = (await page.getByTestId("tracking-code").innerText()).trim() as Hex;
    await world.screenshot(page, "appeal-filed");

    const id = before + 1n;
    assert.equal(await c.count(), id);
    const onChain = await c.appeal(id);
    const citizen = privateKeyToAccount(code);
    assert.equal(onChain.filer, citizen.address, "the tracking code is the key that signed the appeal");
    assert.equal(await c.client.getBalance({ address: citizen.address }), 0n, "the citizen has no coin and needed none");
    assert.equal(onChain.respondent, 1, "the order's agency, Finance, must answer");

    await page.getByTestId("appeal-link").click();
    await page.waitForURL(new RegExp(`/appeals/${id}$`));
    await page.locator('[data-testid="appeal-state"][data-state="filed"]').waitFor();
    await page.getByTestId("appeal-text").filter({ hasText: TEXT }).waitFor();
    await page.getByTestId("appeal-respondent").filter({ hasText: "Ministry of Finance" }).waitFor();
    assert.match(await page.getByTestId("appeal-due").innerText(), /days? left/);
    assert.equal(await page.getByTestId("appeal-answer-form").count(), 0, "no answer form for a visitor");
    // This browser kept the key: the filer adds a message, signed with it and relayed.
    await page.locator("#appeal-message").fill("Приложение: график подачи отчётов районными акиматами за 2026 год.");
    await page.getByRole("button", { name: "Sign and add the message" }).click();
    await page.locator('[data-testid="filer-status"][data-step="done"]').waitFor({ timeout: 30_000 });
    const followUps = await c.client.getContractEvents({ address: c.appeals, abi: abis.Appeals, eventName: "AppealFollowedUp", args: { appealId: id }, fromBlock: 0n });
    assert.equal(followUps.length, 1, "the follow-up is on chain");
    await page.close();

    // The Finance registrar finds it in the agency's inbox on the registrar page (rendered from the public API, once
    // the indexer has the appeal), beside the seeded overdue one.
    for (let tries = 0; (await fetch(`${world.indexer.url}/api/v1/appeals/${id}`)).status !== 200; tries++) {
      assert.ok(tries < 100, "the indexer has the new appeal within 20 s");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const inbox = await openAs("/registrar", DEV_ACCOUNT_INDEX.financeRegistrar);
    await inbox.getByTestId("appeal-inbox").locator(`li[data-appeal="${world.record.appeals.overdue ?? ""}"]`).filter({ hasText: "overdue" }).waitFor();
    await inbox.getByTestId("appeal-inbox").locator(`li[data-appeal="${id}"]`).getByRole("link").click();
    await inbox.waitForURL(new RegExp(`/appeals/${id}$`));
    await inbox.close();
    const registrar = await openAs(`/appeals/${id}`, DEV_ACCOUNT_INDEX.financeRegistrar);
    const form = registrar.getByTestId("appeal-answer-form");
    await form.waitFor();
    await form.locator("#appeal-outcome").selectOption("rejected");
    await form.locator("#appeal-reasons-input").fill(REASONS);
    await form.getByRole("button", { name: "Sign and send the answer" }).click();
    // Once the answer is on chain the page reads it back: the form gives way to the answer.
    await registrar.locator('[data-testid="appeal-state"][data-state="answered"]').waitFor({ timeout: 30_000 });
    assert.equal(await registrar.getByTestId("appeal-answer-form").count(), 0);
    await registrar.close();

    const citizenView = await openAs(`/appeals/${id}`);
    await citizenView.locator('[data-testid="appeal-state"][data-state="answered"]').waitFor({ timeout: 15_000 });
    assert.equal(await citizenView.getByTestId("appeal-outcome").getAttribute("data-outcome"), "rejected");
    await citizenView.getByTestId("appeal-reasons").filter({ hasText: REASONS }).waitFor();
    await world.screenshot(citizenView, "appeal-answered");
    await citizenView.close();
  });

  it("shows the seeded overdue appeal on the contested order's page, and each body's statistics on /appeals", async () => {
    const order = world.record.documents.orderBudgetReports?.tokenId as Hex;
    const overdue = world.record.appeals.overdue ?? "";
    const page = await openAs(`/documents/${order}`);
    const row = page.getByTestId("document-appeals").locator(`tr[data-appeal="${overdue}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute("data-overdue"), "true");
    assert.match(await row.innerText(), /overdue/);
    // "Why": the auditor's published rule that flags the unanswered appeal, with its explanation, on the act's page.
    const flag = page.getByTestId("document-audit").locator('li[data-rule="appeal-deadline"]');
    assert.equal(await flag.getAttribute("data-severity"), "critical");
    assert.match(await flag.innerText(), new RegExp(`Appeal ${overdue} to agency 1 was due .* overdue, unanswered`));
    await page.goto(`${world.web.url}/appeals`);
    const finance = page.getByTestId("appeal-stats").locator('tr[data-respondent="1"]');
    await finance.waitFor();
    assert.ok(Number(await finance.locator("td[data-overdue]").getAttribute("data-overdue")) >= 1, "Finance has an overdue appeal");
    assert.ok((await page.getByTestId("appeal-list").locator("tr[data-appeal]").count()) >= 6);
    await world.screenshot(page, "appeals-statistics");
    await page.close();
  });

  it("an official builds the council's answer to an appeal against a proposal: the action reads as a sentence and its simulation passes", async () => {
    const appeal = world.record.appeals.proposal ?? "";
    const page = await openAs("/council/propose", 1);
    await page.getByLabel("Title", { exact: true }).fill(`Answer appeal ${appeal}`);
    await page.getByLabel("Rationale", { exact: true }).fill("The council answers the citizen's appeal with its reasons.");
    await page.getByLabel("Action", { exact: true }).selectOption({ label: "Answer an appeal (the council's reasoned answer)" });
    await page.getByLabel("Appeal the council must answer").selectOption(appeal);
    await page.getByLabel("Reasons (required, public)").fill("Получатели указаны в договорах, опубликованных вместе с бюджетом; реестр ссылается на них.");
    await page.getByRole("button", { name: "Add action" }).click();
    const item = page.getByTestId("builder-actions").locator(":scope > li").nth(0);
    await item.getByText(new RegExp(`Answer appeal No\\. ${appeal}: rejected`)).waitFor();
    await page.getByRole("button", { name: "Simulate" }).click();
    await page.locator('[data-testid="simulation"][data-simulation="passed"]').waitFor({ timeout: 20_000 });
    await world.screenshot(page, "builder-answer-appeal");
    await page.close();
  });

  it("the relayer refuses personal data, a foreign origin, an oversized body, another chain's signature and a replay, and files nothing for them", async () => {
    const order = world.record.documents.orderTengeAccounting?.tokenId as Hex;
    const c = chain();
    const before = await c.count();
    const refused = async (response: Response, status: number, code: string) => {
      assert.equal(response.status, status, code);
      assert.equal(((await response.json()) as { error: string }).error, code);
    };
    await refused(await post(await signedFiling(order, `${TEXT} Мой ИИН 900101300123.`)), 400, "personalData");
    await refused(await post(await signedFiling(order, TEXT), { origin: "http://evil.example" }), 403, "crossOrigin");
    await refused(await post(JSON.stringify({ ...(await signedFiling(order, TEXT)), padding: "x".repeat(50_000) })), 413, "tooLarge");
    await refused(await post(await signedFiling(order, TEXT, generatePrivateKey(), 1)), 400, "InvalidSignature");
    assert.equal(await c.count(), before, "nothing filed");

    const filing = await signedFiling(order, TEXT);
    const first = await post(filing);
    assert.equal(first.status, 200);
    assert.equal(((await first.json()) as { appealId: string }).appealId, (before + 1n).toString());
    await refused(await post(filing), 400, "InvalidSignature");
    assert.equal(await c.count(), before + 1n, "the replay filed nothing");
  });

  it("the text store refuses personal data, a foreign origin, an oversized body and malformed JSON, and keeps a valid answer under its digest", async () => {
    const store = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${world.web.url}/api/appeal-texts`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
    const answer = { schema: "government-dao/appeal-answer@1" as const, language: "ru" as const, outcome: "rejected" as const, reasons: REASONS };
    const personal = { ...answer, reasons: `${REASONS} Пишите на ivanov@example.kz.` };
    const unknownVerdict = { ...answer, outcome: "maybe" as "rejected" };
    const refused = async (response: Response, status: number, code: string) => {
      assert.equal(response.status, status, code);
      assert.equal(((await response.json()) as { error: string }).error, code);
    };
    await refused(await store(personal), 400, "personalData");
    await refused(await store(answer, { origin: "http://evil.example" }), 403, "crossOrigin");
    await refused(await store({ ...answer, reasons: "x".repeat(50_000) }), 413, "tooLarge");
    await refused(await store("{not json"), 400, "invalidRequest");
    await refused(await store(unknownVerdict), 400, "invalidRequest");
    for (const refusedText of [personal, unknownVerdict]) {
      assert.equal((await fetch(`${world.web.url}/api/content/${appealDigest(refusedText)}`)).status, 404, "nothing stored for a refusal");
    }

    const stored = await store(answer);
    assert.equal(stored.status, 200);
    const { digest } = (await stored.json()) as { digest: Hex };
    assert.equal(digest, appealDigest(answer), "the answer is the digest the chain will hold");
    assert.deepEqual(await (await fetch(`${world.web.url}/api/content/${digest}`)).json(), answer, "stored as sent");
  });

  it("withdraws an appeal from its page with the pasted tracking code, and refuses a code that did not file it", async () => {
    const order = world.record.documents.orderTengeAccounting?.tokenId as Hex;
    const c = chain();
    const key = generatePrivateKey();
    const filed = await post(await signedFiling(order, TEXT, key));
    const { appealId } = (await filed.json()) as { appealId: string };
    const page = await openAs(`/appeals/${appealId}`);
    await page.locator('[data-testid="appeal-state"][data-state="filed"]').waitFor();
    await page.locator("#appeal-code").fill(generatePrivateKey());
    await page.getByText("This code did not file this appeal.").waitFor();
    await page.locator("#appeal-code").fill(key);
    await page.getByRole("button", { name: "Withdraw the appeal" }).click();
    await page.locator('[data-testid="appeal-state"][data-state="withdrawn"]').waitFor({ timeout: 30_000 });
    assert.equal((await c.appeal(BigInt(appealId))).state, 5);
    await page.close();
  });

  it("the relayer limits a flood from one network address with 429 and Retry-After", async () => {
    const order = world.record.documents.orderTengeAccounting?.tokenId as Hex;
    const c = chain();
    const before = await c.count();
    const bogus = { ...(await signedFiling(order, TEXT)), signature: `0x${"11".repeat(65)}` };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 25; i++) {
      const response = await post(bogus);
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
      await response.arrayBuffer();
    }
    assert.ok(statuses.includes(429), `statuses: ${statuses.join(",")}`);
    assert.match(retryAfter ?? "", /^\d+$/);
    assert.ok(statuses.every((s) => s === 400 || s === 429), "every request refused: 400 bad signature, then 429");
    assert.equal(await c.count(), before, "the flood filed nothing");
  });
});
