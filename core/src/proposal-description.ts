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
/** `#proposer=` + `0x` + 40 hex digits: the 52 characters OpenZeppelin reads at the very end of a description. */
const SUFFIX_MARK = "#proposer=";
const SUFFIX_LENGTH = SUFFIX_MARK.length + 42;

/** The longest title readers show (the dApp's proposal builder accepts no longer one); longer ones end in "…". */
export const TITLE_MAX = 200;
/** The longest rationale readers show (the builder's own limit); longer ones end in "…". */
export const RATIONALE_MAX = 10_000;

/** `\n\n#proposer=<address>`: the address as given (a checksummed one from ethers or viem; the Governor ignores case). */
export function proposerSuffix(proposer: string): string {
  if (!ADDRESS.test(proposer)) throw new Error(`Invalid proposer address ${JSON.stringify(proposer)}: expected 0x and 40 hex digits.`);
  return `\n\n#proposer=${proposer}`;
}

/** The description the CLI and the dApp submit: `# title`, the rationale, and the proposer suffix. */
export const proposalDescription = (title: string, rationale: string, proposer: string): string =>
  `# ${title}\n\n${rationale}${proposerSuffix(proposer)}`;

/**
 * The address of the suffix exactly as the Governor parses it (at the very end, nothing after it: whitespace
 * would disable it), read from the last 52 characters only, so any description is checked in constant time.
 */
export function descriptionProposer(description: string): string | undefined {
  if (description.length < SUFFIX_LENGTH) return undefined;
  const tail = description.slice(-SUFFIX_LENGTH);
  if (!tail.startsWith(SUFFIX_MARK)) return undefined;
  const address = tail.slice(SUFFIX_MARK.length);
  return ADDRESS.test(address) ? address : undefined;
}

/** The description without a trailing `#proposer=` suffix and the line breaks before it (unchanged when it has none). */
export function stripProposerSuffix(description: string): string {
  if (descriptionProposer(description) === undefined) return description;
  let end = description.length - SUFFIX_LENGTH;
  // One backward pass over the (\r?\n)* before the suffix.
  while (end > 0 && description[end - 1] === "\n") end -= end > 1 && description[end - 2] === "\r" ? 2 : 1;
  return description.slice(0, end);
}

/** `text` cut to `max` characters, with "…" when cut. */
const capped = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * Title and rationale of a description for display: the suffix stripped, the title the first line without its
 * Markdown heading marks, the rationale the rest, trimmed; capped at {@link TITLE_MAX} and {@link RATIONALE_MAX}
 * characters. Linear in the description's length (no backtracking pattern runs over the text: anyone can write a
 * description, and one of `# a`, 100,000 spaces and `b` must not freeze a reader).
 */
export function splitProposalDescription(description: string): { title: string; rationale: string } {
  const text = stripProposerSuffix(description).trim();
  const newline = text.indexOf("\n");
  const first = newline === -1 ? text : text.slice(0, newline);
  const rest = newline === -1 ? "" : text.slice(newline + 1);
  let start = 0;
  while (first[start] === "#") start++;
  return { title: capped(first.slice(start).trim(), TITLE_MAX), rationale: capped(rest.trim(), RATIONALE_MAX) };
}
