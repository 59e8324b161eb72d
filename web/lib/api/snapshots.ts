/** The open-data snapshots anchored on chain (newest first). Shape: @government-dao/core/api/snapshot. */
import { type SnapshotList, snapshotListSchema } from "@government-dao/core/api/snapshot";

import { getJson } from "./client";

export const getSnapshots = (limit: number): Promise<SnapshotList> => getJson("/snapshots", snapshotListSchema, { limit: String(limit) });
