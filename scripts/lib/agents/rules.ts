/**
 * The digital auditor's published rules. Each is a pure function of the facts (scripts/lib/agents/facts.ts) and
 * the configuration, with a written explanation of what it looks for and why, and its threshold. A flag is a
 * question for a human auditor, not a verdict: every flag carries the evidence that raised it.
 */
import { z } from "zod";

import { isPendingAppeal } from "@government-dao/core/appeals";
import { chainCalendarDate } from "@government-dao/core/dates";
import { milestoneNumber } from "@government-dao/core/enums";
import { formatAmount } from "../explain-error.js";
import type { AllocationFact, AuditFacts, ReleaseFact } from "./facts.js";

/** Thresholds of the rules (see {@link DEFAULT_AUDIT_CONFIG}); loaded from JSON and validated. */
export const auditConfigSchema = z.strictObject({
  overdueMilestone: z.strictObject({
    /** Days past the deadline before a Pending milestone is flagged. */
    graceDays: z.number().nonnegative(),
    /** Days past the deadline from which the flag is critical. */
    criticalDays: z.number().nonnegative(),
  }),
  splitAllocation: z.strictObject({
    /** The approval threshold, in whole token units, that a split would dodge. */
    threshold: z.number().positive(),
    /** An allocation counts as "just under" from this fraction of the threshold. */
    nearFraction: z.number().gt(0).lt(1),
    /** Allocations to the same recipient within this many days are compared. */
    windowDays: z.number().positive(),
  }),
  releaseBurst: z.strictObject({
    /** More releases than this inside the window is a burst. */
    maxReleases: z.number().int().positive(),
    windowHours: z.number().positive(),
  }),
  reissuedRevoked: z.strictObject({
    /** A look-alike issued within this many days after a revocation is flagged. */
    windowDays: z.number().positive(),
  }),
  lowTurnout: z.strictObject({
    /** Executed proposals with fewer votes than this share of the seats are flagged. */
    minTurnout: z.number().gt(0).max(1),
  }),
  squattedAct: z.strictObject({
    /** Whether a registrar's entry that an act has already displaced is flagged too (not only pending ones). */
    flagDisplaced: z.boolean(),
  }),
  appealDeadline: z.strictObject({
    /** A pending appeal due within this many days is flagged as a warning. */
    soonDays: z.number().nonnegative(),
  }),
});
export type AuditConfig = z.infer<typeof auditConfigSchema>;

export const DEFAULT_AUDIT_CONFIG: AuditConfig = {
  overdueMilestone: { graceDays: 0, criticalDays: 30 },
  splitAllocation: { threshold: 100_000_000, nearFraction: 0.8, windowDays: 30 },
  releaseBurst: { maxReleases: 3, windowHours: 24 },
  reissuedRevoked: { windowDays: 365 },
  lowTurnout: { minTurnout: 0.6 },
  squattedAct: { flagDisplaced: true },
  appealDeadline: { soonDays: 3 },
};

/** One red flag. */
export interface AuditFlag {
  rule: string;
  severity: "info" | "warning" | "critical";
  subject: { kind: "allocation" | "milestone" | "proposal" | "document" | "recipient" | "appeal"; id: string };
  message: string;
  evidence: Record<string, string | number>;
  block: number;
  timestamp: number;
}

/** A published rule. */
export interface AuditRule {
  id: string;
  title: string;
  explanation: string;
  threshold(config: AuditConfig): string;
  check(facts: AuditFacts, config: AuditConfig): AuditFlag[];
}

const DAY = 86_400;
/** A day as people in Kazakhstan date it (the budget page and the builder count the same day). */
const iso = (seconds: number): string => chainCalendarDate(seconds);
const amount = (value: bigint, a: Pick<AllocationFact, "decimals">): string => formatAmount(value, a.decimals);
const flagAt = (facts: AuditFacts) => ({ block: facts.block, timestamp: facts.now });

