/**
 * proposal-state.ts: the eight states of GovernmentGovernor.state() computed from indexed facts. The comparison
 * with the real Governor on a chain is test/governance/proposal-state.test.ts.
 *
 *   cd core && node --import tsx --test tests/proposal-state.test.ts
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { PROPOSAL_STATES, type ProposalFacts, expiryOf, isProposalStateName, proposalState } from "../src/proposal-state.ts";

const DAY = 86_400n;
const base: ProposalFacts = {
  voteStart: 1_000n,
  voteEnd: 2_000n,
  forVotes: 0n,
  againstVotes: 0n,
  abstainVotes: 0n,
  quorum: 2n,
  executed: false,
  canceled: false,
  eta: 0n,
  graceHistory: [{ since: 0n, gracePeriod: 14n * DAY }],
};

describe("proposal-state: IGovernor.ProposalState", () => {
  it("lists the eight states in OpenZeppelin's order", () => {
    assert.deepEqual(PROPOSAL_STATES, ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Expired", "Executed"]);
    assert.equal(isProposalStateName("Expired"), true);
    assert.equal(isProposalStateName("CREATED"), false);
  });
});

describe("proposal-state: the timeline (timestamps: the Governor's clock is mode=timestamp)", () => {
  it("Pending up to and including the snapshot, Active up to and including the deadline", () => {
    assert.equal(proposalState(base, 999n), "Pending");
    assert.equal(proposalState(base, 1_000n), "Pending");
    assert.equal(proposalState(base, 1_001n), "Active");
    assert.equal(proposalState(base, 2_000n), "Active");
  });

  it("after the deadline: Defeated without quorum (for + abstain) or without more for than against, else Succeeded", () => {
    assert.equal(proposalState(base, 2_001n), "Defeated");
    assert.equal(proposalState({ ...base, forVotes: 1n, abstainVotes: 1n }, 2_001n), "Succeeded");
    assert.equal(proposalState({ ...base, forVotes: 2n, againstVotes: 2n }, 2_001n), "Defeated");
    assert.equal(proposalState({ ...base, abstainVotes: 5n }, 2_001n), "Defeated");
  });

  it("Queued once it has an ETA, Expired after ETA + grace period, Executed and Canceled whatever the clock", () => {
    const queued = { ...base, forVotes: 3n, eta: 3_000n };
    assert.equal(proposalState(queued, 3_000n + 14n * DAY), "Queued");
    assert.equal(proposalState(queued, 3_001n + 14n * DAY), "Expired");
    assert.equal(proposalState({ ...queued, executed: true }, 10n ** 9n), "Executed");
    assert.equal(proposalState({ ...base, canceled: true }, 0n), "Canceled");
  });
});

describe("proposal-state: GovernmentTimelock.expiryOf replays the grace period's changes", () => {
  const history = [
    { since: 0n, gracePeriod: 10n * DAY },
    { since: 5n * DAY, gracePeriod: 2n * DAY },
    { since: 20n * DAY, gracePeriod: 30n * DAY },
  ];
  it("a shorter grace period ends an operation at once; a longer one later never revives it", () => {
    // ready at day 1: 10 days → day 11; at day 5 the grace becomes 2 days → deadline day 3 < day 5: expired at day 5.
    assert.equal(expiryOf(1n * DAY, history, 100n * DAY), 5n * DAY);
    // ready at day 6 (grace 2 days): expired at day 8, before the longer grace of day 20.
    assert.equal(expiryOf(6n * DAY, history, 100n * DAY), 8n * DAY);
    // ready at day 19: deadline day 21 passes day 20's change: 30 days → day 49.
    assert.equal(expiryOf(19n * DAY, history, 30n * DAY), 0n);
    assert.equal(expiryOf(19n * DAY, history, 50n * DAY), 49n * DAY);
  });
});
