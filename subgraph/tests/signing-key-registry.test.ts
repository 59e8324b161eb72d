/**
 * src/signing-key-registry.ts on the real logs of the anvil scenario, through the test host (not graph-node).
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

/** The block time of block `number` (hex or decimal) of the recorded chain. */
const timeOfBlock = (number: bigint): bigint => {
  const block = record.blocks.find((b) => BigInt(b.number) === number);
  assert.ok(block, `block ${number}`);
  return BigInt(block.timestamp);
};

describe("signing key registry", () => {
  it("the genesis key from the deployment, retired by the rotation proposal that registered its successor", () => {
    const { accounts, addresses, proposals, signingKeys } = record.facts;
    const executed = indexer.store.entity("Proposal", proposals.keyRotation)?.executedTx;
    assert.ok(executed, "P9 executed");
    const genesis = indexer.store.entity("SigningKey", "1");
    assert.ok(genesis);
    const deployedAt = timeOfBlock(BigInt(genesis.registeredBlock as bigint));
    const rotatedAt = indexer.store.entity("SigningKey", "2")?.registeredAt as bigint;
    expectFields(indexer, "SigningKey", "1", {
      keyId: 1n,
      purpose: "EXTRACT",
      keyHash: signingKeys.genesis,
      validFrom: deployedAt,
      validUntil: rotatedAt,
      compromised: false,
      registeredAt: deployedAt,
      retiredAt: rotatedAt,
      retiredTx: executed,
      compromisedAt: null,
    });
    expectFields(indexer, "SigningKey", "2", {
      keyId: 2n,
      purpose: "EXTRACT",
      keyHash: signingKeys.rotated,
      validFrom: rotatedAt,
      validUntil: 0n,
      registeredTx: executed,
      retiredAt: null,
      retiredTx: null,
    });
    // In chain order: by block, then by log (the id is "<tx hash>-<log index>"; P9 registers before it retires).
    const logIndex = (id: unknown): number => Number(String(id).split("-")[1]);
    const changes = indexer.store
      .all("RoleChange")
      .filter((c) => c.contract === addresses.SigningKeyRegistry)
      .sort((a, b) => Number((a.blockNumber as bigint) - (b.blockNumber as bigint)) || logIndex(a.id) - logIndex(b.id));
    assert.deepEqual(
      changes.map((c) => [c.kind, c.signingKey, c.detail, c.transactionHash === executed]),
      [
        ["SIGNING_KEY_REGISTERED", "1", `EXTRACT ${signingKeys.genesis}`, false],
        ["SIGNING_KEY_REGISTERED", "2", `EXTRACT ${signingKeys.rotated}`, true],
        ["SIGNING_KEY_RETIRED", "1", `retired, valid until ${rotatedAt}`, true],
      ],
    );
    // The audit log's sender is the transaction's, as everywhere in it: the account that executed P9.
    assert.deepEqual(changes.slice(1).map((c) => c.sender), [accounts.deployer, accounts.deployer]);
  });
});

describe("signing key registry: later changes and bad input", () => {
  it("a rotated key later declared compromised: its period shrinks to nothing, the first retirement stays", () => {
    const local = indexScenario(record);
    const { addresses, accounts } = record.facts;
    const before = local.store.entity("SigningKey", "1");
    assert.ok(before);
    const extender = new ChainExtender(record);
    const { block, logs } = extender.block(accounts.deployer, addresses.TimelockController, [
      { address: addresses.SigningKeyRegistry, contract: "SigningKeyRegistry", event: "KeyRetired", args: [1n, before.validFrom, true] },
    ]);
    local.processBlock(block, logs);
    expectFields(local, "SigningKey", "1", {
      validUntil: before.validFrom,
      compromised: true,
      compromisedAt: BigInt(block.timestamp),
      retiredAt: before.retiredAt,
      retiredTx: before.retiredTx,
    });
    const last = local.store.all("RoleChange").find((c) => c.blockNumber === BigInt(block.number));
    assert.deepEqual([last?.kind, last?.signingKey, last?.detail], ["SIGNING_KEY_RETIRED", "1", `compromised, valid until ${before.validFrom}`]);
  });

  it("a key of a purpose this subgraph does not know, and the retirement of an unknown key, are audited but store no key", () => {
    const local = indexScenario(record);
    const { addresses, accounts } = record.facts;
    const keys = local.store.all("SigningKey");
    const k = (event: string, args: readonly unknown[]) => ({ address: addresses.SigningKeyRegistry, contract: "SigningKeyRegistry", event, args });
    const hash = `0x${"ab".repeat(32)}`;
    const { block, logs } = new ChainExtender(record).block(accounts.deployer, addresses.TimelockController, [
      k("KeyRegistered", [3n, 7, hash, 1_900_000_000n]),
      k("KeyRetired", [99n, 1_900_000_000n, false]),
    ]);
    local.processBlock(block, logs);
    assert.deepStrictEqual(local.store.all("SigningKey"), keys);
    const audited = local.store.all("RoleChange").filter((c) => c.blockNumber === BigInt(block.number));
    assert.deepEqual(
      audited.map((c) => [c.kind, c.signingKey ?? null, c.detail]),
      [
        ["SIGNING_KEY_REGISTERED", null, `purpose 7 ${hash}`],
        ["SIGNING_KEY_RETIRED", null, "retired, valid until 1900000000"],
      ],
    );
    assert.equal(warningsAfterScenario(local, record).length, 2);
    assert.deepEqual(local.store.danglingReferences(), []);
  });
});
