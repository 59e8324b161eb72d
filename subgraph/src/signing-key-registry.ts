// SigningKeyRegistry: the services' signing keys (today the public API's extract key) with their validity periods;
// every registration and retirement in the audit log.
import { KeyRegistered, KeyRetired } from "../generated/SigningKeyRegistry/SigningKeyRegistry";
import { SigningKey } from "../generated/schema";
import { SIGNING_KEY_PURPOSES } from "./generated/constants";
import { ZERO, newRoleChange, skipEvent } from "./utils/common";

export function handleKeyRegistered(event: KeyRegistered): void {
  const p = event.params;
  const id = p.keyId.toString();
  const known = p.purpose >= 0 && p.purpose < SIGNING_KEY_PURPOSES.length;
  const purpose = known ? SIGNING_KEY_PURPOSES[p.purpose] : "purpose " + p.purpose.toString();
  const change = newRoleChange(event, "SIGNING_KEY_REGISTERED", event.transaction.from);
  // As the indexer writes it (indexer/src/SigningKeyRegistry.ts): "<PURPOSE> <key hash>".
  change.detail = purpose + " " + p.keyHash.toHexString();
  const existing = SigningKey.load(id);
  if (existing != null) {
    change.save();
    skipEvent(event, "key " + id + " registered twice (audited only)");
    return;
  }
  if (!known) {
    change.save();
    skipEvent(event, "key " + id + " of unknown purpose " + p.purpose.toString() + " (audited only)");
    return;
  }
  const key = new SigningKey(id);
  key.keyId = p.keyId;
  key.purpose = purpose;
  key.keyHash = p.keyHash;
  key.validFrom = p.validFrom;
  key.validUntil = ZERO;
  key.compromised = false;
  key.registeredAt = event.block.timestamp;
  key.registeredBlock = event.block.number;
  key.registeredTx = event.transaction.hash;
  key.save();
  change.signingKey = key.id;
  change.save();
}

export function handleKeyRetired(event: KeyRetired): void {
  const p = event.params;
  const id = p.keyId.toString();
  const change = newRoleChange(event, "SIGNING_KEY_RETIRED", event.transaction.from);
  change.detail = (p.compromised ? "compromised" : "retired") + ", valid until " + p.validUntil.toString();
  const key = SigningKey.load(id);
  if (key == null) {
    change.save();
    skipEvent(event, "retirement of unknown key " + id + " (audited only)");
    return;
  }
  change.signingKey = key.id;
  change.save();
  // A planned retirement may later be re-declared compromised (KeyRetired again): the period only shrinks; the first
  // retirement stays recorded, the compromise gets its own time (as the indexer keeps it).
  // (Nullable BigInt fields cannot be compared with == in AssemblyScript: a key in use has validUntil 0.)
  if (key.validUntil.isZero()) {
    key.retiredAt = event.block.timestamp;
    key.retiredTx = event.transaction.hash;
  }
  key.validUntil = p.validUntil;
  if (p.compromised && !key.compromised) {
    key.compromised = true;
    key.compromisedAt = event.block.timestamp;
  }
  key.save();
}
