/**
 * Proposals as people read them: found by id or by number (`#3` = the third proposal ever made), with the actions
 * they will execute decoded into sentences, their tallies, deadlines and Timelock ETA. The Governor keeps no
 * proposal details in storage (gas), so targets, calldatas and the description come from its `ProposalCreated` log.
 */
import { type ContractLookup, type DecodedAction, contractLookup, decodeAction } from "@government-dao/core/actions/decode";
import { type DocumentLabel, actionMentions, documentLabelOf, labelsOf } from "@government-dao/core/actions/labels";
import { type AddressLabel, type Labels, type RenderLocale, type TokenInfo, renderAction } from "@government-dao/core/actions/render";
import { CONTRACTS, type ContractName } from "@government-dao/core/contracts";
import { splitProposalDescription } from "@government-dao/core/proposal-description";
import { PROPOSAL_STATES, type ProposalStateName } from "@government-dao/core/proposal-state";
import { id as keccakId } from "ethers";
import type { Hex } from "viem";

import type { Action } from "../contracts.js";
import { PlainError } from "../explain-error.js";
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

/** Our contracts by address, as the deployment names them (core's one list of contracts). */
function contractsOf(ctx: GovContext): ContractLookup {
  const book: Partial<Record<ContractName, string>> = {};
  for (const c of CONTRACTS) if (c.key !== "tenge" || ctx.hasTenge) book[c.name] = ctx.addresses[c.key];
  return contractLookup(book);
}

/**
 * What the sentences name, read from the chain and the content store (core/src/actions/labels.ts): the system's
 * contracts, the officials (by their seat) and registrars the actions mention with their agencies, the agencies by
 * name, the documents by number and title (their metadata), and the dev token's symbol and decimals.
 */
async function chainLabels(ctx: GovContext, decoded: readonly DecodedAction[], lookup: ContractLookup): Promise<Labels> {
  const { addresses, agencyIds, documentIds } = actionMentions(decoded);
  const { agencies, seats, documents } = ctx.contracts;
  // Accounts (not our contracts) may be officials or registrars; the agencies are read only when there is one.
  const accounts = [...addresses].filter((address) => lookup(address) === undefined);
  const registered = accounts.length === 0 ? [] : await Promise.all(Array.from({ length: Number(await agencies.agencyCount()) }, (_, i) => agencies.agencyIdAt(i)));
  const people = new Map<string, AddressLabel>();
  await Promise.all(
    accounts.map(async (address) => {
      const seatId = await seats.seatIdOf(address);
      const held = seatId === 0n ? undefined : await seats.seat(seatId);
      if (held && held.holder.toLowerCase() === address) return void people.set(address, { kind: "official", agencyId: Number(held.agencyId) });
      const serves = await Promise.all(registered.map(async (id) => ((await agencies.isRegistrar(id, address)) ? Number(id) : undefined)));
      const agencyId = serves.find((id) => id !== undefined);
      if (agencyId !== undefined) people.set(address, { kind: "registrar", agencyId });
    }),
  );
  for (const label of people.values()) if (label.agencyId !== undefined) agencyIds.add(label.agencyId);
  const names = new Map<number, string>();
  await Promise.all(
    [...agencyIds].filter((id) => id !== 0).map(async (id) => {
      const agency = await agencies.agency(id).catch(() => undefined);
      if (agency?.name) names.set(id, agency.name);
    }),
  );
  const labels = new Map<bigint, DocumentLabel>();
  await Promise.all(
    [...documentIds].map(async (id) => {
      const doc = await documents.document(id).catch(() => undefined);
      if (!doc?.found) return;
      const metadata = await ctx.store.getByDigest(doc.metadataDigest).catch(() => undefined); // not in this store: shown by id
      const label = metadata && documentLabelOf(metadata);
      if (label) labels.set(id, label);
    }),
  );
  const tokens = new Map<string, TokenInfo>();
  if (ctx.hasTenge) tokens.set(ctx.addresses.tenge.toLowerCase(), { symbol: await ctx.contracts.tenge.symbol(), decimals: Number(await ctx.contracts.tenge.decimals()) });
  return labelsOf({ contracts: lookup, people, agencies: names, documents: labels, tokens });
}

/**
 * Each action as "Sentence  [Contract.fn(args)]" (core/src/actions/render.ts, English unless `locale` says), or the
 * raw call for unknown targets. The strings in the calldata (an agency name, a reason) are anyone's: each line is
 * escaped whole for the terminal (terminal-text.ts; its own words hold no control characters), so a name cannot move
 * the cursor or add a line.
 */
export async function describeActions(ctx: GovContext, actions: readonly Action[], locale: RenderLocale = "en"): Promise<string[]> {
  const lookup = contractsOf(ctx);
  const decoded = actions.map((a) => decodeAction(lookup, { target: a.target, value: a.value, data: a.data as Hex }));
  const labels = await chainLabels(ctx, decoded, lookup);
  return decoded.map((action) => terminalSafe(describeAction(action)));
  function describeAction(action: DecodedAction): string {
    const sentence = renderAction(action, locale, labels);
    if (action.kind !== "decoded") return sentence;
    const call = `${action.contract}.${action.functionName}(${action.args.map((arg) => `${arg.name}=${formatArg(arg.value)}`).join(", ")})`;
    return `${sentence}  [${call}]`;
  }
}

function formatArg(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(formatArg).join(", ")}]`;
  if (value !== null && typeof value === "object") return `[${Object.values(value).map(formatArg).join(", ")}]`;
  return String(value);
}
