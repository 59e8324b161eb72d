/**
 * POST /api/metadata/decree — the metadata of a decree, law or budget of the central government (agency 0) that a
 * proposal will mint: co-signed with the Office of the Government's key (core/src/cosignature.ts coSigningAgencyId),
 * stored, and its digests returned for the proposal's DocumentRegistry.issue action — what
 * `npm run gov -- propose mint-decree` does. Answers 501 where no demo key may co-sign (see lib/co-signed-metadata.ts).
 */
import type { NextResponse } from "next/server";
import { z } from "zod";

import { coSignAndStore, commonMetadataFields } from "@/lib/co-signed-metadata";
import { CENTRAL_GOVERNMENT, ENACTED_DOC_TYPES } from "@/utils/proposal-actions";

const requestSchema = z.strictObject({ ...commonMetadataFields, type: z.enum(ENACTED_DOC_TYPES) });

export function POST(request: Request): Promise<NextResponse> {
  return coSignAndStore(request, requestSchema, (input) => ({ ...input, agency: { id: CENTRAL_GOVERNMENT.id, name: CENTRAL_GOVERNMENT.name } }));
}
