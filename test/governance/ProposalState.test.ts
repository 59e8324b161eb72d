/**
 * core/src/proposal-state.ts against the real GovernmentGovernor.state(): the state computed from the facts an
 * indexer has (the ProposalCreated / ProposalExtended / ProposalQueued / ProposalExecuted / ProposalCanceled and
 * GracePeriodChange events, the tallies and the quorum at the snapshot) is the state the Governor reports, at every
 * step of a proposal's life.
 *
 *   npx hardhat test mocha test/governance/ProposalState.test.ts
 */
import { expect } from "chai";
import { ZeroHash } from "ethers";

import { PROPOSAL_STATES, type ProposalFacts, proposalState } from "@government-dao/core/proposal-state";
import { AGAINST, DIGITAL, DocType, FOR, type System, action, hashOf, setup } from "../helpers/fixtures.js";

const t = await setup();
const { cast, networkHelpers } = t;
const { time } = networkHelpers;

/** What an indexer knows about proposal `id`: read from the logs and the tallies only. */
async function indexedFacts(s: System, id: bigint): Promise<ProposalFacts> {
  const { governor, timelock } = s;
  const created = (await governor.queryFilter(governor.filters.ProposalCreated())).find((e) => e.args.proposalId === id);
  if (!created) throw new Error(`no ProposalCreated for ${id}`);
  const extended = (await governor.queryFilter(governor.filters.ProposalExtended(id))).map((e) => e.args.extendedDeadline);
  const queued = (await governor.queryFilter(governor.filters.ProposalQueued())).find((e) => e.args.proposalId === id);
  const executed = (await governor.queryFilter(governor.filters.ProposalExecuted())).some((e) => e.args.proposalId === id);
  const canceled = (await governor.queryFilter(governor.filters.ProposalCanceled())).some((e) => e.args.proposalId === id);
  const graceHistory = await Promise.all(
    (await timelock.queryFilter(timelock.filters.GracePeriodChange())).map(async (e) => ({
      since: BigInt((await e.getBlock()).timestamp),
      gracePeriod: e.args.newGracePeriod,
    })),
  );
  const [againstVotes, forVotes, abstainVotes] = await governor.proposalVotes(id);
  const voteStart = created.args.voteStart;
  const now = await governor.clock();
  return {
    voteStart,
    voteEnd: extended.reduce((a, b) => (b > a ? b : a), created.args.voteEnd),
    forVotes,
    againstVotes,
    abstainVotes,
    quorum: voteStart < now ? await governor.quorum(voteStart) : 0n,
    executed,
    canceled,
    eta: queued?.args.etaSeconds ?? 0n,
    graceHistory,
  };
}

/** The computed state equals the Governor's, and is `expected`. */
async function expectState(s: System, id: bigint, expected: (typeof PROPOSAL_STATES)[number]): Promise<void> {
  const onChain = PROPOSAL_STATES[Number(await s.governor.state(id))];
  const computed = proposalState(await indexedFacts(s, id), await s.governor.clock());
  expect({ computed, onChain }).to.deep.equal({ computed: expected, onChain: expected });
}

const notice = (s: System, text: string) => [action(s.documents, "issue", [DocType.Notice, DIGITAL, hashOf(text), hashOf(`${text} metadata`), ZeroHash])];

describe("proposal-state: computed from indexed facts = GovernmentGovernor.state()", function () {
  it("Pending → Active → Succeeded → Queued → Executed, checked at each boundary", async function () {
    const s = await t.loadSystem();
    const actions = notice(s, "lifecycle");
    const id = await t.propose(s, actions, "Lifecycle");
    await expectState(s, id, "Pending");
    const snapshot = await s.governor.proposalSnapshot(id);
    await time.increaseTo(snapshot);
    await expectState(s, id, "Pending");
    await time.increaseTo(snapshot + 1n);
    await expectState(s, id, "Active");
    for (const voter of cast.officials) await s.governor.connect(voter).castVote(id, FOR);
    await time.increaseTo(await s.governor.proposalDeadline(id));
    await expectState(s, id, "Active");
    await time.increaseTo((await s.governor.proposalDeadline(id)) + 1n);
    await expectState(s, id, "Succeeded");
    const p = t.proposalArgs(actions, "Lifecycle");
    await s.governor.queue(p.targets, p.values, p.calldatas, p.descriptionHash);
    await expectState(s, id, "Queued");
    await time.increaseTo(await s.governor.proposalEta(id));
    await s.governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash);
    await expectState(s, id, "Executed");
  });

  it("Defeated without quorum, and with quorum but no majority", async function () {
    const s = await t.loadSystem();
    const quiet = await t.propose(s, notice(s, "quiet"), "Nobody votes");
    const split = await t.propose(s, notice(s, "split"), "Against wins");
    await t.startVoting(s, split);
    await s.governor.connect(cast.officials[0]).castVote(split, FOR);
    await s.governor.connect(cast.officials[1]).castVote(split, AGAINST);
    await s.governor.connect(cast.officials[2]).castVote(split, AGAINST);
    await t.endVoting(s, split); // after the quiet proposal's deadline too (it was proposed first)
    expect(await s.governor.proposalDeadline(quiet)).to.be.lessThan(await s.governor.clock());
    await expectState(s, quiet, "Defeated");
    await expectState(s, split, "Defeated");
  });

  it("a late quorum extends voting: still Active after the original deadline (ProposalExtended)", async function () {
    const s = await t.loadSystem();
    const id = await t.propose(s, notice(s, "late"), "Late quorum");
    const deadline = await s.governor.proposalDeadline(id);
    await time.increaseTo(deadline - 10n);
    await s.governor.connect(cast.officials[0]).castVote(id, FOR);
    await s.governor.connect(cast.officials[1]).castVote(id, FOR);
    await time.increaseTo(deadline + 1n);
    await expectState(s, id, "Active");
    await t.endVoting(s, id);
    await expectState(s, id, "Succeeded");
  });

  it("Expired after ETA + grace period, and at once when a shorter grace period takes effect", async function () {
    const s = await t.loadSystem();
    const first = await t.passAndQueue(s, notice(s, "expires"), "Expires");
    const eta = await s.governor.proposalEta(first.proposalId);
    const grace = await s.timelock.gracePeriod();
    await time.increaseTo(eta + grace);
    await expectState(s, first.proposalId, "Queued");
    await time.increaseTo(eta + grace + 1n);
    await expectState(s, first.proposalId, "Expired");

    const second = await t.passAndQueue(s, notice(s, "shortened"), "Shortened");
    const secondEta = await s.governor.proposalEta(second.proposalId);
    await time.increaseTo(secondEta + 2n * 86_400n);
    await expectState(s, second.proposalId, "Queued");
    await s.timelock.connect(await t.asTimelock(s)).updateGracePeriod(86_400n);
    await expectState(s, second.proposalId, "Expired");
  });

  it("Canceled by its proposer while Pending", async function () {
    const s = await t.loadSystem();
    const actions = notice(s, "withdrawn");
    const id = await t.propose(s, actions, "Withdrawn");
    const p = t.proposalArgs(actions, "Withdrawn");
    await s.governor.connect(cast.officials[0]).cancel(p.targets, p.values, p.calldatas, p.descriptionHash);
    await expectState(s, id, "Canceled");
  });
});
