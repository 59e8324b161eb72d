/** The API's audit log of power (GET /api/v1/audit-log): every change of who may do what, newest first. */
import { z } from "zod";

import { address, count, decimal, hash, hexBytes, pageOf } from "./fields.ts";

export const ROLE_CHANGE_KINDS = [
  "ROLE_GRANTED", "ROLE_REVOKED", "ROLE_ADMIN_CHANGED", "REGISTRAR_ADDED", "REGISTRAR_REMOVED", "SEAT_ISSUED", "SEAT_REVOKED",
  "SEAT_REASSIGNED", "AGENCY_ADDED", "AGENCY_RENAMED", "AGENCY_ACTIVE_SET", "AGENCY_KEY_ROTATED", "PROPOSAL_GUARDIAN_SET", "TIMELOCK_CHANGED",
  "SETTING_CHANGED", "SIGNING_KEY_REGISTERED", "SIGNING_KEY_RETIRED",
] as const;

/** One change of power (id: transaction hash - log index). */
export const roleChangeSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ROLE_CHANGE_KINDS),
    contract: address,
    role: hexBytes.nullable(),
    roleName: z.string().nullable(),
    account: address.nullable(),
    sender: address,
    agencyId: decimal.nullable(),
    seatId: decimal.nullable(),
    signingKeyId: decimal.nullable().meta({ description: "SIGNING_KEY_REGISTERED, SIGNING_KEY_RETIRED: the key's id (GET /signing-keys)" }),
    detail: z.string().nullable(),
    timestamp: decimal,
    blockNumber: decimal,
    transactionHash: hash,
    logIndex: count,
  })
  .meta({ description: "One change of who may do what (roles, registrars, seats, agencies, council settings, the services' signing keys), in chain order." });
export type RoleChange = z.infer<typeof roleChangeSchema>;

export const roleChangePageSchema = pageOf(roleChangeSchema);
