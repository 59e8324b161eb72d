// AgencyRegistry: agencies (name, active, ML-DSA key hash) and their registrars; every change in the audit log.
import { ponder } from "ponder:registry";
import { agency, registrar } from "ponder:schema";

import { type Db, addRoleChange, getOrCreateAgency, lower, skipEvent } from "./utils/common.js";

async function registeredAgency(db: Db, agencyId: number) {
  const row = await db.find(agency, { id: BigInt(agencyId) });
  return row !== null && row.registered ? row : null;
}

ponder.on("AgencyRegistry:AgencyAdded", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  // A placeholder may exist if a document named this id first; it becomes the registered agency.
  const row = await getOrCreateAgency(db, BigInt(a.agencyId));
  await db.update(agency, { id: row.id }).set({ registered: true, name: a.name, active: true, pqKeyHash: lower(a.pqKeyHash) });
  await addRoleChange(db, event, "AGENCY_ADDED", event.transaction.from, { agencyId: row.id, detail: a.name });
});

ponder.on("AgencyRegistry:AgencyRenamed", async ({ event, context }) => {
  const { db } = context;
  const row = await registeredAgency(db, event.args.agencyId);
  if (row !== null) await db.update(agency, { id: row.id }).set({ name: event.args.name });
  else skipEvent(event, `rename of unknown agency ${event.args.agencyId} (audited only)`);
  await addRoleChange(db, event, "AGENCY_RENAMED", event.transaction.from, { agencyId: row?.id ?? null, detail: event.args.name });
});

ponder.on("AgencyRegistry:AgencyActiveSet", async ({ event, context }) => {
  const { db } = context;
  const row = await registeredAgency(db, event.args.agencyId);
  if (row !== null) await db.update(agency, { id: row.id }).set({ active: event.args.active });
  else skipEvent(event, `unknown agency ${event.args.agencyId} (audited only)`);
  await addRoleChange(db, event, "AGENCY_ACTIVE_SET", event.transaction.from, {
    agencyId: row?.id ?? null,
    detail: event.args.active ? "active" : "inactive",
  });
});

ponder.on("AgencyRegistry:AgencyKeyRotated", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const row = await registeredAgency(db, a.agencyId);
  if (row !== null) await db.update(agency, { id: row.id }).set({ pqKeyHash: lower(a.newKeyHash) });
  else skipEvent(event, `unknown agency ${a.agencyId} (audited only)`);
  await addRoleChange(db, event, "AGENCY_KEY_ROTATED", event.transaction.from, {
    agencyId: row?.id ?? null,
    detail: `${lower(a.oldKeyHash)} -> ${lower(a.newKeyHash)}`,
  });
});

ponder.on("AgencyRegistry:RegistrarAdded", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const row = await registeredAgency(db, a.agencyId);
  await addRoleChange(db, event, "REGISTRAR_ADDED", event.transaction.from, { account: lower(a.account), agencyId: row?.id ?? null });
  if (row === null) return skipEvent(event, `registrar for unknown agency ${a.agencyId} (audited only)`);
  const id = `${row.id}-${lower(a.account)}`;
  const existing = await db.find(registrar, { id });
  if (existing?.active) return; // already counted
  const fields = { active: true, addedAt: event.block.timestamp, removedAt: null };
  if (existing === null) await db.insert(registrar).values({ id, agencyId: row.id, account: lower(a.account), ...fields });
  else await db.update(registrar, { id }).set(fields);
  await db.update(agency, { id: row.id }).set({ registrarCount: row.registrarCount + 1 });
});

ponder.on("AgencyRegistry:RegistrarRemoved", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const id = `${a.agencyId}-${lower(a.account)}`;
  const row = await registeredAgency(db, a.agencyId);
  await addRoleChange(db, event, "REGISTRAR_REMOVED", event.transaction.from, { account: lower(a.account), agencyId: row?.id ?? null });
  const existing = await db.find(registrar, { id });
  if (existing === null || !existing.active || row === null) {
    return skipEvent(event, `removal of registrar ${id}, which is unknown or inactive (audited only)`);
  }
  await db.update(registrar, { id }).set({ active: false, removedAt: event.block.timestamp });
  await db.update(agency, { id: row.id }).set({ registrarCount: row.registrarCount - 1 });
});
