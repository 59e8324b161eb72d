/**
 * The digital auditor's published rules (scripts/lib/agents/rules.ts) on CRAFTED facts: no chain, plain
 * `AuditFacts` objects built here. For each rule, the cases that must raise a flag (rule id, severity, subject and
 * the evidence) and the near-misses that must not; then the config loader and the published report.
 *
 *   npx hardhat test mocha test/scripts/audit-rules.test.ts
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { expect } from "chai";

import { buildReport, loadAuditConfig } from "../../scripts/lib/agents/auditor.js";
import type { AllocationFact, AppealFact, AuditFacts, DocumentFact, MilestoneFact, ProposalFact, ReleaseFact } from "../../scripts/lib/agents/facts.js";
import {
  AUDIT_RULES,
  type AuditConfig,
  type AuditFlag,
  DEFAULT_AUDIT_CONFIG,
  appealDeadline,
  audit,
  lowTurnout,
  overdueMilestone,
  reissuedRevoked,
  releaseBurst,
  splitAllocation,
  squattedAct,
} from "../../scripts/lib/agents/rules.js";
import { PlainError } from "../../scripts/lib/explain-error.js";

// ── Builders of facts ──────────────────────────────────────────────────────────────────────────────────────────

const DAY = 86_400;
const HOUR = 3_600;
/** "Now" of every crafted chain: 2027-01-15T08:00:00Z. */
const NOW = Date.UTC(2027, 0, 15, 8) / 1000;
const RECIPIENT = "0x00000000000000000000000000000000000000A1";
const OTHER_RECIPIENT = "0x00000000000000000000000000000000000000B2";
const TENGE = "0x00000000000000000000000000000000000000C3";
const OTHER_TOKEN = "0x00000000000000000000000000000000000000D4";
const TIMELOCK = "0x00000000000000000000000000000000000000e5";
const REGISTRAR = "0x00000000000000000000000000000000000000f6";
/** Whole tokens in units of a 2-decimal token (DKZT: tiyn). */
const dkzt = (tokens: number): bigint => BigInt(Math.round(tokens * 100));

function facts(partial: Partial<AuditFacts> = {}): AuditFacts {
  return {
    chainId: 31337,
    block: 1_234,
    now: NOW,
    timelock: TIMELOCK,
    displacements: [],
    allocations: [],
    releases: [],
    documents: [],
    proposals: [],
    appeals: [],
    ...partial,
  };
}

function milestone(index: number, deadline: number, status: MilestoneFact["status"] = "Pending", amount = dkzt(1_000)): MilestoneFact {
  return { index, amount, deadline, status };
}

function allocation(id: number, overrides: Partial<AllocationFact> = {}): AllocationFact {
  const milestones = overrides.milestones ?? [milestone(0, NOW + 30 * DAY)];
  return {
    id,
    recipient: RECIPIENT,
    token: TENGE,
    decimals: 2,
    total: milestones.reduce((sum, m) => sum + m.amount, 0n),
    createdAt: NOW - 60 * DAY,
    cancelled: false,
    milestones,
    ...overrides,
  };
}

function release(allocationId: number, index: number, timestamp: number): ReleaseFact {
  return { allocationId, index, recipient: RECIPIENT, amount: dkzt(1_000), timestamp, block: 100 + allocationId * 10 + index };
}

const hash = (n: number): string => `0x${n.toString(16).padStart(64, "0")}`;

function document(n: number, overrides: Partial<DocumentFact> = {}): DocumentFact {
  return {
    id: hash(n),
    type: "decree",
    agencyId: 0,
    issuer: TIMELOCK,
    issuedAt: NOW - 100 * DAY,
    status: "Active",
    number: `D-2026/${String(n).padStart(3, "0")}`,
    titleEn: `On subject number ${n}`,
    ...overrides,
  };
}

function proposal(number: number, votesCast: number, eligible: number, state = "Executed"): ProposalFact {
  return {
    number,
    id: String(1_000n + BigInt(number)),
    state,
    createdAt: NOW - 10 * DAY,
    documentHashes: [],
    votesCast,
    eligible,
    ...(state === "Executed" ? { executedAt: NOW - DAY } : {}),
  };
}

