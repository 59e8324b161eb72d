/**
 * scripts/lib/proposal-description.ts: the one way the CLI and the dApp write a proposal's description (with
 * OpenZeppelin's `#proposer=` suffix) and the way readers split it for display.
 *
 *   npx hardhat test mocha test/scripts/proposal-description.test.ts
 */
import { expect } from "chai";

import {
  descriptionProposer,
  proposalDescription,
  proposerSuffix,
  splitProposalDescription,
  stripProposerSuffix,
} from "@government-dao/core/proposal-description";

const ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

describe("proposal-description: the #proposer= suffix", function () {
  it("writes # title, the rationale and the proposer suffix last, with nothing after it", function () {
    const d = proposalDescription("Seat a director", "Digital needs one.", ALICE);
    expect(d).to.equal(`# Seat a director\n\nDigital needs one.\n\n#proposer=${ALICE}`);
    // OpenZeppelin reads the last 52 bytes: "#proposer=" + "0x" + 40 hex digits.
    expect(Buffer.from(d).subarray(-52).toString()).to.equal(`#proposer=${ALICE}`);
    expect(descriptionProposer(d)).to.equal(ALICE);
  });

  it("refuses a proposer that is not an address", function () {
    expect(() => proposerSuffix("0x1234")).to.throw("Invalid proposer address");
    expect(() => proposalDescription("t", "r", `${ALICE} `)).to.throw("Invalid proposer address");
  });

  it("readers strip the suffix: title and rationale as written; descriptions without one are unchanged", function () {
    const d = proposalDescription("Budget 2027", "Line one.\n\nLine two.", ALICE.toLowerCase());
    expect(splitProposalDescription(d)).to.deep.equal({ title: "Budget 2027", rationale: "Line one.\n\nLine two." });
    expect(stripProposerSuffix(d)).to.equal("# Budget 2027\n\nLine one.\n\nLine two.");
    expect(splitProposalDescription("# Old style\n\nNo suffix.")).to.deep.equal({ title: "Old style", rationale: "No suffix." });
    expect(splitProposalDescription("Just a line")).to.deep.equal({ title: "Just a line", rationale: "" });
    // Not a suffix the Governor enforces (bad hex, trailing newline): kept, as it is shown on chain.
    expect(stripProposerSuffix("# T\n\n#proposer=0xnothex")).to.equal("# T\n\n#proposer=0xnothex");
    expect(stripProposerSuffix(`# T\n\n#proposer=${ALICE}\n`)).to.equal(`# T\n\n#proposer=${ALICE}\n`);
    expect(descriptionProposer("# T")).to.equal(undefined);
  });
});
