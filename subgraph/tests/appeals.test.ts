/**
 * src/appeals.ts on the real logs of the anvil scenario, through the test host (not graph-node).
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { sha256, toUtf8Bytes } from "ethers";

import type { ScenarioRecord } from "./harness/chain.js";
import { ChainExtender, docId, expectFields, indexScenario, loadScenario, warningsAfterScenario } from "./harness/fixture.js";
import type { Indexer } from "./harness/indexer.js";
import type { PlainEntity } from "./harness/store.js";

let record: ScenarioRecord;
let indexer: Indexer;
before(() => {
  record = loadScenario();
  indexer = indexScenario(record);
});

const hashOf = (text: string) => sha256(toUtf8Bytes(text));
/** The respondents of the scenario: agency ids, 0 for the council. */
const COUNCIL = 0n;
const FINANCE = 1n;
const DIGITAL = 2n;

/** An appeal's timeline in chain order (block, then log index). */
function timeline(ix: Indexer, appeal: string): PlainEntity[] {
  const logIndex = (e: PlainEntity) => Number(String(e.id).split("-")[1]);
  return ix.store
    .all("AppealEvent")
    .filter((e) => e.appeal === appeal)
    .sort((a, b) => (a.blockNumber === b.blockNumber ? logIndex(a) - logIndex(b) : Number((a.blockNumber as bigint) - (b.blockNumber as bigint))));
}

/** Every field a step may carry, null unless `fields` sets it. */
const step = (kind: string, fields: Record<string, unknown> = {}) => ({
  kind,
  digest: null,
  fromRespondent: null,
  toRespondent: null,
  dueAt: null,
  outcome: null,
  onTime: null,
  remedyId: null,
  ...fields,
});

/** The timeline's steps with the fields of `step` only (ids, times and transactions are checked apart). */
const steps = (events: PlainEntity[]) =>
  events.map((e) => ({
    kind: e.kind,
    digest: e.digest ?? null,
    fromRespondent: e.fromRespondent ?? null,
    toRespondent: e.toRespondent ?? null,
    dueAt: e.dueAt ?? null,
    outcome: e.outcome ?? null,
    onTime: e.onTime ?? null,
    remedyId: e.remedyId ?? null,
  }));

/** The sender of a recorded transaction. */
function senderOf(transactionHash: unknown): string | undefined {
  return record.blocks.flatMap((b) => b.transactions).find((t) => t.hash === transactionHash)?.from.toLowerCase();
}

