// Every action of every proposal as a flat row (an open-data list): the call, its decoding with typed arguments and
// what it does in kk, ru and en — the same values GET /proposals/{id} shows in `actions`.
//
// Order: the proposals newest first (createdBlock desc, proposal id desc), each proposal's actions in their order
// (index asc). The cursor is the last row served: its proposal's block and the action's id (`<proposalId>-<index>`).
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { and, asc, desc, eq, gt, lt, or } from "ponder";

import { type ApiActionRow, proposalActionRowSchema } from "@government-dao/core/api/proposal";
import { columnsOf } from "@government-dao/core/api/fields";

import { ApiError } from "../errors.js";
import { sendList } from "../formats.js";
import { decimal, decodeCursor, encodeCursor, listQuery } from "../pagination.js";

export const PROPOSAL_ACTIONS_LIST = { name: "proposalActions", item: "proposalAction", columns: columnsOf(proposalActionRowSchema) } as const;

const actionsQuery = listQuery.extend({ proposal: decimal("proposal", 78).optional() });

/** The position after which a page starts: the last row's proposal block, proposal id and action index. */
function afterCursor(text: string | undefined): { block: bigint; proposalId: bigint; index: number } | undefined {
  const cursor = decodeCursor(text);
  if (cursor === undefined) return undefined;
  const match = /^(\d{1,78})-(\d{1,6})$/.exec(cursor.id);
  if (!/^\d{1,20}$/.test(cursor.key) || match === null) throw new ApiError(400, "invalid_cursor", "cursor is not one this API issued");
  return { block: BigInt(cursor.key), proposalId: BigInt(match[1] ?? "0"), index: Number(match[2]) };
}

export const proposalActions = new Hono().get("/proposal-actions", async (c) => {
  const q = actionsQuery.parse(c.req.query());
  const a = schema.proposalAction;
  const p = schema.proposal;
  const after = afterCursor(q.cursor);
  const rows = await db
    .select({ action: a, createdAt: p.createdAt, createdBlock: p.createdBlock })
    .from(a)
    .innerJoin(p, eq(p.id, a.proposalId))
    .where(
      and(
        q.proposal !== undefined ? eq(a.proposalId, q.proposal) : undefined,
        after === undefined
          ? undefined
          : or(
              lt(p.createdBlock, after.block),
              and(eq(p.createdBlock, after.block), lt(a.proposalId, after.proposalId)),
              and(eq(p.createdBlock, after.block), eq(a.proposalId, after.proposalId), gt(a.index, after.index)),
            ),
      ),
    )
    .orderBy(desc(p.createdBlock), desc(a.proposalId), asc(a.index))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  const next = rows.length > q.limit && last ? encodeCursor({ key: last.createdBlock.toString(), id: `${last.action.proposalId}-${last.action.index}` }) : null;
  const row = ({ action, createdAt }: (typeof rows)[number]): ApiActionRow => ({
    proposalId: action.proposalId.toString(),
    index: action.index,
    proposedAt: createdAt.toString(),
    target: action.target,
    targetContract: action.targetContract,
    value: action.value.toString(),
    calldata: action.calldata,
    selector: action.selector,
    signature: action.signature,
    args: action.args,
    decodeError: action.decodeError,
    sentenceKk: action.sentenceKk,
    sentenceRu: action.sentenceRu,
    sentenceEn: action.sentenceEn,
  });
  return sendList(c, PROPOSAL_ACTIONS_LIST, q.format, items.map(row), next);
});