export const overdueMilestone: AuditRule = {
  id: "overdue-milestone",
  title: "Milestone past its deadline",
  explanation:
    "A milestone that is still Pending after its deadline means money is reserved for work that is late, or was " +
    "delivered but never released. Either the contractor or the approval process is stuck; both need a look.",
  threshold: (c) => `pending more than ${c.overdueMilestone.graceDays} day(s) after the deadline; critical after ${c.overdueMilestone.criticalDays} days`,
  check(facts, config) {
    const { graceDays, criticalDays } = config.overdueMilestone;
    const flags: AuditFlag[] = [];
    for (const a of facts.allocations) {
      if (a.cancelled) continue;
      for (const m of a.milestones) {
        const late = facts.now - m.deadline;
        if (m.status !== "Pending" || late <= graceDays * DAY) continue;
        const days = Math.floor(late / DAY);
        flags.push({
          rule: this.id,
          severity: late > criticalDays * DAY ? "critical" : "warning",
          subject: { kind: "milestone", id: `${a.id}/${m.index}` },
          message: `Milestone ${milestoneNumber(m.index)} of allocation ${a.id} (${amount(m.amount, a)} to ${a.recipient}) was due ${iso(m.deadline)} and is ${days} day(s) overdue.`,
          evidence: { allocation: a.id, milestone: m.index, deadline: m.deadline, daysOverdue: days, amount: m.amount.toString() },
          ...flagAt(facts),
        });
      }
    }
    return flags;
  },
};

export const splitAllocation: AuditRule = {
  id: "split-allocation",
  title: "Allocation split just under a threshold",
  explanation:
    "Several allocations to the same recipient, each just below an approval threshold but together above it, " +
    "is the classic way to avoid the scrutiny a single large award would get (contract splitting).",
  threshold: (c) =>
    `2+ allocations to one recipient within ${c.splitAllocation.windowDays} days, each between ${Math.round(c.splitAllocation.nearFraction * 100)} % ` +
    `and 100 % of ${c.splitAllocation.threshold.toLocaleString("en")} tokens, together at or above it`,
  check(facts, config) {
    const { threshold, nearFraction, windowDays } = config.splitAllocation;
    const flags: AuditFlag[] = [];
    const groups = new Map<string, AllocationFact[]>();
    for (const a of facts.allocations) {
      const units = 10n ** BigInt(a.decimals);
      const limit = BigInt(Math.round(threshold)) * units;
      const near = (limit * BigInt(Math.round(nearFraction * 10_000))) / 10_000n;
      if (a.total >= near && a.total < limit) {
        const key = `${a.recipient.toLowerCase()}|${a.token.toLowerCase()}`;
        groups.set(key, [...(groups.get(key) ?? []), a]);
      }
    }
    for (const list of groups.values()) {
      const sorted = [...list].sort((x, y) => x.createdAt - y.createdAt);
      // The largest run of allocations whose creation times fit in the window.
      let best: AllocationFact[] = [];
      for (let i = 0; i < sorted.length; i++) {
        const start = sorted[i]?.createdAt ?? 0;
        const run = sorted.slice(i).filter((a) => a.createdAt - start <= windowDays * DAY);
        if (run.length > best.length) best = run;
      }
      const first = best[0];
      if (!first || best.length < 2) continue;
      const sum = best.reduce((s, a) => s + a.total, 0n);
      if (sum < BigInt(Math.round(threshold)) * 10n ** BigInt(first.decimals)) continue;
      flags.push({
        rule: this.id,
        severity: "warning",
        subject: { kind: "recipient", id: first.recipient },
        message:
          `${best.length} allocations to ${first.recipient} (${best.map((a) => `#${a.id}`).join(", ")}) are each just under ` +
          `${threshold.toLocaleString("en")} tokens but add up to ${amount(sum, first)}.`,
        evidence: { allocations: best.map((a) => a.id).join(","), total: sum.toString(), threshold, token: first.token },
        ...flagAt(facts),
      });
    }
    return flags;
  },
};

export const releaseBurst: AuditRule = {
  id: "release-burst",
  title: "Burst of releases",
  explanation:
    "Many milestone releases in a short time can be a treasury being drained before anyone notices, or payments " +
    "pushed through without the usual review; normal budget execution is spread out.",
  threshold: (c) => `more than ${c.releaseBurst.maxReleases} releases within ${c.releaseBurst.windowHours} hours`,
  check(facts, config) {
    const { maxReleases, windowHours } = config.releaseBurst;
    const window = windowHours * 3_600;
    const sorted = [...facts.releases].sort((a, b) => a.timestamp - b.timestamp);
    const flags: AuditFlag[] = [];
    let i = 0;
    while (i < sorted.length) {
      const start = sorted[i] as ReleaseFact;
      const burst = sorted.slice(i).filter((r) => r.timestamp - start.timestamp <= window);
      if (burst.length > maxReleases) {
        const last = burst[burst.length - 1] as ReleaseFact;
        flags.push({
          rule: this.id,
          severity: "warning",
          subject: { kind: "milestone", id: `${last.allocationId}/${last.index}` },
          message: `${burst.length} milestone releases between ${new Date(start.timestamp * 1000).toISOString()} and ${new Date(last.timestamp * 1000).toISOString()}.`,
          evidence: { releases: burst.length, from: start.timestamp, to: last.timestamp, milestones: burst.map((r) => `${r.allocationId}/${r.index}`).join(",") },
          ...flagAt(facts),
        });
        i += burst.length;
      } else i += 1;
    }
    return flags;
  },
};

