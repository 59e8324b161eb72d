// SigningKeyRegistry: the services' signing keys (purpose, key hash, validity period); every registration and
// retirement in the audit log.
import { ponder } from "ponder:registry";
import { signingKey } from "ponder:schema";

import { SIGNING_KEY_PURPOSES } from "@government-dao/core/api/signing-keys";

import { addRoleChange, lower, skipEvent } from "./utils/common.js";

ponder.on("SigningKeyRegistry:KeyRegistered", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const purpose = SIGNING_KEY_PURPOSES[a.purpose];
  const keyHash = lower(a.keyHash);
  const known = purpose !== undefined && (await db.find(signingKey, { id: a.keyId })) === null;
  if (purpose === undefined) skipEvent(event, `key ${a.keyId} has purpose ${a.purpose}, which this indexer does not know (audited only)`);
  else if (!known) skipEvent(event, `key ${a.keyId} registered twice (audited only)`);
  else {
    await db.insert(signingKey).values({
      id: a.keyId,
      keyId: a.keyId,
      purpose,
      keyHash,
      validFrom: a.validFrom,
      validUntil: 0n,
      compromised: false,
      registeredAt: event.block.timestamp,
      registeredBlock: event.block.number,
      registeredTx: event.transaction.hash,
      retiredAt: null,
      retiredBlock: null,
      retiredTx: null,
      compromisedAt: null,
    });
  }
  // Genesis keys are registered by the constructor: their sender is the deployer.
  await addRoleChange(db, event, "SIGNING_KEY_REGISTERED", event.transaction.from, {
    signingKeyId: known ? a.keyId : null,
    detail: `${purpose ?? `purpose ${a.purpose}`} ${keyHash}`,
  });
});

ponder.on("SigningKeyRegistry:KeyRetired", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const row = await db.find(signingKey, { id: a.keyId });
  if (row === null) skipEvent(event, `retirement of unknown key ${a.keyId} (audited only)`);
  else {
    // A planned retirement may later be re-declared compromised (KeyRetired again): the period only shrinks; the
    // first retirement stays recorded, the compromise gets its own time.
    const first = row.retiredAt === null ? { retiredAt: event.block.timestamp, retiredBlock: event.block.number, retiredTx: event.transaction.hash } : {};
    await db.update(signingKey, { id: row.id }).set({
      ...first,
      validUntil: a.validUntil,
      compromised: a.compromised,
      ...(a.compromised && row.compromisedAt === null ? { compromisedAt: event.block.timestamp } : {}),
    });
  }
  await addRoleChange(db, event, "SIGNING_KEY_RETIRED", event.transaction.from, {
    signingKeyId: row?.id ?? null,
    detail: `${a.compromised ? "compromised" : "retired"}, valid until ${a.validUntil}`,
  });
});
