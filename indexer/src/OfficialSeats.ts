// OfficialSeats: officials, their seats and terms, the number of seats; every seat change in the audit log.
import { ponder } from "ponder:registry";
import { official, seat, seatTerm } from "ponder:schema";

import { addRoleChange, getOrCreateAgency, getOrCreateOfficial, lower, skipEvent, updateCouncil } from "./utils/common.js";
import { recordCheckpoint } from "./utils/checkpoints.js";

ponder.on("OfficialSeats:SeatIssued", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const id = a.seatId;
  const officialId = await getOrCreateOfficial(db, a.official);
  const agencyRow = await getOrCreateAgency(db, BigInt(a.agencyId));
  const existing = await db.find(seat, { id });
  if (existing?.active) return skipEvent(event, `seat ${id} issued again while active`);
  const termCount = existing?.termCount ?? 0;
  const fields = { agencyId: agencyRow.id, position: a.position, active: true, since: event.block.timestamp, revokedAt: null, termCount: termCount + 1 };
  if (existing === null) await db.insert(seat).values({ id, seatId: a.seatId, holderId: officialId, ...fields });
  else await db.update(seat, { id }).set(fields);
  await db.insert(seatTerm).values({
    id: `${id}-${termCount}`,
    seatId: id,
    index: termCount,
    agencyId: agencyRow.id,
    position: a.position,
    startedAt: event.block.timestamp,
    startTx: event.transaction.hash,
  });
  await db.update(official, { id: officialId }).set({ seatId: id, seated: true });
  await addRoleChange(db, event, "SEAT_ISSUED", event.transaction.from, {
    account: lower(a.official),
    agencyId: agencyRow.id,
    seatId: id,
    detail: `position ${a.position}`,
  });
});

ponder.on("OfficialSeats:SeatRevoked", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const id = a.seatId;
  const existing = await db.find(seat, { id });
  if (existing === null || !existing.active) {
    await addRoleChange(db, event, "SEAT_REVOKED", event.transaction.from, { account: lower(a.official) });
    return skipEvent(event, `no active seat ${id}`);
  }
  await addRoleChange(db, event, "SEAT_REVOKED", event.transaction.from, { account: lower(a.official), seatId: id, agencyId: existing.agencyId });
  await db.update(seat, { id }).set({ active: false, revokedAt: event.block.timestamp });
  const termId = `${id}-${existing.termCount - 1}`;
  if ((await db.find(seatTerm, { id: termId })) !== null) {
    await db.update(seatTerm, { id: termId }).set({ endedAt: event.block.timestamp, endTx: event.transaction.hash });
  }
  const officialId = await getOrCreateOfficial(db, a.official);
  await db.update(official, { id: officialId }).set({ seated: false });
});

ponder.on("OfficialSeats:SeatReassigned", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const id = a.seatId;
  const detail = `position ${a.position}`;
  if ((await db.find(seat, { id })) === null) {
    await addRoleChange(db, event, "SEAT_REASSIGNED", event.transaction.from, { account: lower(a.official), detail });
    return skipEvent(event, `unknown seat ${id}`);
  }
  const agencyRow = await getOrCreateAgency(db, BigInt(a.agencyId));
  await db.update(seat, { id }).set({ agencyId: agencyRow.id, position: a.position });
  await addRoleChange(db, event, "SEAT_REASSIGNED", event.transaction.from, { account: lower(a.official), detail, seatId: id, agencyId: agencyRow.id });
});

ponder.on("OfficialSeats:TotalSeatsChanged", async ({ event, context }) => {
  await recordCheckpoint(context.db, event, "TOTAL_SEATS", event.args.newTotal);
  await updateCouncil(context.db, () => ({ totalSeats: event.args.newTotal }));
});
