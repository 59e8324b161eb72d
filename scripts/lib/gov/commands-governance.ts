/**
 * The council's commands: propose (with typed builders), vote (directly or by signature), queue, execute, status
 * and simulate. Every state-changing command checks first and sends nothing when the check fails.
 */
import { Signature, id as keccakId } from "ethers";

import type { Action } from "../contracts.js";
import { PlainError } from "../explain-error.js";
import { proposalDescription, splitProposalDescription } from "@government-dao/core/proposal-description";
import { BALLOT_TYPES } from "@government-dao/core/governor-ballots";
import type { GovContext } from "./context.js";
import { type ProposalDetails, describeActions, loadProposal, proposalCalls } from "./proposals.js";
import { formatSimulation, simulateActions } from "./simulate.js";
import { sendChecked } from "./transactions.js";
import { jsonSafe, terminalLines, terminalSafe } from "../terminal-text.js";

/** Where commands print. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

/** A chain time as ISO 8601 UTC, whole seconds. */
export const iso = (seconds: bigint | number): string => new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");

async function chainTime(ctx: GovContext): Promise<number> {
  const block = await ctx.provider.getBlock("latest");
  return block?.timestamp ?? Math.floor(Date.now() / 1000);
}

/** Options shared by every `propose` builder. */
export interface ProposeOptions {
  title: string;
  rationale?: string;
  dryRun?: boolean;
  simulate?: boolean;
}

/**
 * Prints the decoded actions, optionally simulates them, then (unless --dry-run) proposes. The description ends with
 * the signer's `#proposer=` suffix (proposal-description.ts): nobody else can submit the same proposal first.
 */
export async function propose(ctx: GovContext, io: Output, actions: readonly Action[], options: ProposeOptions): Promise<void> {
  if (!options.title.trim()) throw new PlainError("A proposal needs a --title.");
  // The title is the description's first line: a line break would move the rest into the rationale.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(options.title)) throw new PlainError("A proposal's --title is one line: no line breaks or control characters. Nothing was sent.");
  io.out(`Proposal "${terminalSafe(options.title.trim())}" will execute:`);
  (await describeActions(ctx, actions)).forEach((line, i) => io.out(`  ${i + 1}. ${line}`));
  if (options.simulate) {
    const simulation = await simulateActions(ctx, actions);
    for (const line of await formatSimulation(ctx, simulation)) io.out(line);
    if (!simulation.ok && !options.dryRun) throw new PlainError("The simulation reverts: not proposing. Fix the actions, or propose anyway without --simulate.");
  }
  if (options.dryRun) {
    io.out("Dry run: nothing was sent.");
    return;
  }
  const proposer = ctx.signer().address;
  if ((await ctx.contracts.seats.getVotes(proposer)) === 0n) throw new PlainError(`Not an official: ${proposer} holds no seat, so it cannot propose. Nothing was sent.`);
  const description = proposalDescription(options.title.trim(), options.rationale?.trim() || "(no rationale given)", proposer);
  const { governor } = ctx.as();
  const targets = actions.map((a) => a.target);
  const values = actions.map((a) => a.value);
  const calldatas = actions.map((a) => a.data);
  const id = await governor.hashProposal(targets, values, calldatas, keccakId(description));
  const receipt = await sendChecked(ctx, "propose", governor.propose.populateTransaction(targets, values, calldatas, description));
  const number = Number(await ctx.contracts.governor.proposalCount());
  io.out(`Proposed #${number} (id ${id}) in tx ${receipt.hash}.`);
  io.out(`Voting opens ${iso(await ctx.contracts.governor.proposalSnapshot(id))} and closes ${iso(await ctx.contracts.governor.proposalDeadline(id))}.`);
}

/** Options of `vote`. */
export interface VoteOptions {
  reason?: string;
  bySig?: boolean;
}

