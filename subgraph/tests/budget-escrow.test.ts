/**
 * src/budget-escrow.ts on the real logs of the anvil scenario, through the test host (not graph-node).
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import type { ScenarioRecord } from "./harness/chain.js";
import { ChainExtender, docId, expectFields, indexScenario, loadScenario, warningsAfterScenario } from "./harness/fixture.js";
import type { Indexer } from "./harness/indexer.js";

let record: ScenarioRecord;
let indexer: Indexer;
before(() => {
  record = loadScenario();
  indexer = indexScenario(record);
});

const NATIVE = "0x0000000000000000000000000000000000000000";

describe("budget escrow", () => {
  it("deposits of DigitalTenge and of the native coin, per-token totals", () => {
    const { addresses, deposits, accounts, milestones } = record.facts;
    const tenge = addresses.DigitalTenge;
    const allocated = milestones.reduce((s, m) => s + BigInt(m.amount), 0n);
    const released = BigInt(milestones[0]?.amount ?? "0");
    expectFields(indexer, "TreasuryToken", tenge, {
      address: tenge,
      native: false,
      deposited: BigInt(deposits.tenge),
      allocated,
      released,
      cancelled: 0n,
      withdrawn: 0n,
      depositCount: 1,
    });
    expectFields(indexer, "TreasuryToken", NATIVE, { native: true, deposited: BigInt(deposits.native), allocated: 0n, depositCount: 1 });
    const all = indexer.store.all("Deposit");
    assert.deepEqual(
      all.map((d) => `${d.kind} ${d.token} ${d.from} ${d.amount}`).sort(),
      [`DEPOSIT ${tenge} ${accounts.treasurer} ${deposits.tenge}`, `DEPOSIT ${NATIVE} ${accounts.treasurer} ${deposits.native}`].sort(),
    );
  });

  it("an allocation created by proposal, citing the budget, with two milestones", () => {
    const { addresses, accounts, documents, milestones, proposals } = record.facts;
    const total = milestones.reduce((s, m) => s + BigInt(m.amount), 0n);
    expectFields(indexer, "Allocation", "1", {
      allocationId: 1n,
      recipient: accounts.recipient,
      token: addresses.DigitalTenge,
      budgetDocumentId: BigInt(documents.budget),
      budgetDocument: docId(documents.budget),
      agency: "1",
      total,
      released: BigInt(milestones[0]?.amount ?? "0"),
      milestoneCount: 2,
      cancelled: false,
      proposal: proposals.allocation,
    });
    milestones.forEach((m, i) => {
      expectFields(indexer, "Milestone", `1-${i}`, {
        allocation: "1",
        index: i,
        amount: BigInt(m.amount),
        deadline: BigInt(m.deadline),
        descriptionHash: m.descriptionHash,
        status: i === 0 ? "RELEASED" : "PENDING",
      });
    });
  });

  it("the release of milestone 0: amount, recipient, proposal; aggregates per agency and per budget", () => {
    const { addresses, accounts, documents, milestones, proposals } = record.facts;
    const [release] = indexer.store.all("Release");
    assert.ok(release);
    const amount = BigInt(milestones[0]?.amount ?? "0");
    expectFields(indexer, "Release", release.id as string, {
      allocation: "1",
      milestone: "1-0",
      recipient: accounts.recipient,
      token: addresses.DigitalTenge,
      amount,
      proposal: proposals.release,
    });
    expectFields(indexer, "Milestone", "1-0", { release: release.id, releasedAt: release.timestamp });
    const total = milestones.reduce((s, m) => s + BigInt(m.amount), 0n);
    expectFields(indexer, "AgencyTokenTotal", `1-${addresses.DigitalTenge}`, { agency: "1", allocated: total, released: amount, cancelled: 0n, allocationCount: 1 });
    expectFields(indexer, "BudgetTokenTotal", `${docId(documents.budget)}-${addresses.DigitalTenge}`, {
      document: docId(documents.budget),
      allocated: total,
      released: amount,
      allocationCount: 1,
    });
  });

  it("released ≤ allocated ≤ deposited for every token, and the store has no dangling reference", () => {
    for (const token of indexer.store.all("TreasuryToken")) {
      assert.ok((token.released as bigint) <= (token.allocated as bigint) + (token.cancelled as bigint));
      assert.ok((token.allocated as bigint) <= (token.deposited as bigint));
    }
    assert.deepEqual(indexer.store.danglingReferences(), []);
  });
});

describe("budget escrow: later changes and bad input", () => {
  it("a MilestoneReleased for an unknown allocation, or twice for the same milestone, changes nothing", () => {
    const local = indexScenario(record);
    const before = local.store.snapshot();
    const { addresses, accounts } = record.facts;
    const e = (event: string, args: readonly unknown[]) => ({ address: addresses.BudgetEscrow, contract: "BudgetEscrow", event, args });
    const { block, logs } = new ChainExtender(record).block(accounts.deployer, addresses.TimelockController, [
      e("MilestoneReleased", [9n, 0n, accounts.recipient, addresses.DigitalTenge, 1n]),
      e("MilestoneReleased", [1n, 0n, accounts.recipient, addresses.DigitalTenge, 1_000_000_00n]),
      e("MilestoneReleased", [1n, 7n, accounts.recipient, addresses.DigitalTenge, 1n]),
      e("MilestoneAdded", [9n, 0n, 1n, 1n, `0x${"11".repeat(32)}`]),
      e("AllocationCancelled", [9n, 1n, "no such allocation"]),
    ]);
    local.processBlock(block, logs);
    assert.deepStrictEqual(local.store.snapshot(), before);
    assert.equal(warningsAfterScenario(local, record).length, 5);
  });

  it("cancelling the allocation frees the unreleased rest in every total; a second cancel is ignored", () => {
    const local = indexScenario(record);
    const { addresses, accounts, documents, milestones } = record.facts;
    const unreleased = BigInt(milestones[1]?.amount ?? "0");
    const e = (event: string, args: readonly unknown[]) => ({ address: addresses.BudgetEscrow, contract: "BudgetEscrow", event, args });
    const chain = new ChainExtender(record);
    const tokenBefore = local.store.entity("TreasuryToken", addresses.DigitalTenge);
    const { block, logs } = chain.block(accounts.deployer, addresses.TimelockController, [e("AllocationCancelled", [1n, unreleased, "Contractor defaulted"])]);
    local.processBlock(block, logs);
    expectFields(local, "Allocation", "1", { cancelled: true, cancelReason: "Contractor defaulted", unreleasedAtCancel: unreleased, cancelledAt: BigInt(block.timestamp) });
    expectFields(local, "Milestone", "1-0", { status: "RELEASED" });
    expectFields(local, "Milestone", "1-1", { status: "CANCELLED" });
    expectFields(local, "TreasuryToken", addresses.DigitalTenge, {
      allocated: (tokenBefore?.allocated as bigint) - unreleased,
      cancelled: unreleased,
      released: tokenBefore?.released,
    });
    const released = BigInt(milestones[0]?.amount ?? "0");
    expectFields(local, "AgencyTokenTotal", `1-${addresses.DigitalTenge}`, { allocated: released, released, cancelled: unreleased });
    expectFields(local, "BudgetTokenTotal", `${docId(documents.budget)}-${addresses.DigitalTenge}`, { allocated: released, cancelled: unreleased });

    const snapshot = local.store.snapshot();
    const again = chain.block(accounts.deployer, addresses.TimelockController, [e("AllocationCancelled", [1n, unreleased, "again"])]);
    local.processBlock(again.block, again.logs);
    assert.deepStrictEqual(local.store.snapshot(), snapshot);
  });

  it("withdrawals and inflows recorded by sync() move the token totals", () => {
    const local = indexScenario(record);
    const { addresses, accounts, deposits } = record.facts;
    const e = (event: string, args: readonly unknown[]) => ({ address: addresses.BudgetEscrow, contract: "BudgetEscrow", event, args });
    const { block, logs } = new ChainExtender(record).block(accounts.deployer, addresses.TimelockController, [
      e("InflowRecorded", [NATIVE, 5n]),
      e("Withdrawn", [NATIVE, accounts.treasurer, 7n]),
    ]);
    local.processBlock(block, logs);
    expectFields(local, "TreasuryToken", NATIVE, { deposited: BigInt(deposits.native) + 5n, withdrawn: 7n, depositCount: 2 });
    const inflow = local.store.all("Deposit").find((d) => d.kind === "INFLOW");
    assert.equal(inflow?.amount, 5n);
    assert.equal(inflow?.from ?? null, null);
    assert.equal(local.store.all("Withdrawal")[0]?.to, accounts.treasurer);
  });
});
