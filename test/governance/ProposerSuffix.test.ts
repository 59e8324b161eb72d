/**
 * The guardian recall front-run (issue 15, item 5) and OpenZeppelin's `#proposer=` description suffix, which the CLI
 * and the dApp's proposal builder write on every proposal (scripts/lib/proposal-description.ts).
 *
 * Without the suffix a guardian who holds a seat can watch the mempool, propose the council's recall first with the
 * same calldata and description, become its proposer and cancel it while Pending: the proposal id is burned and the
 * council's own submission reverts. With the suffix only the named proposer can submit that description.
 *
 *   npx hardhat test mocha test/governance/ProposerSuffix.test.ts
 */
import { expect } from "chai";
import { ZeroAddress } from "ethers";

import { proposalDescription } from "@government-dao/core/proposal-description";
import { ProposalState, action, setup } from "../helpers/fixtures.js";

const t = await setup();
const { cast } = t;
const [alice, bob] = cast.officials;

describe("the #proposer= description suffix (guardian recall front-run)", function () {
  /** Bob, a seated official, is appointed guardian by the council. */
  async function withSeatedGuardian() {
    const s = await t.loadSystem();
    await t.govern(s, [action(s.governor, "setProposalGuardian", [bob.address])], "Appoint bob as guardian");
    expect(await s.governor.proposalGuardian()).to.equal(bob.address);
    return s;
  }

  it("without the suffix: the guardian proposes the council's recall first, becomes its proposer and cancels it", async function () {
    const s = await withSeatedGuardian();
    const recall = [action(s.governor, "setProposalGuardian", [ZeroAddress])];
    const description = "# Recall the guardian\n\nBob cancelled a passed budget.";
    const p = t.proposalArgs(recall, description);
    // Bob sees alice's pending transaction and submits it first.
    const id = await t.propose(s, recall, description, bob);
    expect(await s.governor.proposalProposer(id)).to.equal(bob.address);
    await s.governor.connect(bob).cancel(p.targets, p.values, p.calldatas, p.descriptionHash);
    expect(await s.governor.state(id)).to.equal(BigInt(ProposalState.Canceled));
    // Alice's own submission of the same proposal now reverts: the id is burned.
    await expect(s.governor.connect(alice).propose(p.targets, p.values, p.calldatas, description)).to.be.revertedWithCustomError(
      s.governor,
      "GovernorUnexpectedProposalState",
    );
  });

  it("with the suffix: the guardian's copy reverts (GovernorRestrictedProposer) and alice's recall stands", async function () {
    const s = await withSeatedGuardian();
    const recall = [action(s.governor, "setProposalGuardian", [ZeroAddress])];
    const description = proposalDescription("Recall the guardian", "Bob cancelled a passed budget.", alice.address);
    expect(description.endsWith(`\n\n#proposer=${alice.address}`)).to.equal(true);
    const p = t.proposalArgs(recall, description);
    await expect(s.governor.connect(bob).propose(p.targets, p.values, p.calldatas, description))
      .to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer")
      .withArgs(bob.address);
    const id = await t.propose(s, recall, description, alice);
    expect(await s.governor.proposalProposer(id)).to.equal(alice.address);
    expect(await s.governor.isGuardianRecall(id)).to.equal(true);
    // Bob, guardian and not its proposer, cannot cancel it.
    await expect(s.governor.connect(bob).cancel(p.targets, p.values, p.calldatas, p.descriptionHash)).to.be.revertedWithCustomError(s.governor, "GovernorUnableToCancel");
    expect(await s.governor.state(id)).to.equal(BigInt(ProposalState.Pending));
  });

  it("the Governor reads the address in any case (checksummed or lowercase) and not after trailing whitespace", async function () {
    const s = await t.loadSystem();
    const act = [action(s.governor, "setVotingDelay", [61])];
    const lower = proposalDescription("Lowercase", "x", alice.address.toLowerCase());
    const q = t.proposalArgs(act, lower);
    await expect(s.governor.connect(bob).propose(q.targets, q.values, q.calldatas, lower)).to.be.revertedWithCustomError(s.governor, "GovernorRestrictedProposer");
    await t.propose(s, act, lower, alice);
    // A newline after the address disables the restriction (OpenZeppelin's rule): the builders never write one.
    const trailing = `${proposalDescription("Trailing", "x", alice.address)}\n`;
    await t.propose(s, act, trailing, bob);
  });
});
