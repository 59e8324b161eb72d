import { expect } from "chai";
import { ZeroAddress, ZeroHash } from "ethers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import { BOUNDS, DIGITAL, DocType, ProposalState, SETTINGS, type System, action, hashOf, setup } from "../helpers/fixtures.js";

const t = await setup();
const { cast, networkHelpers } = t;
const { time } = networkHelpers;

const DAY = 86_400;
const { timelockMinDelayBound: MIN_DELAY, timelockMaxDelayBound: MAX_DELAY, timelockGracePeriod: GRACE } = BOUNDS;
const HUNDRED_YEARS = 100 * 365 * DAY;

/** A harmless proposal: a Notice of the Digital agency. */
const noticeAction = (s: System, text: string) =>
  action(s.documents, "issue", [DocType.Notice, DIGITAL, hashOf(text), hashOf(`${text} metadata`), ZeroHash]);

/**
 * Passes an ordinary proposal end to end, waiting whatever the Timelock's delay now is (the fixture's `govern`
 * waits the deployment's delay), and proves it Executed.
 */
async function councilStillPasses(s: System, label: string): Promise<void> {
  const actions = [noticeAction(s, label)];
  const description = `Still works after ${label}`;
  const { proposalId: id, p } = await t.passAndQueue(s, actions, description);
  await time.increaseTo(await s.governor.proposalEta(id));
  await s.governor.connect(cast.stranger).execute(p.targets, p.values, p.calldatas, p.descriptionHash);
  expect(await s.governor.state(id)).to.equal(BigInt(ProposalState.Executed));
  expect((await s.documents.verify(hashOf(label))).found).to.equal(true);
}

/** The Governor, impersonated: it holds the proposer and canceller roles, so it can schedule operations directly. */
async function asGovernor(s: System): Promise<HardhatEthersSigner> {
  await networkHelpers.setBalance(s.governor.target as string, 10n ** 20n);
  return t.ethers.getImpersonatedSigner(s.governor.target as string);
}

/** Deploys a bare GovernmentTimelock with the given delay, bounds and grace period. */
const deployTimelock = (delay: number, minBound: number, maxBound: number, grace: number) =>
  t.ethers.deployContract("GovernmentTimelock", [delay, [], [ZeroAddress], ZeroAddress, minBound, maxBound, grace]);

