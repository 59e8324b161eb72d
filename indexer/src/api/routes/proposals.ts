// Proposals: list; one proposal with the Governor's state, decoded actions with their sentences, tallies, votes with
// reasons and its timeline.
//
// States: the stored `state` is event-derived (CREATED, QUEUED, EXECUTED, CANCELED, as the subgraph's). The
// Governor's eight states depend on the clock (Active → Defeated happens without an event), so they are computed per
// answer at the indexed head (governor-state.ts). `?state=` takes either kind: an event-derived one filters in SQL;
// a Governor state is computed row by row while the list is walked in its keyset order (createdBlock desc, id desc)
// in batches, until `limit + 1` rows match; the cursor is the last row served, so pages never skip or repeat a row.
// Proposals are few (each needs a council vote), so walking them is cheap.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { and, asc, eq } from "ponder";
import { z } from "zod";

import { PROPOSAL_STATES as GOVERNOR_STATES, type ProposalStateName, isProposalStateName } from "@government-dao/core/proposal-state";
import { notFound } from "../errors.js";
import { cell, sendList } from "../formats.js";
import { governorStates, stateClock } from "../governor-state.js";
import { decodeCursor, encodeCursor, keyset, listQuery } from "../pagination.js";
import { PROPOSAL_COLUMNS, proposalRow, voteRow } from "../rows.js";

/** The event-derived states a proposal row has (openapi.ts documents the same list). */
export const PROPOSAL_STATES = ["CREATED", "QUEUED", "EXECUTED", "CANCELED"] as const;
/** What `?state=` accepts: an event-derived state or one of the Governor's eight. */
export const PROPOSAL_FILTER_STATES = [...PROPOSAL_STATES, ...GOVERNOR_STATES] as const;
const proposalsQuery = listQuery.extend({ state: z.enum(PROPOSAL_FILTER_STATES).optional() });
/** Rows read per step while walking the list for a Governor state. */
const WALK_BATCH = 200;
const proposalId = z.string().regex(/^\d{1,78}$/, "a decimal proposal id").transform(BigInt);

export const PROPOSALS_LIST = { name: "proposals", item: "proposal", columns: PROPOSAL_COLUMNS } as const;

export const proposals = new Hono()
  .get("/proposals", async (c) => {
    const q = proposalsQuery.parse(c.req.query());
    const p = schema.proposal;
    const clock = await stateClock();
    const wanted: ProposalStateName | undefined = q.state !== undefined && isProposalStateName(q.state) ? q.state : undefined;
    const eventState = q.state !== undefined && !isProposalStateName(q.state) ? q.state : undefined;
    type Row = typeof p.$inferSelect;
    const matched: { row: Row; state: ProposalStateName }[] = [];
    let cursor = decodeCursor(q.cursor);
    for (;;) {
      const page = keyset(p.createdBlock, p.id, cursor, { key: BigInt, id: BigInt });
      const batch = wanted === undefined ? q.limit + 1 : WALK_BATCH;
      const rows = await db
        .select()
        .from(p)
        .where(and(eventState ? eq(p.state, eventState) : undefined, page.after))
        .orderBy(...page.order)
        .limit(batch);
      const states = await governorStates(rows, clock);
      for (const row of rows) {
        const state = states.get(row.id) ?? "Pending";
        if (wanted === undefined || state === wanted) matched.push({ row, state });
        if (matched.length > q.limit) break;
      }
      const last = rows.at(-1);
      if (matched.length > q.limit || rows.length < batch || last === undefined) break;
      cursor = { key: last.createdBlock.toString(), id: last.id.toString() };
    }
    const items = matched.slice(0, q.limit);
    const last = items.at(-1)?.row;
    const next = matched.length > q.limit && last ? encodeCursor({ key: last.createdBlock.toString(), id: last.id.toString() }) : null;
    return sendList(c, PROPOSALS_LIST, q.format, items.map((m) => proposalRow(m.row, m.state)), next);
  })
  .get("/proposals/:id", async (c) => {
    const id = proposalId.parse(c.req.param("id"));
    const [p] = await db.select().from(schema.proposal).where(eq(schema.proposal.id, id)).limit(1);
    if (p === undefined) throw notFound(`proposal ${id}`);
    const actions = await db.select().from(schema.proposalAction).where(eq(schema.proposalAction.proposalId, id)).orderBy(asc(schema.proposalAction.index));
    const votes = await db.select().from(schema.vote).where(eq(schema.vote.proposalId, id)).orderBy(asc(schema.vote.blockNumber), asc(schema.vote.id));
    const timeline = [
      { event: "created", timestamp: cell(p.createdAt), transactionHash: p.createdTx },
      { event: "votingStarts", timestamp: cell(p.voteStart) },
      ...votes.map((v) => ({ event: "vote", timestamp: cell(v.timestamp), voter: v.voter, support: v.support, transactionHash: v.transactionHash })),
      ...(p.extendedDeadline !== null ? [{ event: "votingExtended", timestamp: cell(p.extendedDeadline) }] : []),
      { event: "votingEnds", timestamp: cell(p.voteEnd) },
      ...(p.queuedAt !== null ? [{ event: "queued", timestamp: cell(p.queuedAt), eta: cell(p.eta) }] : []),
      ...(p.executedAt !== null ? [{ event: "executed", timestamp: cell(p.executedAt), transactionHash: p.executedTx }] : []),
      ...(p.canceledAt !== null ? [{ event: "canceled", timestamp: cell(p.canceledAt) }] : []),
    ];
    const clock = await stateClock();
    const state = (await governorStates([p], clock)).get(p.id) ?? "Pending";
    return c.json({
      proposal: proposalRow(p, state),
      state,
      indexedBlock: { number: cell(clock.head.number), timestamp: cell(clock.head.timestamp) },
      actions: actions.map((a) => ({
        id: a.id,
        proposalId: cell(a.proposalId),
        index: a.index,
        target: a.target,
        targetContract: a.targetContract,
        value: cell(a.value),
        calldata: a.calldata,
        selector: a.selector,
        signature: a.signature,
        arguments: a.arguments,
        args: a.args === null ? null : (JSON.parse(a.args) as unknown),
        decodeError: a.decodeError,
        sentence: { en: a.sentenceEn, ru: a.sentenceRu, kk: a.sentenceKk },
      })),
      votes: votes.map(voteRow),
      timeline,
    });
  });