/** Casts a vote, checking first that the proposal is open and the signer held a seat at its snapshot. */
export async function vote(ctx: GovContext, io: Output, proposalText: string, support: 0 | 1 | 2, options: VoteOptions): Promise<void> {
  const p = await loadProposal(ctx, proposalText);
  const voter = ctx.signer().address;
  if (p.state !== "Active") {
    const when = p.state === "Pending" ? `; voting opens ${iso(p.snapshot)}` : "; voting is closed";
    throw new PlainError(`Proposal #${p.number} is not active (it is ${p.state}${when}). Nothing was sent.`);
  }
  if ((await ctx.contracts.seats.getPastVotes(voter, p.snapshot)) === 0n) {
    throw new PlainError(`Not an official: ${voter} held no seat when proposal #${p.number} was made. Nothing was sent.`);
  }
  if (await ctx.contracts.governor.hasVoted(p.id, voter)) throw new PlainError(`${voter} has already voted on proposal #${p.number}. Nothing was sent.`);

  const { governor } = ctx.as();
  const words = ["against", "for", "abstain"][support];
  let receipt;
  if (options.bySig) {
    const signature = await signBallot(ctx, p.id, support, options.reason);
    receipt =
      options.reason !== undefined
        ? await sendChecked(ctx, "vote by signature", governor.castVoteWithReasonAndParamsBySig.populateTransaction(p.id, support, voter, options.reason, "0x", signature))
        : await sendChecked(ctx, "vote by signature", governor.castVoteBySig.populateTransaction(p.id, support, voter, signature));
  } else {
    receipt =
      options.reason !== undefined
        ? await sendChecked(ctx, "vote", governor.castVoteWithReason.populateTransaction(p.id, support, options.reason))
        : await sendChecked(ctx, "vote", governor.castVote.populateTransaction(p.id, support));
  }
  const [against, forVotes, abstain] = await ctx.contracts.governor.proposalVotes(p.id);
  io.out(`Voted ${words} on #${p.number}${options.bySig ? " (EIP-712 signature)" : ""} in tx ${receipt.hash}. Tally: for ${forVotes} · against ${against} · abstain ${abstain}.`);
}

/** EIP-712 ballot of the signer (ExtendedBallot when a reason is given), as the Governor verifies it. */
async function signBallot(ctx: GovContext, proposalId: bigint, support: number, reason?: string): Promise<string> {
  const signer = ctx.signer();
  const governor = ctx.contracts.governor;
  const domain = { name: await governor.name(), version: await governor.version(), chainId: ctx.chainId, verifyingContract: ctx.addresses.governor };
  const nonce = await governor.nonces(signer.address);
  const signature =
    reason !== undefined
      ? await signer.signTypedData(domain, { ExtendedBallot: [...BALLOT_TYPES.ExtendedBallot] }, { proposalId, support, voter: signer.address, nonce, reason, params: "0x" })
      : await signer.signTypedData(domain, { Ballot: [...BALLOT_TYPES.Ballot] }, { proposalId, support, voter: signer.address, nonce });
  return Signature.from(signature).serialized;
}

/** Queues a succeeded proposal in the Timelock. */
export async function queue(ctx: GovContext, io: Output, proposalText: string): Promise<void> {
  const p = await loadProposal(ctx, proposalText);
  if (p.state !== "Succeeded") throw new PlainError(`Proposal #${p.number} cannot be queued: it is ${p.state}, not Succeeded. Nothing was sent.`);
  const { governor } = ctx.as();
  const receipt = await sendChecked(ctx, "queue", governor.queue.populateTransaction(...proposalCalls(p)));
  io.out(`Queued #${p.number} in tx ${receipt.hash}; executable from ${iso(await ctx.contracts.governor.proposalEta(p.id))}.`);
}

/** Executes a queued proposal once the Timelock delay has passed. */
export async function execute(ctx: GovContext, io: Output, proposalText: string): Promise<void> {
  const p = await loadProposal(ctx, proposalText);
  if (p.state !== "Queued") throw new PlainError(`Proposal #${p.number} cannot be executed: it is ${p.state}, not Queued. Nothing was sent.`);
  const now = await chainTime(ctx);
  if (BigInt(now) < p.eta) {
    throw new PlainError(`The Timelock delay of proposal #${p.number} has not passed: executable from ${iso(p.eta)} (in ${p.eta - BigInt(now)} s). Nothing was sent.`);
  }
  const { governor } = ctx.as();
  const receipt = await sendChecked(ctx, "execute", governor.execute.populateTransaction(...proposalCalls(p)));
  io.out(`Executed #${p.number} "${terminalSafe(p.title)}" in tx ${receipt.hash}.`);
}


