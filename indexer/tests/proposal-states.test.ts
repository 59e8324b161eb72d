/**
 * Proposals as the API serves them (anvil, PGlite, the demo seed; issue 16 "one core", issue 17 "proposal state is
 * lossy"):
 * - every action is served decoded, with its arguments and its sentence in Kazakh, Russian and English;
 * - every proposal's `state` is one of the Governor's eight, equal to GovernmentGovernor.state(id) read from the
 *   chain at the indexed block, before and after the clock moves past deadlines and the Timelock's grace period
 *   (Active → Succeeded / Defeated, Queued → Expired happen without an event);
 * - `?state=` filters by those eight states and pages through them with a cursor.
 *
 *   cd indexer && node --import tsx --test tests/proposal-states.test.ts
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

import { PROPOSAL_STATES, type ProposalStateName } from "@government-dao/core/proposal-state";
import { connectGovernment } from "../../scripts/lib/contracts.js";
import { type RunningIndexer } from "../lib/run.js";
import { type TestChain, startChainIndexer, startTestChain } from "./support/chain.js";

type Json = Record<string, unknown>;
interface Page {
  items: Json[];
  nextCursor: string | null;
}
interface Action {
  target: string;
  targetContract: string | null;
  signature: string | null;
  args: { name: string; type: string; value: unknown }[] | null;
  sentence: { en: string; ru: string; kk: string };
}
interface Detail {
  proposal: Json;
  state: ProposalStateName;
  indexedBlock: { number: string; timestamp: string };
  actions: Action[];
}

describe("proposal states and action sentences (anvil, PGlite)", () => {
  let chain: TestChain;
  let indexer: RunningIndexer;
  const json = async <T = Json>(route: string): Promise<T> => {
    const response = await fetch(`${indexer.url}${route}`);
    assert.equal(response.status, 200, `${route}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  const governor = () => connectGovernment(chain.addresses, chain.connection.ethers.provider).governor;
  /** Every proposal's served state and the Governor's at the indexed block. */
  const served = async (): Promise<{ id: string; api: ProposalStateName; chain: ProposalStateName }[]> => {
    const list = (await json<Page>("/api/v1/proposals?limit=1000")).items;
    return Promise.all(
      list.map(async (p) => {
        const detail = await json<Detail>(`/api/v1/proposals/${String(p.id)}`);
        assert.equal(p.governorState, detail.state, "the list and the detail agree");
        const onChain = await governor().state(BigInt(String(p.id)), { blockTag: Number(detail.indexedBlock.number) });
        return { id: String(p.id), api: detail.state, chain: PROPOSAL_STATES[Number(onChain)] ?? "Pending" };
      }),
    );
  };
  /** Waits until the indexer has indexed block `n`. */
  const indexedUpTo = async (n: number): Promise<void> => {
    const any = (await json<Page>("/api/v1/proposals?limit=1")).items[0];
    for (let i = 0; i < 300; i++) {
      const detail = await json<Detail>(`/api/v1/proposals/${String(any?.id)}`);
      if (Number(detail.indexedBlock.number) >= n) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.fail(`the indexer did not reach block ${n}`);
  };

  before(async () => {
    chain = await startTestChain();
    indexer = await startChainIndexer(chain);
  });
  after(async () => {
    await indexer?.stop();
    await chain?.close();
  });

  it("serves every action decoded, with its arguments and its sentence in kk, ru and en", async () => {
    const list = (await json<Page>("/api/v1/proposals?limit=1000")).items;
    const actions = (await Promise.all(list.map(async (p) => (await json<Detail>(`/api/v1/proposals/${String(p.id)}`)).actions))).flat();
    assert.ok(actions.length > 0);
    for (const a of actions) {
      for (const language of ["en", "ru", "kk"] as const) assert.ok(a.sentence[language].length > 0, `${language} sentence of ${a.signature}`);
      assert.notEqual(a.sentence.en, a.sentence.ru);
      assert.notEqual(a.sentence.ru, a.sentence.kk);
      if (a.targetContract !== null && a.signature !== null) assert.ok(Array.isArray(a.args), `${a.signature} decoded`);
    }
    const mint = actions.find((a) => a.signature?.startsWith("issue(uint8,") && a.targetContract === "DocumentRegistry");
    assert.ok(mint, "the seed enacts documents by proposal");
    assert.match(mint.sentence.en, /^Mint a (decree|law|budget|order|certificate|notice) of /);
    assert.match(mint.sentence.ru, /^Выпустить документ «(постановление|закон|бюджет|приказ|справка|уведомление)» от имени: /);
    assert.match(mint.sentence.kk, /^«(қаулы|заң|бюджет|бұйрық|анықтама|хабарлама)» құжатын шығару, шығарушы: /);
    assert.deepEqual(mint.args?.map((arg) => arg.name), ["docType", "agencyId", "contentHash", "metadataDigest", "coSignatureDigest"]);
    // The budget is named by its number and title from its metadata in the content store, in each language.
    const allocation = actions.find((a) => a.signature?.startsWith("createAllocation("));
    assert.ok(allocation, "the seed allocates budget lines by proposal");
    assert.match(allocation.sentence.en, /^Allocate [0-9.]+ (DKZT|KZT) to 0x[0-9a-fA-F]{40}.* under budget No\. [^ ]+ ".+" \(0x[0-9a-f]{64}\): #1 /);
    assert.match(allocation.sentence.ru, /^Выделить [0-9.]+ (DKZT|KZT) получателю .* по бюджету № [^ ]+ «.+» \(0x[0-9a-f]{64}\): №1 /);
    assert.match(allocation.sentence.kk, /^№ [^ ]+ «.+» \(0x[0-9a-f]{64}\) бюджеті бойынша .* бөлу: №1 /);
  });

  it("serves each proposal's state as GovernmentGovernor.state() at the indexed block, also once deadlines and grace periods pass", async () => {
    const seen = new Set<ProposalStateName>();
    const before = await served();
    for (const p of before) assert.equal(p.api, p.chain, `proposal ${p.id}`);
    before.forEach((p) => seen.add(p.api));

    // Make the Active proposals pass: every seated official who has not voted votes for.
    const g = governor();
    const active = before.filter((p) => p.api === "Active").map((p) => BigInt(p.id));
    const officials = (await json<Page>("/api/v1/officials")).items.filter((o) => o.seated).map((o) => String(o.address));
    for (const id of active) {
      for (const official of officials) {
        if (await g.hasVoted(id, official)) continue;
        await chain.connection.ethers.provider.send("anvil_impersonateAccount", [official]);
        const signer = await chain.connection.ethers.getSigner(official);
        await (await g.connect(signer).castVote(id, 1)).wait();
      }
    }
    // Then move the clock past every deadline and every queued proposal's ETA + grace period.
    const timelock = connectGovernment(chain.addresses, chain.connection.ethers.provider).timelock;
    const grace = await timelock.gracePeriod();
    let target = BigInt((await chain.connection.ethers.provider.getBlock("latest"))?.timestamp ?? 0) + 1n;
    for (const p of before) {
      const id = BigInt(p.id);
      const deadline = await g.proposalDeadline(id);
      const eta = await g.proposalEta(id);
      if (deadline + 1n > target) target = deadline + 1n;
      if (p.api === "Queued" && eta + grace + 1n > target) target = eta + grace + 1n;
    }
    await chain.connection.ethers.provider.send("evm_setNextBlockTimestamp", [Number(target)]);
    await chain.connection.ethers.provider.send("evm_mine", []);
    await indexedUpTo(await chain.connection.ethers.provider.getBlockNumber());

    const afterwards = await served();
    for (const p of afterwards) assert.equal(p.api, p.chain, `proposal ${p.id} after the clock moved`);
    afterwards.forEach((p) => seen.add(p.api));
    for (const state of ["Active", "Defeated", "Succeeded", "Expired", "Executed", "Canceled"] as const) assert.ok(seen.has(state), `some proposal was ${state}`);
  });

  it("filters by the Governor's states, and pages through a filtered list without skipping or repeating", async () => {
    const all = (await json<Page>("/api/v1/proposals?limit=1000")).items;
    for (const state of PROPOSAL_STATES) {
      const expected = all.filter((p) => p.governorState === state).map((p) => p.id);
      const seen: unknown[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await json<Page>(`/api/v1/proposals?state=${state}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        assert.ok(page.items.length <= 2 && page.items.every((p) => p.governorState === state));
        seen.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      assert.deepEqual(seen, expected, `?state=${state}`);
    }
    const executed = (await json<Page>("/api/v1/proposals?state=EXECUTED&limit=1000")).items;
    assert.ok(executed.length > 0 && executed.every((p) => p.state === "EXECUTED" && p.governorState === "Executed"));
  });
});
