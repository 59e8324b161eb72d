// OfficialSeats: officials, their seats and terms, the number of seats; every seat change in the audit log.
import { SeatIssued, SeatReassigned, SeatRevoked, TotalSeatsChanged } from "../generated/OfficialSeats/OfficialSeats";
import { Seat, SeatTerm } from "../generated/schema";
import { getCouncil, getOrCreateAgency, getOrCreateOfficial, newRoleChange, skipEvent } from "./utils/common";

export function handleSeatIssued(event: SeatIssued): void {
  const p = event.params;
  const id = p.seatId.toString();
  const official = getOrCreateOfficial(p.official);
  const agency = getOrCreateAgency(p.agencyId);

  let seat = Seat.load(id);
  if (seat == null) {
    seat = new Seat(id);
    seat.seatId = p.seatId;
    seat.holder = official.id;
    seat.termCount = 0;
  } else if (seat.active) {
    skipEvent(event, "seat " + id + " issued again while active");
    return;
  }
  seat.agency = agency.id;
  seat.position = p.position;
  seat.active = true;
  seat.since = event.block.timestamp;
  seat.revokedAt = null;
  const term = new SeatTerm(id + "-" + seat.termCount.toString());
  term.seat = id;
  term.index = seat.termCount;
  term.agency = agency.id;
  term.position = p.position;
  term.startedAt = event.block.timestamp;
  term.startTx = event.transaction.hash;
  term.save();
  seat.termCount = seat.termCount + 1;
  seat.save();

  official.seat = id;
  official.seated = true;
  official.save();

  const change = newRoleChange(event, "SEAT_ISSUED", event.transaction.from);
  change.account = p.official;
  change.agency = agency.id;
  change.seat = id;
  change.detail = "position " + p.position.toString();
  change.save();
}

export function handleSeatRevoked(event: SeatRevoked): void {
  const p = event.params;
  const id = p.seatId.toString();
  const change = newRoleChange(event, "SEAT_REVOKED", event.transaction.from);
  change.account = p.official;
  const seat = Seat.load(id);
  if (seat == null || !seat.active) {
    change.save();
    skipEvent(event, "no active seat " + id);
    return;
  }
  change.seat = id;
  change.agency = seat.agency;
  change.save();

  seat.active = false;
  seat.revokedAt = event.block.timestamp;
  seat.save();
  const term = SeatTerm.load(id + "-" + (seat.termCount - 1).toString());
  if (term != null) {
    term.endedAt = event.block.timestamp;
    term.endTx = event.transaction.hash;
    term.save();
  }
  const official = getOrCreateOfficial(p.official);
  official.seated = false;
  official.save();
}

export function handleSeatReassigned(event: SeatReassigned): void {
  const p = event.params;
  const id = p.seatId.toString();
  const change = newRoleChange(event, "SEAT_REASSIGNED", event.transaction.from);
  change.account = p.official;
  change.detail = "position " + p.position.toString();
  const seat = Seat.load(id);
  if (seat == null) {
    change.save();
    skipEvent(event, "unknown seat " + id);
    return;
  }
  const agency = getOrCreateAgency(p.agencyId);
  seat.agency = agency.id;
  seat.position = p.position;
  seat.save();
  change.seat = id;
  change.agency = agency.id;
  change.save();
}

export function handleTotalSeatsChanged(event: TotalSeatsChanged): void {
  const council = getCouncil();
  council.totalSeats = event.params.newTotal;
  council.save();
}
