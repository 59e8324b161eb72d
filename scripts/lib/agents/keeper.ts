/**
 * The keeper: queues proposals that succeeded and executes them once the Timelock allows, and reports milestones
 * and citizens' appeals past their deadline. Anyone may queue and execute (the Timelock's executor role is open), so the keeper holds no
 * privilege; it only saves the officials a step. Each round reads the current state first, so a restart never
 * queues or executes twice and misses nothing that is still due.
 */
import { milestoneNumber } from "@government-dao/core/enums";
import { explainError } from "../explain-error.js";
import type { GovContext } from "../gov/context.js";
import { loadProposal, proposalCalls } from "../gov/proposals.js";
import { interfacesOf, sendChecked } from "../gov/transactions.js";

/** What one round did. */
export interface KeeperRound {
  queued: number[];
  executed: number[];
  /** Proposals whose queue/execute failed, with the reason. */
  failed: { number: number; reason: string }[];
  /** Milestones past their deadline, as "allocation/index". */
  overdue: string[];
  /** Pending appeals past their due date, by number. */
  overdueAppeals: number[];
}

/**
 * One pass over every proposal (numbered above `after`) and allocation. `log` receives a line per thing done or
 * found; `reported` remembers overdue milestones already reported, so each is logged once per process.
 */
export async function keeperRound(
  ctx: GovContext,
  log: (line: string) => void,
  reported = new Set<string>(),
  after = 0,
): Promise<KeeperRound> {
  const round: KeeperRound = { queued: [], executed: [], failed: [], overdue: [], overdueAppeals: [] };
  const { governor, escrow } = ctx.contracts;
  const now = BigInt((await ctx.provider.getBlock("latest"))?.timestamp ?? 0);
  const count = Number(await governor.proposalCount());
  for (let n = after + 1; n <= count; n++) {
    const state = Number(await governor.state(await governor.proposalIdAt(n - 1)));
    if (state !== 4 && state !== 5) continue; // Succeeded, Queued
    const p = await loadProposal(ctx, `#${n}`);
    const calls = proposalCalls(p);
    try {
      if (p.state === "Succeeded") {
        const receipt = await sendChecked(ctx, `queue #${n}`, ctx.as().governor.queue.populateTransaction(...calls));
        round.queued.push(n);
        log(`queued #${n} "${p.title}" (tx ${receipt.hash})`);
      } else if (p.state === "Queued" && p.eta <= now) {
        const receipt = await sendChecked(ctx, `execute #${n}`, ctx.as().governor.execute.populateTransaction(...calls));
        round.executed.push(n);
        log(`executed #${n} "${p.title}" (tx ${receipt.hash})`);
      }
    } catch (error) {
      const reason = explainError(error, interfacesOf(ctx));
      round.failed.push({ number: n, reason });
      log(`could not advance #${n}: ${reason}`);
    }
  }
  const allocations = Number(await escrow.allocationCount());
  for (let id = 1; id <= allocations; id++) {
    for (const index of await escrow.overdueMilestones(id)) {
      const key = `${id}/${index}`;
      round.overdue.push(key);
      if (!reported.has(key)) {
        reported.add(key);
        const m = (await escrow.milestones(id))[Number(index)];
        log(`milestone ${milestoneNumber(index)} of allocation ${id} is overdue (deadline ${new Date(Number(m?.deadline ?? 0) * 1000).toISOString()})`);
      }
    }
  }
  const appeals = ctx.contracts.appeals;
  const appealCount = Number(await appeals.appealCount());
  for (let id = 1; id <= appealCount; id++) {
    if (!(await appeals.isOverdue(id))) continue;
    round.overdueAppeals.push(id);
    const key = `appeal ${id}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const a = await appeals.appeal(id);
    const body = a.respondent === 0n ? "the council" : `agency ${a.respondent}`;
    log(`appeal ${id} to ${body} is overdue (due ${new Date(Number(a.dueAt) * 1000).toISOString()}), unanswered`);
  }
  return round;
}
