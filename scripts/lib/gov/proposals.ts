/**
 * Proposals as people read them: found by id or by number (`#3` = the third proposal ever made), with the actions
 * they will execute decoded into sentences, their tallies, deadlines and Timelock ETA. The Governor keeps no
 * proposal details in storage (gas), so targets, calldatas and the description come from its `ProposalCreated` log.
 */
import { DOCUMENT_TYPES, hex32 as toHex32 } from "@government-dao/core/enums";
import { type BaseContract, type Interface, type Result, ZeroAddress, getAddress, id as keccakId } from "ethers";

import type { Action } from "../contracts.js";
import { PlainError, formatAmount } from "../explain-error.js";
import { splitProposalDescription } from "@government-dao/core/proposal-description";
import { PROPOSAL_STATES, type ProposalStateName } from "../seed/governance.js";
import { terminalSafe } from "../terminal-text.js";
import type { GovContext } from "./context.js";

/** A proposal with everything needed to queue and execute it. */
export interface ProposalDetails {
  id: bigint;
  /** 1-based position in creation order. */
  number: number;
  proposer: string;
  actions: Action[];
  description: string;
  descriptionHash: string;
  title: string;
  state: ProposalStateName;
  snapshot: bigint;
  deadline: bigint;
  eta: bigint;
  votes: { against: bigint; for: bigint; abstain: bigint };
  /** Seats needed, once the snapshot has passed (undefined before). */
  quorum: bigint | undefined;
  createdBlock: number;
  createdTx: string;
}

/** The arguments `queue` and `execute` take: targets, values, calldatas and the description hash. */
export const proposalCalls = (p: ProposalDetails): [string[], bigint[], string[], string] => [
  p.actions.map((a) => a.target),
  p.actions.map((a) => a.value),
  p.actions.map((a) => a.data),
  p.descriptionHash,
];

/** First line of a description without its Markdown heading marks (and without a `#proposer=` suffix). */
export const titleOf = (description: string): string => splitProposalDescription(description).title || "(untitled)";

/** Parses `#N` (N-th proposal), a decimal id or a 0x hex id. */
export async function resolveProposalId(ctx: GovContext, text: string): Promise<{ id: bigint; number?: number }> {
  const count = Number(await ctx.contracts.governor.proposalCount());
  const numbered = /^#(\d+)$/.exec(text);
  if (numbered) {
    const n = Number(numbered[1]);
    if (n < 1 || n > count) throw new PlainError(`Unknown proposal ${text}: there ${count === 1 ? "is 1 proposal" : `are ${count} proposals`}.`);
    return { id: await ctx.contracts.governor.proposalIdAt(n - 1), number: n };
  }
  if (!/^(0x[0-9a-fA-F]{1,64}|\d{1,78})$/.test(text)) throw new PlainError(`Invalid proposal id "${text}": use #N, a decimal id or a 0x hex id.`);
  return { id: BigInt(text) };
}

const fetchCreated = (ctx: GovContext) => ctx.contracts.governor.queryFilter(ctx.contracts.governor.filters.ProposalCreated(), 0, "latest");
type CreatedLogs = Awaited<ReturnType<typeof fetchCreated>>;
const createdLogs = new WeakMap<GovContext, { count: bigint; logs: Promise<CreatedLogs> }>();

/** Every ProposalCreated log, read once per context (again only when a proposal was added since). */
async function proposalLogs(ctx: GovContext): Promise<CreatedLogs> {
  const { governor } = ctx.contracts;
  const count = await governor.proposalCount();
  const cached = createdLogs.get(ctx);
  if (cached && cached.count === count) return cached.logs;
  const logs = fetchCreated(ctx);
  createdLogs.set(ctx, { count, logs });
  return logs;
}

