/**
 * src/governor.ts on the real logs of the anvil scenario (tests/scenario/run.ts), through the test host
 * (tests/harness/: a re-implemented host for tests, not graph-node).
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { id as keccakId } from "ethers";

import type { ScenarioRecord } from "./harness/chain.js";
import { ChainExtender, docId, expectFields, indexScenario, loadScenario, warningsAfterScenario } from "./harness/fixture.js";
import { type Indexer, MappingError } from "./harness/indexer.js";
import { oddCalls, sampleCalls } from "./harness/sample-calls.js";

let record: ScenarioRecord;
let indexer: Indexer;
before(() => {
  record = loadScenario();
  indexer = indexScenario(record);
});

const votesOf = (proposal: string) =>
  indexer.store.all("Vote").filter((v) => v.proposal === proposal);

describe("governor: council settings", () => {
  it("records the Governor and Timelock settings from the constructor events", () => {
    const { settings, addresses } = record.facts;
    expectFields(indexer, "Council", "council", {
      governor: addresses.GovernmentGovernor,
      timelock: addresses.TimelockController,
      votingDelay: BigInt(settings.votingDelay),
      votingPeriod: BigInt(settings.votingPeriod),
      proposalThreshold: 1n,
      quorumNumerator: BigInt(settings.quorumPercent),
      lateQuorumVoteExtension: BigInt(settings.lateQuorumExtension),
      timelockMinDelay: BigInt(settings.timelockMinDelay),
      totalSeats: 4n,
      proposalCount: 9n,
      documentCount: 6n,
      allocationCount: 1n,
    });
  });

  it("keeps the history of every setting from the deployment's values on, each also in the audit log", () => {
    const { settings, addresses } = record.facts;
    const history = indexer.store.all("SettingChange");
    const initial = (setting: string) => history.filter((c) => c.setting === setting);
    const expected: [string, string, bigint][] = [
      ["VOTING_DELAY", addresses.GovernmentGovernor, BigInt(settings.votingDelay)],
      ["VOTING_PERIOD", addresses.GovernmentGovernor, BigInt(settings.votingPeriod)],
      ["PROPOSAL_THRESHOLD", addresses.GovernmentGovernor, 1n],
      ["QUORUM_NUMERATOR", addresses.GovernmentGovernor, BigInt(settings.quorumPercent)],
      ["LATE_QUORUM_VOTE_EXTENSION", addresses.GovernmentGovernor, BigInt(settings.lateQuorumExtension)],
      ["TIMELOCK_MIN_DELAY", addresses.TimelockController, BigInt(settings.timelockMinDelay)],
    ];
    for (const [setting, contract, value] of expected) {
      const rows = initial(setting);
      assert.equal(rows.length, 1, `${setting}: one change (the deployment's)`);
      assert.equal(rows[0]?.contract, contract, setting);
      assert.equal(rows[0]?.newValue, value, setting);
      assert.equal(rows[0]?.oldValue, 0n, setting);
    }
    const audit = indexer.store.all("RoleChange").filter((c) => c.kind === "SETTING_CHANGED");
    assert.equal(audit.length, history.length);
    for (const change of history) {
      assert.ok(audit.some((a) => a.id === change.id && a.detail === `${change.setting} ${change.oldValue} -> ${change.newValue}`), String(change.id));
    }
  });
});

describe("governor: proposals", () => {
  it("seat proposal: proposer, description, decoded action, tallies, state, timing", () => {
    const { proposals, accounts, settings, reasons } = record.facts;
    const id = proposals.seat;
    const proposal = indexer.store.entity("Proposal", id);
    assert.ok(proposal);
    expectFields(indexer, "Proposal", id, {
      proposalId: BigInt(id),
      proposer: accounts.officials[0],
      proposerOfficial: accounts.officials[0],
      description: "Seat a vice-minister of Digital Development",
      state: "EXECUTED",
      forVotes: 2n,
      againstVotes: 0n,
      abstainVotes: 1n,
      voteCount: 3,
      actionCount: 1,
      extendedDeadline: null,
      canceledAt: null,
    });
    const createdAt = proposal.createdAt as bigint;
    assert.equal(proposal.voteStart, createdAt + BigInt(settings.votingDelay));
    assert.equal(proposal.voteEnd, (proposal.voteStart as bigint) + BigInt(settings.votingPeriod));
    assert.equal(proposal.eta, (proposal.queuedAt as bigint) + BigInt(settings.timelockMinDelay));
    assert.ok((proposal.executedAt as bigint) >= (proposal.eta as bigint));

    expectFields(indexer, "ProposalAction", `${id}-0`, {
      proposal: id,
      index: 0,
      target: record.facts.addresses.OfficialSeats,
      value: 0n,
      selector: keccakId("issue(address,uint32,uint16)").slice(0, 10),
      targetContract: "OfficialSeats",
      signature: "issue(address,uint32,uint16)",
      arguments: [`official: ${accounts.newOfficial}`, "agencyId: 2", "position: 2"],
    });

    const votes = votesOf(id);
    assert.equal(votes.length, 3);
    expectFields(indexer, "Vote", `${id}-${accounts.officials[0]}`, {
      voter: accounts.officials[0],
      official: accounts.officials[0],
      support: "FOR",
      weight: 1n,
      reason: reasons.p1For,
      params: null,
    });
    expectFields(indexer, "Vote", `${id}-${accounts.officials[1]}`, { support: "FOR", reason: "" });
    expectFields(indexer, "Vote", `${id}-${accounts.officials[2]}`, { support: "ABSTAIN", reason: reasons.p1Abstain });
  });

  it("decree proposal: three decoded actions, votes for/against/abstain with reasons, minted documents linked", () => {
    const { proposals, accounts, reasons, documents, addresses } = record.facts;
    const id = proposals.decree;
    expectFields(indexer, "Proposal", id, { state: "EXECUTED", forVotes: 2n, againstVotes: 1n, abstainVotes: 1n, voteCount: 4, actionCount: 3 });
    expectFields(indexer, "ProposalAction", `${id}-0`, {
      targetContract: "DocumentRegistry",
      signature: "issue(uint8,uint32,bytes32,bytes32,bytes32)",
    });
    const decreeAction = indexer.store.entity("ProposalAction", `${id}-0`);
    assert.deepEqual((decreeAction?.arguments as string[]).slice(0, 3), ["docType: 0", "agencyId: 0", `contentHash: ${documents.decree}`]);
    expectFields(indexer, "ProposalAction", `${id}-2`, {
      target: addresses.AgencyRegistry,
      signature: "addRegistrar(uint32,address)",
      arguments: ["agencyId: 2", `account: ${accounts.newRegistrar}`],
    });
    expectFields(indexer, "Vote", `${id}-${accounts.officials[1]}`, { support: "AGAINST", reason: reasons.p2Against });
    expectFields(indexer, "Vote", `${id}-${accounts.newOfficial}`, { support: "ABSTAIN", reason: reasons.p2Abstain, official: accounts.newOfficial });
    expectFields(indexer, "Document", docId(documents.decree), { proposal: id });
    expectFields(indexer, "Document", docId(documents.budget), { proposal: id });
  });

  it("allocation proposal: the milestone plan (a struct array, a dynamic argument) is decoded", () => {
    const { proposals, accounts, addresses, documents, milestones } = record.facts;
    const total = milestones.reduce((sum, m) => sum + BigInt(m.amount), 0n);
    const plan = milestones.map((m) => `(${m.amount}, ${m.deadline}, ${m.descriptionHash})`).join(", ");
    expectFields(indexer, "ProposalAction", `${proposals.allocation}-0`, {
      targetContract: "BudgetEscrow",
      signature: "createAllocation(address,address,uint256,uint256,(uint128,uint48,bytes32)[])",
      arguments: [
        `recipient: ${accounts.recipient}`,
        `token: ${addresses.DigitalTenge}`,
        `budgetDocumentId: ${BigInt(documents.budget)}`,
        `total: ${total}`,
        `plan: [${plan}]`,
      ],
    });
  });

  it("every state-changing function of our contracts, proposed, is named and decoded (P6: every ABI type)", (t) => {
    const { proposals, addresses } = record.facts;
    const calls = sampleCalls();
    const id = proposals.everyAction;
    expectFields(indexer, "Proposal", id, { state: "CREATED", actionCount: calls.length, voteCount: 0 });
    const undecoded: string[] = [];
    calls.forEach((call, i) => {
      const action = indexer.store.entity("ProposalAction", `${id}-${i}`);
      assert.ok(action, `action ${i} (${call.contract}.${call.signature}) is not in the store`);
      assert.equal(action.target, addresses[call.contract], `action ${i}: target`);
      assert.equal(action.targetContract, call.contract, `action ${i}: targetContract`);
      assert.equal(action.signature, call.signature, `action ${i}: signature`);
      assert.equal(action.calldata, call.data.toLowerCase(), `action ${i}: calldata`);
      if (action.arguments === null) undecoded.push(`${call.contract}.${call.signature}`);
      else assert.deepEqual(action.arguments, call.arguments, `action ${i} (${call.contract}.${call.signature}): arguments`);
    });
    const dynamic = calls.filter((c) => /string|bytes[,)[]|\[|\)\[/.test(c.signature)).length;
    t.diagnostic(`${calls.length - undecoded.length} of ${calls.length} actions decoded (${dynamic} with a dynamic argument)`);
    assert.deepEqual(undecoded, [], "actions named but not decoded");
  });

  it("odd calldata (P7) is rendered as graph-node decodes it, except a bool word of 2, left undecoded with a warning", () => {
    const { proposals, addresses, accounts } = record.facts;
    const calls = oddCalls();
    expectFields(indexer, "Proposal", proposals.oddCalls, { state: "CREATED", actionCount: calls.length });
    calls.forEach((call, i) => {
      const named = call.data.length >= 10 ? call.contract : null; // shorter than a selector: not named
      expectFields(indexer, "ProposalAction", `${proposals.oddCalls}-${i}`, {
        target: call.contract === null ? accounts.recipient : addresses[call.contract],
        calldata: call.data,
        selector: call.data.length >= 10 ? call.data.slice(0, 10) : null,
        targetContract: named,
        signature: call.signature,
        arguments: call.arguments,
      });
    });
    assert.ok(indexer.messages("WARNING").some((m) => m.includes("calldata of AgencyRegistry.setAgencyActive(uint32,bool): bool argument word 1 is not 0 or 1")));
  });

  it("a vote with params is a VoteCastWithParams: params recorded", () => {
    const { proposals, accounts } = record.facts;
    expectFields(indexer, "Vote", `${proposals.allocation}-${accounts.officials[2]}`, {
      support: "FOR",
      reason: "Params attached",
      params: "0x1234",
    });
  });

  it("late quorum: ProposalExtended moves voteEnd; the release is linked to the proposal", () => {
    const { proposals, settings } = record.facts;
    const proposal = indexer.store.entity("Proposal", proposals.release);
    assert.ok(proposal);
    assert.ok(proposal.extendedDeadline !== null, "extendedDeadline recorded");
    assert.equal(proposal.voteEnd, proposal.extendedDeadline);
    assert.ok((proposal.voteEnd as bigint) > (proposal.voteStart as bigint) + BigInt(settings.votingPeriod));
    const [release] = indexer.store.all("Release");
    assert.equal(release?.proposal, proposals.release);
  });

  it("a proposal cancelled while pending is CANCELED, with no timelock operation", () => {
    const { proposals } = record.facts;
    expectFields(indexer, "Proposal", proposals.cancelled, { state: "CANCELED", voteCount: 0, timelockOperation: null, queuedAt: null });
    const proposal = indexer.store.entity("Proposal", proposals.cancelled);
    assert.equal(typeof proposal?.canceledAt, "bigint");
  });

  it("every proposal's votes add up to its tallies", () => {
    for (const proposal of indexer.store.all("Proposal")) {
      const votes = votesOf(proposal.id as string);
      const sum = (support: string) => votes.filter((v) => v.support === support).reduce((s, v) => s + (v.weight as bigint), 0n);
      assert.equal(proposal.forVotes, sum("FOR"));
      assert.equal(proposal.againstVotes, sum("AGAINST"));
      assert.equal(proposal.abstainVotes, sum("ABSTAIN"));
      assert.equal(proposal.voteCount, votes.length);
    }
  });
});

describe("governor: bad input", () => {
  it("a VoteCast for a proposal the store has not seen changes nothing and logs a warning", () => {
    const local = indexScenario(record);
    const before = local.store.snapshot();
    const { addresses, accounts } = record.facts;
    const chain = new ChainExtender(record);
    const unknownId = 123456789n;
    const { block, logs } = chain.block(accounts.deployer, addresses.GovernmentGovernor, [
      { address: addresses.GovernmentGovernor, contract: "GovernmentGovernor", event: "VoteCast", args: [accounts.officials[0], unknownId, 1, 1, "ghost vote"] },
    ]);
    local.processBlock(block, logs);
    assert.deepStrictEqual(local.store.snapshot(), before);
    assert.ok(local.messages("WARNING").some((m) => m.includes(`vote for unknown proposal ${unknownId}`)));
  });

  it("a replayed vote (same voter, same proposal) is not counted twice", () => {
    const local = indexScenario(record);
    const { addresses, accounts, proposals } = record.facts;
    const before = local.store.entity("Proposal", proposals.seat);
    const chain = new ChainExtender(record);
    const { block, logs } = chain.block(accounts.deployer, addresses.GovernmentGovernor, [
      { address: addresses.GovernmentGovernor, contract: "GovernmentGovernor", event: "VoteCast", args: [accounts.officials[0], BigInt(proposals.seat), 1, 1, "again"] },
    ]);
    local.processBlock(block, logs);
    assert.deepStrictEqual(local.store.entity("Proposal", proposals.seat), before);
    assert.equal(local.store.entity("Vote", `${proposals.seat}-${accounts.officials[0]}`)?.reason, record.facts.reasons.p1For);
  });

  it("an action whose calldata does not decode fails the test host loudly; graph-node's null leaves arguments null with a warning", () => {
    const { addresses, accounts } = record.facts;
    const amend = sampleCalls().find((c) => c.contract === "DocumentRegistry" && c.signature.startsWith("amend("));
    assert.ok(amend);
    const truncated = amend.data.slice(0, 2 + 2 * (4 + 64)); // selector and two words: the string is cut off
    const created = () =>
      new ChainExtender(record).block(accounts.officials[0] as string, addresses.GovernmentGovernor, [
        {
          address: addresses.GovernmentGovernor,
          contract: "GovernmentGovernor",
          event: "ProposalCreated",
          args: [987654321n, accounts.officials[0], [addresses.DocumentRegistry], [0n], [""], [truncated], 1n, 2n, "truncated calldata"],
        },
      ]);
    const strict = indexScenario(record);
    const before = strict.store.snapshot();
    const first = created();
    assert.throws(
      () => strict.processBlock(first.block, first.logs),
      (error: unknown) => error instanceof MappingError && /host function ethereum\.decode failed: \(uint256,bytes32,bytes32,bytes32,string\) does not decode from 96 bytes/.test(error.message),
    );
    assert.deepStrictEqual(strict.store.snapshot(), before, "the block is rolled back");

    const lenient = indexScenario(record, { decodeFailures: "null" });
    const second = created();
    lenient.processBlock(second.block, second.logs);
    expectFields(lenient, "ProposalAction", "987654321-0", { targetContract: "DocumentRegistry", signature: amend.signature, arguments: null });
    assert.equal(lenient.decodeFailures.length, 1);
    assert.ok(lenient.messages("WARNING").some((m) => m.includes(`calldata of DocumentRegistry.${amend.signature} does not decode`)));
  });

  it("queue/execute/cancel of unknown proposals and out-of-order state changes keep the store consistent", () => {
    const local = indexScenario(record);
    const { addresses, accounts, proposals } = record.facts;
    const chain = new ChainExtender(record);
    const before = local.store.snapshot();
    const g = (event: string, args: readonly unknown[]) => ({ address: addresses.GovernmentGovernor, contract: "GovernmentGovernor", event, args });
    const first = chain.block(accounts.deployer, addresses.GovernmentGovernor, [
      g("ProposalExecuted", [42n]),
      g("ProposalQueued", [43n, 0n]),
      g("ProposalCanceled", [44n]),
      // An executed proposal cannot be queued or cancelled afterwards.
      g("ProposalQueued", [BigInt(proposals.seat), 1n]),
      g("ProposalCanceled", [BigInt(proposals.seat)]),
    ]);
    local.processBlock(first.block, first.logs);
    assert.deepStrictEqual(local.store.snapshot(), before);
    assert.equal(local.store.entity("Proposal", proposals.seat)?.state, "EXECUTED");
    assert.equal(warningsAfterScenario(local, record).length, 5);
  });
});