export const reissuedRevoked: AuditRule = {
  id: "reissued-revoked",
  title: "Revoked document re-issued under a new hash",
  explanation:
    "A revoked document should stay revoked, or be replaced openly by an amendment that links to it. A new " +
    "document of the same agency and type carrying the revoked one's number or title, issued after the revocation " +
    "and not linked to it, looks like the revoked act quietly brought back with a slightly different file. " +
    "(Needs the metadata in the content store; documents without it are not compared.)",
  threshold: (c) => `same agency, type and number or English title, issued within ${c.reissuedRevoked.windowDays} days after the revocation`,
  check(facts, config) {
    const window = config.reissuedRevoked.windowDays * DAY;
    const flags: AuditFlag[] = [];
    for (const revoked of facts.documents) {
      if (revoked.revokedAt === undefined || (revoked.number === undefined && revoked.titleEn === undefined)) continue;
      for (const d of facts.documents) {
        if (d.id === revoked.id || d.supersedes === revoked.id) continue;
        if (d.agencyId !== revoked.agencyId || d.type !== revoked.type) continue;
        if (d.issuedAt < revoked.revokedAt || d.issuedAt - revoked.revokedAt > window) continue;
        const sameNumber = d.number !== undefined && d.number === revoked.number;
        const sameTitle = d.titleEn !== undefined && d.titleEn.trim().toLowerCase() === revoked.titleEn?.trim().toLowerCase();
        if (!sameNumber && !sameTitle) continue;
        flags.push({
          rule: this.id,
          severity: "critical",
          subject: { kind: "document", id: d.id },
          message: `Document ${d.id} (${d.type} ${d.number ?? ""}) repeats the ${sameNumber ? "number" : "title"} of ${revoked.id}, revoked ${iso(revoked.revokedAt)}.`,
          evidence: { revoked: revoked.id, revokedAt: revoked.revokedAt, issuedAt: d.issuedAt, match: sameNumber ? "number" : "title" },
          ...flagAt(facts),
        });
      }
    }
    return flags;
  },
};

export const lowTurnout: AuditRule = {
  id: "low-turnout",
  title: "Executed with low turnout",
  explanation:
    "A proposal that passed with few of the seats voting met the quorum but not the spirit of collective " +
    "decision-making; decisions that matter should not be carried by a small part of the council.",
  threshold: (c) => `fewer than ${Math.round(c.lowTurnout.minTurnout * 100)} % of seats voted on an executed proposal`,
  check(facts, config) {
    const flags: AuditFlag[] = [];
    for (const p of facts.proposals) {
      if (p.state !== "Executed" || p.eligible === 0) continue;
      const turnout = p.votesCast / p.eligible;
      if (turnout >= config.lowTurnout.minTurnout) continue;
      flags.push({
        rule: this.id,
        severity: "info",
        subject: { kind: "proposal", id: p.id },
        message: `Proposal #${p.number} was executed with ${p.votesCast} of ${p.eligible} seats voting (${Math.round(turnout * 100)} %).`,
        evidence: { number: p.number, votes: p.votesCast, seats: p.eligible, turnout: Math.round(turnout * 1000) / 1000 },
        ...flagAt(facts),
      });
    }
    return flags;
  },
};

/** Proposal states in which the proposal's act may still be enacted. */
const OPEN_STATES = new Set(["Pending", "Active", "Succeeded", "Queued"]);