/** Loads proposal `text` (see {@link resolveProposalId}); a plain error if there is no such proposal. */
export async function loadProposal(ctx: GovContext, text: string): Promise<ProposalDetails> {
  const { id, number } = await resolveProposalId(ctx, text);
  const { governor } = ctx.contracts;
  const snapshot = await governor.proposalSnapshot(id);
  if (snapshot === 0n) throw new PlainError(`Unknown proposal ${text}.`);
  const created = (await proposalLogs(ctx)).find((log) => log.args.proposalId === id);
  if (!created) throw new PlainError(`Proposal ${text} exists but its ProposalCreated log was not found (is the node pruning logs?).`);
  const args = created.args;
  const actions = args.targets.map((target, i) => ({ target, value: args[3][i] ?? 0n, data: args.calldatas[i] ?? "0x" }));
  const [against, forVotes, abstain] = await governor.proposalVotes(id);
  let position = number;
  if (position === undefined) {
    const count = Number(await governor.proposalCount());
    for (let i = count - 1; i >= 0 && position === undefined; i--) if ((await governor.proposalIdAt(i)) === id) position = i + 1;
  }
  return {
    id,
    number: position ?? 0,
    proposer: args.proposer,
    actions,
    description: args.description,
    descriptionHash: keccakId(args.description),
    title: titleOf(args.description),
    state: PROPOSAL_STATES[Number(await governor.state(id))] ?? "Pending",
    snapshot,
    deadline: await governor.proposalDeadline(id),
    eta: await governor.proposalEta(id),
    votes: { against, for: forVotes, abstain },
    quorum: await governor.quorum(snapshot).catch(() => undefined),
    createdBlock: created.blockNumber,
    createdTx: created.transactionHash,
  };
}

const hex32 = (value: unknown): string => toHex32(String(value));
const date = (seconds: unknown): string => new Date(Number(seconds) * 1000).toISOString().slice(0, 10);

/** Names of the deployment's contracts by address, and their interfaces. */
function known(ctx: GovContext): Map<string, { name: string; iface: Interface }> {
  const entries: [string, BaseContract & { interface: Interface }][] = [
    ["OfficialSeats", ctx.contracts.seats],
    ["AgencyRegistry", ctx.contracts.agencies],
    ["DocumentRegistry", ctx.contracts.documents],
    ["BudgetEscrow", ctx.contracts.escrow],
    ["GovernmentGovernor", ctx.contracts.governor],
    ["TimelockController", ctx.contracts.timelock],
  ];
  if (ctx.hasTenge) entries.push(["DigitalTenge", ctx.contracts.tenge]);
  return new Map(entries.map(([name, c]) => [getAddress(c.target as string), { name, iface: c.interface }]));
}

