/**
 * The officials' proposal builder in a real browser against a real chain (e2e/harness.ts): typed action forms, the
 * decoded sentences, the simulation of every action as the Timelock runs it (eth_simulateV1) and of `propose` from
 * the connected account, and the submission of a proposal that then exists on chain.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, it } from "node:test";

import type { Page } from "playwright-core";
import { type Address, createPublicClient, getAddress, http } from "viem";

import { devAccount } from "@government-dao/devchain/demo-cast";
import { abis } from "@government-dao/core/abis";
import { readAddresses } from "@government-dao/core/deployment";
import type { World } from "./harness";
import { worldSession } from "./session";

let world: World;
const { openAs } = worldSession({ artifacts: "builder" }, (started) => {
  world = started;
});

/** A date `days` from now as YYYY-MM-DD (UTC). */
const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const randomAddress = (): Address => getAddress(`0x${randomBytes(20).toString("hex")}`);

async function governorAddress(): Promise<Address> {
  const address = readAddresses(world.deploymentDir).GovernmentGovernor;
  assert.ok(address, "the deployment has a Governor");
  return getAddress(address);
}

async function writeProposalText(page: Page, title: string, rationale: string) {
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Rationale", { exact: true }).fill(rationale);
}

async function chooseAction(page: Page, kind: string) {
  await page.getByLabel("Action", { exact: true }).selectOption({ label: kind });
}

async function addMilestones(page: Page, milestones: { amount: string; due: string; description: string }[]) {
  for (const [i, m] of milestones.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Add a milestone" }).click();
    await page.getByLabel(`Milestone ${i + 1}: amount`).fill(m.amount);
    await page.getByLabel(`Milestone ${i + 1}: due date`).fill(m.due);
    await page.getByLabel(`Milestone ${i + 1}: what is delivered`).fill(m.description);
  }
}

async function simulate(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Simulate" }).click();
  const status = page.locator('[data-testid="simulation"][data-simulation="passed"], [data-testid="simulation"][data-simulation="failed"]');
  await status.waitFor({ timeout: 20_000 });
  return (await status.getAttribute("data-simulation")) ?? "";
}

const actionItems = (page: Page) => page.getByTestId("builder-actions").locator(":scope > li");