describe("appeals: the scenario's appeals", () => {
  it("every event of Appeals has a handler, but EIP712DomainChanged (the domain is fixed); the scenario emits each", () => {
    const ds = indexer.dataSource("Appeals");
    const events: string[] = [];
    ds.abi.forEachEvent((e) => events.push(e.name));
    const handled = [...ds.handlers.values()].map((h) => h.fragment.name);
    assert.deepEqual(handled.sort(), events.filter((name) => name !== "EIP712DomainChanged").sort());
    const emitted = new Set(record.logs.filter((l) => l.address.toLowerCase() === ds.address).map((l) => ds.handlers.get(l.topics[0] ?? "")?.fragment.name));
    assert.deepEqual([...emitted].sort(), handled.sort());
  });

  it("1: an order contested, forwarded to the competent agency, extended, answered UPHELD with the amendment as remedy", () => {
    const { appeals, documents, accounts } = record.facts;
    const a = appeals.upheld;
    expectFields(indexer, "Appeal", a.id, {
      appealId: BigInt(a.id),
      kind: "DOCUMENT",
      subjectId: BigInt(documents.appealedOrder),
      document: docId(documents.appealedOrder),
      proposal: null,
      filer: a.filer,
      respondent: DIGITAL,
      firstRespondent: FINANCE,
      bodyDigest: a.bodyDigest,
      state: "ANSWERED",
      filedAt: BigInt(a.filedAt),
      dueAt: BigInt(a.dueAt),
      extended: true,
      outcome: "UPHELD",
      answerDigest: a.answerDigest,
      answeredAt: BigInt(a.answeredAt),
      onTime: true,
      withdrawnAt: null,
      remedyId: BigInt(documents.appealRemedy),
      followUpCount: 0,
    });
    const events = timeline(indexer, a.id);
    assert.deepStrictEqual(steps(events), [
      step("FILED", { digest: a.bodyDigest, toRespondent: FINANCE, dueAt: BigInt(a.filedDueAt) }),
      step("FORWARDED", { digest: a.forwardDigest, fromRespondent: FINANCE, toRespondent: DIGITAL, dueAt: BigInt(a.forwardedDueAt) }),
      step("EXTENDED", { digest: a.extensionDigest, dueAt: BigInt(a.dueAt) }),
      step("ANSWERED", { digest: a.answerDigest, toRespondent: DIGITAL, outcome: "UPHELD", onTime: true }),
      step("REMEDY_LINKED", { remedyId: BigInt(documents.appealRemedy) }),
    ]);
    const [filed, forwarded, extended, answered, remedied] = events;
    assert.equal(filed?.timestamp, BigInt(a.filedAt));
    assert.equal(filed?.transactionHash, indexer.store.entity("Appeal", a.id)?.filedTx);
    assert.equal(answered?.timestamp, BigInt(a.answeredAt));
    assert.equal(remedied?.transactionHash, answered?.transactionHash, "the remedy came with the answer");
    // The citizen's key signed; a relayer sent the filing; each body acted through its registrar.
    assert.equal(senderOf(filed?.transactionHash), accounts.deployer);
    assert.equal(senderOf(forwarded?.transactionHash), accounts.financeRegistrar);
    assert.equal(senderOf(extended?.transactionHash), accounts.digitalRegistrar);
    assert.equal(senderOf(answered?.transactionHash), accounts.digitalRegistrar);
    expectFields(indexer, "Document", docId(documents.appealRemedy), { supersedes: docId(documents.appealedOrder), agency: "1" });
  });

  it("2: the decree contested, answered REJECTED by the council through a proposal, after its due date", () => {
    const { appeals, documents, proposals } = record.facts;
    const a = appeals.rejected;
    expectFields(indexer, "Appeal", a.id, {
      kind: "DOCUMENT",
      subjectId: BigInt(documents.decree),
      document: docId(documents.decree),
      proposal: null,
      filer: a.filer,
      respondent: COUNCIL,
      firstRespondent: COUNCIL,
      state: "ANSWERED",
      dueAt: BigInt(a.dueAt),
      extended: false,
      outcome: "REJECTED",
      answerDigest: a.answerDigest,
      answeredAt: BigInt(a.answeredAt),
      onTime: false,
      remedyId: null,
      followUpCount: 0,
    });
    assert.ok(a.answeredAt > a.dueAt);
    const events = timeline(indexer, a.id);
    assert.deepStrictEqual(steps(events), [
      step("FILED", { digest: a.bodyDigest, toRespondent: COUNCIL, dueAt: BigInt(a.dueAt) }),
      step("ANSWERED", { digest: a.answerDigest, toRespondent: COUNCIL, outcome: "REJECTED", onTime: false }),
    ]);
    assert.equal(events[1]?.transactionHash, indexer.store.entity("Proposal", proposals.appealAnswer)?.executedTx);
    expectFields(indexer, "ProposalAction", `${proposals.appealAnswer}-0`, { targetContract: "Appeals", signature: "answer(uint256,uint8,bytes32,uint256)" });
  });

  it("3: the budget contested, followed up, then withdrawn by its filer", () => {
    const { appeals, documents } = record.facts;
    const a = appeals.withdrawn;
    expectFields(indexer, "Appeal", a.id, {
      kind: "DOCUMENT",
      document: docId(documents.budget),
      filer: a.filer,
      respondent: FINANCE,
      firstRespondent: FINANCE,
      state: "WITHDRAWN",
      extended: false,
      outcome: null,
      answerDigest: null,
      answeredAt: null,
      onTime: null,
      withdrawnAt: BigInt(a.answeredAt),
      followUpCount: 1,
    });
    assert.deepStrictEqual(steps(timeline(indexer, a.id)), [
      step("FILED", { digest: a.bodyDigest, toRespondent: FINANCE, dueAt: BigInt(a.dueAt) }),
      step("FOLLOWED_UP", { digest: a.followUpDigest }),
      step("WITHDRAWN"),
    ]);
  });

  it("4: a proposal contested, left FILED past its due date", () => {
    const { appeals, proposals } = record.facts;
    const a = appeals.pending;
    expectFields(indexer, "Appeal", a.id, {
      kind: "PROPOSAL",
      subjectId: BigInt(proposals.seat),
      document: null,
      proposal: proposals.seat,
      filer: a.filer,
      respondent: COUNCIL,
      firstRespondent: COUNCIL,
      bodyDigest: a.bodyDigest,
      state: "FILED",
      dueAt: BigInt(a.dueAt),
      extended: false,
      outcome: null,
      answeredAt: null,
      onTime: null,
      withdrawnAt: null,
      remedyId: null,
    });
    assert.deepStrictEqual(steps(timeline(indexer, a.id)), [step("FILED", { digest: a.bodyDigest, toRespondent: COUNCIL, dueAt: BigInt(a.dueAt) })]);
    const last = record.blocks[record.blocks.length - 1];
    assert.ok(BigInt(last?.timestamp ?? 0) > BigInt(a.dueAt), "overdue at the end of the scenario");
  });

  it("one appeal per filing, each citizen a key of its own; no reference dangles", () => {
    const { appeals } = record.facts;
    const all = [appeals.upheld, appeals.rejected, appeals.withdrawn, appeals.pending];
    assert.deepEqual(indexer.store.all("Appeal").map((a) => a.id).sort(), all.map((a) => a.id).sort());
    assert.equal(new Set(all.map((a) => a.filer)).size, all.length);
    assert.deepEqual(indexer.store.danglingReferences(), []);
  });
});

