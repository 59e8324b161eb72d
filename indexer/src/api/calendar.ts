// The deadlines of the chain as an iCalendar feed (RFC 5545, written by ical-generator): when each proposal's vote
// ends, when a queued proposal becomes executable (the Timelock ETA), when each budget milestone is due, and when the
// state must answer each appeal. Times are the chain's (UTC); DTSTAMP is the indexed head's block time, so the feed
// changes only when the chain does. Each event is an instant (no DTEND); links come from PUBLIC_URL.
import ical, { ICalCalendarMethod } from "ical-generator";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { desc, inArray } from "ponder";

import { currencyOf, decimalAmount } from "@government-dao/core/currency";
import { splitProposalDescription } from "@government-dao/core/proposal-description";

import { deployment, digitalTenge, publicUrl } from "./context.js";
import { type StateClock, governorStates } from "./governor-state.js";

/** Events per kind: the newest proposals, milestones and appeals (older deadlines are history, in the lists). */
export const CALENDAR_SIZE = 200;

const at = (seconds: bigint): Date => new Date(Number(seconds) * 1000);

/** One deadline of the calendar. */
export interface Deadline {
  uid: string;
  time: bigint;
  summary: string;
  description: string;
  url: string;
}

async function proposalDeadlines(clock: StateClock): Promise<Deadline[]> {
  const p = schema.proposal;
  const rows = await db.select().from(p).orderBy(desc(p.createdBlock), desc(p.id)).limit(CALENDAR_SIZE);
  const states = await governorStates(rows, clock);
  return rows.flatMap((row) => {
    const title = splitProposalDescription(row.description).title || `Proposal ${row.id}`;
    const state = states.get(row.id) ?? row.state;
    const url = `${publicUrl}/api/v1/proposals/${row.id}`;
    const tally = `for ${row.forVotes}, against ${row.againstVotes}, abstain ${row.abstainVotes} seat(s)`;
    const out: Deadline[] = [];
    if (row.canceledAt === null) {
      out.push({ uid: `proposal-${row.id}-voting-ends`, time: row.extendedDeadline ?? row.voteEnd, summary: `Voting ends: ${title}`, description: `Proposal ${row.id}, ${state}; ${tally}.`, url });
    }
    if (row.eta !== null && row.eta > 0n) {
      out.push({ uid: `proposal-${row.id}-executable`, time: row.eta, summary: `Executable (Timelock): ${title}`, description: `Proposal ${row.id}, ${state}: anyone can execute it from this time.`, url });
    }
    return out;
  });
}

async function milestoneDeadlines(): Promise<Deadline[]> {
  const m = schema.milestone;
  const rows = await db.select().from(m).orderBy(desc(m.deadline), desc(m.id)).limit(CALENDAR_SIZE);
  const ids = [...new Set(rows.map((r) => r.allocationId))];
  const allocations = ids.length === 0 ? [] : await db.select({ id: schema.allocation.id, tokenId: schema.allocation.tokenId, recipient: schema.allocation.recipient }).from(schema.allocation).where(inArray(schema.allocation.id, ids));
  const byId = new Map(allocations.map((a) => [a.id, a]));
  return rows.map((row) => {
    const allocation = byId.get(row.allocationId);
    const currency = currencyOf(allocation?.tokenId ?? "", digitalTenge);
    return {
      uid: `milestone-${row.allocationId}-${row.index}-due`,
      time: row.deadline,
      summary: `Milestone ${row.index + 1} of allocation ${row.allocationId} due: ${decimalAmount(row.amount, currency.decimals)} ${currency.code}`,
      description: `${row.status.toLowerCase()}; to ${allocation?.recipient ?? "?"}; description sha-256 ${row.descriptionHash}.`,
      url: `${publicUrl}/api/v1/budget/allocations/${row.allocationId}`,
    };
  });
}

async function appealDeadlines(): Promise<Deadline[]> {
  const a = schema.appeal;
  const rows = await db.select().from(a).orderBy(desc(a.dueAt), desc(a.id)).limit(CALENDAR_SIZE);
  return rows.map((row) => ({
    uid: `appeal-${row.appealId}-answer-due`,
    time: row.dueAt,
    summary: `Answer due: appeal ${row.appealId} to ${row.respondent === 0n ? "the council" : `agency ${row.respondent}`}`,
    description: `${row.state.toLowerCase().replace("_", " ")}; against ${row.kind.toLowerCase()} ${row.documentId ?? row.proposalId ?? row.subjectId}${row.onTime === false ? "; answered late" : ""}.`,
    url: `${publicUrl}/api/v1/appeals/${row.appealId}`,
  }));
}

/** Every deadline of the calendar, soonest first (proposals' states at `clock`, the indexed head). */
export async function deadlines(clock: StateClock): Promise<Deadline[]> {
  const all = (await Promise.all([proposalDeadlines(clock), milestoneDeadlines(), appealDeadlines()])).flat();
  return all.sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : x.uid.localeCompare(y.uid)));
}

/** The calendar text (text/calendar) of `events`, stamped with the indexed head's time `headTime` (unix seconds). */
export function renderCalendar(events: readonly Deadline[], headTime: bigint): string {
  const domain = `${deployment.chainId}.${deployment.contracts.DocumentRegistry.address.toLowerCase()}.government-dao`;
  const calendar = ical({
    name: "Government DAO: deadlines",
    description: "Votes ending, Timelock ETAs, budget milestones and appeal answers due, from the chain",
    prodId: { company: "Government DAO", product: "public API", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    source: `${publicUrl}/api/v1/feeds/deadlines.ics`,
  });
  for (const event of events) {
    calendar.createEvent({ id: `${event.uid}@${domain}`, start: at(event.time), stamp: at(headTime), summary: event.summary, description: event.description, url: event.url });
  }
  return calendar.toString();
}
