import { expect } from "chai";
import { ZeroAddress, ZeroHash, id as id32, toBeHex } from "ethers";

import {
  ABSTAIN,
  AGAINST,
  BOUNDS,
  DIGITAL,
  DocType,
  FINANCE,
  FOR,
  ProposalState,
  SETTINGS,
  type System,
  action,
  hashOf,
  setup,
} from "../helpers/fixtures.js";
import { signBallot } from "../helpers/signatures.js";

const t = await setup();
const { cast, networkHelpers } = t;
const { time } = networkHelpers;
const [alice, bob, carol] = cast.officials;

/** A harmless proposal: mint a Notice for the Digital agency. */
const noticeAction = (s: System, text = "notice") =>
  action(s.documents, "issue", [DocType.Notice, DIGITAL, hashOf(text), hashOf(`${text} metadata`), ZeroHash]);


describe("GovernmentGovernor", function () {
  describe("configuration", function () {
    it("runs on the timestamp clock with bravo counting and a one-seat threshold", async function () {
      const { governor, seats } = await t.loadSystem();
      expect(await governor.CLOCK_MODE()).to.equal("mode=timestamp");
      await networkHelpers.mine();
      expect(await governor.clock()).to.equal(BigInt(await time.latest()));
      expect(await governor.COUNTING_MODE()).to.equal("support=bravo&quorum=for,abstain");
      expect(await governor.proposalThreshold()).to.equal(1n);
      expect(await governor.token()).to.equal(seats.target);
      expect(await governor.name()).to.equal("Government DAO");
    });

    it("refuses a votes source on another clock", async function () {
      const s = await t.loadSystem();
      const blockVotes = await t.ethers.deployContract("BlockNumberVotes");
      const factory = await t.ethers.getContractFactory("GovernmentGovernor");
      const config = { votingDelay: 1, votingPeriod: 600, quorumPercent: 50, lateQuorumExtension: 0 };
      await expect(factory.deploy(blockVotes.target, s.timelock.target, config, BOUNDS.settingsBounds)).to.be.revertedWithCustomError(
        factory,
        "GovernorClockModeMismatch",
      );
    });

    it("refuses a quorum of 0 % or above 100 % at deployment", async function () {
      const s = await t.loadSystem();
      const factory = await t.ethers.getContractFactory("GovernmentGovernor");
      for (const quorumPercent of [0, 101]) {
        const config = { votingDelay: 1, votingPeriod: 600, quorumPercent, lateQuorumExtension: 0 };
        await expect(factory.deploy(s.seats.target, s.timelock.target, config, BOUNDS.settingsBounds))
          .to.be.revertedWithCustomError(factory, "GovernorInvalidQuorumNumerator")
          .withArgs(quorumPercent);
      }
    });
  });

  describe("quorum", function () {
    it("counts seats at the snapshot and rounds up", async function () {
      const { governor } = await t.loadSystem();
      await networkHelpers.mine();
      const past = (await governor.clock()) - 1n;
      expect(await governor.quorum(past)).to.equal(2n); // ceil(3 × 50 %)
    });

    it("is never zero while a seat exists, even at 1 %", async function () {
      const s = await t.loadSystem();
      await t.govern(s, [action(s.governor, "updateQuorumNumerator", [1])], "Quorum 1 %");
      await networkHelpers.mine();
      expect(await s.governor["quorumNumerator()"]()).to.equal(1n);
      expect(await s.governor.quorum((await s.governor.clock()) - 1n)).to.equal(1n);
    });

    it("keeps the old percentage for timepoints before a change", async function () {
      const s = await t.loadSystem();
      const before = BigInt(await time.latest());
      await t.govern(s, [action(s.governor, "updateQuorumNumerator", [100])], "Quorum 100 %");
      await networkHelpers.mine();
      expect(await s.governor["quorumNumerator(uint256)"](before)).to.equal(BigInt(SETTINGS.quorumPercent));
      expect(await s.governor.quorum(before)).to.equal(2n);
      expect(await s.governor.quorum((await s.governor.clock()) - 1n)).to.equal(3n);
    });

    it("emits QuorumNumeratorUpdated on a passed change", async function () {
      const s = await t.loadSystem();
      await t.govern(s, [action(s.governor, "updateQuorumNumerator", [60])], "Quorum 60 %");
      const [event] = await s.governor.queryFilter(s.governor.filters.QuorumNumeratorUpdated(), -1);
      expect([event?.args.oldQuorumNumerator, event?.args.newQuorumNumerator]).to.deep.equal([50n, 60n]);
      expect(await s.governor["quorumNumerator()"]()).to.equal(60n);
    });

    for (const bad of [0, 101]) {
      it(`fails the execution of a proposal that sets the quorum to ${bad} %`, async function () {
        const s = await t.loadSystem();
        await expect(t.govern(s, [action(s.governor, "updateQuorumNumerator", [bad])], `Quorum ${bad} %`))
          .to.be.revertedWithCustomError(s.governor, "GovernorInvalidQuorumNumerator")
          .withArgs(bad);
        expect(await s.governor["quorumNumerator()"]()).to.equal(BigInt(SETTINGS.quorumPercent));
      });
    }

    it("reverts when anyone but the Timelock changes a setting", async function () {
      const s = await t.loadSystem();
      for (const call of [
        s.governor.connect(alice).updateQuorumNumerator(60),
        s.governor.connect(alice).setLateQuorumVoteExtension(1),
        s.governor.connect(alice).setVotingPeriod(100),
        s.governor.connect(alice).setProposalGuardian(alice.address),
      ]) {
        await expect(call).to.be.revertedWithCustomError(s.governor, "GovernorOnlyExecutor").withArgs(alice.address);
      }
    });
  });

  describe("proposing", function () {
    it("lets an official propose and enumerates proposals on chain", async function () {
      const s = await t.loadSystem();
      const first = await t.propose(s, [noticeAction(s, "one")], "First");
      const second = await t.propose(s, [noticeAction(s, "two")], "Second", bob);
      expect(await s.governor.proposalCount()).to.equal(2n);
      expect(await s.governor.proposalIdAt(0)).to.equal(first);
      expect(await s.governor.proposalIdAt(1)).to.equal(second);
      expect(await s.governor.proposalProposer(second)).to.equal(bob.address);
      expect(await s.governor.state(first)).to.equal(ProposalState.Pending);
      await expect(s.governor.proposalIdAt(2))
        .to.be.revertedWithCustomError(s.governor, "GovernorProposalIndexOutOfRange")
        .withArgs(2n);
    });

    it("reverts when a stranger or a registrar proposes", async function () {
      const s = await t.loadSystem();
      const a = noticeAction(s);
      const p = t.proposalArgs([a], "Spam");
      for (const caller of [cast.stranger, cast.financeRegistrar]) {
        await expect(s.governor.connect(caller).propose(p.targets, p.values, p.calldatas, p.description))
          .to.be.revertedWithCustomError(s.governor, "GovernorInsufficientProposerVotes")
          .withArgs(caller.address, 0n, 1n);
      }
      expect(await s.governor.proposalCount()).to.equal(0n);
    });

    it("reverts on an empty or mismatched proposal and on a duplicate", async function () {
      const s = await t.loadSystem();
      await expect(s.governor.connect(alice).propose([], [], [], "Empty")).to.be.revertedWithCustomError(
        s.governor,
        "GovernorInvalidProposalLength",
      );
      await expect(
        s.governor.connect(alice).propose([s.documents.target], [0n, 0n], ["0x"], "Mismatch"),
      ).to.be.revertedWithCustomError(s.governor, "GovernorInvalidProposalLength");
      await t.propose(s, [noticeAction(s)], "Twice");
      const p = t.proposalArgs([noticeAction(s)], "Twice");
      await expect(
        s.governor.connect(alice).propose(p.targets, p.values, p.calldatas, p.description),
      ).to.be.revertedWithCustomError(s.governor, "GovernorUnexpectedProposalState");
    });
  });

  describe("voting", function () {
    it("counts for, against and abstain with reasons, one vote per seat", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Vote");
      await t.startVoting(s, id);
      await expect(s.governor.connect(alice).castVoteWithReason(id, FOR, "Serves the public"))
        .to.emit(s.governor, "VoteCast")
        .withArgs(alice.address, id, FOR, 1n, "Serves the public");
      await s.governor.connect(bob).castVote(id, AGAINST);
      await s.governor.connect(carol).castVote(id, ABSTAIN);
      expect(await s.governor.proposalVotes(id)).to.deep.equal([1n, 1n, 1n]);
      for (const voter of [alice, bob, carol]) expect(await s.governor.hasVoted(id, voter.address)).to.equal(true);
      expect(await s.governor.hasVoted(id, cast.stranger.address)).to.equal(false);
    });

    it("records votes with params as VoteCastWithParams", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Params");
      await t.startVoting(s, id);
      await expect(s.governor.connect(alice).castVoteWithReasonAndParams(id, FOR, "why", "0x1234"))
        .to.emit(s.governor, "VoteCastWithParams")
        .withArgs(alice.address, id, FOR, 1n, "why", "0x1234");
    });

    it("reverts a second vote by the same official", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Double");
      await t.startVoting(s, id);
      await s.governor.connect(alice).castVote(id, FOR);
      await expect(s.governor.connect(alice).castVote(id, AGAINST))
        .to.be.revertedWithCustomError(s.governor, "GovernorAlreadyCastVote")
        .withArgs(alice.address);
      expect(await s.governor.proposalVotes(id)).to.deep.equal([0n, 1n, 0n]);
    });

    it("reverts a vote by an account without a seat at the snapshot", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Snapshot");
      const timelock = await t.asTimelock(s);
      await t.startVoting(s, id);
      // Seated after the snapshot: no vote on this proposal.
      await s.seats.connect(timelock).issue(cast.candidates[0].address, FINANCE, 1);
      for (const voter of [cast.stranger, cast.candidates[0]]) {
        await expect(s.governor.connect(voter).castVote(id, FOR))
          .to.be.revertedWithCustomError(s.governor, "GovernorNotAnOfficial")
          .withArgs(voter.address);
      }
      expect(await s.governor.proposalVotes(id)).to.deep.equal([0n, 0n, 0n]);
    });

    it("lets an official unseated after the snapshot still vote on that proposal", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Unseated");
      await t.startVoting(s, id);
      await s.seats.connect(await t.asTimelock(s)).revoke(bob.address);
      await s.governor.connect(bob).castVote(id, FOR);
      expect(await s.governor.hasVoted(id, bob.address)).to.equal(true);
    });

    it("reverts an invalid support value", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Support");
      await t.startVoting(s, id);
      await expect(s.governor.connect(alice).castVote(id, 3)).to.be.revertedWithCustomError(
        s.governor,
        "GovernorInvalidVoteType",
      );
    });

    it("reverts a vote before voting starts, after it ends, and on an unknown proposal", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Window");
      await expect(s.governor.connect(alice).castVote(id, FOR)).to.be.revertedWithCustomError(
        s.governor,
        "GovernorUnexpectedProposalState",
      );
      await t.endVoting(s, id);
      await expect(s.governor.connect(alice).castVote(id, FOR)).to.be.revertedWithCustomError(
        s.governor,
        "GovernorUnexpectedProposalState",
      );
      await expect(s.governor.connect(alice).castVote(123n, FOR))
        .to.be.revertedWithCustomError(s.governor, "GovernorNonexistentProposal")
        .withArgs(123n);
    });

    it("accepts a vote by signature once and rejects its replay", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Signed");
      await t.startVoting(s, id);
      const signature = await signBallot(s.governor, carol, id, FOR);
      await expect(s.governor.connect(cast.stranger).castVoteBySig(id, FOR, carol.address, signature))
        .to.emit(s.governor, "VoteCast")
        .withArgs(carol.address, id, FOR, 1n, "");
      await expect(
        s.governor.connect(cast.stranger).castVoteBySig(id, FOR, carol.address, signature),
      )
        .to.be.revertedWithCustomError(s.governor, "GovernorInvalidSignature")
        .withArgs(carol.address);
      expect(await s.governor.proposalVotes(id)).to.deep.equal([0n, 1n, 0n]);
    });

    it("rejects a signature for another voter or another support", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Forged");
      await t.startVoting(s, id);
      const signature = await signBallot(s.governor, carol, id, FOR);
      await expect(s.governor.castVoteBySig(id, AGAINST, carol.address, signature))
        .to.be.revertedWithCustomError(s.governor, "GovernorInvalidSignature")
        .withArgs(carol.address);
      await expect(s.governor.castVoteBySig(id, FOR, bob.address, signature))
        .to.be.revertedWithCustomError(s.governor, "GovernorInvalidSignature")
        .withArgs(bob.address);
      // The failed attempts consumed nothing: the genuine ballot still counts, once.
      await s.governor.castVoteBySig(id, FOR, carol.address, signature);
      expect(await s.governor.hasVoted(id, carol.address)).to.equal(true);
      expect(await s.governor.nonces(carol.address)).to.equal(1n);
    });

    it("keeps one vote per seat for seat ids beyond the packed 112", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      // Jump the seat counter so that the next official gets seat id 301 (overflow bitmap, word 1).
      await networkHelpers.setStorageAt(s.seats.target as string, 4, toBeHex(300n, 32));
      const late = cast.candidates[1];
      await s.seats.connect(timelock).issue(late.address, DIGITAL, 2);
      expect(await s.seats.seatIdOf(late.address)).to.equal(301n);
      await time.increase(1);
      const id = await t.propose(s, [noticeAction(s)], "Overflow seats");
      await t.startVoting(s, id);
      expect(await s.governor.hasVoted(id, late.address)).to.equal(false);
      await s.governor.connect(late).castVote(id, FOR);
      expect(await s.governor.hasVoted(id, late.address)).to.equal(true);
      await expect(s.governor.connect(late).castVote(id, FOR))
        .to.be.revertedWithCustomError(s.governor, "GovernorAlreadyCastVote")
        .withArgs(late.address);
      expect(await s.governor.proposalVotes(id)).to.deep.equal([0n, 1n, 0n]);
    });
  });

  describe("outcomes", function () {
    it("executes a passed proposal through the Timelock: a decree is minted by proposal", async function () {
      const s = await t.loadSystem();
      const decree = hashOf("Decree No. 1 on open data");
      const a = action(s.documents, "issue", [DocType.Decree, 0, decree, hashOf("decree metadata"), ZeroHash]);
      const id = await t.propose(s, [a], "Enact Decree No. 1");
      await t.startVoting(s, id);
      await s.governor.connect(alice).castVote(id, FOR);
      await s.governor.connect(bob).castVote(id, FOR);
      await t.endVoting(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
      const p = t.proposalArgs([a], "Enact Decree No. 1");
      await expect(s.governor.queue(p.targets, p.values, p.calldatas, p.descriptionHash)).to.emit(s.governor, "ProposalQueued");
      expect(await s.governor.state(id)).to.equal(ProposalState.Queued);
      await expect(s.governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash)).to.be.revertedWithCustomError(
        s.timelock,
        "TimelockUnexpectedOperationState",
      );
      await time.increase(SETTINGS.timelockMinDelay);
      await expect(s.governor.connect(cast.stranger).execute(p.targets, p.values, p.calldatas, p.descriptionHash))
        .to.emit(s.governor, "ProposalExecuted")
        .withArgs(id)
        .and.to.emit(s.documents, "DocumentIssued");
      expect(await s.governor.state(id)).to.equal(ProposalState.Executed);
      const doc = await s.documents.verify(decree);
      expect([doc.found, doc.issuer]).to.deep.equal([true, s.timelock.target]);
    });

    it("seats a new official by proposal, who can then propose and vote", async function () {
      const s = await t.loadSystem();
      const newcomer = cast.candidates[2];
      await t.govern(s, [action(s.seats, "issue", [newcomer.address, DIGITAL, 3])], "Seat a deputy minister");
      expect(await s.seats.getVotes(newcomer.address)).to.equal(1n);
      await time.increase(1);
      const id = await t.propose(s, [noticeAction(s)], "Newcomer's first", newcomer);
      await t.startVoting(s, id);
      await s.governor.connect(newcomer).castVote(id, FOR);
      expect(await s.governor.quorum(await s.governor.proposalSnapshot(id))).to.equal(2n); // ceil(4 × 50 %)
    });

    it("defeats a proposal with a majority against", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Defeat");
      await t.startVoting(s, id);
      await s.governor.connect(alice).castVote(id, FOR);
      await s.governor.connect(bob).castVote(id, AGAINST);
      await s.governor.connect(carol).castVote(id, AGAINST);
      await t.endVoting(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Defeated);
      const p = t.proposalArgs([noticeAction(s)], "Defeat");
      await expect(s.governor.queue(p.targets, p.values, p.calldatas, p.descriptionHash)).to.be.revertedWithCustomError(
        s.governor,
        "GovernorUnexpectedProposalState",
      );
    });

    it("defeats a proposal that misses quorum, however one-sided", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "No quorum");
      await t.startVoting(s, id);
      await s.governor.connect(alice).castVote(id, FOR);
      await t.endVoting(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Defeated);
    });

    it("defeats a proposal nobody voted on", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Silence");
      await t.endVoting(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Defeated);
    });

    it("counts abstentions toward quorum but not toward success", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Abstain");
      await t.startVoting(s, id);
      await s.governor.connect(alice).castVote(id, FOR);
      await s.governor.connect(bob).castVote(id, ABSTAIN);
      await t.endVoting(s, id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
    });

    it("lets the proposer cancel while pending, and no one else", async function () {
      const s = await t.loadSystem();
      const a = noticeAction(s);
      const id = await t.propose(s, [a], "Cancel me");
      const p = t.proposalArgs([a], "Cancel me");
      await expect(s.governor.connect(bob).cancel(p.targets, p.values, p.calldatas, p.descriptionHash))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel")
        .withArgs(id, bob.address);
      await expect(s.governor.connect(alice).cancel(p.targets, p.values, p.calldatas, p.descriptionHash))
        .to.emit(s.governor, "ProposalCanceled")
        .withArgs(id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Canceled);
      await t.startVoting(s, id);
      await expect(s.governor.connect(alice).castVote(id, FOR)).to.be.revertedWithCustomError(
        s.governor,
        "GovernorUnexpectedProposalState",
      );
    });

    it("lets a guardian set by proposal cancel an active or queued proposal", async function () {
      const s = await t.loadSystem();
      const guardian = cast.candidates[0];
      await t.govern(s, [action(s.governor, "setProposalGuardian", [guardian.address])], "Appoint an ethics guardian");
      expect(await s.governor.proposalGuardian()).to.equal(guardian.address);
      const a = noticeAction(s, "risky");
      const id = await t.propose(s, [a], "Risky");
      await t.startVoting(s, id);
      await s.governor.connect(alice).castVote(id, FOR);
      await s.governor.connect(bob).castVote(id, FOR);
      await t.endVoting(s, id);
      const p = t.proposalArgs([a], "Risky");
      await s.governor.queue(p.targets, p.values, p.calldatas, p.descriptionHash);
      await expect(s.governor.connect(alice).cancel(p.targets, p.values, p.calldatas, p.descriptionHash))
        .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel");
      await expect(s.governor.connect(guardian).cancel(p.targets, p.values, p.calldatas, p.descriptionHash))
        .to.emit(s.governor, "ProposalCanceled")
        .withArgs(id);
      expect(await s.governor.state(id)).to.equal(ProposalState.Canceled);
      await time.increase(SETTINGS.timelockMinDelay + 1);
      await expect(s.governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash)).to.be.revertedWithCustomError(
        s.governor,
        "GovernorUnexpectedProposalState",
      );
    });
    describe("a compromised guardian", function () {
      async function withGuardian() {
        const s = await t.loadSystem();
        const guardian = cast.candidates[0];
        await t.govern(s, [action(s.governor, "setProposalGuardian", [guardian.address])], "Appoint an ethics guardian");
        return { s, guardian };
      }

      it("cannot cancel the proposal that replaces it, which then passes and removes its power", async function () {
        const { s, guardian } = await withGuardian();
        const recall = action(s.governor, "setProposalGuardian", [ZeroAddress]);
        const id = await t.propose(s, [recall], "Recall the guardian");
        expect(await s.governor.isGuardianRecall(id)).to.equal(true);
        const p = t.proposalArgs([recall], "Recall the guardian");
        await expect(s.governor.connect(guardian).cancel(p.targets, p.values, p.calldatas, p.descriptionHash))
          .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel")
          .withArgs(id, guardian.address);
        await t.startVoting(s, id);
        await s.governor.connect(alice).castVote(id, FOR);
        await s.governor.connect(bob).castVote(id, FOR);
        await expect(s.governor.connect(guardian).cancel(p.targets, p.values, p.calldatas, p.descriptionHash))
          .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel");
        await t.endVoting(s, id);
        await s.governor.queue(p.targets, p.values, p.calldatas, p.descriptionHash);
        await expect(s.governor.connect(guardian).cancel(p.targets, p.values, p.calldatas, p.descriptionHash))
          .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel");
        await time.increase(SETTINGS.timelockMinDelay + 1);
        await expect(s.governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash))
          .to.emit(s.governor, "ProposalGuardianSet")
          .withArgs(guardian.address, ZeroAddress);

        // Without a guardian, proposers cancel their own; the former guardian cancels nothing.
        const a = noticeAction(s, "after recall");
        const next = await t.propose(s, [a], "After recall");
        const q = t.proposalArgs([a], "After recall");
        await expect(s.governor.connect(guardian).cancel(q.targets, q.values, q.calldatas, q.descriptionHash))
          .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel")
          .withArgs(next, guardian.address);
      });

      it("still lets the recall's proposer withdraw it while pending", async function () {
        const { s } = await withGuardian();
        const recall = action(s.governor, "setProposalGuardian", [cast.candidates[1].address]);
        const id = await t.propose(s, [recall], "Replace the guardian");
        const p = t.proposalArgs([recall], "Replace the guardian");
        await expect(s.governor.connect(alice).cancel(p.targets, p.values, p.calldatas, p.descriptionHash))
          .to.emit(s.governor, "ProposalCanceled")
          .withArgs(id);
      });

      it("can still cancel a proposal that bundles a recall with any other action", async function () {
        const { s, guardian } = await withGuardian();
        const bundle = [action(s.governor, "setProposalGuardian", [ZeroAddress]), noticeAction(s, "hidden")];
        const id = await t.propose(s, bundle, "Recall and something else");
        expect(await s.governor.isGuardianRecall(id)).to.equal(false);
        const p = t.proposalArgs(bundle, "Recall and something else");
        await expect(s.governor.connect(guardian).cancel(p.targets, p.values, p.calldatas, p.descriptionHash))
          .to.emit(s.governor, "ProposalCanceled")
          .withArgs(id);
      });

      it("does not treat a call with value, another target or malformed calldata as a recall", async function () {
        const { s } = await withGuardian();
        const governor = await s.governor.getAddress();
        const setter = s.governor.interface.encodeFunctionData("setProposalGuardian", [ZeroAddress]);
        const cases: { target: string; value: bigint; data: string; title: string }[] = [
          { target: governor, value: 1n, data: setter, title: "with value" },
          { target: await s.seats.getAddress(), value: 0n, data: setter, title: "other target" },
          { target: governor, value: 0n, data: `${setter}00`, title: "trailing byte" },
          { target: governor, value: 0n, data: s.governor.interface.encodeFunctionData("setVotingDelay", [1]), title: "other function" },
        ];
        for (const c of cases) {
          await s.governor.connect(alice).propose([c.target], [c.value], [c.data], c.title);
          const id = await s.governor.hashProposal([c.target], [c.value], [c.data], id32(c.title));
          expect(await s.governor.isGuardianRecall(id), c.title).to.equal(false);
        }
        expect(await s.governor.isGuardianRecall(12345n)).to.equal(false);
      });
    });
  });

  describe("late quorum", function () {
    it("extends voting when quorum is reached just before the deadline", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Late");
      const deadline = await s.governor.proposalDeadline(id);
      await t.startVoting(s, id);
      await s.governor.connect(alice).castVote(id, FOR);
      await time.setNextBlockTimestamp(deadline - 10n);
      const extended = deadline - 10n + BigInt(SETTINGS.lateQuorumExtension);
      await expect(s.governor.connect(bob).castVote(id, FOR))
        .to.emit(s.governor, "ProposalExtended")
        .withArgs(id, extended);
      expect(await s.governor.proposalDeadline(id)).to.equal(extended);
      await time.increaseTo(deadline + 1n);
      expect(await s.governor.state(id)).to.equal(ProposalState.Active);
      await s.governor.connect(carol).castVote(id, AGAINST);
      await time.increaseTo(extended + 1n);
      expect(await s.governor.state(id)).to.equal(ProposalState.Succeeded);
    });

    it("does not extend when quorum is reached early", async function () {
      const s = await t.loadSystem();
      const id = await t.propose(s, [noticeAction(s)], "Early");
      const deadline = await s.governor.proposalDeadline(id);
      await t.startVoting(s, id);
      await s.governor.connect(alice).castVote(id, FOR);
      await expect(s.governor.connect(bob).castVote(id, FOR)).not.to.emit(s.governor, "ProposalExtended");
      expect(await s.governor.proposalDeadline(id)).to.equal(deadline);
    });

    it("changes the extension only by proposal", async function () {
      const s = await t.loadSystem();
      await t.govern(s, [action(s.governor, "setLateQuorumVoteExtension", [1_200])], "Longer extension");
      const [event] = await s.governor.queryFilter(s.governor.filters.LateQuorumVoteExtensionSet(), -1);
      expect([event?.args.oldVoteExtension, event?.args.newVoteExtension]).to.deep.equal([
        BigInt(SETTINGS.lateQuorumExtension),
        1_200n,
      ]);
      expect(await s.governor.lateQuorumVoteExtension()).to.equal(1_200n);
    });
  });

  describe("treasury by proposal", function () {
    it("creates an allocation and releases a milestone only through passed proposals", async function () {
      const s = await t.loadSystem();
      const budget = hashOf("Budget 2027 of the Ministry of Finance");
      await t.govern(
        s,
        [action(s.documents, "issue", [DocType.Budget, FINANCE, budget, hashOf("budget metadata"), ZeroHash])],
        "Enact budget 2027",
      );
      const amount = 500_000_00n;
      await s.tenge.connect(cast.treasurer).approve(s.escrow.target, amount);
      await s.escrow.connect(cast.treasurer).deposit(s.tenge.target, amount);
      const deadline = BigInt(await time.latest()) + 90n * 86_400n;
      const milestones = [
        { amount: 200_000_00n, deadline, descriptionHash: hashOf("design") },
        { amount: 300_000_00n, deadline: deadline + 86_400n, descriptionHash: hashOf("delivery") },
      ];
      await t.govern(
        s,
        [action(s.escrow, "createAllocation", [cast.recipient.address, s.tenge.target, budget, amount, milestones])],
        "Allocate the e-government platform",
      );
      expect(await s.escrow.available(s.tenge.target)).to.equal(0n);
      await t.govern(s, [action(s.escrow, "releaseMilestone", [1n, 0n])], "Release milestone 1: design accepted");
      expect(await s.tenge.balanceOf(cast.recipient.address)).to.equal(200_000_00n);
      const totals = await s.escrow.totals(s.tenge.target);
      expect([totals.deposited, totals.allocated, totals.released, totals.reserved]).to.deep.equal([
        amount,
        amount,
        200_000_00n,
        300_000_00n,
      ]);
    });
  });

  describe("no passed proposal can freeze the council", function () {
    const MAX_UINT48 = 2n ** 48n - 1n;
    const HUNDRED_YEARS = 100n * 365n * 86_400n;
    const { minVotingDelay, maxVotingDelay, minVotingPeriod, maxVotingPeriod } = BOUNDS.settingsBounds;

    /** Passes one ordinary proposal end to end: the council still works. */
    async function councilStillPasses(s: System, label: string): Promise<void> {
      const id = await t.govern(s, [noticeAction(s, label)], `Still works after ${label}`);
      expect(await s.governor.state(id)).to.equal(ProposalState.Executed);
    }

    for (const extension of [MAX_UINT48, HUNDRED_YEARS, BigInt(SETTINGS.votingPeriod) + 1n]) {
      it(`fails the execution of a late-quorum extension of ${extension} s (longer than the voting period)`, async function () {
        const s = await t.loadSystem();
        await expect(t.govern(s, [action(s.governor, "setLateQuorumVoteExtension", [extension])], `Extension ${extension}`))
          .to.be.revertedWithCustomError(s.governor, "GovernorPreventLateQuorumVoteExtensionTooLarge")
          .withArgs(extension, SETTINGS.votingPeriod);
        expect(await s.governor.lateQuorumVoteExtension()).to.equal(BigInt(SETTINGS.lateQuorumExtension));
        await councilStillPasses(s, `extension ${extension}`);
      });
    }

    it("accepts a late-quorum extension equal to the voting period", async function () {
      const s = await t.loadSystem();
      await t.govern(s, [action(s.governor, "setLateQuorumVoteExtension", [SETTINGS.votingPeriod])], "Extension = period");
      expect(await s.governor.lateQuorumVoteExtension()).to.equal(BigInt(SETTINGS.votingPeriod));
      await councilStillPasses(s, "extension = period");
    });

    for (const threshold of [0, 2, 1_000]) {
      it(`fails the execution of a proposal threshold of ${threshold} seats`, async function () {
        const s = await t.loadSystem();
        await expect(t.govern(s, [action(s.governor, "setProposalThreshold", [threshold])], `Threshold ${threshold}`))
          .to.be.revertedWithCustomError(s.governor, "GovernorInvalidProposalThreshold")
          .withArgs(threshold);
        expect(await s.governor.proposalThreshold()).to.equal(1n);
        await councilStillPasses(s, `threshold ${threshold}`);
      });
    }

    for (const [name, setter, value, min, max, error] of [
      ["voting delay", "setVotingDelay", maxVotingDelay + 1, minVotingDelay, maxVotingDelay, "GovernorVotingDelayOutOfBounds"],
      ["voting delay", "setVotingDelay", minVotingDelay - 1, minVotingDelay, maxVotingDelay, "GovernorVotingDelayOutOfBounds"],
      ["voting period", "setVotingPeriod", maxVotingPeriod + 1, minVotingPeriod, maxVotingPeriod, "GovernorVotingPeriodOutOfBounds"],
      ["voting period", "setVotingPeriod", minVotingPeriod - 1, minVotingPeriod, maxVotingPeriod, "GovernorVotingPeriodOutOfBounds"],
    ] as const) {
      it(`fails the execution of a ${name} of ${value} s, outside ${min}…${max}`, async function () {
        const s = await t.loadSystem();
        await expect(t.govern(s, [action(s.governor, setter, [value])], `${name} ${value}`))
          .to.be.revertedWithCustomError(s.governor, error)
          .withArgs(value, min, max);
        await councilStillPasses(s, `${name} ${value}`);
      });
    }

    it("accepts voting delays and periods at their bounds and names the bounds on chain", async function () {
      const s = await t.loadSystem();
      const bounds = await s.governor.settingsBounds();
      expect(bounds.map(Number)).to.deep.equal([minVotingDelay, maxVotingDelay, minVotingPeriod, maxVotingPeriod]);
      await t.govern(
        s,
        [action(s.governor, "setVotingDelay", [minVotingDelay]), action(s.governor, "setVotingPeriod", [maxVotingPeriod])],
        "Settings at their bounds",
      );
      expect(await s.governor.votingDelay()).to.equal(BigInt(minVotingDelay));
      expect(await s.governor.votingPeriod()).to.equal(BigInt(maxVotingPeriod));
      await councilStillPasses(s, "bounds");
    });

    it("refuses a deployment whose settings are outside its bounds, or whose bounds are empty", async function () {
      const s = await t.loadSystem();
      const factory = await t.ethers.getContractFactory("GovernmentGovernor");
      const config = { votingDelay: 60, votingPeriod: 3_600, quorumPercent: 50, lateQuorumExtension: 0 };
      const bounds = BOUNDS.settingsBounds;
      await expect(factory.deploy(s.seats.target, s.timelock.target, { ...config, votingPeriod: 10 }, bounds))
        .to.be.revertedWithCustomError(factory, "GovernorVotingPeriodOutOfBounds")
        .withArgs(10, minVotingPeriod, maxVotingPeriod);
      await expect(factory.deploy(s.seats.target, s.timelock.target, { ...config, votingDelay: maxVotingDelay + 1 }, bounds))
        .to.be.revertedWithCustomError(factory, "GovernorVotingDelayOutOfBounds");
      await expect(factory.deploy(s.seats.target, s.timelock.target, { ...config, lateQuorumExtension: 3_601 }, bounds))
        .to.be.revertedWithCustomError(factory, "GovernorPreventLateQuorumVoteExtensionTooLarge")
        .withArgs(3_601, 3_600);
      for (const bad of [
        { ...bounds, minVotingDelay: 10, maxVotingDelay: 9 },
        { ...bounds, minVotingPeriod: 0 },
        { ...bounds, minVotingPeriod: 100, maxVotingPeriod: 99 },
      ]) {
        await expect(factory.deploy(s.seats.target, s.timelock.target, config, bad)).to.be.revertedWithCustomError(
          factory,
          "GovernorInvalidSettingsBounds",
        );
      }
    });
  });

  describe("lifecycle", function () {
    it("expires a queued proposal not executed within the Timelock's grace period, on both contracts", async function () {
      const s = await t.loadSystem();
      const { proposalId: id, p } = await t.passAndQueue(s, [noticeAction(s, "late")], "Executed too late");
      const eta = await s.governor.proposalEta(id);
      const grace = await s.timelock.gracePeriod();
      expect(grace).to.equal(BigInt(BOUNDS.timelockGracePeriod));

      await time.increaseTo(eta + grace);
      expect(await s.governor.state(id)).to.equal(ProposalState.Queued);
      await time.increaseTo(eta + grace + 1n);
      expect(await s.governor.state(id)).to.equal(ProposalState.Expired);
      await expect(s.governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash)).to.be.revertedWithCustomError(
        s.governor,
        "GovernorUnexpectedProposalState",
      );
      // Nor around the Governor: the Timelock's executor role is open, but the operation has expired.
      const salt = toBeHex(BigInt(s.governor.target as string) << 96n, 32);
      const saltXor = toBeHex(BigInt(salt) ^ BigInt(p.descriptionHash), 32);
      const opId = await s.timelock.hashOperationBatch(p.targets, p.values, p.calldatas, ZeroHash, saltXor);
      expect(await s.timelock.isOperationExpired(opId)).to.equal(true);
      await expect(s.timelock.connect(cast.stranger).executeBatch(p.targets, p.values, p.calldatas, ZeroHash, saltXor))
        .to.be.revertedWithCustomError(s.timelock, "TimelockOperationExpired")
        .withArgs(opId, eta + grace);
      expect((await s.documents.verify(hashOf("late"))).found).to.equal(false);
    });

    it("executes a queued proposal at the last second of its grace period", async function () {
      const s = await t.loadSystem();
      const { proposalId: id, p } = await t.passAndQueue(s, [noticeAction(s, "just in time")], "Just in time");
      const deadline = (await s.governor.proposalEta(id)) + (await s.timelock.gracePeriod());
      await time.setNextBlockTimestamp(deadline);
      await s.governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash);
      expect(await s.governor.state(id)).to.equal(ProposalState.Executed);
    });

    it("lets anyone cancel a proposal whose proposer no longer holds a seat, in any open state", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      for (const stage of ["pending", "active", "queued"] as const) {
        const snapshot = await networkHelpers.takeSnapshot();
        const a = noticeAction(s, `by ${stage}`);
        const id = await t.propose(s, [a], `Proposed, then unseated (${stage})`, carol);
        const p = t.proposalArgs([a], `Proposed, then unseated (${stage})`);
        if (stage !== "pending") await t.startVoting(s, id);
        if (stage === "queued") await t.voteAndQueue(s, id, [a], p.description);
        await expect(s.governor.connect(cast.stranger).cancel(p.targets, p.values, p.calldatas, p.descriptionHash))
          .to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel")
          .withArgs(id, cast.stranger.address);
        await s.seats.connect(timelock).revoke(carol.address);
        await expect(s.governor.connect(cast.stranger).cancel(p.targets, p.values, p.calldatas, p.descriptionHash))
          .to.emit(s.governor, "ProposalCanceled")
          .withArgs(id);
        expect(await s.governor.state(id)).to.equal(ProposalState.Canceled);
        await snapshot.restore();
      }
    });
  });

  it("relays only for governance", async function () {
    const s = await t.loadSystem();
    await expect(s.governor.connect(alice).relay(ZeroAddress, 0, "0x"))
      .to.be.revertedWithCustomError(s.governor, "GovernorOnlyExecutor")
      .withArgs(alice.address);
  });
});