describe("GovernmentTimelock", function () {
  describe("deployment", function () {
    it("has the deployment's delay, delay bounds and grace period, and the fixed grace bounds", async function () {
      const { timelock } = await t.loadSystem();
      expect(await timelock.getMinDelay()).to.equal(BigInt(SETTINGS.timelockMinDelay));
      expect(await timelock.minDelayBound()).to.equal(BigInt(MIN_DELAY));
      expect(await timelock.maxDelayBound()).to.equal(BigInt(MAX_DELAY));
      expect(await timelock.gracePeriod()).to.equal(BigInt(GRACE));
      expect(await timelock.MIN_GRACE_PERIOD()).to.equal(BigInt(DAY));
      expect(await timelock.MAX_GRACE_PERIOD()).to.equal(BigInt(365 * DAY));
    });

    it("announces its initial grace period, and accepts delays and grace periods at their bounds", async function () {
      const timelock = await deployTimelock(60, 60, 60, DAY);
      await expect(timelock.deploymentTransaction()).to.emit(timelock, "GracePeriodChange").withArgs(0n, BigInt(DAY));
      const widest = await deployTimelock(0, 0, 2 ** 40, 365 * DAY);
      expect(await widest.gracePeriod()).to.equal(BigInt(365 * DAY));
      expect(await widest.maxDelayBound()).to.equal(2n ** 40n);
    });

    it("refuses reversed delay bounds, or an initial delay outside them, with TimelockInvalidDelayBounds", async function () {
      const { timelock } = await t.loadSystem();
      for (const [delay, minBound, maxBound] of [
        [300, 600, 60], // reversed
        [59, 60, 600], // below
        [601, 60, 600], // above
      ] as const) {
        await expect(deployTimelock(delay, minBound, maxBound, GRACE))
          .to.be.revertedWithCustomError(timelock, "TimelockInvalidDelayBounds")
          .withArgs(delay, minBound, maxBound);
      }
    });

    it("refuses an initial grace period outside 1 … 365 days with TimelockGracePeriodOutOfBounds", async function () {
      const { timelock } = await t.loadSystem();
      for (const grace of [0, DAY - 1, 365 * DAY + 1]) {
        await expect(deployTimelock(300, 60, 600, grace))
          .to.be.revertedWithCustomError(timelock, "TimelockGracePeriodOutOfBounds")
          .withArgs(grace);
      }
    });
  });

  describe("updateDelay", function () {
    for (const delay of [MIN_DELAY, 600, MAX_DELAY]) {
      it(`changes the delay to ${delay} s by passed proposal, and later proposals wait exactly that`, async function () {
        const s = await t.loadSystem();
        const id = await t.govern(s, [action(s.timelock, "updateDelay", [delay])], `Delay ${delay}`);
        expect(await s.governor.state(id)).to.equal(BigInt(ProposalState.Executed));
        expect(await s.timelock.getMinDelay()).to.equal(BigInt(delay));
        const next = [noticeAction(s, `after delay ${delay}`)];
        const { proposalId: nextId } = await t.passAndQueue(s, next, `After delay ${delay}`);
        expect((await s.governor.proposalEta(nextId)) - BigInt(await time.latest())).to.equal(BigInt(delay));
        await councilStillPasses(s, `delay ${delay}`);
      });
    }

    it("emits MinDelayChange when the Timelock changes its delay", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      await expect(s.timelock.connect(timelock).updateDelay(600))
        .to.emit(s.timelock, "MinDelayChange")
        .withArgs(BigInt(SETTINGS.timelockMinDelay), 600n);
    });

    for (const delay of [MIN_DELAY - 1, 0, MAX_DELAY + 1, HUNDRED_YEARS]) {
      it(`fails the execution of a delay of ${delay} s with TimelockDelayOutOfBounds; the council still passes proposals`, async function () {
        const s = await t.loadSystem();
        await expect(t.govern(s, [action(s.timelock, "updateDelay", [delay])], `Delay ${delay}`))
          .to.be.revertedWithCustomError(s.timelock, "TimelockDelayOutOfBounds")
          .withArgs(delay, MIN_DELAY, MAX_DELAY);
        expect(await s.timelock.getMinDelay()).to.equal(BigInt(SETTINGS.timelockMinDelay));
        await councilStillPasses(s, `refused delay ${delay}`);
      });
    }

    it("only the Timelock itself may call it, in or out of bounds (the Governor, the deployer, anyone else: refused)", async function () {
      const s = await t.loadSystem();
      const governor = await asGovernor(s);
      for (const caller of [cast.stranger, cast.officials[0], cast.deployer, governor]) {
        for (const delay of [600, HUNDRED_YEARS]) {
          await expect(s.timelock.connect(caller).updateDelay(delay))
            .to.be.revertedWithCustomError(s.timelock, "TimelockUnauthorizedCaller")
            .withArgs(caller.address);
        }
      }
      expect(await s.timelock.getMinDelay()).to.equal(BigInt(SETTINGS.timelockMinDelay));
    });
  });

  describe("updateGracePeriod", function () {
    it("changes the grace period by passed proposal and emits GracePeriodChange", async function () {
      const s = await t.loadSystem();
      const actions = [action(s.timelock, "updateGracePeriod", [30 * DAY])];
      const { proposalId, p } = await t.passAndQueue(s, actions, "Grace of 30 days");
      await time.increaseTo(await s.governor.proposalEta(proposalId));
      await expect(s.governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash))
        .to.emit(s.timelock, "GracePeriodChange")
        .withArgs(BigInt(GRACE), BigInt(30 * DAY));
      expect(await s.timelock.gracePeriod()).to.equal(BigInt(30 * DAY));
      await councilStillPasses(s, "grace of 30 days");
    });

    it("accepts 1 day and 365 days, and refuses anything outside with TimelockGracePeriodOutOfBounds", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      for (const grace of [0, DAY - 1, 365 * DAY + 1, HUNDRED_YEARS]) {
        await expect(s.timelock.connect(timelock).updateGracePeriod(grace))
          .to.be.revertedWithCustomError(s.timelock, "TimelockGracePeriodOutOfBounds")
          .withArgs(grace);
      }
      expect(await s.timelock.gracePeriod()).to.equal(BigInt(GRACE));
      await s.timelock.connect(timelock).updateGracePeriod(DAY);
      expect(await s.timelock.gracePeriod()).to.equal(BigInt(DAY));
      await s.timelock.connect(timelock).updateGracePeriod(365 * DAY);
      expect(await s.timelock.gracePeriod()).to.equal(BigInt(365 * DAY));
    });

    it("fails the execution of an out-of-bounds grace period by proposal; the council still passes proposals", async function () {
      const s = await t.loadSystem();
      await expect(t.govern(s, [action(s.timelock, "updateGracePeriod", [0])], "No grace at all"))
        .to.be.revertedWithCustomError(s.timelock, "TimelockGracePeriodOutOfBounds")
        .withArgs(0);
      expect(await s.timelock.gracePeriod()).to.equal(BigInt(GRACE));
      await councilStillPasses(s, "refused grace");
    });

    it("only the Timelock itself may call it", async function () {
      const s = await t.loadSystem();
      const governor = await asGovernor(s);
      for (const caller of [cast.stranger, cast.officials[0], cast.deployer, governor]) {
        await expect(s.timelock.connect(caller).updateGracePeriod(7 * DAY))
          .to.be.revertedWithCustomError(s.timelock, "TimelockUnauthorizedCaller")
          .withArgs(caller.address);
      }
      expect(await s.timelock.gracePeriod()).to.equal(BigInt(GRACE));
    });
  });

  describe("expiry", function () {
    /** An operation scheduled directly by the Governor (a Notice issue), with its id and ready time. */
    async function scheduled(s: System, label: string) {
      const governor = await asGovernor(s);
      const a = noticeAction(s, label);
      const salt = hashOf(`salt ${label}`);
      await s.timelock.connect(governor).schedule(a.target, a.value, a.data, ZeroHash, salt, SETTINGS.timelockMinDelay);
      const id = await s.timelock.hashOperation(a.target, a.value, a.data, ZeroHash, salt);
      const readyAt = await s.timelock.getTimestamp(id);
      const execute = (signer: HardhatEthersSigner = cast.stranger) =>
        s.timelock.connect(signer).execute(a.target, a.value, a.data, ZeroHash, salt);
      return { governor, id, readyAt, execute, label };
    }

    it("isOperationExpired is false while unknown, waiting, ready and on the last second of grace; true after", async function () {
      const s = await t.loadSystem();
      expect(await s.timelock.isOperationExpired(hashOf("no such operation"))).to.equal(false);
      const op = await scheduled(s, "expiring");
      expect(await s.timelock.isOperationExpired(op.id)).to.equal(false);
      await time.increaseTo(op.readyAt);
      expect(await s.timelock.isOperationReady(op.id)).to.equal(true);
      expect(await s.timelock.isOperationExpired(op.id)).to.equal(false);
      await time.increaseTo(op.readyAt + BigInt(GRACE));
      expect(await s.timelock.isOperationExpired(op.id)).to.equal(false);
      await time.increaseTo(op.readyAt + BigInt(GRACE) + 1n);
      expect(await s.timelock.isOperationExpired(op.id)).to.equal(true);
      // Still pending to the TimelockController: expiry is this contract's own rule.
      expect(await s.timelock.isOperationPending(op.id)).to.equal(true);
    });

    it("execute reverts with TimelockOperationExpired after the grace period, for anyone", async function () {
      const s = await t.loadSystem();
      const op = await scheduled(s, "too late");
      await time.increaseTo(op.readyAt + BigInt(GRACE) + 1n);
      for (const caller of [cast.stranger, cast.officials[0], op.governor]) {
        await expect(op.execute(caller))
          .to.be.revertedWithCustomError(s.timelock, "TimelockOperationExpired")
          .withArgs(op.id, op.readyAt + BigInt(GRACE));
      }
      expect((await s.documents.verify(hashOf("too late"))).found).to.equal(false);
    });

    it("executes on the last second of grace; a done operation is not expired", async function () {
      const s = await t.loadSystem();
      const op = await scheduled(s, "just in time");
      await time.setNextBlockTimestamp(op.readyAt + BigInt(GRACE));
      await expect(op.execute()).to.emit(s.timelock, "CallExecuted");
      expect(await s.timelock.isOperationDone(op.id)).to.equal(true);
      await time.increase(365 * DAY);
      expect(await s.timelock.isOperationExpired(op.id)).to.equal(false);
    });

    it("a shorter grace period applies at once to operations already queued", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const op = await scheduled(s, "shortened");
      await time.increaseTo(op.readyAt + BigInt(2 * DAY));
      expect(await s.timelock.isOperationExpired(op.id)).to.equal(false);
      await s.timelock.connect(timelock).updateGracePeriod(DAY);
      const shortenedAt = BigInt(await time.latest());
      expect(await s.timelock.isOperationExpired(op.id)).to.equal(true);
      // It was executable until the shorter grace period took effect, and expired then.
      expect(await s.timelock.expiryOf(op.readyAt)).to.equal(shortenedAt);
      await expect(op.execute()).to.be.revertedWithCustomError(s.timelock, "TimelockOperationExpired").withArgs(op.id, shortenedAt);
    });

    it("an expired operation can still be cancelled by the Timelock's canceller (the Governor's address)", async function () {
      const s = await t.loadSystem();
      const op = await scheduled(s, "cancel me");
      await time.increaseTo(op.readyAt + BigInt(GRACE) + 1n);
      await expect(s.timelock.connect(op.governor).cancel(op.id)).to.emit(s.timelock, "Cancelled").withArgs(op.id);
      expect(await s.timelock.isOperationExpired(op.id)).to.equal(false);
      expect(await s.timelock.isOperation(op.id)).to.equal(false);
    });

    // CONTRACT ISSUE (reported, not fixed here): the grace period applies retroactively in both directions, so a
    // passed updateGracePeriod that raises it revives operations that had already expired. Governor.cancel refuses
    // an Expired proposal (GovernorUnexpectedProposalState) and the Governor is the Timelock's only canceller, so an
    // expired operation stays pending unless a proposal relays timelock.cancel(id); after the raise anyone can
    // execute it through the Governor (its state goes Expired → Queued). Expected once fixed: expiry is final.
    it("an expired operation stays expired when the grace period is raised afterwards", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const op = await scheduled(s, "revived");
      await time.increaseTo(op.readyAt + BigInt(GRACE) + 1n);
      expect(await s.timelock.isOperationExpired(op.id)).to.equal(true);
      await s.timelock.connect(timelock).updateGracePeriod(365 * DAY);
      expect(await s.timelock.isOperationExpired(op.id)).to.equal(true);
      await expect(op.execute())
        .to.be.revertedWithCustomError(s.timelock, "TimelockOperationExpired")
        .withArgs(op.id, op.readyAt + BigInt(GRACE));
      // Also through several changes: shorter (expired at once), then longer again.
      const later = await scheduled(s, "shortened then lengthened");
      await time.increaseTo(later.readyAt + BigInt(2 * DAY));
      await s.timelock.connect(timelock).updateGracePeriod(DAY);
      const shortenedAt = BigInt(await time.latest());
      await s.timelock.connect(timelock).updateGracePeriod(365 * DAY);
      expect(await s.timelock.expiryOf(later.readyAt)).to.equal(shortenedAt);
      // An operation that becomes ready after the change gets the longer grace period.
      const fresh = await scheduled(s, "ready after the change");
      await time.increaseTo(fresh.readyAt + BigInt(100 * DAY));
      expect(await s.timelock.isOperationExpired(fresh.id)).to.equal(false);
      await expect(fresh.execute()).to.emit(s.timelock, "CallExecuted");
    });
  });
});
