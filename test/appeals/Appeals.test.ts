import { expect } from "chai";
import fc from "fast-check";
import { ZeroAddress, ZeroHash } from "ethers";

import { APPEAL_TERMS } from "../../ignition/modules/GovernmentDAO.js";
import { AppealState, Outcome, Subject, citizenKey, deadlineOf, fileAppeal, filing, signRequest } from "../helpers/appeals.js";
import { DIGITAL, DocType, FINANCE, action, hashOf, setup } from "../helpers/fixtures.js";

const t = await setup();
const { cast, networkHelpers } = t;
const { time } = networkHelpers;

const DAY = 86_400;
const OFFSET = 5 * 3_600; // UTC+5
const Kind = { Default: 0, Holiday: 1, WorkingDay: 2 } as const;

/** Local midnight (UTC+5) of the first Monday at least `daysAhead` days after the latest block. */
async function mondayAhead(daysAhead: number): Promise<number> {
  let day = Math.floor((Number(await time.latest()) + OFFSET) / DAY) + daysAhead;
  while ((day + 3) % 7 !== 0) day++;
  return day * DAY - OFFSET;
}
const dayOf = (ts: number) => Math.floor((ts + OFFSET) / DAY);
const endOfDay = (ts: number) => (dayOf(ts) + 1) * DAY - OFFSET - 1;

async function system() {
  const s = await t.loadSystem();
  const timelock = await t.asTimelock(s);
  const order = hashOf("order of the Ministry of Finance");
  await s.documents.connect(cast.financeRegistrar).issue(DocType.Order, FINANCE, order, hashOf("m"), ZeroHash);
  const decree = hashOf("decree of the Government");
  await s.documents.connect(timelock).issue(DocType.Decree, 0, decree, hashOf("m"), ZeroHash);
  return { s, timelock, order: BigInt(order), decree: BigInt(decree), citizen: citizenKey() };
}

describe("WorkingDayCalendar", function () {
  it("counts 15 working days from a Monday to the end of the Monday three weeks later, skipping weekends", async function () {
    const { s } = await system();
    const monday = await mondayAhead(30);
    const due = await s.appeals.workingDaysAfter(monday + 10 * 3_600, 15);
    expect(due).to.equal(BigInt(endOfDay(monday + 21 * DAY)));
  });

  it("skips a declared holiday and counts a declared working Saturday", async function () {
    const { s, timelock } = await system();
    const monday = await mondayAhead(30);
    await s.appeals.connect(timelock).setDayKinds([dayOf(monday) + 2], Kind.Holiday);
    expect(await s.appeals.workingDaysAfter(monday, 15)).to.equal(BigInt(endOfDay(monday + 22 * DAY)));
    await s.appeals.connect(timelock).setDayKinds([dayOf(monday) + 5], Kind.WorkingDay);
    expect(await s.appeals.workingDaysAfter(monday, 15)).to.equal(BigInt(endOfDay(monday + 21 * DAY)));
    await s.appeals.connect(timelock).setDayKinds([dayOf(monday) + 2, dayOf(monday) + 5], Kind.Default);
    expect(await s.appeals.dayKind(dayOf(monday) + 2)).to.equal(Kind.Default);
  });

  it("counts a receipt on a Saturday from the next Monday (art. 63)", async function () {
    const { s } = await system();
    const saturday = (await mondayAhead(30)) + 5 * DAY + 12 * 3_600;
    expect(await s.appeals.isWorkingDay(dayOf(saturday))).to.equal(false);
    expect(await s.appeals.workingDaysAfter(saturday, 0)).to.equal(BigInt(endOfDay(saturday + 2 * DAY)));
    expect(await s.appeals.workingDaysAfter(saturday, 1)).to.equal(BigInt(endOfDay(saturday + 3 * DAY)));
  });

  it("counts days in Kazakhstan time (UTC+5): Friday 19:00 UTC is already Saturday", async function () {
    const { s } = await system();
    const friday = (await mondayAhead(30)) + 4 * DAY;
    expect(await s.appeals.isWorkingDay(await s.appeals.dayOf(friday + DAY - 1))).to.equal(true);
    expect(await s.appeals.isWorkingDay(await s.appeals.dayOf(friday + DAY))).to.equal(false);
  });

  it("reverts when a non-timelock declares a day", async function () {
    const { s } = await system();
    await expect(s.appeals.connect(cast.financeRegistrar).setDayKinds([dayOf(await mondayAhead(1))], Kind.Holiday))
      .to.be.revertedWithCustomError(s.appeals, "NotTimelock");
  });

  it("reverts on an empty or oversized declaration and on a day in the past", async function () {
    const { s, timelock } = await system();
    const today = dayOf(Number(await time.latest()));
    await expect(s.appeals.connect(timelock).setDayKinds([], Kind.Holiday)).to.be.revertedWithCustomError(s.appeals, "InvalidDayCount").withArgs(0);
    const many = Array.from({ length: 65 }, (_, i) => today + 1 + i);
    await expect(s.appeals.connect(timelock).setDayKinds(many, Kind.Holiday)).to.be.revertedWithCustomError(s.appeals, "InvalidDayCount").withArgs(65);
    await expect(s.appeals.connect(timelock).setDayKinds([today - 1], Kind.Holiday))
      .to.be.revertedWithCustomError(s.appeals, "DayInPast")
      .withArgs(today - 1, today);
    await expect(s.appeals.connect(timelock).setDayKinds([today], Kind.Holiday)).to.emit(s.appeals, "DayKindSet").withArgs(today, Kind.Holiday);
  });

  it("gives up with NoWorkingDays instead of scanning without bound when a calendar declares no working day", async function () {
    const { s, timelock } = await system();
    const monday = dayOf(await mondayAhead(1));
    for (let chunk = 0; chunk < 4; chunk++) {
      await s.appeals.connect(timelock).setDayKinds(Array.from({ length: 64 }, (_, i) => monday + 1 + chunk * 64 + i), Kind.Holiday);
    }
    // Received on that working Monday, then no working day to count; received the day after, not even a receipt day.
    await expect(s.appeals.workingDaysAfter(monday * DAY, 1)).to.be.revertedWithCustomError(s.appeals, "NoWorkingDays").withArgs(monday);
    await expect(s.appeals.workingDaysAfter((monday + 1) * DAY, 0)).to.be.revertedWithCustomError(s.appeals, "NoWorkingDays").withArgs(monday + 1);
  });
});

