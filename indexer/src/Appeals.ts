// Appeals: each appeal as it stands, its timeline, the day counts and the declared calendar days. Mirrors
// subgraph/src/appeals.ts so both stores hold the same rows.
import { ponder } from "ponder:registry";
import { appeal, appealEvent, appealTerms, calendarDay, document, proposal } from "ponder:schema";

import { APPEAL_EVENT_KINDS, APPEAL_KINDS, APPEAL_OUTCOMES } from "@government-dao/core/api/appeal";

import { type Db, type EventMeta, eventId, lower, skipEvent, uint256ToBytes32Hex } from "./utils/common.js";

type Appeal = typeof appeal.$inferSelect;
type Outcome = (typeof APPEAL_OUTCOMES)[number];

const DAY_KINDS = ["DEFAULT", "HOLIDAY", "WORKING_DAY"] as const;

/** The contract's Outcome (1 Upheld, 2 PartlyUpheld, 3 Rejected) as the API's code. */
const outcomeOf = (value: number): Outcome | null => APPEAL_OUTCOMES[value - 1] ?? null;

/** Applies `change` to appeal `id`, or logs why the event is skipped (an appeal the store never saw). */
async function updateAppeal(db: Db, event: EventMeta, id: bigint, change: (a: Appeal) => Partial<Appeal>): Promise<boolean> {
  const existing = await db.find(appeal, { id });
  if (existing === null) {
    skipEvent(event, `appeal ${id} was never filed`);
    return false;
  }
  await db.update(appeal, { id }).set(change(existing));
  return true;
}

interface Step {
  kind: (typeof APPEAL_EVENT_KINDS)[number];
  digest?: `0x${string}`;
  fromRespondent?: bigint;
  toRespondent?: bigint;
  dueAt?: bigint;
  outcome?: Outcome | null;
  onTime?: boolean;
  remedyId?: bigint;
}

async function addStep(db: Db, event: EventMeta, appealId: bigint, step: Step): Promise<void> {
  await db.insert(appealEvent).values({
    id: eventId(event),
    appealId,
    kind: step.kind,
    digest: step.digest === undefined ? null : lower(step.digest),
    fromRespondent: step.fromRespondent ?? null,
    toRespondent: step.toRespondent ?? null,
    dueAt: step.dueAt ?? null,
    outcome: step.outcome ?? null,
    onTime: step.onTime ?? null,
    remedyId: step.remedyId ?? null,
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
  });
}

ponder.on("Appeals:AppealFiled", async ({ event, context }) => {
  const { appealId, kind, subject, filer, respondent, bodyDigest, dueAt } = event.args;
  const subjectKind = APPEAL_KINDS[kind] ?? "DOCUMENT";
  const documentId = uint256ToBytes32Hex(subject);
  const known = {
    documentId: subjectKind === "DOCUMENT" && (await context.db.find(document, { id: documentId })) !== null ? documentId : null,
    proposalId: subjectKind === "PROPOSAL" && (await context.db.find(proposal, { id: subject })) !== null ? subject : null,
  };
  await context.db.insert(appeal).values({
    id: appealId,
    appealId,
    kind: subjectKind,
    subjectId: subject,
    ...known,
    filer: lower(filer),
    respondent: BigInt(respondent),
    firstRespondent: BigInt(respondent),
    bodyDigest: lower(bodyDigest),
    state: "FILED",
    filedAt: event.block.timestamp,
    filedTx: event.transaction.hash,
    dueAt: BigInt(dueAt),
    extended: false,
    outcome: null,
    answerDigest: null,
    answeredAt: null,
    onTime: null,
    withdrawnAt: null,
    remedyId: null,
    followUpCount: 0,
  });
  await addStep(context.db, event, appealId, { kind: "FILED", digest: bodyDigest, toRespondent: BigInt(respondent), dueAt: BigInt(dueAt) });
});

ponder.on("Appeals:AppealForwarded", async ({ event, context }) => {
  const { appealId, from, to, reasonDigest, dueAt } = event.args;
  if (!(await updateAppeal(context.db, event, appealId, () => ({ state: "FORWARDED", respondent: BigInt(to), dueAt: BigInt(dueAt) })))) return;
  await addStep(context.db, event, appealId, { kind: "FORWARDED", digest: reasonDigest, fromRespondent: BigInt(from), toRespondent: BigInt(to), dueAt: BigInt(dueAt) });
});

ponder.on("Appeals:AppealExtended", async ({ event, context }) => {
  const { appealId, reasonDigest, dueAt } = event.args;
  if (!(await updateAppeal(context.db, event, appealId, () => ({ state: "EXTENDED", extended: true, dueAt: BigInt(dueAt) })))) return;
  await addStep(context.db, event, appealId, { kind: "EXTENDED", digest: reasonDigest, dueAt: BigInt(dueAt) });
});

ponder.on("Appeals:AppealAnswered", async ({ event, context }) => {
  const { appealId, respondent, outcome, answerDigest, onTime } = event.args;
  const verdict = outcomeOf(outcome);
  const answered = await updateAppeal(context.db, event, appealId, () => ({
    state: "ANSWERED",
    outcome: verdict,
    answerDigest: lower(answerDigest),
    answeredAt: event.block.timestamp,
    onTime,
  }));
  if (!answered) return;
  await addStep(context.db, event, appealId, { kind: "ANSWERED", digest: answerDigest, toRespondent: BigInt(respondent), outcome: verdict, onTime });
});

ponder.on("Appeals:AppealWithdrawn", async ({ event, context }) => {
  const { appealId } = event.args;
  if (!(await updateAppeal(context.db, event, appealId, () => ({ state: "WITHDRAWN", withdrawnAt: event.block.timestamp })))) return;
  await addStep(context.db, event, appealId, { kind: "WITHDRAWN" });
});

ponder.on("Appeals:AppealFollowedUp", async ({ event, context }) => {
  const { appealId, bodyDigest } = event.args;
  if (!(await updateAppeal(context.db, event, appealId, (a) => ({ followUpCount: a.followUpCount + 1 })))) return;
  await addStep(context.db, event, appealId, { kind: "FOLLOWED_UP", digest: bodyDigest });
});

ponder.on("Appeals:AppealRemedyLinked", async ({ event, context }) => {
  const { appealId, remedy } = event.args;
  if (!(await updateAppeal(context.db, event, appealId, () => ({ remedyId: remedy })))) return;
  await addStep(context.db, event, appealId, { kind: "REMEDY_LINKED", remedyId: remedy });
});

ponder.on("Appeals:TermsSet", async ({ event, context }) => {
  const { considerationDays, forwardDays, extensionLimitDays } = event.args.terms;
  const row = { considerationDays, forwardDays, extensionLimitDays, updatedAt: event.block.timestamp, transactionHash: event.transaction.hash };
  await context.db.insert(appealTerms).values({ id: "current", ...row }).onConflictDoUpdate(row);
});

ponder.on("Appeals:DayKindSet", async ({ event, context }) => {
  const { day, kind } = event.args;
  const row = { day, kind: DAY_KINDS[kind] ?? "DEFAULT", updatedAt: event.block.timestamp, transactionHash: event.transaction.hash };
  await context.db.insert(calendarDay).values({ id: day, ...row }).onConflictDoUpdate(row);
});
