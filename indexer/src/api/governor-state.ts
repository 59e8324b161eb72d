// A proposal's state as GovernmentGovernor.state() reports it at the indexed head: core's proposal-state over the
// proposal row, its Timelock operation, the grace period's history and the head block's timestamp. The stored
// `state` column stays the event-derived one (CREATED, QUEUED, EXECUTED, CANCELED, as in the subgraph); the eight
// names are computed per answer, at the head the answer is consistent with (answer-cache.ts keys answers by it).
import { db } from "ponder:api";
import schema from "ponder:schema";
import { asc, eq, inArray, sql } from "ponder";

import { type GraceChange, type ProposalStateName, proposalState } from "@government-dao/core/proposal-state";

type ProposalRow = typeof schema.proposal.$inferSelect;

/** The indexed head: the block and its timestamp of `_ponder_checkpoint` (decimal: timestamp (10), chain id (16), block (16), …). */
export interface IndexedHead {
  number: bigint;
  timestamp: bigint;
}

/** The least advanced chain's checkpoint (one chain here); null before the first block is indexed. */
export async function indexedHead(): Promise<IndexedHead | null> {
  const result = await db.execute(sql`SELECT latest_checkpoint FROM _ponder_checkpoint`);
  const heads = (result.rows as { latest_checkpoint: string }[]).map((row) => ({
    timestamp: BigInt(row.latest_checkpoint.slice(0, 10)),
    number: BigInt(row.latest_checkpoint.slice(26, 42)),
  }));
  return heads.reduce<IndexedHead | null>((min, h) => (min === null || h.number < min.number ? h : min), null);
}

/** What every state computation of one answer shares: the head and the Timelock's grace period history. */
export interface StateClock {
  head: IndexedHead;
  graceHistory: GraceChange[];
}

/** The clock of one answer (the head read once, so every row of a list is judged at the same moment). */
export async function stateClock(): Promise<StateClock> {
  const head = (await indexedHead()) ?? { number: 0n, timestamp: 0n };
  const c = schema.governanceCheckpoint;
  const grace = await db.select().from(c).where(eq(c.kind, "GRACE_PERIOD")).orderBy(asc(c.timestamp), asc(c.blockNumber), asc(c.logIndex));
  return { head, graceHistory: grace.map((g) => ({ since: g.timestamp, gracePeriod: g.value })) };
}

/** The Governor's state of each row (by proposal id), at `clock`. */
export async function governorStates(rows: readonly ProposalRow[], clock: StateClock): Promise<Map<bigint, ProposalStateName>> {
  const operationIds = rows.flatMap((p) => (p.timelockOperationId !== null && p.state === "QUEUED" ? [p.timelockOperationId] : []));
  const operations = operationIds.length > 0 ? await db.select().from(schema.timelockOperation).where(inArray(schema.timelockOperation.id, operationIds)) : [];
  const status = new Map(operations.map((o) => [o.id, o.status]));
  return new Map(
    rows.map((p) => {
      // GovernorTimelockControl: a queued proposal whose operation is done is Executed, one cancelled on the Timelock Canceled.
      const operation = p.timelockOperationId !== null ? status.get(p.timelockOperationId) : undefined;
      const state = proposalState(
        {
          voteStart: p.voteStart,
          voteEnd: p.extendedDeadline !== null && p.extendedDeadline > p.voteEnd ? p.extendedDeadline : p.voteEnd,
          forVotes: p.forVotes,
          againstVotes: p.againstVotes,
          abstainVotes: p.abstainVotes,
          quorum: p.quorum ?? 0n,
          executed: p.state === "EXECUTED" || operation === "EXECUTED",
          canceled: p.state === "CANCELED" || operation === "CANCELLED",
          eta: p.eta ?? 0n,
          graceHistory: clock.graceHistory,
        },
        clock.head.timestamp,
      );
      return [p.id, state] as const;
    }),
  );
}
