/** The open-data snapshots anchored on chain (newest first). Shape: @government-dao/core/api/snapshot. */
import { type SnapshotList, snapshotListSchema } from "@government-dao/core/api/snapshot";

import { getJson } from "./client";

/** A page of `limit` snapshots, from the first or after `cursor` (a previous page's nextCursor). */
export const getSnapshots = (limit: number, cursor?: string): Promise<SnapshotList> =>
  getJson("/snapshots", snapshotListSchema, { limit: String(limit), ...(cursor === undefined ? {} : { cursor }) });