/** One proposal in detail, or every proposal in one line each. */
export async function status(ctx: GovContext, io: Output, proposalText: string | undefined, json: boolean): Promise<void> {
  if (proposalText === undefined) {
    const count = Number(await ctx.contracts.governor.proposalCount());

    const rows = await Promise.all(Array.from({ length: count }, (_, i) => loadProposal(ctx, `#${i + 1}`)));
    // `return void …`: what io.out returns must never become the exit code (withContext treats a number as one).
    if (json) return void io.out(jsonSafe(rows.map(toJson)));
    if (rows.length === 0) return void io.out("No proposals yet.");
    io.out("   #  state      for against abstain  title");
    for (const p of rows) {
      io.out(`${String(p.number).padStart(4)}  ${p.state.padEnd(9)} ${String(p.votes.for).padStart(4)} ${String(p.votes.against).padStart(7)} ${String(p.votes.abstain).padStart(7)}  ${terminalSafe(p.title)}`);
    }
    return;
  }
  const p = await loadProposal(ctx, proposalText);
  const actions = await describeActions(ctx, p.actions);
  if (json) return void io.out(jsonSafe({ ...toJson(p), decodedActions: actions }));
  const total = p.votes.for + p.votes.against + p.votes.abstain;
  io.out(`Proposal #${p.number} — ${terminalSafe(p.title)}`);
  io.out(`  id          ${p.id}`);
  io.out(`  state       ${p.state}`);
  io.out(`  proposer    ${p.proposer}`);
  io.out(`  votes       for ${p.votes.for} · against ${p.votes.against} · abstain ${p.votes.abstain} (quorum ${p.quorum === undefined ? "set when voting opens" : `${p.quorum} seat(s)`}; ${total} voted)`);
  io.out(`  voting      ${iso(p.snapshot)} → ${iso(p.deadline)}`);
  if (p.eta > 0n) io.out(`  executable  from ${iso(p.eta)}`);
  io.out(`  created     block ${p.createdBlock}, tx ${p.createdTx}`);
  io.out("  actions");
  actions.forEach((line, i) => io.out(`    ${i + 1}. ${line}`));
  const { rationale } = splitProposalDescription(p.description);
  if (rationale) io.out(`  rationale   ${terminalLines(rationale).join("\n              ")}`);
}

function toJson(p: ProposalDetails) {
  return {
    number: p.number,
    id: p.id.toString(),
    title: p.title,
    state: p.state,
    proposer: p.proposer,
    votes: { for: p.votes.for.toString(), against: p.votes.against.toString(), abstain: p.votes.abstain.toString() },
    quorum: p.quorum?.toString() ?? null,
    snapshot: Number(p.snapshot),
    deadline: Number(p.deadline),
    eta: Number(p.eta),
    actions: p.actions.map((a) => ({ target: a.target, value: a.value.toString(), data: a.data })),
    description: p.description,
    createdBlock: p.createdBlock,
    createdTx: p.createdTx,
  };
}

/** Runs a proposal's actions on a fork of the chain and prints what would change. */
export async function simulate(ctx: GovContext, io: Output, proposalText: string, json: boolean): Promise<boolean> {
  const p = await loadProposal(ctx, proposalText);
  const simulation = await simulateActions(ctx, p.actions);
  if (json) {
    io.out(jsonSafe(simulation, (_, v) => (typeof v === "bigint" ? v.toString() : v)));
  } else {
    io.out(`Proposal #${p.number} — ${terminalSafe(p.title)} (${p.state})`);
    for (const line of await formatSimulation(ctx, simulation)) io.out(line);
  }
  return simulation.ok;
}
