/**
 * src/agency-registry.ts on the real logs of the anvil scenario, through the test host (not graph-node).
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { sha256, toUtf8Bytes } from "ethers";

import type { ScenarioRecord } from "./harness/chain.js";
import { ChainExtender, expectFields, indexScenario, loadScenario, warningsAfterScenario } from "./harness/fixture.js";
import type { Indexer } from "./harness/indexer.js";

let record: ScenarioRecord;
let indexer: Indexer;
before(() => {
  record = loadScenario();
  indexer = indexScenario(record);
});

const hashOf = (text: string) => sha256(toUtf8Bytes(text));

describe("agency registry", () => {
  it("genesis agencies with their key hashes and registrars; the central government as a placeholder", () => {
    const { accounts } = record.facts;
    expectFields(indexer, "Agency", "1", {
      agencyId: 1n,
      registered: true,
      name: "Ministry of Finance",
      active: true,
      pqKeyHash: hashOf("finance ML-DSA key"),
      registrarCount: 1,
    });
    expectFields(indexer, "Agency", "2", {
      name: "Ministry of Digital Development",
      pqKeyHash: hashOf("digital ML-DSA key"),
      registrarCount: 2,
    });
    expectFields(indexer, "Agency", "0", { registered: false, name: "Government of the Republic of Kazakhstan", pqKeyHash: null, registrarCount: 0 });
    expectFields(indexer, "Registrar", `1-${accounts.financeRegistrar}`, { agency: "1", account: accounts.financeRegistrar, active: true, removedAt: null });
    expectFields(indexer, "Registrar", `2-${accounts.digitalRegistrar}`, { agency: "2", active: true });
    expectFields(indexer, "Registrar", `2-${accounts.newRegistrar}`, { agency: "2", active: true });
  });

  it("the audit log has each agency and registrar change; the proposal-added registrar names the executing tx", () => {
    const { accounts, addresses, proposals } = record.facts;
    const changes = indexer.store.all("RoleChange").filter((c) => c.contract === addresses.AgencyRegistry);
    assert.deepEqual(changes.map((c) => c.kind).sort(), ["AGENCY_ADDED", "AGENCY_ADDED", "REGISTRAR_ADDED", "REGISTRAR_ADDED", "REGISTRAR_ADDED"]);
    const added = changes.find((c) => c.account === accounts.newRegistrar);
    const proposal = indexer.store.entity("Proposal", proposals.decree);
    assert.equal(added?.transactionHash, proposal?.executedTx);
    assert.equal(added?.agency, "2");
  });
});

describe("agency registry: later changes and bad input", () => {
  it("rename, deactivate, rotate key, remove registrar; a uint32 id above 2^31 stays positive", () => {
    const local = indexScenario(record);
    const { addresses, accounts } = record.facts;
    const a = (event: string, args: readonly unknown[]) => ({ address: addresses.AgencyRegistry, contract: "AgencyRegistry", event, args });
    const maxId = 4_294_967_295n;
    const { block, logs } = new ChainExtender(record).block(accounts.deployer, addresses.TimelockController, [
      a("AgencyRenamed", [2n, "Ministry of Digital Development and Innovation"]),
      a("AgencyActiveSet", [2n, false]),
      a("AgencyKeyRotated", [1n, hashOf("finance ML-DSA key"), hashOf("finance key 2")]),
      a("RegistrarRemoved", [2n, accounts.newRegistrar]),
      a("AgencyAdded", [maxId, "Statistics Committee", hashOf("stats key")]),
    ]);
    local.processBlock(block, logs);
    expectFields(local, "Agency", "2", { name: "Ministry of Digital Development and Innovation", active: false, registrarCount: 1 });
    expectFields(local, "Agency", "1", { pqKeyHash: hashOf("finance key 2") });
    expectFields(local, "Registrar", `2-${accounts.newRegistrar}`, { active: false, removedAt: BigInt(block.timestamp) });
    expectFields(local, "Agency", maxId.toString(), { agencyId: maxId, name: "Statistics Committee", registered: true });
  });

  it("registrar and agency events for an unknown agency are audited but change no agency or registrar", () => {
    const local = indexScenario(record);
    const { addresses, accounts } = record.facts;
    const agencies = local.store.all("Agency");
    const registrars = local.store.all("Registrar");
    const a = (event: string, args: readonly unknown[]) => ({ address: addresses.AgencyRegistry, contract: "AgencyRegistry", event, args });
    const { block, logs } = new ChainExtender(record).block(accounts.deployer, addresses.TimelockController, [
      a("RegistrarAdded", [99n, accounts.recipient]),
      a("RegistrarRemoved", [1n, accounts.recipient]),
      a("AgencyRenamed", [98n, "Nobody"]),
    ]);
    local.processBlock(block, logs);
    assert.deepStrictEqual(local.store.all("Agency"), agencies);
    assert.deepStrictEqual(local.store.all("Registrar"), registrars);
    const audited = local.store.all("RoleChange").filter((c) => c.blockNumber === BigInt(block.number));
    assert.deepEqual(
      audited.map((c) => `${c.kind} ${c.agency ?? null}`).sort(),
      ["AGENCY_RENAMED null", "REGISTRAR_ADDED null", "REGISTRAR_REMOVED 1"],
    );
    assert.equal(warningsAfterScenario(local, record).length, 3);
    assert.deepEqual(local.store.danglingReferences(), []);
  });
});
