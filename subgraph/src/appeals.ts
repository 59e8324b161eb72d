// Appeals: citizens' appeals with their timelines (filed, forwarded, extended, answered, withdrawn, followed up,
// remedy linked), the procedure's day counts and the working-day calendar's declared days.
import { BigInt, Bytes, ethereum } from "@graphprotocol/graph-ts";

import {
  AppealAnswered,
  AppealExtended,
  AppealFiled,
  AppealFollowedUp,
  AppealForwarded,
  AppealRemedyLinked,
  AppealWithdrawn,
  DayKindSet,
  TermsSet,
} from "../generated/Appeals/Appeals";
import { Appeal, AppealEvent, AppealTerms, CalendarDay, Document, Proposal } from "../generated/schema";
import { eventId, skipEvent, uint256ToBytes32Hex } from "./utils/common";
import { APPEAL_OUTCOMES, APPEAL_SUBJECT_KINDS } from "./generated/constants";

/** WorkingDayCalendar.DayKind, by index (core names no day kinds: the calendar is the contract's alone). */
const DAY_KINDS: Array<string> = ["DEFAULT", "HOLIDAY", "WORKING_DAY"];
const TERMS_ID = "current";

/** A new timeline step of `appeal`; the caller fills the kind's fields and saves it. */
function newStep(event: ethereum.Event, appeal: string, kind: string): AppealEvent {
  const step = new AppealEvent(eventId(event));
  step.appeal = appeal;
  step.kind = kind;
  step.timestamp = event.block.timestamp;
  step.blockNumber = event.block.number;
  step.transactionHash = event.transaction.hash;
  return step;
}

function isPending(appeal: Appeal): boolean {
  return appeal.state == "FILED" || appeal.state == "FORWARDED" || appeal.state == "EXTENDED";
}

/** The appeal `appealId` if the store has it and it is pending; else null, with a warning naming `step`. */
function pendingAppeal(event: ethereum.Event, appealId: BigInt, step: string): Appeal | null {
  const id = appealId.toString();
  const appeal = Appeal.load(id);
  if (appeal == null || !isPending(appeal)) {
    skipEvent(event, step + " of appeal " + id + ", which is unknown or no longer pending");
    return null;
  }
  return appeal;
}

export function handleAppealFiled(event: AppealFiled): void {
  const p = event.params;
  const id = p.appealId.toString();
  if (Appeal.load(id) != null) {
    skipEvent(event, "appeal " + id + " filed twice");
    return;
  }
  if (p.kind < 0 || p.kind >= APPEAL_SUBJECT_KINDS.length) {
    skipEvent(event, "appeal " + id + " of unknown subject kind " + p.kind.toString());
    return;
  }
  const appeal = new Appeal(id);
  appeal.appealId = p.appealId;
  appeal.kind = APPEAL_SUBJECT_KINDS[p.kind];
  appeal.subjectId = p.subject;
  if (appeal.kind == "DOCUMENT") {
    const document = Document.load(uint256ToBytes32Hex(p.subject));
    if (document != null) appeal.document = document.id;
    else skipEvent(event, "unknown document " + uint256ToBytes32Hex(p.subject) + " (appeal " + id + " kept, not linked)");
  } else {
    const proposal = Proposal.load(p.subject.toString());
    if (proposal != null) appeal.proposal = proposal.id;
    else skipEvent(event, "unknown proposal " + p.subject.toString() + " (appeal " + id + " kept, not linked)");
  }
  appeal.filer = p.filer;
  appeal.respondent = p.respondent;
  appeal.firstRespondent = p.respondent;
  appeal.bodyDigest = p.bodyDigest;
  appeal.state = "FILED";
  appeal.filedAt = event.block.timestamp;
  appeal.filedTx = event.transaction.hash;
  appeal.dueAt = p.dueAt;
  appeal.extended = false;
  appeal.followUpCount = 0;
  appeal.save();

  const step = newStep(event, id, "FILED");
  step.digest = p.bodyDigest;
  step.toRespondent = p.respondent;
  step.dueAt = p.dueAt;
  step.save();
}

