/**
 * A proposal's state as GovernmentGovernor.state() reports it, computed from indexed facts instead of read from the
 * chain, so an indexer can serve (and filter by) all eight states at its indexed head. The clock is the timestamp
 * (GovernmentGovernor.CLOCK_MODE is "mode=timestamp"): every timepoint here, `now` included, is in seconds.
 * Browser-safe, dependency-free.
 */

/** IGovernor.ProposalState, by index (OpenZeppelin's order: the on-chain value is the position). */
export const PROPOSAL_STATES = ["Pending", "Active", "Canceled", "Defeated", "Succeeded", "Queued", "Expired", "Executed"] as const;
export type ProposalStateName = (typeof PROPOSAL_STATES)[number];

/** Whether `text` is one of the eight state names (case as above). */
export const isProposalStateName = (text: string): text is ProposalStateName => (PROPOSAL_STATES as readonly string[]).includes(text);

/** One value of GovernmentTimelock's grace period and the moment it took effect (GracePeriodChange events). */
export interface GraceChange {
  /** When it took effect (seconds, the block timestamp of the change; the first is the deployment). */
  since: bigint;
  /** The grace period (seconds). */
  gracePeriod: bigint;
}

/** What the Governor's `state` reads, as an indexer knows it from the events up to its head. */
export interface ProposalFacts {
  /** proposalSnapshot (ProposalCreated.voteStart). */
  voteStart: bigint;
  /** proposalDeadline: ProposalCreated.voteEnd, or the last ProposalExtended.extendedDeadline when later. */
  voteEnd: bigint;
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  /** quorum(voteStart): seats needed (GovernorSeatQuorum). */
  quorum: bigint;
  /** ProposalExecuted seen (or the Timelock operation done). */
  executed: boolean;
  /** ProposalCanceled seen (or the Timelock operation cancelled). */
  canceled: boolean;
  /** proposalEta (ProposalQueued.etaSeconds); 0 while not queued. */
  eta: bigint;
  /** GovernmentTimelock's grace period history, oldest first (never empty on a real deployment). */
  graceHistory: readonly GraceChange[];
}

/**
 * GovernmentTimelock.expiryOf(readyAt) at time `now`: when an operation ready at `readyAt` expired, replaying the
 * grace period's changes (a shorter one ends it at once, a longer one never revives it), or 0 if it has not.
 */
export function expiryOf(readyAt: bigint, graceHistory: readonly GraceChange[], now: bigint): bigint {
  const n = graceHistory.length;
  if (n === 0) return 0n;
  let i = n - 1;
  while (i > 0 && (graceHistory[i]?.since ?? 0n) > readyAt) --i;
  let deadline = readyAt + (graceHistory[i]?.gracePeriod ?? 0n);
  for (++i; i < n; ++i) {
    const change = graceHistory[i];
    if (!change) break;
    if (change.since > deadline) return deadline;
    deadline = readyAt + change.gracePeriod;
    if (deadline < change.since) return change.since;
  }
  return now > deadline ? deadline : 0n;
}

/**
 * The state GovernmentGovernor.state(id) returns at block timestamp `now`, step by step as the contracts do:
 * Governor.state (executed, canceled, snapshot ≥ now: Pending, deadline ≥ now: Active, quorum not reached
 * (for + abstain < quorum) or for ≤ against: Defeated, no ETA: Succeeded, else Queued); then GovernmentGovernor: a
 * Queued proposal whose Timelock operation has expired (expiryOf(eta) ≠ 0) is Expired.
 */
export function proposalState(facts: ProposalFacts, now: bigint): ProposalStateName {
  if (facts.executed) return "Executed";
  if (facts.canceled) return "Canceled";
  if (facts.voteStart >= now) return "Pending";
  if (facts.voteEnd >= now) return "Active";
  const quorumReached = facts.forVotes + facts.abstainVotes >= facts.quorum;
  if (!quorumReached || facts.forVotes <= facts.againstVotes) return "Defeated";
  if (facts.eta === 0n) return "Succeeded";
  return expiryOf(facts.eta, facts.graceHistory, now) !== 0n ? "Expired" : "Queued";
}