describe("the proposal builder", () => {
  it("an official seats an official and allocates budget in two milestones, simulates, submits, and the proposal is on chain", async () => {
    const page = await openAs("/council", 1);
    await page.getByRole("link", { name: "Build a proposal" }).click();
    await page.getByRole("heading", { level: 1, name: "Build a proposal" }).waitFor();

    const title = `Seat a deputy and fund the registry upgrade ${randomBytes(3).toString("hex")}`;
    await writeProposalText(page, title, "The finance ministry needs a deputy; the registry upgrade is paid in two stages.");

    // Action 1: seat an official (the form validates first: an empty address is refused in plain words).
    await page.getByRole("button", { name: "Add action" }).click();
    await page.getByText("Required.").first().waitFor();
    const official = randomAddress();
    await page.getByLabel("Official's address").fill(official);
    await page.getByLabel("Agency", { exact: true }).selectOption({ label: "Ministry of Finance" });
    await page.getByLabel("Position", { exact: true }).selectOption({ label: "Vice-minister" });
    await page.getByRole("button", { name: "Add action" }).click();
    await actionItems(page).nth(0).getByText(`Seat official ${official} in agency 1 "Ministry of Finance" as vice-minister`).waitFor();

    // Action 2: an allocation with two milestones (amounts in whole DKZT, converted with the token's 2 decimals).
    await chooseAction(page, "Create an allocation with milestones");
    const recipient = devAccount(10);
    await page.getByLabel("Recipient's address").fill(recipient);
    await addMilestones(page, [
      { amount: "1500.50", due: inDays(200), description: "Design approved" },
      { amount: "2500", due: "2020-01-01", description: "Registry live" },
    ]);
    await page.getByRole("button", { name: "Add action" }).click();
    await page.getByText("The due date must be after today.").waitFor();
    await page.getByLabel("Milestone 2: due date").fill(inDays(400));
    await page.getByRole("button", { name: "Add action" }).click();
    const allocation = actionItems(page).nth(1);
    // The sentence is core's (core/src/actions/render.ts): amounts with the token's decimals and symbol.
    await allocation.getByText(new RegExp(`Allocate 4000\\.5 DKZT to ${recipient}.* under budget .*#1 1500\\.5 DKZT due .*; #2 2500 DKZT due`, "i")).waitFor();
    await allocation.getByText("BudgetEscrow.createAllocation").waitFor();

    assert.equal(await simulate(page), "passed");
    assert.equal(await actionItems(page).count(), 2);
    for (const i of [0, 1]) {
      assert.equal(await actionItems(page).nth(i).getAttribute("data-outcome"), "ok");
      await actionItems(page).nth(i).getByText("Simulation passed").waitFor();
    }
    await page.getByTestId("propose-outcome").getByText("Your account can submit this proposal.").waitFor();
    await world.screenshot(page, "builder-simulation-passed");

    // Changing the proposal makes the simulation stale: submit is disabled until it runs again.
    await page.getByLabel("Title", { exact: true }).fill(`${title}!`);
    await page.locator('[data-simulation="stale"]').waitFor();
    assert.equal(await page.getByRole("button", { name: "Submit proposal" }).isDisabled(), true);
    await page.getByLabel("Title", { exact: true }).fill(title);
    assert.equal(await simulate(page), "passed");

    await page.getByRole("button", { name: "Submit proposal" }).click();
    await page.locator('.tx-status[data-status="confirmed"]').waitFor({ timeout: 30_000 });
    const link = page.getByTestId("new-proposal-link");
    const id = /\/proposals\/(\d+)$/.exec((await link.getAttribute("href")) ?? "")?.[1];
    assert.ok(id, "links to the new proposal");
    await world.screenshot(page, "builder-submitted");

    const client = createPublicClient({ transport: http(world.rpcUrl) });
    const governor = { address: await governorAddress(), abi: abis.GovernmentGovernor } as const;
    assert.equal(await client.readContract({ ...governor, functionName: "proposalProposer", args: [BigInt(id)] }), devAccount(1));
    assert.ok((await client.readContract({ ...governor, functionName: "proposalSnapshot", args: [BigInt(id)] })) > 0n);
    // The description ends with OpenZeppelin's #proposer= suffix (issue 15): nobody else can submit it first.
    const [created] = await client.getContractEvents({ ...governor, eventName: "ProposalCreated", fromBlock: 0n, args: {} }).then((logs) => logs.filter((l) => l.args.proposalId === BigInt(id)));
    assert.ok(created?.args.description?.endsWith(`\n\n#proposer=${devAccount(1)}`), `the description ends with the proposer suffix: ${JSON.stringify(created?.args.description)}`);

    await link.click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("heading", { name: /2/ }).filter({ hasText: /action/i }).waitFor();
    // Each action as a sentence (or its decoded call), with the raw call behind the toggle.
    assert.equal(await page.getByTestId("action-sentence").count(), 2);
    await page.getByTestId("raw-call").filter({ hasText: "OfficialSeats" }).filter({ hasText: "issue(" }).waitFor({ state: "attached" });
    await page.getByTestId("raw-call").filter({ hasText: "BudgetEscrow" }).filter({ hasText: "createAllocation(" }).waitFor({ state: "attached" });
    assert.equal(await page.getByText("#proposer=").count(), 0, "the proposal page does not show the suffix as rationale");
    await page.close();
  });

  it("a failing simulation says why in plain words, and submit stays disabled", async () => {
    const page = await openAs("/council/propose", 2);
    await writeProposalText(page, "Release a milestone that does not exist", "This must not pass the simulation.");

    await chooseAction(page, "Release a milestone");
    await page.getByLabel("Allocation id").fill("999");
    await page.getByLabel("Milestone number (from 1)").fill("1");
    await page.getByRole("button", { name: "Add action" }).click();
    await actionItems(page).nth(0).getByText("Release milestone 1 of allocation 999").waitFor();

    await chooseAction(page, "Create an allocation with milestones");
    await page.getByLabel("Recipient's address").fill(devAccount(11));
    await addMilestones(page, [{ amount: "9000000000", due: inDays(100), description: "More than the escrow holds" }]);
    await page.getByRole("button", { name: "Add action" }).click();
    await actionItems(page).nth(1).waitFor();

    assert.equal(await simulate(page), "failed");
    assert.equal(await actionItems(page).nth(0).getAttribute("data-outcome"), "failed");
    await actionItems(page).nth(0).getByText("Would fail: There is no such allocation.").waitFor();
    assert.equal(await actionItems(page).nth(1).getAttribute("data-outcome"), "failed");
    await actionItems(page).nth(1).getByText(/Would fail: The escrow has only [\d,]+ DKZT free; the allocation needs 9,000,000,000 DKZT\./).waitFor();
    await page.getByText("Simulation failed: an action would be refused").waitFor();
    // Never "can submit" beside a failed action: the official's right to propose is said apart from this proposal.
    await page.getByTestId("propose-outcome").getByText("Your account may propose, but not this proposal: every action must succeed first.").waitFor();
    assert.equal(await page.getByText("Your account can submit this proposal.").count(), 0);
    assert.equal(await page.getByRole("button", { name: "Submit proposal" }).isDisabled(), true);
    await world.screenshot(page, "builder-simulation-failed");
    await page.close();
  });

  it("a connected non-official is told plainly that they cannot propose", async () => {
    const page = await openAs("/council/propose", 7);
    await page.getByTestId("builder-not-official").getByText("You hold no council seat, so you cannot propose.").waitFor();
    await writeProposalText(page, "A registrar tries to propose", "Only officials may propose.");
    await chooseAction(page, "Release a milestone");
    // Choose one of the pending milestones listed by the public API.
    const pending = page.getByLabel("Choose a pending milestone");
    const firstOption = (await pending.locator("option").nth(1).getAttribute("value")) ?? "";
    assert.match(firstOption, /^\d+:\d+$/);
    await pending.selectOption(firstOption);
    assert.equal(await page.getByLabel("Allocation id").inputValue(), firstOption.split(":")[0]);
    await page.getByRole("button", { name: "Add action" }).click();
    assert.equal(await simulate(page), "failed");
    assert.equal(await actionItems(page).nth(0).getAttribute("data-outcome"), "ok");
    await page.getByTestId("propose-outcome").getByText("You cannot submit this proposal: You are not an official").waitFor();
    assert.equal(await page.getByRole("button", { name: "Submit proposal" }).isDisabled(), true);
    await world.screenshot(page, "builder-not-official");

    // The same page in Kazakh: the notice, the decoded sentence and the refusal are translated (then back to English).
    await page.getByRole("button", { name: "Қазақша" }).click();
    await page.getByRole("heading", { level: 1, name: "Ұсыныс құрастыру" }).waitFor();
    await page.getByTestId("builder-not-official").getByText("Сізде кеңесте орын жоқ", { exact: false }).waitFor();
    await page.getByLabel("Әрекет", { exact: true }).selectOption({ label: "Кезеңдері бар қаржы бөлу" });
    await world.screenshot(page, "builder-kk");
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 1, name: "Build a proposal" }).waitFor();
    await page.close();
  });

  it("a decree with a dropped file (hashed in the browser, metadata co-signed and stored) and a new agency simulate", async () => {
    const page = await openAs("/council/propose", 3);
    await writeProposalText(page, "Decree on open budget data", "Publish every allocation as open data.");
    await chooseAction(page, "Mint a decree, law or budget");
    const file = await world.tempFile("decree-open-data.txt", `Decree on open budget data ${randomBytes(8).toString("hex")}\n`);
    await page.getByRole("button", { name: "Add action" }).click();
    await page.getByText("Drop the document file first.").waitFor();
    await page.getByLabel("Document file").setInputFiles(file);
    const hash = (await page.getByTestId("decree-hash").textContent()) ?? "";
    assert.match(hash, /^0x[0-9a-f]{64}$/);
    await page.getByLabel("Number").fill("D-2026/900");
    await page.getByLabel("Title in Kazakh").fill("Ашық бюджет деректері туралы жарлық");
    await page.getByLabel("Title in Russian").fill("Указ об открытых бюджетных данных");
    await page.getByLabel("Title in English").fill("Decree on open budget data");
    await page.getByLabel("Adopted on").fill(inDays(0));
    await page.getByRole("button", { name: "Add action" }).click();
    await actionItems(page).nth(0).getByText(new RegExp(`Mint a decree of the Government of the Republic of Kazakhstan, file sha-256 ${hash.slice(0, 8)}`, "i")).waitFor();
    await actionItems(page).nth(0).getByText("DocumentRegistry.issue").waitFor();

    // A second action: register an agency with its ML-DSA key hash and one registrar.
    await chooseAction(page, "Add an agency");
    const keyHash = `0x${randomBytes(32).toString("hex")}`;
    await page.getByLabel("New agency id").fill("9");
    await page.getByLabel("Public name").fill("Ministry of Justice");
    await page.getByLabel("sha-256 of the ML-DSA-65 public key").fill(keyHash);
    await page.getByLabel("Registrars (optional)").fill(`${devAccount(12)}, not-an-address`);
    await page.getByRole("button", { name: "Add action" }).click();
    await page.getByText("One of the registrars is not an address.").waitFor();
    await page.getByLabel("Registrars (optional)").fill(devAccount(12));
    await page.getByRole("button", { name: "Add action" }).click();
    await actionItems(page).nth(1).getByText(new RegExp(`Add agency 9 "Ministry of Justice" \\(ML-DSA key ${keyHash.slice(0, 10)}…, 1 registrar\\(s\\)\\)`)).waitFor();

    assert.equal(await simulate(page), "passed");
    for (const i of [0, 1]) await actionItems(page).nth(i).getByText("Simulation passed").waitFor();
    assert.equal(await page.getByRole("button", { name: "Submit proposal" }).isEnabled(), true);
    await world.screenshot(page, "builder-decree");
    await page.close();
  });
});
