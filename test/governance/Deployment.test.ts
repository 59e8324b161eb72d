import { expect } from "chai";

import { TIMELOCK_ROLES } from "../../ignition/modules/GovernmentDAO.js";
import { SETTINGS, setup } from "../helpers/fixtures.js";

const t = await setup();

describe("Deployment (Ignition module GovernmentDAO)", function () {
  it("points every registry and the escrow at the Timelock", async function () {
    const s = await t.loadSystem();
    const timelock = s.timelock.target;
    expect(await s.agencies.timelock()).to.equal(timelock);
    expect(await s.seats.timelock()).to.equal(timelock);
    expect(await s.documents.timelock()).to.equal(timelock);
    expect(await s.escrow.timelock()).to.equal(timelock);
    expect(await s.governor.timelock()).to.equal(timelock);
  });

  it("leaves the deployer with no Timelock role and the Governor as sole proposer and canceller", async function () {
    const s = await t.loadSystem();
    const { deployer } = t.cast;
    for (const role of Object.values(TIMELOCK_ROLES)) {
      expect(await s.timelock.hasRole(role, deployer.address)).to.equal(false);
    }
    expect(await s.timelock.hasRole(TIMELOCK_ROLES.PROPOSER_ROLE, s.governor.target)).to.equal(true);
    expect(await s.timelock.hasRole(TIMELOCK_ROLES.CANCELLER_ROLE, s.governor.target)).to.equal(true);
    expect(await s.timelock.hasRole(TIMELOCK_ROLES.DEFAULT_ADMIN_ROLE, s.timelock.target)).to.equal(true);
    expect(await s.timelock.hasRole(TIMELOCK_ROLES.EXECUTOR_ROLE, "0x0000000000000000000000000000000000000000")).to.equal(true);
  });

  it("applies the Governor settings and seats the genesis council", async function () {
    const s = await t.loadSystem();
    expect(await s.governor.votingDelay()).to.equal(SETTINGS.votingDelay);
    expect(await s.governor.votingPeriod()).to.equal(SETTINGS.votingPeriod);
    expect(await s.governor.quorumNumerator()).to.equal(SETTINGS.quorumPercent);
    expect(await s.governor.lateQuorumVoteExtension()).to.equal(SETTINGS.lateQuorumExtension);
    expect(await s.governor.proposalThreshold()).to.equal(1n);
    expect(await s.timelock.getMinDelay()).to.equal(SETTINGS.timelockMinDelay);
    expect(await s.seats.totalSupply()).to.equal(3n);
    expect(await s.agencies.agencyCount()).to.equal(2n);
  });
});
