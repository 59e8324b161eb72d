// The audit log of power (every role change, chain order) and the digital auditor's flags.
import { readFile } from "node:fs/promises";

import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { z } from "zod";

import { roleChangeSchema } from "@government-dao/core/api/audit";
import { columnsOf } from "@government-dao/core/api/fields";
import { type FlagsAnswer, flagRow, flagRowSchema, flagsFileSchema } from "@government-dao/core/api/flags";

import { flagsFile } from "../context.js";
import { ApiError } from "../errors.js";
import { sendList } from "../formats.js";
import { decodeCursor, encodeCursor, keyset, listQuery } from "../pagination.js";
import { plainRow } from "../rows.js";

export const ROLE_CHANGE_COLUMNS = columnsOf(roleChangeSchema);
export const FLAG_COLUMNS = columnsOf(flagRowSchema);
export const AUDIT_LIST = { name: "roleChanges", item: "roleChange", columns: ROLE_CHANGE_COLUMNS } as const;
export const FLAGS_LIST = { name: "flags", item: "flag", columns: FLAG_COLUMNS } as const;

/** The file the auditor (scripts/agent.ts) writes (its shape: core's flagsFileSchema). */
export const flagsDocument = flagsFileSchema;

export const audit = new Hono()
  .get("/audit-log", async (c) => {
    const q = listQuery.parse(c.req.query());
    const r = schema.roleChange;
    // (block, id) keyset; ids "txhash-logIndex" order within a block is by id, which is stable.
    const page = keyset(r.blockNumber, r.id, decodeCursor(q.cursor), { key: BigInt, id: String });
    const rows = await db.select().from(r).where(page.after).orderBy(...page.order).limit(q.limit + 1);
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    const next = rows.length > q.limit && last ? encodeCursor({ key: last.blockNumber.toString(), id: last.id }) : null;
    return sendList(c, AUDIT_LIST, q.format, items.map(plainRow), next);
  })
  .get("/flags", async (c) => {
    const q = listQuery.parse(c.req.query());
    let raw: string | null = null;
    try {
      raw = await readFile(flagsFile, "utf8");
    } catch {
      raw = null; // no auditor run yet: an empty list
    }
    let parsed: z.infer<typeof flagsDocument> | null = null;
    if (raw !== null) {
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new ApiError(502, "flags_unreadable", "the auditor's flags file is not JSON");
      }
      const result = flagsDocument.safeParse(json);
      if (!result.success) throw new ApiError(502, "flags_unreadable", "the auditor's flags file does not match its schema");
      parsed = result.data;
    }
    const flags = parsed?.flags ?? [];
    if (q.format !== "json") {
      return sendList(c, FLAGS_LIST, q.format, flags.map(flagRow), null);
    }
    const answer: FlagsAnswer = {
      generatedAt: parsed?.generatedAt ?? null,
      asOf: parsed?.asOf ?? null,
      chainId: parsed?.chainId ?? null,
      block: parsed?.block ?? null,
      rules: parsed?.rules ?? [],
      items: flags,
      nextCursor: null,
    };
    return c.json(answer);
  });
