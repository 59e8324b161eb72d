// The history of the council's rules: every change of a Governor or Timelock setting, with the proposal that made it.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { and, eq } from "ponder";
import { z } from "zod";

import { sendList } from "../formats.js";
import { decodeCursor, encodeCursor, keyset, listQuery } from "../pagination.js";
import { plainRow } from "../rows.js";

/** The settings governance can change (ponder.schema.ts `councilSetting`). */
export const COUNCIL_SETTINGS = schema.settingChange.setting.enumValues;
export const SETTING_CHANGE_COLUMNS = [
  "id", "setting", "contract", "oldValue", "newValue", "proposalId", "sender", "timestamp", "blockNumber", "transactionHash", "logIndex",
] as const;
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
