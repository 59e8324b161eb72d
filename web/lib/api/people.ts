/** Officials (seats) and agencies (with their registrars). */
import { z } from "zod";

import { getJson } from "./client";
import { dec, decOrNull, hex, hexOrNull, page } from "./schemas";

const officialSchema = z.object({
  id: z.string(),
  address: hex,
  seated: z.boolean(),
  seatId: decOrNull,
  agencyId: decOrNull,
  position: z.number().int().nullable(),
  since: decOrNull,
  revokedAt: decOrNull,
  termCount: z.number().int(),
});
export type ApiOfficial = z.infer<typeof officialSchema>;

const registrarSchema = z.object({ account: hex, active: z.boolean(), addedAt: dec, removedAt: decOrNull });

const agencySchema = z.object({
  id: dec,
  registered: z.boolean(),
  name: z.string(),
  active: z.boolean(),
  pqKeyHash: hexOrNull,
  registrarCount: z.number().int(),
  documentsIssued: dec,
  documentsAmended: dec,
  documentsRevoked: dec,
  batchesAnchored: dec,
  batchDocumentsAnchored: dec,
  registrars: z.array(registrarSchema),
});
export type ApiAgency = z.infer<typeof agencySchema>;

export async function listOfficials(): Promise<ApiOfficial[]> {
  return (await getJson("/officials", page(officialSchema))).items;
}

export async function listAgencies(): Promise<ApiAgency[]> {
  return (await getJson("/agencies", page(agencySchema))).items;
}