describe("Appeals", function () {
  describe("filing", function () {
    it("registers a citizen's signed appeal against an agency's order, relayed by anyone, with its number, time and due date", async function () {
      const { s, order, citizen } = await system();
      const monday = await mondayAhead(30);
      await time.increaseTo(monday + 10 * 3_600 - 1);
      const args = await filing(s, citizen, Subject.Document, order);
      await expect(s.appeals.connect(cast.stranger).file(...args))
        .to.emit(s.appeals, "AppealFiled")
        .withArgs(1n, Subject.Document, order, citizen.address, FINANCE, hashOf("I contest this act"), endOfDay(monday + 21 * DAY));
      const a = await s.appeals.appeal(1n);
      expect(a.state).to.equal(AppealState.Filed);
      expect(a.respondent).to.equal(FINANCE);
      expect(a.filedAt).to.equal(BigInt(monday + 10 * 3_600));
      expect(a.receivedAt).to.equal(a.filedAt);
      expect(await s.appeals.nonces(citizen.address)).to.equal(1n);
      expect(await t.ethers.provider.getBalance(citizen.address)).to.equal(0n);
    });

    it("sends appeals against central acts and against proposals to the council", async function () {
      const { s, decree, citizen } = await system();
      expect((await s.appeals.appeal(await fileAppeal(s, cast.stranger, citizen, Subject.Document, decree))).respondent).to.equal(0n);
      const proposal = await t.propose(s, [action(s.agencies, "setAgencyActive", [DIGITAL, false])], "Pause Digital Development");
      expect((await s.appeals.appeal(await fileAppeal(s, cast.stranger, citizen, Subject.Proposal, proposal))).respondent).to.equal(0n);
    });

    it("reverts on a replayed request, leaving one appeal", async function () {
      const { s, order, citizen } = await system();
      const args = await filing(s, citizen, Subject.Document, order);
      await s.appeals.connect(cast.stranger).file(...args);
      await expect(s.appeals.connect(cast.officials[0]).file(...args)).to.be.revertedWithCustomError(s.appeals, "InvalidSignature").withArgs(citizen.address);
      expect(await s.appeals.appealCount()).to.equal(1n);
    });

    it("reverts on a signature for another chain, another key, or past its deadline", async function () {
      const { s, order, citizen } = await system();
      const [kind, subject, bodyDigest, filer, deadline] = await filing(s, citizen, Subject.Document, order);
      const message = { kind, subject, bodyDigest, nonce: 0n, deadline };
      const otherChain = await signRequest(s, citizen, "FileAppeal", message, 1n);
      await expect(s.appeals.file(kind, subject, bodyDigest, filer, deadline, otherChain)).to.be.revertedWithCustomError(s.appeals, "InvalidSignature");
      const otherKey = await signRequest(s, citizenKey(), "FileAppeal", message);
      await expect(s.appeals.file(kind, subject, bodyDigest, filer, deadline, otherKey)).to.be.revertedWithCustomError(s.appeals, "InvalidSignature");
      const late = await signRequest(s, citizen, "FileAppeal", message);
      await time.increaseTo(deadline + 1n);
      await expect(s.appeals.file(kind, subject, bodyDigest, filer, deadline, late)).to.be.revertedWithCustomError(s.appeals, "SignatureExpired").withArgs(deadline);
    });

    it("reverts on an unknown document or proposal and on an empty text digest", async function () {
      const { s, citizen } = await system();
      const unknown = BigInt(hashOf("never issued"));
      await expect(s.appeals.file(...(await filing(s, citizen, Subject.Document, unknown))))
        .to.be.revertedWithCustomError(s.appeals, "UnknownSubject")
        .withArgs(Subject.Document, unknown);
      await expect(s.appeals.file(...(await filing(s, citizen, Subject.Proposal, 42n))))
        .to.be.revertedWithCustomError(s.appeals, "UnknownSubject")
        .withArgs(Subject.Proposal, 42n);
      const deadline = await deadlineOf(s);
      const signature = await signRequest(s, citizen, "FileAppeal", { kind: 0, subject: 1n, bodyDigest: ZeroHash, nonce: 0n, deadline });
      await expect(s.appeals.file(0, 1n, ZeroHash, citizen.address, deadline, signature)).to.be.revertedWithCustomError(s.appeals, "EmptyDigest");
    });
  });

  describe("forwarding", function () {
    it("lets the respondent forward within 3 working days; the due date is counted again and never moves back", async function () {
      const { s, order, citizen } = await system();
      const monday = await mondayAhead(30);
      await time.increaseTo(monday + 10 * 3_600 - 1);
      const id = await fileAppeal(s, cast.stranger, citizen, Subject.Document, order);
      const before = (await s.appeals.appeal(id)).dueAt;
      await time.setNextBlockTimestamp(monday + 2 * DAY + 10 * 3_600); // Wednesday
      await expect(s.appeals.connect(cast.financeRegistrar).forward(id, DIGITAL, hashOf("not competent")))
        .to.emit(s.appeals, "AppealForwarded")
        .withArgs(id, FINANCE, DIGITAL, hashOf("not competent"), endOfDay(monday + 23 * DAY));
      const a = await s.appeals.appeal(id);
      expect(a.state).to.equal(AppealState.Forwarded);
      expect(a.respondent).to.equal(DIGITAL);
      expect(a.dueAt).to.be.greaterThan(before);
    });

    it("reverts after the forwarding term, for the same body, an unknown agency, a second forward or another registrar", async function () {
      const { s, order, citizen } = await system();
      const monday = await mondayAhead(30);
      await time.increaseTo(monday + 10 * 3_600 - 1);
      const id = await fileAppeal(s, cast.stranger, citizen, Subject.Document, order);
      const reason = hashOf("not competent");
      await expect(s.appeals.connect(cast.digitalRegistrar).forward(id, DIGITAL, reason)).to.be.revertedWithCustomError(s.appeals, "NotRespondent");
      await expect(s.appeals.connect(cast.financeRegistrar).forward(id, FINANCE, reason)).to.be.revertedWithCustomError(s.appeals, "InvalidForward").withArgs(FINANCE);
      await expect(s.appeals.connect(cast.financeRegistrar).forward(id, 77, reason)).to.be.revertedWithCustomError(s.appeals, "InvalidForward").withArgs(77);
      await expect(s.appeals.connect(cast.financeRegistrar).forward(id, DIGITAL, ZeroHash)).to.be.revertedWithCustomError(s.appeals, "EmptyDigest");
      await time.increaseTo(monday + 4 * DAY); // Friday: the term ended Thursday
      await expect(s.appeals.connect(cast.financeRegistrar).forward(id, DIGITAL, reason))
        .to.be.revertedWithCustomError(s.appeals, "ForwardTooLate")
        .withArgs(id, endOfDay(monday + 3 * DAY));
      const second = await fileAppeal(s, cast.stranger, citizen, Subject.Document, order);
      await s.appeals.connect(cast.financeRegistrar).forward(second, 0, reason);
      await expect(s.appeals.connect(cast.financeRegistrar).forward(second, DIGITAL, reason)).to.be.revertedWithCustomError(s.appeals, "NotRespondent");
      const timelock = await t.asTimelock(s);
      await expect(s.appeals.connect(timelock).forward(second, DIGITAL, reason))
        .to.be.revertedWithCustomError(s.appeals, "InvalidState")
        .withArgs(second, AppealState.Forwarded);
    });
  });

  describe("extension", function () {
    it("extends once, with reasons, up to the extension limit, before the term ends", async function () {
      const { s, order, citizen } = await system();
      const id = await fileAppeal(s, cast.stranger, citizen, Subject.Document, order);
      const a = await s.appeals.appeal(id);
      const max = a.receivedAt + BigInt(APPEAL_TERMS.extensionLimitDays * DAY);
      const reason = hashOf("an expert opinion is needed");
      const registrar = s.appeals.connect(cast.financeRegistrar);
      await expect(registrar.extend(id, max + 1n, reason)).to.be.revertedWithCustomError(s.appeals, "InvalidExtension").withArgs(max + 1n, a.dueAt, max);
      await expect(registrar.extend(id, a.dueAt, reason)).to.be.revertedWithCustomError(s.appeals, "InvalidExtension");
      await expect(registrar.extend(id, max, ZeroHash)).to.be.revertedWithCustomError(s.appeals, "EmptyDigest");
      await expect(s.appeals.connect(cast.digitalRegistrar).extend(id, max, reason)).to.be.revertedWithCustomError(s.appeals, "NotRespondent");
      await expect(registrar.extend(id, max, reason)).to.emit(s.appeals, "AppealExtended").withArgs(id, reason, a.dueAt, max);
      expect((await s.appeals.appeal(id)).state).to.equal(AppealState.Extended);
      await expect(registrar.extend(id, max, reason)).to.be.revertedWithCustomError(s.appeals, "InvalidState").withArgs(id, AppealState.Extended);
    });

    it("reverts once the term has ended", async function () {
      const { s, order, citizen } = await system();
      const id = await fileAppeal(s, cast.stranger, citizen, Subject.Document, order);
      const a = await s.appeals.appeal(id);
      await time.increaseTo(a.dueAt + 1n);
      await expect(s.appeals.connect(cast.financeRegistrar).extend(id, a.dueAt + 10n, hashOf("late")))
        .to.be.revertedWithCustomError(s.appeals, "ExtensionTooLate")
        .withArgs(id, a.dueAt);
    });
  });

  describe("answer", function () {
    it("records the verdict, the reasoned answer and whether it came in time", async function () {
      const { s, order, citizen } = await system();
      const id = await fileAppeal(s, cast.stranger, citizen, Subject.Document, order);
      await expect(s.appeals.connect(cast.financeRegistrar).answer(id, Outcome.Rejected, hashOf("reasons"), 0n))
        .to.emit(s.appeals, "AppealAnswered")
        .withArgs(id, FINANCE, Outcome.Rejected, hashOf("reasons"), true);
      const a = await s.appeals.appeal(id);
      expect([a.state, a.outcome, a.answerDigest]).to.deep.equal([BigInt(AppealState.Answered), BigInt(Outcome.Rejected), hashOf("reasons")]);
      await expect(s.appeals.connect(cast.financeRegistrar).answer(id, Outcome.Upheld, hashOf("again"), 0n))
        .to.be.revertedWithCustomError(s.appeals, "InvalidState")
        .withArgs(id, AppealState.Answered);
    });

    it("shows an appeal overdue after its due date, and records a late answer as late", async function () {
      const { s, order, citizen } = await system();
      const id = await fileAppeal(s, cast.stranger, citizen, Subject.Document, order);
      expect(await s.appeals.isOverdue(id)).to.equal(false);
      await time.increaseTo((await s.appeals.appeal(id)).dueAt + 1n);
      expect(await s.appeals.isOverdue(id)).to.equal(true);
      await expect(s.appeals.connect(cast.financeRegistrar).answer(id, Outcome.Rejected, hashOf("late"), 0n))
        .to.emit(s.appeals, "AppealAnswered")
        .withArgs(id, FINANCE, Outcome.Rejected, hashOf("late"), false);
      expect(await s.appeals.isOverdue(id)).to.equal(false);
    });

    it("reverts without a verdict or reasons, and when anyone but the respondent answers", async function () {
      const { s, order, decree, citizen } = await system();
      const id = await fileAppeal(s, cast.stranger, citizen, Subject.Document, order);
      const registrar = s.appeals.connect(cast.financeRegistrar);
      await expect(registrar.answer(id, Outcome.None, hashOf("r"), 0n)).to.be.revertedWithCustomError(s.appeals, "MissingOutcome");
      await expect(registrar.answer(id, Outcome.Rejected, ZeroHash, 0n)).to.be.revertedWithCustomError(s.appeals, "EmptyDigest");
      for (const other of [cast.digitalRegistrar, cast.officials[0], cast.stranger]) {
        await expect(s.appeals.connect(other).answer(id, Outcome.Rejected, hashOf("r"), 0n))
          .to.be.revertedWithCustomError(s.appeals, "NotRespondent")
          .withArgs(other.address, FINANCE);
      }
      const central = await fileAppeal(s, cast.stranger, citizen, Subject.Document, decree);
      await expect(registrar.answer(central, Outcome.Rejected, hashOf("r"), 0n)).to.be.revertedWithCustomError(s.appeals, "NotRespondent").withArgs(cast.financeRegistrar.address, 0);
      await expect(s.appeals.answer(99n, Outcome.Rejected, hashOf("r"), 0n)).to.be.revertedWithCustomError(s.appeals, "UnknownAppeal").withArgs(99n);
    });

    it("lets the council answer a central act through the Timelock, and link the revocation that remedies it", async function () {
      const { s, timelock, decree, citizen } = await system();
      const id = await fileAppeal(s, cast.stranger, citizen, Subject.Document, decree);
      await expect(s.appeals.connect(timelock).answer(id, Outcome.Upheld, hashOf("upheld"), decree)).to.be.revertedWithCustomError(s.appeals, "InvalidRemedy").withArgs(decree);
      await s.appeals.connect(timelock).answer(id, Outcome.Upheld, hashOf("upheld"), 0n);
      await s.documents.connect(timelock).revoke(decree, "annulled on appeal");
      await expect(s.appeals.connect(timelock).linkRemedy(id, decree)).to.emit(s.appeals, "AppealRemedyLinked").withArgs(id, decree);
      await expect(s.appeals.connect(timelock).linkRemedy(id, decree)).to.be.revertedWithCustomError(s.appeals, "InvalidState");
    });

    it("links an amendment as the remedy of an upheld appeal, and refuses a remedy for a rejection or an unrelated act", async function () {
      const { s, order, citizen } = await system();
      const registrar = s.appeals.connect(cast.financeRegistrar);
      const amended = hashOf("order v2");
      await s.documents.connect(cast.financeRegistrar).amend(order, amended, hashOf("m2"), ZeroHash, "corrected on appeal");
      const rejected = await fileAppeal(s, cast.stranger, citizen, Subject.Document, order);
      await expect(registrar.answer(rejected, Outcome.Rejected, hashOf("r"), amended)).to.be.revertedWithCustomError(s.appeals, "InvalidRemedy");
      const unrelated = hashOf("unrelated order");
      await s.documents.connect(cast.financeRegistrar).issue(DocType.Order, FINANCE, unrelated, hashOf("m"), ZeroHash);
      await expect(registrar.answer(rejected, Outcome.Upheld, hashOf("r"), unrelated)).to.be.revertedWithCustomError(s.appeals, "InvalidRemedy").withArgs(unrelated);
      const never = BigInt(hashOf("never issued"));
      await expect(registrar.answer(rejected, Outcome.Upheld, hashOf("r"), never)).to.be.revertedWithCustomError(s.appeals, "InvalidRemedy").withArgs(never);
      await expect(registrar.answer(rejected, Outcome.PartlyUpheld, hashOf("partly"), amended))
        .to.emit(s.appeals, "AppealRemedyLinked")
        .withArgs(rejected, amended);
      await expect(registrar.linkRemedy(rejected, amended)).to.be.revertedWithCustomError(s.appeals, "InvalidState");
      const other = await fileAppeal(s, cast.stranger, citizen, Subject.Document, order);
      await registrar.answer(other, Outcome.Rejected, hashOf("r"), 0n);
      await expect(registrar.linkRemedy(other, amended)).to.be.revertedWithCustomError(s.appeals, "InvalidRemedy");
    });
  });

  describe("withdrawal and follow-up", function () {
    it("lets the filer withdraw or add a message with the same key, and nobody else", async function () {
      const { s, order, citizen } = await system();
      const id = await fileAppeal(s, cast.stranger, citizen, Subject.Document, order);
      const deadline = await deadlineOf(s);
      const body = hashOf("more facts");
      const followUp = await signRequest(s, citizen, "FollowUpAppeal", { appealId: id, bodyDigest: body, nonce: 1n, deadline });
      await expect(s.appeals.followUp(id, ZeroHash, deadline, followUp)).to.be.revertedWithCustomError(s.appeals, "EmptyDigest");
      await expect(s.appeals.followUp(id, body, deadline, followUp)).to.emit(s.appeals, "AppealFollowedUp").withArgs(id, body);
      const forged = await signRequest(s, citizenKey(), "WithdrawAppeal", { appealId: id, nonce: 2n, deadline });
      await expect(s.appeals.withdraw(id, deadline, forged)).to.be.revertedWithCustomError(s.appeals, "InvalidSignature").withArgs(citizen.address);
      const withdraw = await signRequest(s, citizen, "WithdrawAppeal", { appealId: id, nonce: 2n, deadline });
      await expect(s.appeals.connect(cast.officials[1]).withdraw(id, deadline, withdraw)).to.emit(s.appeals, "AppealWithdrawn").withArgs(id);
      expect((await s.appeals.appeal(id)).state).to.equal(AppealState.Withdrawn);
      await expect(s.appeals.connect(cast.financeRegistrar).answer(id, Outcome.Rejected, hashOf("r"), 0n))
        .to.be.revertedWithCustomError(s.appeals, "InvalidState")
        .withArgs(id, AppealState.Withdrawn);
    });
  });

  describe("terms", function () {
    it("changes the day counts only through the Timelock, within their bounds, and keeps filed due dates", async function () {
      const { s, timelock, order, citizen } = await system();
      const id = await fileAppeal(s, cast.stranger, citizen, Subject.Document, order);
      const due = (await s.appeals.appeal(id)).dueAt;
      const terms = { considerationDays: 10, forwardDays: 2, extensionLimitDays: 45 };
      await expect(s.appeals.connect(cast.financeRegistrar).setTerms(terms)).to.be.revertedWithCustomError(s.appeals, "NotTimelock");
      for (const bad of [{ ...terms, considerationDays: 0 }, { ...terms, considerationDays: 31 }, { ...terms, forwardDays: 0 }, { ...terms, forwardDays: 11 }, { ...terms, extensionLimitDays: 29 }, { ...terms, extensionLimitDays: 93 }]) {
        await expect(s.appeals.connect(timelock).setTerms(bad)).to.be.revertedWithCustomError(s.appeals, "TermsOutOfBounds");
      }
      await expect(s.appeals.connect(timelock).setTerms(terms)).to.emit(s.appeals, "TermsSet");
      expect((await s.appeals.terms()).considerationDays).to.equal(10n);
      expect((await s.appeals.appeal(id)).dueAt).to.equal(due);
    });

    it("declares the genesis holidays given at deployment", async function () {
      const { s } = await system();
      const day = dayOf(Number(await time.latest())) + 10;
      const deployed = await t.ethers.deployContract("Appeals", [s.timelock.target, s.agencies.target, s.documents.target, s.governor.target, APPEAL_TERMS, [day]]);
      expect(await deployed.getFunction("dayKind")(day)).to.equal(BigInt(Kind.Holiday));
    });

    it("refuses a deployment with zero addresses or terms out of bounds", async function () {
      const { s } = await system();
      const args = [s.timelock.target, s.agencies.target, s.documents.target, s.governor.target] as const;
      await expect(t.ethers.deployContract("Appeals", [args[0], ZeroAddress, args[2], args[3], APPEAL_TERMS, []])).to.be.revertedWithCustomError(s.appeals, "ZeroAddress");
      await expect(t.ethers.deployContract("Appeals", [ZeroAddress, args[1], args[2], args[3], APPEAL_TERMS, []])).to.be.revertedWithCustomError(s.appeals, "ZeroAddress");
      await expect(t.ethers.deployContract("Appeals", [...args, { ...APPEAL_TERMS, forwardDays: 0 }, []])).to.be.revertedWithCustomError(s.appeals, "TermsOutOfBounds");
    });
  });
});

