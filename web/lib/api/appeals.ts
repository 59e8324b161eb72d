/** Appeals: the list (newest first, filtered) and the statistics per body. Shapes: @government-dao/core/api/appeal. */
import { type ApiAppeal, type ApiAppealStats, appealPageSchema, appealStatsPageSchema } from "@government-dao/core/api/appeal";

import { getJson } from "./client";

export type { ApiAppeal, ApiAppealStats } from "@government-dao/core/api/appeal";

export interface AppealFilter {
  kind?: "DOCUMENT" | "PROPOSAL";
  /** The contested document's token id or proposal's id, decimal. */
  subject?: string;
  respondent?: string;
  overdue?: "true" | "false";
}

export async function listAppeals(filter: AppealFilter = {}, limit = 100): Promise<ApiAppeal[]> {
  return (await getJson("/appeals", appealPageSchema, { ...filter, limit: String(limit) })).items;
}

export async function appealStats(): Promise<ApiAppealStats[]> {
  return (await getJson("/appeals/stats", appealStatsPageSchema)).items;
}