export const squattedAct: AuditRule = {
  id: "squatted-act",
  title: "Registrar registered the file of a pending act",
  explanation:
    "A decree, law, budget or amendment put to the council carries its file's sha-256 in the proposal, public for " +
    "the whole vote. A registrar who registers that same hash as its own entry while the proposal is open is trying " +
    "to block the act or to show citizens its own entry in the act's place. The registry gives the act precedence " +
    "(the entry is displaced when the act is enacted, and kept in history), so this is never harmful for long, but " +
    "it is never an accident either: the registrar's key or intent needs looking at.",
  threshold: (c) =>
    `a registrar's entry of a hash named by an open proposal, registered after the proposal was made${c.squattedAct.flagDisplaced ? "; every entry an act displaced" : ""}`,
  check(facts, config) {
    const flags: AuditFlag[] = [];
    const byId = new Map(facts.documents.map((d) => [d.id, d]));
    for (const p of facts.proposals) {
      if (!OPEN_STATES.has(p.state)) continue;
      for (const hash of p.documentHashes) {
        const entry = byId.get(hash);
        if (!entry || entry.issuer === facts.timelock || entry.issuedAt < p.createdAt) continue;
        flags.push({
          rule: this.id,
          severity: "critical",
          subject: { kind: "document", id: hash },
          message: `Registrar ${entry.issuer} registered ${hash} as its ${entry.type} on ${iso(entry.issuedAt)}, while proposal #${p.number} (${p.state}) would enact that file.`,
          evidence: { registrar: entry.issuer, proposal: p.number, proposalId: p.id, proposedAt: p.createdAt, registeredAt: entry.issuedAt },
          ...flagAt(facts),
        });
      }
    }
    if (config.squattedAct.flagDisplaced) {
      for (const d of facts.displacements) {
        flags.push({
          rule: this.id,
          severity: "warning",
          subject: { kind: "document", id: d.id },
          message: `An act of the council displaced registrar ${d.previousIssuer}'s ${d.previousType} of the same file (registered ${iso(d.previousIssuedAt)}, displaced ${iso(d.displacedAt)}).`,
          evidence: { registrar: d.previousIssuer, agency: d.previousAgencyId, registeredAt: d.previousIssuedAt, displacedAt: d.displacedAt },
          ...flagAt(facts),
        });
      }
    }
    return flags;
  },
};

export const appealDeadline: AuditRule = {
  id: "appeal-deadline",
  title: "Citizen's appeal near or past its due date",
  explanation:
    "The body an appeal is addressed to must answer it, with reasons, by the due date the Appeals contract counted " +
    "in working days (Administrative Procedural Code, arts. 63 and 76). An appeal close to that date without an " +
    "answer is a warning; one past it is a breach of the citizen's right to an answer in time.",
  threshold: (c) => `pending and due within ${c.appealDeadline.soonDays} day(s): warning; pending after the due date: critical`,
  check(facts, config) {
    const flags: AuditFlag[] = [];
    for (const a of facts.appeals) {
      if (!isPendingAppeal(a.state)) continue;
      const body = a.respondent === 0 ? "the council" : `agency ${a.respondent}`;
      const left = a.dueAt - facts.now;
      if (left > config.appealDeadline.soonDays * DAY) continue;
      const overdue = left < 0;
      const days = Math.floor(Math.abs(left) / DAY);
      flags.push({
        rule: this.id,
        severity: overdue ? "critical" : "warning",
        subject: { kind: "appeal", id: String(a.id) },
        message: overdue
          ? `Appeal ${a.id} to ${body} was due ${iso(a.dueAt)} and is ${days} day(s) overdue, unanswered.`
          : `Appeal ${a.id} to ${body} is due ${iso(a.dueAt)} (in ${days} day(s)) and not answered yet.`,
        evidence: { appeal: a.id, respondent: a.respondent, state: a.state, filedAt: a.filedAt, dueAt: a.dueAt, ...(overdue ? { daysOverdue: days } : { daysLeft: days }) },
        ...flagAt(facts),
      });
    }
    return flags;
  },
};

/** Every rule, in the order they are published. */
export const AUDIT_RULES: readonly AuditRule[] = [overdueMilestone, splitAllocation, releaseBurst, reissuedRevoked, lowTurnout, squattedAct, appealDeadline];

/** Runs every rule. */
export const audit = (facts: AuditFacts, config: AuditConfig = DEFAULT_AUDIT_CONFIG): AuditFlag[] => AUDIT_RULES.flatMap((rule) => rule.check(facts, config));