describe("appeals: terms and calendar", () => {
  it("the terms and the genesis holidays, set by the constructor", () => {
    const { appeals } = record.facts;
    expectFields(indexer, "AppealTerms", "current", appeals.terms);
    const terms = indexer.store.entity("AppealTerms", "current");
    const creation = record.blocks.flatMap((b) => b.transactions).find((t) => t.hash === terms?.transactionHash);
    assert.equal(creation?.to, null, "set in the Appeals deployment");
    const days = indexer.store.all("CalendarDay").sort((x, y) => Number((x.day as bigint) - (y.day as bigint)));
    assert.deepStrictEqual(
      days.map((d) => [d.id, d.day, d.kind, d.updatedAt, d.transactionHash]),
      appeals.holidays.map((day) => [String(day), BigInt(day), "HOLIDAY", terms?.updatedAt, terms?.transactionHash]),
    );
  });

  it("later declarations and terms replace the current ones", () => {
    const local = indexScenario(record);
    const { addresses, accounts, appeals } = record.facts;
    const [holiday] = appeals.holidays;
    assert.ok(holiday !== undefined);
    const workingDay = holiday + 3;
    const e = (event: string, args: readonly unknown[]) => ({ address: addresses.Appeals, contract: "Appeals", event, args });
    const changed = new ChainExtender(record).block(accounts.deployer, addresses.TimelockController, [
      e("TermsSet", [[10, 5, 45]]),
      e("DayKindSet", [BigInt(holiday), 0]),
      e("DayKindSet", [BigInt(workingDay), 2]),
    ]);
    local.processBlock(changed.block, changed.logs);
    const tx = changed.block.transactions[0]?.hash;
    const at = BigInt(changed.block.timestamp);
    expectFields(local, "AppealTerms", "current", { considerationDays: 10, forwardDays: 5, extensionLimitDays: 45, updatedAt: at, transactionHash: tx });
    expectFields(local, "CalendarDay", String(holiday), { day: BigInt(holiday), kind: "DEFAULT", updatedAt: at, transactionHash: tx });
    expectFields(local, "CalendarDay", String(workingDay), { day: BigInt(workingDay), kind: "WORKING_DAY", updatedAt: at });
  });
});

