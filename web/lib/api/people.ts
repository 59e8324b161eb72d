/** Officials (seats) and agencies (with their registrars). Shapes: @government-dao/core/api/people. */
import { type AgencyDetail, type ApiAgency, type ApiOfficial, type OfficialDetail, agencyDetailSchema, agencyPageSchema, officialDetailSchema, officialPageSchema } from "@government-dao/core/api/people";

import { getJson } from "./client";

export type { AgencyDetail, ApiAgency, ApiOfficial, OfficialDetail } from "@government-dao/core/api/people";

export async function listOfficials(): Promise<ApiOfficial[]> {
  return (await getJson("/officials", officialPageSchema)).items;
}

export async function listAgencies(): Promise<ApiAgency[]> {
  return (await getJson("/agencies", agencyPageSchema)).items;
}

/** One official with every vote (throws ApiNotFound for an account that never held a seat). */
export const getOfficial = (address: string): Promise<OfficialDetail> => getJson(`/officials/${address}`, officialDetailSchema);

/** One agency of the registry (throws ApiNotFound for an id it never registered). */
export const getAgency = (id: string): Promise<AgencyDetail> => getJson(`/agencies/${id}`, agencyDetailSchema);
