/** Officials (seats) and agencies (with their registrars). Shapes: @government-dao/core/api/people. */
import { type ApiAgency, type ApiOfficial, agencyPageSchema, officialPageSchema } from "@government-dao/core/api/people";

import { getJson } from "./client";

export type { ApiAgency, ApiOfficial } from "@government-dao/core/api/people";

export async function listOfficials(): Promise<ApiOfficial[]> {
  return (await getJson("/officials", officialPageSchema)).items;
}

export async function listAgencies(): Promise<ApiAgency[]> {
  return (await getJson("/agencies", agencyPageSchema)).items;
}