describe("Appeals invariants", function () {
  type Step =
    | { op: "file"; document: boolean }
    | { op: "forward"; pick: number; to: number }
    | { op: "extend"; pick: number; days: number }
    | { op: "answer"; pick: number; outcome: number; asTimelock: boolean }
    | { op: "withdraw"; pick: number }
    | { op: "wait"; days: number };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ op: fc.constant("file" as const), document: fc.boolean() }),
    fc.record({ op: fc.constant("forward" as const), pick: fc.nat(7), to: fc.constantFrom(0, FINANCE, DIGITAL, 9) }),
    fc.record({ op: fc.constant("extend" as const), pick: fc.nat(7), days: fc.integer({ min: -5, max: 70 }) }),
    fc.record({ op: fc.constant("answer" as const), pick: fc.nat(7), outcome: fc.nat(3), asTimelock: fc.boolean() }),
    fc.record({ op: fc.constant("withdraw" as const), pick: fc.nat(7) }),
    fc.record({ op: fc.constant("wait" as const), days: fc.integer({ min: 1, max: 12 }) }),
  );
  const ENDED: readonly bigint[] = [BigInt(AppealState.Answered), BigInt(AppealState.Withdrawn)];

  it("states only move forward, ended appeals never change, due dates never move back, and every answer has reasons", async function () {
    let steps = 0;
    const reached = new Set<bigint>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (plan) => {
        const { s, timelock, order, decree, citizen } = await system();
        const seen = new Map<bigint, Awaited<ReturnType<typeof s.appeals.appeal>>>();
        const opening: Step[] = [{ op: "file", document: true }, { op: "file", document: false }];
        for (const next of [...opening, ...plan]) {
          const count = await s.appeals.appealCount();
          const id = count === 0n ? 1n : (BigInt("pick" in next ? next.pick : 0) % count) + 1n;
          const respondent = async () => ((await s.appeals.appeal(id)).respondent === BigInt(FINANCE) ? cast.financeRegistrar : cast.digitalRegistrar);
          const attempt = async (): Promise<unknown> => {
            switch (next.op) {
              case "file":
                return fileAppeal(s, cast.stranger, citizen, Subject.Document, next.document ? order : decree);
              case "forward":
                return s.appeals.connect(timelock).forward(id, next.to, hashOf("forward"));
              case "extend": {
                const a = await s.appeals.appeal(id);
                return s.appeals.connect(timelock).extend(id, a.dueAt + BigInt(next.days * DAY), hashOf("extend"));
              }
              case "answer":
                return s.appeals.connect(next.asTimelock ? timelock : await respondent()).answer(id, next.outcome, hashOf("reasons"), 0n);
              case "withdraw": {
                const deadline = await deadlineOf(s);
                const nonce = await s.appeals.nonces(citizen.address);
                return s.appeals.withdraw(id, deadline, await signRequest(s, citizen, "WithdrawAppeal", { appealId: id, nonce, deadline }));
              }
              case "wait":
                return time.increase(next.days * DAY);
            }
          };
          await attempt().catch(() => undefined); // refused steps must leave everything as it was: checked below
          steps++;
          for (let n = 1n; n <= (await s.appeals.appealCount()); n++) {
            const a = await s.appeals.appeal(n);
            const before = seen.get(n);
            if (before) {
              expect(a.state >= before.state, `appeal ${n}: state ${before.state} → ${a.state}`).to.equal(true);
              if (ENDED.includes(before.state)) expect([...a]).to.deep.equal([...before]);
              expect(a.dueAt >= before.dueAt, `appeal ${n}: due date moved back`).to.equal(true);
              expect(a.filedAt).to.equal(before.filedAt);
            }
            if (a.state === BigInt(AppealState.Answered)) {
              expect(a.answerDigest).to.not.equal(ZeroHash);
              expect(a.outcome).to.not.equal(BigInt(Outcome.None));
            }
            seen.set(n, a);
            reached.add(a.state);
          }
        }
      }),
      { numRuns: 16, seed: 2026 },
    );
    expect(steps).to.be.greaterThan(48);
    // Not vacuous: the random plans drove appeals into every state.
    expect([...reached].sort()).to.deep.equal([1n, 2n, 3n, 4n, 5n]);
  });
});