/** A config with one rule's thresholds changed. */
function withConfig<K extends keyof AuditConfig>(key: K, value: Partial<AuditConfig[K]>): AuditConfig {
  return { ...DEFAULT_AUDIT_CONFIG, [key]: { ...DEFAULT_AUDIT_CONFIG[key], ...value } };
}

const only = (flags: AuditFlag[]): AuditFlag => {
  expect(flags, JSON.stringify(flags, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).to.have.length(1);
  return flags[0] as AuditFlag;
};

// ── The rules ──────────────────────────────────────────────────────────────────────────────────────────────────

describe("digital auditor rules (crafted facts)", function () {
  describe("overdue-milestone", function () {
    it("flags a Pending milestone past its deadline as a warning, with its evidence", function () {
      const deadline = NOW - 5 * DAY - HOUR;
      const f = facts({ allocations: [allocation(7, { milestones: [milestone(0, NOW - 40 * DAY, "Released"), milestone(1, deadline, "Pending", dkzt(2_500))] })] });
      const flag = only(overdueMilestone.check(f, DEFAULT_AUDIT_CONFIG));
      expect(flag.rule).to.equal("overdue-milestone");
      expect(flag.severity).to.equal("warning");
      expect(flag.subject).to.deep.equal({ kind: "milestone", id: "7/1" });
      expect(flag.evidence).to.deep.equal({ allocation: 7, milestone: 1, deadline, daysOverdue: 5, amount: dkzt(2_500).toString() });
      expect(flag.message).to.contain("5 day(s) overdue").and.contain("2500").and.contain(RECIPIENT);
      expect([flag.block, flag.timestamp]).to.deep.equal([1_234, NOW]);
    });

    it("is critical after criticalDays, and still a warning at exactly criticalDays", function () {
      const late = facts({ allocations: [allocation(1, { milestones: [milestone(0, NOW - 30 * DAY - 1)] })] });
      expect(only(overdueMilestone.check(late, DEFAULT_AUDIT_CONFIG)).severity).to.equal("critical");
      const boundary = facts({ allocations: [allocation(1, { milestones: [milestone(0, NOW - 30 * DAY)] })] });
      expect(only(overdueMilestone.check(boundary, DEFAULT_AUDIT_CONFIG)).severity).to.equal("warning");
    });

    it("does not flag a released or cancelled milestone, a cancelled allocation, or one not yet due", function () {
      const past = NOW - 10 * DAY;
      const f = facts({
        allocations: [
          allocation(1, { milestones: [milestone(0, past, "Released"), milestone(1, past, "Cancelled")] }),
          allocation(2, { cancelled: true, milestones: [milestone(0, past, "Pending")] }),
          allocation(3, { milestones: [milestone(0, NOW), milestone(1, NOW + DAY)] }),
        ],
      });
      expect(overdueMilestone.check(f, DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });

    it("does not flag a milestone still within the grace period", function () {
      const config = withConfig("overdueMilestone", { graceDays: 7 });
      const within = facts({ allocations: [allocation(1, { milestones: [milestone(0, NOW - 7 * DAY)] })] });
      expect(overdueMilestone.check(within, config)).to.deep.equal([]);
      const beyond = facts({ allocations: [allocation(1, { milestones: [milestone(0, NOW - 7 * DAY - 1)] })] });
      expect(only(overdueMilestone.check(beyond, config)).subject.id).to.equal("1/0");
    });
  });

  describe("split-allocation", function () {
    // Default threshold 100,000,000 tokens, near from 80 %, window 30 days.
    const near = (id: number, tokens: number, createdAt: number, overrides: Partial<AllocationFact> = {}): AllocationFact =>
      allocation(id, { total: dkzt(tokens), createdAt, milestones: [milestone(0, NOW + 90 * DAY, "Pending", dkzt(tokens))], ...overrides });

    it("flags two allocations to one recipient just under the threshold that together exceed it", function () {
      const f = facts({ allocations: [near(3, 95_000_000, NOW - 20 * DAY), near(4, 90_000_000, NOW - 12 * DAY), allocation(5, { recipient: OTHER_RECIPIENT })] });
      const flag = only(splitAllocation.check(f, DEFAULT_AUDIT_CONFIG));
      expect(flag.rule).to.equal("split-allocation");
      expect(flag.severity).to.equal("warning");
      expect(flag.subject).to.deep.equal({ kind: "recipient", id: RECIPIENT });
      expect(flag.evidence).to.deep.equal({ allocations: "3,4", total: dkzt(185_000_000).toString(), threshold: 100_000_000, token: TENGE });
      expect(flag.message).to.contain("#3, #4").and.contain("185000000");
    });

    it("counts exactly nearFraction and exactly windowDays apart as inside, and matches recipients case-insensitively", function () {
      const f = facts({ allocations: [near(1, 80_000_000, NOW - 40 * DAY), near(2, 80_000_000, NOW - 10 * DAY, { recipient: RECIPIENT.toLowerCase() })] });
      expect(only(splitAllocation.check(f, DEFAULT_AUDIT_CONFIG)).evidence.allocations).to.equal("1,2");
    });

    it("does not flag allocations at or above the threshold", function () {
      const f = facts({ allocations: [near(1, 100_000_000, NOW - 5 * DAY), near(2, 90_000_000, NOW - 4 * DAY), near(3, 150_000_000, NOW - 3 * DAY)] });
      expect(splitAllocation.check(f, DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });

    it("does not flag allocations below nearFraction of the threshold", function () {
      const f = facts({ allocations: [near(1, 79_999_999.99, NOW - 5 * DAY), near(2, 79_999_999.99, NOW - 4 * DAY), near(3, 90_000_000, NOW - 3 * DAY)] });
      expect(splitAllocation.check(f, DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });

    it("does not flag near-threshold allocations further apart than the window", function () {
      const f = facts({ allocations: [near(1, 90_000_000, NOW - 50 * DAY), near(2, 90_000_000, NOW - 20 * DAY + 1)] });
      expect(splitAllocation.check(f, DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });

    it("does not flag near-threshold allocations to different recipients or in different tokens", function () {
      const recipients = facts({ allocations: [near(1, 90_000_000, NOW - 5 * DAY), near(2, 90_000_000, NOW - 4 * DAY, { recipient: OTHER_RECIPIENT })] });
      expect(splitAllocation.check(recipients, DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
      const tokens = facts({ allocations: [near(1, 90_000_000, NOW - 5 * DAY), near(2, 90_000_000, NOW - 4 * DAY, { token: OTHER_TOKEN })] });
      expect(splitAllocation.check(tokens, DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });

    it("compares whole tokens whatever the token's decimals", function () {
      const eighteen = (id: number, createdAt: number): AllocationFact =>
        allocation(id, { decimals: 18, token: OTHER_TOKEN, total: 90_000_000n * 10n ** 18n, createdAt, milestones: [milestone(0, NOW + DAY, "Pending", 90_000_000n * 10n ** 18n)] });
      const flag = only(splitAllocation.check(facts({ allocations: [eighteen(1, NOW - 2 * DAY), eighteen(2, NOW - DAY)] }), DEFAULT_AUDIT_CONFIG));
      expect(flag.evidence.token).to.equal(OTHER_TOKEN);
      expect(flag.evidence.total).to.equal((180_000_000n * 10n ** 18n).toString());
    });
  });

  describe("release-burst", function () {
    const start = NOW - 10 * DAY;

    it("flags more than maxReleases releases within the window, naming the milestones", function () {
      const releases = [release(1, 0, start + 3 * HOUR), release(2, 0, start), release(2, 1, start + 23 * HOUR), release(1, 1, start + 24 * HOUR)];
      const flag = only(releaseBurst.check(facts({ releases }), DEFAULT_AUDIT_CONFIG));
      expect(flag.rule).to.equal("release-burst");
      expect(flag.severity).to.equal("warning");
      expect(flag.subject).to.deep.equal({ kind: "milestone", id: "1/1" });
      expect(flag.evidence).to.deep.equal({ releases: 4, from: start, to: start + 24 * HOUR, milestones: "2/0,1/0,2/1,1/1" });
    });

    it("does not flag exactly maxReleases releases in the window", function () {
      const releases = [release(1, 0, start), release(1, 1, start + HOUR), release(2, 0, start + 2 * HOUR), release(2, 1, start + 24 * HOUR + 1)];
      expect(releaseBurst.check(facts({ releases }), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });

    it("does not flag releases spread out over more than the window", function () {
      const releases = [0, 9, 18, 27, 36, 45].map((h, i) => release(i + 1, 0, start + h * HOUR));
      expect(releaseBurst.check(facts({ releases }), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
      const tighter = withConfig("releaseBurst", { maxReleases: 2 });
      expect(releaseBurst.check(facts({ releases }), tighter).length).to.be.greaterThan(0);
    });
  });

  describe("reissued-revoked", function () {
    const revokedAt = NOW - 40 * DAY;
    const revoked = document(1, { status: "Revoked", issuedAt: NOW - 200 * DAY, revokedAt, number: "D-2026/002", titleEn: "On the interagency working group on open data" });

    it("flags a look-alike of the same agency and type with the revoked one's number, issued after the revocation", function () {
      const lookAlike = document(2, { issuedAt: revokedAt + 10 * DAY, number: "D-2026/002", titleEn: "Something else" });
      const flag = only(reissuedRevoked.check(facts({ documents: [revoked, lookAlike] }), DEFAULT_AUDIT_CONFIG));
      expect(flag.rule).to.equal("reissued-revoked");
      expect(flag.severity).to.equal("critical");
      expect(flag.subject).to.deep.equal({ kind: "document", id: hash(2) });
      expect(flag.evidence).to.deep.equal({ revoked: hash(1), revokedAt, issuedAt: revokedAt + 10 * DAY, match: "number" });
    });

    it("flags a look-alike by its English title (case and spacing ignored)", function () {
      const lookAlike = document(3, { issuedAt: revokedAt + DAY, number: "D-2026/099", titleEn: "  ON THE INTERAGENCY WORKING GROUP ON OPEN DATA " });
      const flag = only(reissuedRevoked.check(facts({ documents: [revoked, lookAlike] }), DEFAULT_AUDIT_CONFIG));
      expect(flag.subject.id).to.equal(hash(3));
      expect(flag.evidence.match).to.equal("title");
    });

    it("does not flag a formal amendment that links to the revoked document (supersedes)", function () {
      const amendment = document(2, { issuedAt: revokedAt + DAY, number: "D-2026/002", supersedes: hash(1) });
      expect(reissuedRevoked.check(facts({ documents: [revoked, amendment] }), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });

    it("does not flag a look-alike of another agency or another type", function () {
      const otherAgency = document(2, { issuedAt: revokedAt + DAY, number: "D-2026/002", agencyId: 1 });
      const otherType = document(3, { issuedAt: revokedAt + DAY, number: "D-2026/002", type: "law" });
      expect(reissuedRevoked.check(facts({ documents: [revoked, otherAgency, otherType] }), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });

    it("does not flag a look-alike issued before the revocation or after the window", function () {
      const before = document(2, { issuedAt: revokedAt - 1, number: "D-2026/002" });
      const after = document(3, { issuedAt: revokedAt + 365 * DAY + 1, number: "D-2026/002" });
      expect(reissuedRevoked.check(facts({ documents: [revoked, before, after] }), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
      const edge = document(4, { issuedAt: revokedAt + 365 * DAY, number: "D-2026/002" });
      expect(only(reissuedRevoked.check(facts({ documents: [revoked, edge] }), DEFAULT_AUDIT_CONFIG)).subject.id).to.equal(hash(4));
    });

    it("does not compare documents without metadata (no number, no title)", function () {
      const bare = (d: DocumentFact): DocumentFact => {
        const copy = { ...d };
        delete copy.number;
        delete copy.titleEn;
        return copy;
      };
      const lookAlike = document(2, { issuedAt: revokedAt + DAY, number: "D-2026/002" });
      expect(reissuedRevoked.check(facts({ documents: [revoked, bare(lookAlike)] }), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
      expect(reissuedRevoked.check(facts({ documents: [bare(revoked), lookAlike] }), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });

    it("does not flag an ordinary document with a different number and title", function () {
      const unrelated = document(5, { issuedAt: revokedAt + DAY });
      expect(reissuedRevoked.check(facts({ documents: [revoked, unrelated] }), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });
  });

  describe("low-turnout", function () {
    it("flags an executed proposal with fewer votes than minTurnout of the seats", function () {
      const flag = only(lowTurnout.check(facts({ proposals: [proposal(4, 3, 6)] }), DEFAULT_AUDIT_CONFIG));
      expect(flag.rule).to.equal("low-turnout");
      expect(flag.severity).to.equal("info");
      expect(flag.subject).to.deep.equal({ kind: "proposal", id: "1004" });
      expect(flag.evidence).to.deep.equal({ number: 4, votes: 3, seats: 6, turnout: 0.5 });
      expect(flag.message).to.contain("#4").and.contain("3 of 6 seats").and.contain("50 %");
    });

    it("does not flag turnout exactly at the threshold, or above it", function () {
      expect(lowTurnout.check(facts({ proposals: [proposal(1, 3, 5), proposal(2, 6, 6)] }), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });

    it("does not flag proposals that were not executed, or with no seats", function () {
      const proposals = ["Pending", "Active", "Defeated", "Succeeded", "Queued", "Canceled"].map((state, i) => proposal(i + 1, 1, 6, state));
      expect(lowTurnout.check(facts({ proposals: [...proposals, proposal(9, 0, 0)] }), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });
  });

  describe("squatted-act", function () {
    const pending = (state: string, hashes: string[]): ProposalFact => ({ ...proposal(7, 0, 6, state), documentHashes: hashes });
    const squat = document(70, { type: "notice", agencyId: 2, issuer: REGISTRAR, issuedAt: NOW - 5 * DAY });

    it("flags a registrar's entry of a hash an open proposal would enact, registered after the proposal", function () {
      for (const state of ["Pending", "Active", "Succeeded", "Queued"]) {
        const flag = only(squattedAct.check(facts({ documents: [squat], proposals: [pending(state, [squat.id])] }), DEFAULT_AUDIT_CONFIG));
        expect(flag.severity).to.equal("critical");
        expect(flag.subject).to.deep.equal({ kind: "document", id: squat.id });
        expect(flag.evidence).to.include({ registrar: REGISTRAR, proposal: 7, registeredAt: NOW - 5 * DAY, proposedAt: NOW - 10 * DAY });
      }
    });

    it("does not flag the act itself, an entry older than the proposal, or a closed proposal", function () {
      const act = document(71, { issuer: TIMELOCK, issuedAt: NOW - DAY });
      const older = document(72, { type: "order", issuer: REGISTRAR, issuedAt: NOW - 30 * DAY });
      const f = (state: string) => facts({ documents: [squat, act, older], proposals: [pending(state, [act.id, older.id])] });
      expect(squattedAct.check(f("Active"), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
      for (const state of ["Executed", "Defeated", "Canceled", "Expired"]) {
        expect(squattedAct.check(facts({ documents: [squat], proposals: [pending(state, [squat.id])] }), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
      }
    });

    it("flags every entry an act displaced, unless configured off", function () {
      const displaced = { id: hash(73), previousIssuer: REGISTRAR, previousType: "notice", previousAgencyId: 2, previousIssuedAt: NOW - 9 * DAY, displacedAt: NOW - DAY };
      const flag = only(squattedAct.check(facts({ displacements: [displaced] }), DEFAULT_AUDIT_CONFIG));
      expect([flag.severity, flag.subject.id]).to.deep.equal(["warning", displaced.id]);
      expect(flag.evidence).to.include({ registrar: REGISTRAR, agency: 2 });
      expect(squattedAct.check(facts({ displacements: [displaced] }), withConfig("squattedAct", { flagDisplaced: false }))).to.deep.equal([]);
    });
  });

  describe("appeal-deadline", function () {
    const appeal = (id: number, dueIn: number, over: Partial<AppealFact> = {}): AppealFact => ({ id, respondent: 1, state: "filed", filedAt: NOW - 20 * DAY, dueAt: NOW + dueIn, ...over });

    it("flags a pending appeal past its due date as critical, with the days overdue", function () {
      const flag = only(appealDeadline.check(facts({ appeals: [appeal(4, -3 * DAY - HOUR)] }), DEFAULT_AUDIT_CONFIG));
      expect([flag.severity, flag.subject.kind, flag.subject.id]).to.deep.equal(["critical", "appeal", "4"]);
      expect(flag.evidence).to.include({ appeal: 4, respondent: 1, daysOverdue: 3 });
      expect(flag.message).to.match(/Appeal 4 to agency 1 was due 2027-01-1\d and is 3 day\(s\) overdue, unanswered\./);
    });

    it("warns of a pending appeal (forwarded or extended too) due within the configured days, the council's included", function () {
      for (const state of ["filed", "forwarded", "extended"] as const) {
        const flag = only(appealDeadline.check(facts({ appeals: [appeal(5, 2 * DAY, { state, respondent: 0 })] }), DEFAULT_AUDIT_CONFIG));
        expect([flag.severity, flag.evidence.daysLeft]).to.deep.equal(["warning", 2]);
        expect(flag.message).to.match(/^Appeal 5 to the council is due/);
      }
      expect(appealDeadline.check(facts({ appeals: [appeal(5, 2 * DAY)] }), withConfig("appealDeadline", { soonDays: 1 }))).to.deep.equal([]);
    });

    it("does not flag an answered or withdrawn appeal, late or not, nor one due later", function () {
      const quiet = [appeal(6, -10 * DAY, { state: "answered", answeredAt: NOW - DAY }), appeal(7, -10 * DAY, { state: "withdrawn" }), appeal(8, 4 * DAY)];
      expect(appealDeadline.check(facts({ appeals: quiet }), DEFAULT_AUDIT_CONFIG)).to.deep.equal([]);
    });
  });

  it("audit() runs every rule over the same facts", function () {
    const f = facts({
      allocations: [allocation(1, { milestones: [milestone(0, NOW - 2 * DAY)] })],
      proposals: [proposal(1, 1, 6)],
    });
    expect(audit(f).map((flag) => flag.rule)).to.deep.equal(["overdue-milestone", "low-turnout"]);
  });
});

// ── Config and report ──────────────────────────────────────────────────────────────────────────────────────────

describe("digital auditor config and report", function () {
  let dir = "";
  before(async function () {
    dir = await mkdtemp(path.join(os.tmpdir(), "gdao-audit-"));
  });
  after(async function () {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const configFile = async (name: string, text: string): Promise<string> => {
    const file = path.join(dir, name);
    await writeFile(file, text);
    return file;
  };
  const loadError = async (file: string): Promise<PlainError> => {
    try {
      await loadAuditConfig(file);
    } catch (error) {
      expect(error).to.be.instanceOf(PlainError);
      return error as PlainError;
    }
    throw new Error(`loadAuditConfig(${file}) did not fail`);
  };

  it("returns the defaults without a file", async function () {
    expect(await loadAuditConfig()).to.deep.equal(DEFAULT_AUDIT_CONFIG);
  });

  it("merges a partial JSON with the defaults, key by key", async function () {
    const file = await configFile("partial.json", JSON.stringify({ releaseBurst: { maxReleases: 5 }, lowTurnout: { minTurnout: 0.75 } }));
    expect(await loadAuditConfig(file)).to.deep.equal({
      ...DEFAULT_AUDIT_CONFIG,
      releaseBurst: { maxReleases: 5, windowHours: 24 },
      lowTurnout: { minTurnout: 0.75 },
    });
  });

  it("rejects a bad value with a plain error naming the field", async function () {
    const error = await loadError(await configFile("bad.json", JSON.stringify({ lowTurnout: { minTurnout: 1.5 } })));
    expect(error.message).to.match(/^Invalid auditor config .*bad\.json: lowTurnout\.minTurnout: /);
    expect(error.message).to.not.contain("\n");

    const twoBad = await loadError(await configFile("two.json", JSON.stringify({ releaseBurst: { maxReleases: 2.5 }, splitAllocation: { nearFraction: 1 } })));
    expect(twoBad.message).to.contain("splitAllocation.nearFraction").and.contain("releaseBurst.maxReleases");
  });

  it("rejects unknown keys, a rule given as a non-object and a file that is not a JSON object", async function () {
    const unknownField = await loadError(await configFile("unknown-field.json", JSON.stringify({ lowTurnout: { minTurnoutt: 0.5 } })));
    expect(unknownField.message).to.contain("lowTurnout").and.contain("minTurnoutt");
    const unknownRule = await loadError(await configFile("unknown-rule.json", JSON.stringify({ quietHours: { from: 1 } })));
    expect(unknownRule.message).to.contain("quietHours");
    const notObject = await loadError(await configFile("number.json", JSON.stringify({ lowTurnout: 0.5 })));
    expect(notObject.message).to.match(/lowTurnout: /);
    const notJsonObject = await loadError(await configFile("array.json", "[1, 2]"));
    expect(notJsonObject.message).to.match(/^Invalid auditor config .*array\.json: /);
    const notJson = await loadError(await configFile("broken.json", "{ lowTurnout: "));
    expect(notJson.message).to.match(/^Cannot read the auditor config .*broken\.json/);
    const missing = await loadError(path.join(dir, "missing.json"));
    expect(missing.message).to.match(/^Cannot read the auditor config/);
  });

  it("buildReport publishes every rule with id, title, explanation and threshold, and the flags", function () {
    const f = facts({ block: 77, chainId: 1337, proposals: [proposal(2, 1, 6)] });
    const config = withConfig("lowTurnout", { minTurnout: 0.9 });
    const report = buildReport(f, config);
    expect(report.chainId).to.equal(1337);
    expect(report.block).to.equal(77);
    expect(report.generatedAt).to.be.closeTo(Math.floor(Date.now() / 1000), 5);
    expect(report.asOf, "dated by the chain's time of the block audited").to.equal(f.now);
    expect(report.rules.map((r) => r.id)).to.deep.equal(["overdue-milestone", "split-allocation", "release-burst", "reissued-revoked", "low-turnout", "squatted-act", "appeal-deadline"]);
    expect(report.rules.map((r) => r.id)).to.deep.equal(AUDIT_RULES.map((r) => r.id));
    for (const rule of report.rules) {
      expect(Object.keys(rule).sort()).to.deep.equal(["explanation", "id", "threshold", "title"]);
      expect(rule.title.length, rule.id).to.be.greaterThan(5);
      expect(rule.explanation.length, rule.id).to.be.greaterThan(40);
      expect(rule.threshold.length, rule.id).to.be.greaterThan(5);
    }
    const threshold = (id: string): string => report.rules.find((r) => r.id === id)?.threshold ?? "";
    expect(threshold("low-turnout")).to.contain("90 %");
    expect(threshold("release-burst")).to.contain("more than 3").and.contain("24 hours");
    expect(threshold("split-allocation")).to.contain("100,000,000").and.contain("80 %").and.contain("30 days");
    expect(threshold("overdue-milestone")).to.contain("critical after 30 days");
    expect(threshold("reissued-revoked")).to.contain("365 days");
    expect(report.flags).to.deep.equal(audit(f, config));
    expect(report.flags.map((flag) => flag.rule)).to.deep.equal(["low-turnout"]);
    expect(JSON.parse(JSON.stringify(report)).rules).to.have.length(AUDIT_RULES.length);
  });
});
