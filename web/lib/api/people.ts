/** Officials (seats) and agencies (with their registrars). Shapes: @government-dao/core/api/people. */
import { type ApiAgency, type ApiOfficial, type OfficialDetail, agencyPageSchema, officialDetailSchema, officialPageSchema } from "@government-dao/core/api/people";

import { getJson } from "./client";

export type { ApiAgency, ApiOfficial, OfficialDetail } from "@government-dao/core/api/people";

export async function listOfficials(): Promise<ApiOfficial[]> {
  return (await getJson("/officials", officialPageSchema)).items;
}

export async function listAgencies(): Promise<ApiAgency[]> {
  return (await getJson("/agencies", agencyPageSchema)).items;
}

/** One official with every vote (throws ApiNotFound for an account that never held a seat). */
export const getOfficial = (address: string): Promise<OfficialDetail> => getJson(`/officials/${address}`, officialDetailSchema);
