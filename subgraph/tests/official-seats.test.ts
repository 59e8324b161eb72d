/**
 * src/official-seats.ts on the real logs of the anvil scenario, through the test host (not graph-node).
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import type { ScenarioRecord } from "./harness/chain.js";
import { ChainExtender, expectFields, indexScenario, loadScenario, warningsAfterScenario } from "./harness/fixture.js";
import type { Indexer } from "./harness/indexer.js";

let record: ScenarioRecord;
let indexer: Indexer;
before(() => {
  record = loadScenario();
  indexer = indexScenario(record);
});

describe("official seats", () => {
  it("three genesis seats and the one issued by proposal, each with its first term", () => {
    const { accounts, proposals } = record.facts;
    const holders = [...accounts.officials, accounts.newOfficial];
    const agencies = ["1", "1", "2", "2"];
    const positions = [1, 2, 1, 2];
    holders.forEach((holder, i) => {
      const seatId = String(i + 1);
      expectFields(indexer, "Seat", seatId, {
        seatId: BigInt(i + 1),
        holder,
        agency: agencies[i],
        position: positions[i],
        active: true,
        revokedAt: null,
        termCount: 1,
      });
      expectFields(indexer, "Official", holder, { address: holder, seat: seatId, seated: true });
      expectFields(indexer, "SeatTerm", `${seatId}-0`, { seat: seatId, index: 0, agency: agencies[i], position: positions[i], endedAt: null });
    });
    // The fourth seat was issued by the seat proposal's execution.
    const term = indexer.store.entity("SeatTerm", "4-0");
    assert.equal(term?.startTx, indexer.store.entity("Proposal", proposals.seat)?.executedTx);
    expectFields(indexer, "Council", "council", { totalSeats: 4n });
  });

  it("every seat change is in the audit log", () => {
    const { addresses, accounts } = record.facts;
    const issued = indexer.store.all("RoleChange").filter((c) => c.contract === addresses.OfficialSeats);
    assert.deepEqual(
      issued.map((c) => `${c.kind} ${c.seat} ${c.account} ${c.agency} ${c.detail}`).sort(),
      [
        `SEAT_ISSUED 1 ${accounts.officials[0]} 1 position 1`,
        `SEAT_ISSUED 2 ${accounts.officials[1]} 1 position 2`,
        `SEAT_ISSUED 3 ${accounts.officials[2]} 2 position 1`,
        `SEAT_ISSUED 4 ${accounts.newOfficial} 2 position 2`,
      ].sort(),
    );
  });

  it("revoke, re-issue and reassign: terms close and open, the official follows", () => {
    const local = indexScenario(record);
    const { addresses, accounts } = record.facts;
    const s = (event: string, args: readonly unknown[]) => ({ address: addresses.OfficialSeats, contract: "OfficialSeats", event, args });
    const chain = new ChainExtender(record);
    const first = chain.block(accounts.deployer, addresses.TimelockController, [
      s("SeatRevoked", [4n, accounts.newOfficial]),
      s("TotalSeatsChanged", [4n, 3n]),
    ]);
    local.processBlock(first.block, first.logs);
    expectFields(local, "Seat", "4", { active: false, revokedAt: BigInt(first.block.timestamp) });
    expectFields(local, "SeatTerm", "4-0", { endedAt: BigInt(first.block.timestamp), endTx: first.block.transactions[0]?.hash });
    expectFields(local, "Official", accounts.newOfficial, { seated: false, seat: "4" });
    expectFields(local, "Council", "council", { totalSeats: 3n });

    const second = chain.block(accounts.deployer, addresses.TimelockController, [
      s("SeatIssued", [4n, accounts.newOfficial, 1n, 3]),
      s("SeatReassigned", [1n, accounts.officials[0], 2n, 5]),
    ]);
    local.processBlock(second.block, second.logs);
    expectFields(local, "Seat", "4", { active: true, agency: "1", position: 3, termCount: 2, since: BigInt(second.block.timestamp), revokedAt: null });
    expectFields(local, "SeatTerm", "4-1", { index: 1, agency: "1", position: 3, endedAt: null });
    expectFields(local, "Seat", "1", { agency: "2", position: 5 });
    expectFields(local, "Official", accounts.newOfficial, { seated: true });
  });

  it("a revocation of an unknown or vacant seat changes no seat (it is still audited)", () => {
    const local = indexScenario(record);
    const { addresses, accounts } = record.facts;
    const seats = local.store.all("Seat");
    const officials = local.store.all("Official");
    const { block, logs } = new ChainExtender(record).block(accounts.deployer, addresses.TimelockController, [
      { address: addresses.OfficialSeats, contract: "OfficialSeats", event: "SeatRevoked", args: [77n, accounts.recipient] },
      { address: addresses.OfficialSeats, contract: "OfficialSeats", event: "SeatReassigned", args: [78n, accounts.recipient, 1n, 1] },
    ]);
    local.processBlock(block, logs);
    assert.deepStrictEqual(local.store.all("Seat"), seats);
    assert.deepStrictEqual(local.store.all("Official"), officials);
    assert.equal(warningsAfterScenario(local, record).length, 2);
    assert.deepEqual(local.store.danglingReferences(), []);
  });
});
