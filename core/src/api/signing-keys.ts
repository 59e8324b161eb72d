/**
 * The API's list of the services' signing keys (GET /api/v1/signing-keys): every key the SigningKeyRegistry
 * (contracts/keys/SigningKeyRegistry.sol) ever registered, retired ones included, in key-id order. A verifier reads a
 * key's hash and validity period here (or on chain) to check what it signed; GET /api/v1/signing-key is the one key
 * the API signs with now.
 */
import { z } from "zod";

import { SIGNING_KEY_PURPOSES } from "../enums.ts";
import { decimal, hash, pageOf } from "./fields.ts";

export { SIGNING_KEY_PURPOSES, type SigningKeyPurpose } from "../enums.ts";

/** A registered key as it stands (the flat row of JSON, CSV and XML; times are block times, unix seconds). */
export const signingKeyRowSchema = z
  .object({
    id: decimal.meta({ description: "the key's id (1, 2, …), which the files it signed name" }),
    keyId: decimal,
    purpose: z.enum(SIGNING_KEY_PURPOSES).meta({ description: "what the key signs (EXTRACT: the public API's citizen extracts)" }),
    keyHash: hash.meta({ description: "sha-256 of the raw ML-DSA-65 public key" }),
    validFrom: decimal.meta({ description: "block time from which the key may sign (its registration)" }),
    validUntil: decimal.meta({ description: "block time from which it may no longer sign; 0 while in use; equal to validFrom when retired as compromised" }),
    compromised: z.boolean().meta({ description: "retired as compromised: nothing it ever signed is valid" }),
    registeredAt: decimal,
    registeredBlock: decimal,
    registeredTx: hash,
    retiredAt: decimal.nullable().meta({ description: "block time of its first retirement (a planned rotation or a compromise); null while in use" }),
    retiredBlock: decimal.nullable(),
    retiredTx: hash.nullable(),
    compromisedAt: decimal.nullable().meta({ description: "block time at which it was declared compromised (its retirement, or later); null if it never was" }),
  })
  .meta({ description: "A signing key of the government's services, registered by governance in the SigningKeyRegistry, with its validity period." });
export type ApiSigningKeyRow = z.infer<typeof signingKeyRowSchema>;

/** The JSON list: every key, one page. */
export const signingKeyPageSchema = pageOf(signingKeyRowSchema);
