// The Governor's and the Timelock's checkpoints as the indexer records them (governance_checkpoint): the seat total,
// the quorum percentage and the grace period, each value with when it took effect, so a proposal's quorum and its
// expiry are computed exactly as GovernorSeatQuorum.quorum and GovernmentTimelock.expiryOf compute them.
import { governanceCheckpoint } from "ponder:schema";
import { and, desc, eq, lte } from "ponder";

import { type Db, type EventMeta, eventId } from "./common.js";

export type CheckpointKind = (typeof governanceCheckpoint.$inferSelect)["kind"];

/** Records that `kind` became `value` at this event's block. */
export async function recordCheckpoint(db: Db, event: EventMeta, kind: CheckpointKind, value: bigint): Promise<void> {
  await db
    .insert(governanceCheckpoint)
    .values({ id: eventId(event), kind, value, timestamp: event.block.timestamp, blockNumber: event.block.number, logIndex: event.log.logIndex })
    .onConflictDoNothing();
}

/** The value of `kind` at `timepoint` (Checkpoints.upperLookup: the last change at or before it), 0 if none. */
async function valueAt(db: Db, kind: CheckpointKind, timepoint: bigint): Promise<bigint> {
  const c = governanceCheckpoint;
  const [last] = await db.sql
    .select()
    .from(c)
    .where(and(eq(c.kind, kind), lte(c.timestamp, timepoint)))
    .orderBy(desc(c.timestamp), desc(c.blockNumber), desc(c.logIndex))
    .limit(1);
  return last?.value ?? 0n;
}

/** GovernorSeatQuorum.quorum(timepoint): ceil(seats × percentage / 100) at `timepoint`. */
export async function quorumAt(db: Db, timepoint: bigint): Promise<bigint> {
  const seats = await valueAt(db, "TOTAL_SEATS", timepoint);
  const numerator = await valueAt(db, "QUORUM_NUMERATOR", timepoint);
  return (seats * numerator + 99n) / 100n;
}
