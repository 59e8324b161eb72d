/**
 * src/timelock.ts on the real logs of the anvil scenario, through the test host (not graph-node).
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { AbiCoder, ZeroHash, id as keccakId } from "ethers";

import type { ScenarioRecord } from "./harness/chain.js";
import { ChainExtender, expectFields, indexScenario, loadScenario, warningsAfterScenario } from "./harness/fixture.js";
import type { Indexer } from "./harness/indexer.js";

let record: ScenarioRecord;
let indexer: Indexer;
before(() => {
  record = loadScenario();
  indexer = indexScenario(record);
});

const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

describe("timelock: operations", () => {
  it("one executed operation per passed proposal, linked both ways, calls decoded", () => {
    const { proposals, settings } = record.facts;
    const operations = indexer.store.all("TimelockOperation");
    assert.equal(operations.length, 6);
    for (const key of ["seat", "decree", "allocation", "release", "appealAnswer", "keyRotation"] as const) {
      const proposal = indexer.store.entity("Proposal", proposals[key]);
      const operationId = proposal?.timelockOperation as string;
      assert.ok(operationId, `${key}: proposal has its operation`);
      expectFields(indexer, "TimelockOperation", operationId, {
        status: "EXECUTED",
        proposal: proposals[key],
        predecessor: ZeroHash,
        delay: BigInt(settings.timelockMinDelay),
        callCount: proposal?.actionCount,
        cancelledAt: null,
      });
      const operation = indexer.store.entity("TimelockOperation", operationId);
      assert.equal(operation?.readyAt, (operation?.scheduledAt as bigint) + BigInt(settings.timelockMinDelay));
      assert.equal(operation?.readyAt, proposal?.eta);
      for (let i = 0; i < (proposal?.actionCount as number); i++) {
        const action = indexer.store.entity("ProposalAction", `${proposals[key]}-${i}`);
        expectFields(indexer, "TimelockCall", `${operationId}-${i}`, {
          operation: operationId,
          index: i,
          target: action?.target,
          value: action?.value,
          data: action?.calldata,
          targetContract: action?.targetContract,
          signature: action?.signature,
          executed: true,
        });
      }
    }
  });

  it("the operation's salt is bytes20(governor) xor keccak256(description), as GovernorTimelockControl sets it", () => {
    const { proposals, addresses } = record.facts;
    const proposal = indexer.store.entity("Proposal", proposals.seat);
    const operation = indexer.store.entity("TimelockOperation", proposal?.timelockOperation as string);
    const salt = (BigInt(addresses.GovernmentGovernor) << 96n) ^ BigInt(keccakId(proposal?.description as string));
    assert.equal(operation?.salt, AbiCoder.defaultAbiCoder().encode(["uint256"], [salt]));
  });
});

describe("timelock: roles", () => {
  const roles = {
    DEFAULT_ADMIN_ROLE: ZeroHash,
    PROPOSER_ROLE: keccakId("PROPOSER_ROLE"),
    EXECUTOR_ROLE: keccakId("EXECUTOR_ROLE"),
    CANCELLER_ROLE: keccakId("CANCELLER_ROLE"),
  };

  it("the audit log holds every grant and the deployer's renounce, with role names", () => {
    const { addresses, accounts } = record.facts;
    const changes = indexer.store
      .all("RoleChange")
      .filter((c) => c.contract === addresses.TimelockController && String(c.kind).startsWith("ROLE_"));
    const summary = changes
      .map((c) => `${c.kind} ${c.roleName} ${c.account}`)
      .sort();
    assert.deepEqual(
      summary,
      [
        `ROLE_GRANTED CANCELLER_ROLE ${addresses.GovernmentGovernor}`,
        `ROLE_GRANTED DEFAULT_ADMIN_ROLE ${accounts.deployer}`,
        `ROLE_GRANTED DEFAULT_ADMIN_ROLE ${addresses.TimelockController}`,
        `ROLE_GRANTED EXECUTOR_ROLE ${ZERO_ADDRESS}`,
        `ROLE_GRANTED PROPOSER_ROLE ${addresses.GovernmentGovernor}`,
        `ROLE_REVOKED DEFAULT_ADMIN_ROLE ${accounts.deployer}`,
      ].sort(),
    );
    const renounce = changes.find((c) => c.kind === "ROLE_REVOKED");
    assert.equal(renounce?.sender, accounts.deployer);
    assert.equal(renounce?.role, roles.DEFAULT_ADMIN_ROLE);
  });

  it("after deployment no role but the Timelock's own admin, the Governor's and the open executor survives", () => {
    const { addresses } = record.facts;
    const active = indexer.store
      .all("RoleMember")
      .filter((m) => m.active)
      .map((m) => `${m.roleName} ${m.account}`)
      .sort();
    assert.deepEqual(
      active,
      [
        `CANCELLER_ROLE ${addresses.GovernmentGovernor}`,
        `DEFAULT_ADMIN_ROLE ${addresses.TimelockController}`,
        `EXECUTOR_ROLE ${ZERO_ADDRESS}`,
        `PROPOSER_ROLE ${addresses.GovernmentGovernor}`,
      ].sort(),
    );
    const deployerAdmin = indexer.store
      .all("RoleMember")
      .find((m) => m.account === record.facts.accounts.deployer && m.role === roles.DEFAULT_ADMIN_ROLE);
    assert.equal(deployerAdmin?.active, false);
    assert.equal(typeof deployerAdmin?.revokedAt, "bigint");
  });
});

describe("timelock: bad input", () => {
  it("CallExecuted, CallSalt and Cancelled for an unknown operation change nothing", () => {
    const local = indexScenario(record);
    const before = local.store.snapshot();
    const { addresses, accounts } = record.facts;
    const unknown = keccakId("no such operation");
    const t = (event: string, args: readonly unknown[]) => ({ address: addresses.TimelockController, contract: "TimelockController", event, args });
    const { block, logs } = new ChainExtender(record).block(accounts.deployer, addresses.TimelockController, [
      t("CallExecuted", [unknown, 0n, addresses.AgencyRegistry, 0n, "0x"]),
      t("CallSalt", [unknown, keccakId("salt")]),
      t("Cancelled", [unknown]),
    ]);
    local.processBlock(block, logs);
    // CallExecuted records the transaction's operation link only when the operation exists: nothing changes.
    assert.deepStrictEqual(local.store.snapshot(), before);
    assert.equal(warningsAfterScenario(local, record).length, 3);
  });

  it("a RoleRevoked for an account that never held the role is logged in the audit log only", () => {
    const local = indexScenario(record);
    const { addresses, accounts } = record.facts;
    const members = local.store.all("RoleMember");
    const { block, logs } = new ChainExtender(record).block(accounts.deployer, addresses.TimelockController, [
      { address: addresses.TimelockController, contract: "TimelockController", event: "RoleRevoked", args: [keccakId("PROPOSER_ROLE"), accounts.recipient, accounts.deployer] },
    ]);
    local.processBlock(block, logs);
    assert.deepStrictEqual(local.store.all("RoleMember"), members);
    const last = local.store.all("RoleChange").find((c) => c.blockNumber === BigInt(block.number));
    assert.equal(last?.kind, "ROLE_REVOKED");
    assert.equal(last?.roleName, "PROPOSER_ROLE");
  });
});
