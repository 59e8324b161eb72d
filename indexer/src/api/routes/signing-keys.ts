// The services' signing keys: every key the SigningKeyRegistry registered (all purposes, retired ones included).
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { asc } from "ponder";

import { columnsOf } from "@government-dao/core/api/fields";
import { signingKeyRowSchema } from "@government-dao/core/api/signing-keys";

import { sendList } from "../formats.js";
import { listQuery } from "../pagination.js";
import { plainRow } from "../rows.js";

export const SIGNING_KEY_COLUMNS = columnsOf(signingKeyRowSchema);
export const SIGNING_KEYS_LIST = { name: "signingKeys", item: "signingKey", columns: SIGNING_KEY_COLUMNS } as const;

/** A small list (keys are registered by proposal, a handful in a deployment's life): one page, no cursor. */
export const signingKeys = new Hono().get("/signing-keys", async (c) => {
  const q = listQuery.parse(c.req.query());
  const keys = await db.select().from(schema.signingKey).orderBy(asc(schema.signingKey.id));
  return sendList(c, SIGNING_KEYS_LIST, q.format, keys.map(plainRow), null);
});
