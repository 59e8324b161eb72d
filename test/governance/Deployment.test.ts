import { expect } from "chai";

import { TIMELOCK_ROLES } from "../../ignition/modules/GovernmentDAO.js";
import { auditRoles } from "../../scripts/lib/roles-audit.js";
import { SETTINGS, type System, setup } from "../helpers/fixtures.js";

const t = await setup();

const addressesOf = (s: System) => ({
  timelock: s.timelock.target as string,
  agencies: s.agencies.target as string,
  seats: s.seats.target as string,
  documents: s.documents.target as string,
  escrow: s.escrow.target as string,
  governor: s.governor.target as string,
  appeals: s.appeals.target as string,
  signingKeys: s.signingKeys.target as string,
});

describe("Deployment (Ignition module GovernmentDAO)", function () {
  it("points every registry and the escrow at the Timelock", async function () {
    const s = await t.loadSystem();
    const timelock = s.timelock.target;
    expect(await s.agencies.timelock()).to.equal(timelock);
    expect(await s.seats.timelock()).to.equal(timelock);
    expect(await s.documents.timelock()).to.equal(timelock);
    expect(await s.escrow.timelock()).to.equal(timelock);
    expect(await s.appeals.timelock()).to.equal(timelock);
    expect(await s.signingKeys.timelock()).to.equal(timelock);
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
    expect(await s.governor["quorumNumerator()"]()).to.equal(SETTINGS.quorumPercent);
    expect(await s.governor.lateQuorumVoteExtension()).to.equal(SETTINGS.lateQuorumExtension);
    expect(await s.governor.proposalThreshold()).to.equal(1n);
    expect(await s.timelock.getMinDelay()).to.equal(SETTINGS.timelockMinDelay);
    expect(await s.seats.totalSupply()).to.equal(3n);
    expect(await s.agencies.agencyCount()).to.equal(2n);
  });

  describe("roles audit (scripts/roles.ts)", function () {
    it("finds no role held by anyone but the Timelock and the Governor", async function () {
      const s = await t.loadSystem();
      const audit = await auditRoles(t.ethers.provider, addressesOf(s));
      expect(audit.violations).to.deep.equal([]);
      expect(audit.rows.map((r) => `${r.contract}:${r.role}`)).to.include.members([
        "TimelockController:DEFAULT_ADMIN_ROLE",
        "TimelockController:PROPOSER_ROLE",
        "TimelockController:CANCELLER_ROLE",
        "TimelockController:EXECUTOR_ROLE",
        "BudgetEscrow:timelock (sole admin)",
        "SigningKeyRegistry:timelock (sole admin)",
      ]);
    });

    it("names the bounds fixed at deployment beside each bounded setting's value", async function () {
      const s = await t.loadSystem();
      const audit = await auditRoles(t.ethers.provider, addressesOf(s));
      const bound = (role: string) => audit.rows.find((r) => r.role === `bound: ${role}`)?.holder;
      expect(bound("voting delay")).to.equal("1 min (allowed 1 s … 7 d, fixed at deployment)");
      expect(bound("voting period")).to.equal("1 h (allowed 10 min … 14 d, fixed at deployment)");
      expect(bound("late-quorum extension")).to.equal("10 min (allowed 0 s … 1 h, fixed at deployment)");
      expect(bound("proposal threshold")).to.equal("1 seat (fixed)");
      expect(bound("delay")).to.equal("5 min (allowed 1 min … 30 d, fixed at deployment)");
      expect(bound("grace period")).to.equal("14 d (allowed 1 d … 365 d, fixed at deployment)");
      expect(audit.rows.filter((r) => r.role.startsWith("bound:")).every((r) => r.ok)).to.equal(true);
    });

    it("flags an extra proposer granted after deployment", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      await s.timelock.connect(timelock).grantRole(TIMELOCK_ROLES.PROPOSER_ROLE, t.cast.stranger.address);
      const audit = await auditRoles(t.ethers.provider, addressesOf(s));
      expect(audit.violations).to.deep.equal([
        { contract: "TimelockController", role: "PROPOSER_ROLE", holder: t.cast.stranger.address, ok: false },
      ]);
    });

    it("flags a Governor that lost its proposer role", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      await s.timelock.connect(timelock).revokeRole(TIMELOCK_ROLES.PROPOSER_ROLE, s.governor.target);
      const audit = await auditRoles(t.ethers.provider, addressesOf(s));
      expect(audit.violations.map((v) => v.role)).to.deep.equal(["PROPOSER_ROLE"]);
      expect(audit.violations[0]?.holder).to.match(/MISSING/);
    });
  });
});
