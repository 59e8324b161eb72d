// The history of the council's rules: every change of a Governor or Timelock setting, with the proposal that made it.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { and, eq } from "ponder";
import { z } from "zod";

import { columnsOf } from "@government-dao/core/api/fields";
import { COUNCIL_SETTINGS, settingChangeSchema } from "@government-dao/core/api/settings";

import { sendList } from "../formats.js";
import { decodeCursor, encodeCursor, keyset, listQuery } from "../pagination.js";
import { plainRow } from "../rows.js";

export { COUNCIL_SETTINGS };
export const SETTING_CHANGE_COLUMNS = columnsOf(settingChangeSchema);
export const SETTINGS_LIST = { name: "settingChanges", item: "settingChange", columns: SETTING_CHANGE_COLUMNS } as const;

const settingsQuery = listQuery.extend({ setting: z.enum(COUNCIL_SETTINGS).optional() });

export const settings = new Hono().get("/settings-history", async (c) => {
  const q = settingsQuery.parse(c.req.query());
  const s = schema.settingChange;
  const page = keyset(s.blockNumber, s.id, decodeCursor(q.cursor), { key: BigInt, id: String });
  // The proposal that changed a setting is the one whose execution transaction emitted the change.
  const rows = await db
    .select({ change: s, proposalId: schema.proposal.id })
    .from(s)
    .leftJoin(schema.proposal, eq(schema.proposal.executedTx, s.transactionHash))
    .where(and(q.setting ? eq(s.setting, q.setting) : undefined, page.after))
    .orderBy(...page.order)
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  const next = rows.length > q.limit && last ? encodeCursor({ key: last.change.blockNumber.toString(), id: last.change.id }) : null;
  return sendList(c, SETTINGS_LIST, q.format, items.map((r) => plainRow({ ...r.change, proposalId: r.proposalId })), next);
});