/** A sentence for well-known calls; undefined for the rest (they are shown as decoded calls). */
function sentence(contract: string, fn: string, a: Result, ctx: GovContext, decimals: number): string | undefined {
  const money = (amount: unknown, token: unknown) =>
    String(token) === ZeroAddress ? `${formatAmount(BigInt(String(amount)), 18)} native` : `${formatAmount(BigInt(String(amount)), decimals)} of token ${token}`;
  switch (`${contract}.${fn}`) {
    case "OfficialSeats.issue":
      return `Seat official ${a[0]} in agency ${a[1]}, position ${a[2]}`;
    case "OfficialSeats.revoke":
      return `Unseat official ${a[0]}`;
    case "OfficialSeats.reassign":
      return `Move official ${a[0]} to agency ${a[1]}, position ${a[2]}`;
    case "AgencyRegistry.addAgency": {
      const init = a[0] as Result;
      return `Add agency ${init[0]} "${init[1]}" (ML-DSA key ${String(init[2]).slice(0, 10)}…, ${(init[3] as Result).length} registrar(s))`;
    }
    case "AgencyRegistry.addRegistrar":
      return `Make ${a[1]} a registrar of agency ${a[0]}`;
    case "AgencyRegistry.removeRegistrar":
      return `Remove registrar ${a[1]} from agency ${a[0]}`;
    case "AgencyRegistry.rotateAgencyKey":
      return `Rotate agency ${a[0]}'s ML-DSA key to ${String(a[1]).slice(0, 10)}…`;
    case "AgencyRegistry.setAgencyActive":
      return `${a[1] ? "Reactivate" : "Deactivate"} agency ${a[0]}`;
    case "DocumentRegistry.issue":
      return `Mint a ${DOCUMENT_TYPES[Number(a[0])] ?? "document"} of agency ${a[1]}, file sha-256 ${a[2]}`;
    case "DocumentRegistry.amend":
      return `Amend document ${hex32(a[0])} with file sha-256 ${a[1]} (reason: "${a[4]}")`;
    case "DocumentRegistry.revoke":
      return `Revoke document ${hex32(a[0])} (reason: "${a[1]}")`;
    case "BudgetEscrow.createAllocation": {
      const milestones = a[4] as Result;
      const total = milestones.reduce((sum: bigint, m: Result) => sum + BigInt(String(m[0])), 0n);
      const parts = milestones.map((m: Result, i: number) => `#${i} ${money(m[0], a[1])} due ${date(m[1])}`).join("; ");
      return `Allocate ${money(total, a[1])} to ${a[0]} under budget ${hex32(a[2])}: ${parts}`;
    }
    case "BudgetEscrow.releaseMilestone":
      return `Release milestone ${a[1]} of allocation ${a[0]}`;
    case "BudgetEscrow.cancelAllocation":
      return `Cancel allocation ${a[0]} (reason: "${a[1]}")`;
    case "BudgetEscrow.withdraw":
      return `Withdraw ${money(a[2], a[0])} from the escrow to ${a[1]}`;
    case "GovernmentGovernor.setVotingDelay":
      return `Set the voting delay to ${a[0]} s`;
    case "GovernmentGovernor.setVotingPeriod":
      return `Set the voting period to ${a[0]} s`;
    case "GovernmentGovernor.setProposalThreshold":
      return `Set the proposal threshold to ${a[0]} seat(s)`;
    case "GovernmentGovernor.updateQuorumNumerator":
      return `Set the quorum to ${a[0]} % of seats`;
    case "GovernmentGovernor.setLateQuorumVoteExtension":
      return `Set the late-quorum extension to ${a[0]} s`;
    case "GovernmentGovernor.setProposalGuardian":
      return a[0] === ZeroAddress ? "Remove the proposal guardian" : `Set the proposal guardian to ${a[0]}`;
    case "TimelockController.updateDelay":
      return `Set the Timelock delay to ${a[0]} s`;
    default:
      void ctx;
      return undefined;
  }
}

/**
 * Each action as "Sentence  [Contract.fn(args)]", or the raw call for unknown targets. The strings in the calldata
 * (an agency name, a reason) are anyone's: each line is escaped whole for the terminal (terminal-text.ts; its own
 * words hold no control characters), so a name cannot move the cursor or add a line.
 */
export async function describeActions(ctx: GovContext, actions: readonly Action[]): Promise<string[]> {
  const byAddress = known(ctx);
  const decimals = ctx.hasTenge ? Number(await ctx.contracts.tenge.decimals()) : 18;
  return actions.map((action) => terminalSafe(describeAction(action)));
  function describeAction(action: Action): string {
    const value = action.value > 0n ? ` sending ${formatAmount(action.value, 18)} native` : "";
    const target = byAddress.get(getAddress(action.target));
    if (!target) return `Call ${action.target} with data ${action.data.slice(0, 10)}…${value}`;
    let parsed: ReturnType<Interface["parseTransaction"]> = null;
    try {
      parsed = target.iface.parseTransaction({ data: action.data, value: action.value });
    } catch {
      parsed = null;
    }
    if (!parsed) return `Call ${target.name} with undecodable data ${action.data.slice(0, 10)}…${value}`;
    const call = `${target.name}.${parsed.name}(${parsed.fragment.inputs.map((input, i) => `${input.name}=${formatArg(parsed.args[i])}`).join(", ")})`;
    const words = sentence(target.name, parsed.name, parsed.args, ctx, decimals);
    return words ? `${words}${value}  [${call}]` : `${call}${value}`;
  }
}

function formatArg(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatArg).join(", ")}]`;
  return String(value);
}
