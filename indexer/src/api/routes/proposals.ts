// Proposals: list; one proposal with decoded actions, tallies, votes with reasons and its timeline.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { and, asc, eq } from "ponder";
import { z } from "zod";

import { notFound } from "../errors.js";
import { cell, sendList } from "../formats.js";
import { decodeCursor, encodeCursor, keyset, listQuery } from "../pagination.js";
import { PROPOSAL_COLUMNS, plainRow, proposalRow, voteRow } from "../rows.js";

/** The states a proposal can have here (openapi.ts documents the same list). */
export const PROPOSAL_STATES = ["CREATED", "QUEUED", "EXECUTED", "CANCELED"] as const;
const proposalsQuery = listQuery.extend({ state: z.enum(PROPOSAL_STATES).optional() });
const proposalId = z.string().regex(/^\d{1,78}$/, "a decimal proposal id").transform(BigInt);

export const PROPOSALS_LIST = { name: "proposals", item: "proposal", columns: PROPOSAL_COLUMNS } as const;

export const proposals = new Hono()
  .get("/proposals", async (c) => {
    const q = proposalsQuery.parse(c.req.query());
    const p = schema.proposal;
    const page = keyset(p.createdBlock, p.id, decodeCursor(q.cursor), { key: BigInt, id: BigInt });
    const rows = await db
      .select()
      .from(p)
      .where(and(q.state ? eq(p.state, q.state) : undefined, page.after))
      .orderBy(...page.order)
      .limit(q.limit + 1);
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    const next = rows.length > q.limit && last ? encodeCursor({ key: last.createdBlock.toString(), id: last.id.toString() }) : null;
    return sendList(c, PROPOSALS_LIST, q.format, items.map(proposalRow), next);
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
    return c.json({
      proposal: proposalRow(p),
      actions: actions.map((a) => ({ ...plainRow(a), arguments: a.arguments })),
      votes: votes.map(voteRow),
      timeline,
    });
  });