describe("appeals: bad input", () => {
  it("steps of unknown or ended appeals, a second filing, unknown kinds and outcomes: nothing changes", () => {
    const local = indexScenario(record);
    const before = local.store.snapshot();
    const { addresses, accounts, appeals } = record.facts;
    const e = (event: string, args: readonly unknown[]) => ({ address: addresses.Appeals, contract: "Appeals", event, args });
    const [upheld, rejected, withdrawn, pending] = [appeals.upheld, appeals.rejected, appeals.withdrawn, appeals.pending].map((a) => BigInt(a.id));
    const digest = hashOf("forged");
    const { block, logs } = new ChainExtender(record).block(accounts.deployer, addresses.Appeals, [
      e("AppealFiled", [upheld, 0, 1n, accounts.recipient, 1n, digest, 1n]),
      e("AppealFiled", [99n, 2, 1n, accounts.recipient, 1n, digest, 1n]),
      e("AppealForwarded", [98n, 1n, 2n, digest, 1n]),
      e("AppealForwarded", [rejected, 0n, 2n, digest, 1n]),
      e("AppealExtended", [upheld, digest, 1n, 2n]),
      e("AppealAnswered", [withdrawn, 1n, 3, digest, true]),
      e("AppealAnswered", [pending, 0n, 0, digest, true]),
      e("AppealWithdrawn", [rejected]),
      e("AppealFollowedUp", [upheld, digest]),
      e("AppealRemedyLinked", [upheld, 7n]),
      e("AppealRemedyLinked", [withdrawn, 7n]),
      e("DayKindSet", [1n, 3]),
    ]);
    local.processBlock(block, logs);
    assert.deepStrictEqual(local.store.snapshot(), before);
    assert.equal(warningsAfterScenario(local, record).length, 12);
  });

  it("a pending appeal moves only forward: no forward after an extension, one extension; then answered PARTLY_UPHELD late", () => {
    const local = indexScenario(record);
    const { addresses, accounts, appeals } = record.facts;
    const e = (event: string, args: readonly unknown[]) => ({ address: addresses.Appeals, contract: "Appeals", event, args });
    const id = BigInt(appeals.pending.id);
    const due = BigInt(appeals.pending.dueAt);
    const { block, logs } = new ChainExtender(record).block(accounts.deployer, addresses.TimelockController, [
      e("AppealExtended", [id, hashOf("reasons"), due, due + 86_400n]),
      e("AppealForwarded", [id, 0n, 1n, hashOf("too late to forward"), due + 86_400n]),
      e("AppealExtended", [id, hashOf("again"), due + 86_400n, due + 2n * 86_400n]),
      e("AppealFollowedUp", [id, hashOf("a reply")]),
      e("AppealAnswered", [id, 0n, 2, hashOf("partly"), false]),
    ]);
    local.processBlock(block, logs);
    expectFields(local, "Appeal", appeals.pending.id, {
      state: "ANSWERED",
      respondent: COUNCIL,
      extended: true,
      dueAt: due + 86_400n,
      followUpCount: 1,
      outcome: "PARTLY_UPHELD",
      onTime: false,
      answeredAt: BigInt(block.timestamp),
    });
    assert.deepEqual(
      timeline(local, appeals.pending.id).map((s) => s.kind),
      ["FILED", "EXTENDED", "FOLLOWED_UP", "ANSWERED"],
    );
    assert.equal(warningsAfterScenario(local, record).length, 2);
  });

  it("an appeal against a document or a proposal the store has not seen is kept, unlinked", () => {
    const local = indexScenario(record);
    const { addresses, accounts } = record.facts;
    const e = (event: string, args: readonly unknown[]) => ({ address: addresses.Appeals, contract: "Appeals", event, args });
    const unknown = BigInt(hashOf("never issued"));
    const { block, logs } = new ChainExtender(record).block(accounts.deployer, addresses.Appeals, [
      e("AppealFiled", [101n, 0, unknown, accounts.recipient, 3n, hashOf("a"), 1n]),
      e("AppealFiled", [102n, 1, 424242n, accounts.recipient, 0n, hashOf("b"), 1n]),
    ]);
    local.processBlock(block, logs);
    expectFields(local, "Appeal", "101", { kind: "DOCUMENT", subjectId: unknown, document: null, proposal: null, respondent: 3n, state: "FILED" });
    expectFields(local, "Appeal", "102", { kind: "PROPOSAL", subjectId: 424242n, document: null, proposal: null, respondent: COUNCIL });
    assert.equal(warningsAfterScenario(local, record).length, 2);
    assert.deepEqual(local.store.danglingReferences(), []);
  });
});
