/**
 * POST /api/metadata — a registrar's document metadata, co-signed with the agency's key and stored (see
 * lib/co-signed-metadata.ts); returns the digests for the `issue` or `amend` transaction (an amendment's metadata
 * names the document it `supersedes`). Only the metadata travels here (hashes, titles, numbers, dates); the document
 * file never does. Answers 501 where no demo key may co-sign (anything but the local chain with dev accounts).
 */
import type { NextResponse } from "next/server";
import { z } from "zod";

import { coSignAndStore, commonMetadataFields, hex32 } from "@/lib/co-signed-metadata";

const requestSchema = z.strictObject({
  ...commonMetadataFields,
  type: z.enum(["order", "certificate", "notice"]),
  agency: z.strictObject({ id: z.number().int().min(1).max(0xffffffff), name: z.string().trim().min(1).max(200) }),
  /** The document a new version amends (DocumentRegistry.amend). */
  supersedes: hex32.optional(),
});

export function POST(request: Request): Promise<NextResponse> {
  return coSignAndStore(request, requestSchema, (input) => input);
}