export function handleAppealForwarded(event: AppealForwarded): void {
  const p = event.params;
  const appeal = Appeal.load(p.appealId.toString());
  // Only a newly filed appeal may be forwarded, once (IAppeals: states only move forward).
  if (appeal == null || appeal.state != "FILED") {
    skipEvent(event, "forwarding of appeal " + p.appealId.toString() + ", which is unknown or not newly filed");
    return;
  }
  appeal.state = "FORWARDED";
  appeal.respondent = p.to;
  appeal.dueAt = p.dueAt;
  appeal.save();

  const step = newStep(event, appeal.id, "FORWARDED");
  step.digest = p.reasonDigest;
  step.fromRespondent = p.from;
  step.toRespondent = p.to;
  step.dueAt = p.dueAt;
  step.save();
}

export function handleAppealExtended(event: AppealExtended): void {
  const p = event.params;
  const appeal = pendingAppeal(event, p.appealId, "extension");
  if (appeal == null) return;
  if (appeal.extended) {
    skipEvent(event, "second extension of appeal " + appeal.id);
    return;
  }
  appeal.state = "EXTENDED";
  appeal.extended = true;
  appeal.dueAt = p.dueAt;
  appeal.save();

  const step = newStep(event, appeal.id, "EXTENDED");
  step.digest = p.reasonDigest;
  step.dueAt = p.dueAt;
  step.save();
}

export function handleAppealAnswered(event: AppealAnswered): void {
  const p = event.params;
  if (p.outcome < 1 || p.outcome >= APPEAL_OUTCOMES.length) {
    skipEvent(event, "answer to appeal " + p.appealId.toString() + " with unknown outcome " + p.outcome.toString());
    return;
  }
  const appeal = pendingAppeal(event, p.appealId, "answer");
  if (appeal == null) return;
  const outcome = APPEAL_OUTCOMES[p.outcome];
  appeal.state = "ANSWERED";
  appeal.outcome = outcome;
  appeal.answerDigest = p.answerDigest;
  appeal.answeredAt = event.block.timestamp;
  appeal.onTime = p.onTime;
  appeal.save();

  const step = newStep(event, appeal.id, "ANSWERED");
  step.digest = p.answerDigest;
  step.toRespondent = p.respondent;
  step.outcome = outcome;
  step.onTime = p.onTime;
  step.save();
}

export function handleAppealWithdrawn(event: AppealWithdrawn): void {
  const appeal = pendingAppeal(event, event.params.appealId, "withdrawal");
  if (appeal == null) return;
  appeal.state = "WITHDRAWN";
  appeal.withdrawnAt = event.block.timestamp;
  appeal.save();
  newStep(event, appeal.id, "WITHDRAWN").save();
}

export function handleAppealFollowedUp(event: AppealFollowedUp): void {
  const appeal = pendingAppeal(event, event.params.appealId, "follow-up");
  if (appeal == null) return;
  appeal.followUpCount = appeal.followUpCount + 1;
  appeal.save();

  const step = newStep(event, appeal.id, "FOLLOWED_UP");
  step.digest = event.params.bodyDigest;
  step.save();
}

export function handleAppealRemedyLinked(event: AppealRemedyLinked): void {
  const id = event.params.appealId.toString();
  const appeal = Appeal.load(id);
  // A remedy is linked once, to an answered appeal (in the answer's transaction or later).
  if (appeal == null || appeal.state != "ANSWERED" || appeal.remedyId !== null) {
    skipEvent(event, "remedy of appeal " + id + ", which is unknown, not answered or already remedied");
    return;
  }
  appeal.remedyId = event.params.remedy;
  appeal.save();

  const step = newStep(event, id, "REMEDY_LINKED");
  step.remedyId = event.params.remedy;
  step.save();
}

export function handleTermsSet(event: TermsSet): void {
  let terms = AppealTerms.load(TERMS_ID);
  if (terms == null) terms = new AppealTerms(TERMS_ID);
  terms.considerationDays = event.params.terms.considerationDays;
  terms.forwardDays = event.params.terms.forwardDays;
  terms.extensionLimitDays = event.params.terms.extensionLimitDays;
  terms.updatedAt = event.block.timestamp;
  terms.transactionHash = event.transaction.hash;
  terms.save();
}

export function handleDayKindSet(event: DayKindSet): void {
  const p = event.params;
  if (p.kind < 0 || p.kind >= DAY_KINDS.length) {
    skipEvent(event, "day " + p.day.toString() + " declared of unknown kind " + p.kind.toString());
    return;
  }
  const id = p.day.toString();
  let day = CalendarDay.load(id);
  if (day == null) {
    day = new CalendarDay(id);
    day.day = p.day;
  }
  day.kind = DAY_KINDS[p.kind];
  day.updatedAt = event.block.timestamp;
  day.transactionHash = event.transaction.hash;
  day.save();
}
