/**
 * proposal-description.ts: the one way the CLI and the dApp write a proposal's description (with OpenZeppelin's
 * `#proposer=` suffix) and the way readers split it for display, in time linear in its length.
 *
 *   cd core && node --import tsx --test tests/proposal-description.test.ts
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  RATIONALE_MAX,
  TITLE_MAX,
  descriptionProposer,
  proposalDescription,
  proposerSuffix,
  splitProposalDescription,
  stripProposerSuffix,
} from "../src/proposal-description.ts";

const ALICE = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

describe("proposal-description: the #proposer= suffix", () => {
  it("writes # title, the rationale and the proposer suffix last, with nothing after it", () => {
    const d = proposalDescription("Seat a director", "Digital needs one.", ALICE);
    assert.equal(d, `# Seat a director\n\nDigital needs one.\n\n#proposer=${ALICE}`);
    // OpenZeppelin reads the last 52 bytes: "#proposer=" + "0x" + 40 hex digits.
    assert.equal(new TextDecoder().decode(new TextEncoder().encode(d).subarray(-52)), `#proposer=${ALICE}`);
    assert.equal(descriptionProposer(d), ALICE);
  });

  it("refuses a proposer that is not an address", () => {
    assert.throws(() => proposerSuffix("0x1234"), /Invalid proposer address/);
    assert.throws(() => proposalDescription("t", "r", `${ALICE} `), /Invalid proposer address/);
  });

  it("readers strip the suffix: title and rationale as written; descriptions without one are unchanged", () => {
    const d = proposalDescription("Budget 2027", "Line one.\n\nLine two.", ALICE.toLowerCase());
    assert.deepEqual(splitProposalDescription(d), { title: "Budget 2027", rationale: "Line one.\n\nLine two." });
    assert.equal(stripProposerSuffix(d), "# Budget 2027\n\nLine one.\n\nLine two.");
    assert.equal(stripProposerSuffix(`# T\r\n\r\n#proposer=${ALICE}`), "# T");
    assert.deepEqual(splitProposalDescription("# Old style\n\nNo suffix."), { title: "Old style", rationale: "No suffix." });
    assert.deepEqual(splitProposalDescription("Just a line"), { title: "Just a line", rationale: "" });
    assert.deepEqual(splitProposalDescription("## Heading two\nbody"), { title: "Heading two", rationale: "body" });
    // Not a suffix the Governor enforces (bad hex, trailing newline): kept, as it is shown on chain.
    assert.equal(stripProposerSuffix("# T\n\n#proposer=0xnothex"), "# T\n\n#proposer=0xnothex");
    assert.equal(stripProposerSuffix(`# T\n\n#proposer=${ALICE}\n`), `# T\n\n#proposer=${ALICE}\n`);
    assert.equal(descriptionProposer("# T"), undefined);
    assert.equal(descriptionProposer(`x#proposer=${ALICE.slice(0, -1)}g`), undefined);
  });
});

describe("proposal-description: hostile descriptions", () => {
  it("parses `# a`, 100,000 spaces and `b` (the input that froze the old backtracking pattern), and one 10× longer", () => {
    for (const spaces of [100_000, 1_000_000]) {
      const parsed = splitProposalDescription(`# a${" ".repeat(spaces)}b`);
      assert.equal(parsed.title.length, TITLE_MAX + 1);
      assert.ok(parsed.title.startsWith("a   ") && parsed.title.endsWith("…"));
      assert.equal(parsed.rationale, "");
    }
  });

  it("strips a suffix after a million line breaks, and leaves a million line breaks without one alone", () => {
    const breaks = "\n".repeat(1_000_000);
    assert.equal(stripProposerSuffix(`# T${breaks}#proposer=${ALICE}`), "# T");
    assert.equal(stripProposerSuffix(`# T${breaks}#proposer=`), `# T${breaks}#proposer=`);
    assert.deepEqual(splitProposalDescription(`# T${breaks}`), { title: "T", rationale: "" });
  });

  it("caps the title at TITLE_MAX and the rationale at RATIONALE_MAX characters, marking the cut with …", () => {
    const parsed = splitProposalDescription(`# ${"t".repeat(5_000)}\n\n${"r".repeat(50_000)}`);
    assert.equal(parsed.title, `${"t".repeat(TITLE_MAX)}…`);
    assert.equal(parsed.rationale, `${"r".repeat(RATIONALE_MAX)}…`);
    const exact = splitProposalDescription(`# ${"t".repeat(TITLE_MAX)}\n\n${"r".repeat(RATIONALE_MAX)}`);
    assert.equal(exact.title.length, TITLE_MAX);
    assert.equal(exact.rationale.length, RATIONALE_MAX);
  });
});
