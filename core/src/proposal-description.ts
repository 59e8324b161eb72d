/**
 * A proposal's description, as the CLI and the dApp's proposal builder write it and as every reader shows it:
 *
 *   # <title>
 *
 *   <rationale>
 *
 *   #proposer=<the proposer's address>
 *
 * The last line is OpenZeppelin's front-running protection (Governor._isValidDescriptionForProposer): a description
 * ending in `#proposer=0x` + 40 hex digits (any case) can be proposed only by that address, so nobody can copy a
 * pending proposal's calldata and description, become its proposer and cancel it while it is Pending (the guardian
 * recall front-run, issue 15). Readers strip it before showing the title and the rationale; the proposer is shown
 * from the ProposalCreated log. Dependency-free: the CLI (ethers), the dApp (viem) and the indexer import it.
 */

const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
/** The suffix exactly as the Governor parses it: at the very end, nothing after it (whitespace would disable it). */
const SUFFIX = /(?:\r?\n)*#proposer=(0x[0-9a-fA-F]{40})$/;

/** `\n\n#proposer=<address>`: the address as given (a checksummed one from ethers or viem; the Governor ignores case). */
export function proposerSuffix(proposer: string): string {
  if (!ADDRESS.test(proposer)) throw new Error(`Invalid proposer address ${JSON.stringify(proposer)}: expected 0x and 40 hex digits.`);
  return `\n\n#proposer=${proposer}`;
}

/** The description the CLI and the dApp submit: `# title`, the rationale, and the proposer suffix. */
export const proposalDescription = (title: string, rationale: string, proposer: string): string =>
  `# ${title}\n\n${rationale}${proposerSuffix(proposer)}`;

/** The description without a trailing `#proposer=` suffix (unchanged when it has none). */
export const stripProposerSuffix = (description: string): string => description.replace(SUFFIX, "");

/** The address a description is restricted to (its `#proposer=` suffix), or undefined. */
export const descriptionProposer = (description: string): string | undefined => SUFFIX.exec(description)?.[1];

/**
 * Title and rationale of a description for display: the suffix stripped, the title the first line without its
 * Markdown heading marks, the rationale the rest, trimmed.
 */
export function splitProposalDescription(description: string): { title: string; rationale: string } {
  const text = stripProposerSuffix(description).trim();
  const [first = "", ...rest] = text.split("\n");
  return { title: first.replace(/^#+\s*/, "").trim(), rationale: rest.join("\n").trim() };
}
