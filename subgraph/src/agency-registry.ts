// AgencyRegistry: agencies (name, active, ML-DSA key hash) and their registrars; every change in the audit log.
import { BigInt } from "@graphprotocol/graph-ts";

import {
  AgencyActiveSet,
  AgencyAdded,
  AgencyKeyRotated,
  AgencyRenamed,
  RegistrarAdded,
  RegistrarRemoved,
} from "../generated/AgencyRegistry/AgencyRegistry";
import { Agency, Registrar } from "../generated/schema";
import { getOrCreateAgency, newRoleChange, skipEvent } from "./utils/common";

function registeredAgency(agencyId: BigInt): Agency | null {
  const agency = Agency.load(agencyId.toString());
  if (agency == null || !agency.registered) return null;
  return agency;
}

export function handleAgencyAdded(event: AgencyAdded): void {
  // A placeholder may exist if a document named this id first; it becomes the registered agency.
  const agency = getOrCreateAgency(event.params.agencyId);
  agency.registered = true;
  agency.name = event.params.name;
  agency.active = true;
  agency.pqKeyHash = event.params.pqKeyHash;
  agency.save();

  const change = newRoleChange(event, "AGENCY_ADDED", event.transaction.from);
  change.agency = agency.id;
  change.detail = event.params.name;
  change.save();
}

export function handleAgencyRenamed(event: AgencyRenamed): void {
  const change = newRoleChange(event, "AGENCY_RENAMED", event.transaction.from);
  change.detail = event.params.name;
  const agency = registeredAgency(event.params.agencyId);
  if (agency != null) {
    agency.name = event.params.name;
    agency.save();
    change.agency = agency.id;
  } else {
    skipEvent(event, "rename of unknown agency " + event.params.agencyId.toString() + " (audited only)");
  }
  change.save();
}

export function handleAgencyActiveSet(event: AgencyActiveSet): void {
  const change = newRoleChange(event, "AGENCY_ACTIVE_SET", event.transaction.from);
  change.detail = event.params.active ? "active" : "inactive";
  const agency = registeredAgency(event.params.agencyId);
  if (agency != null) {
    agency.active = event.params.active;
    agency.save();
    change.agency = agency.id;
  } else {
    skipEvent(event, "unknown agency " + event.params.agencyId.toString() + " (audited only)");
  }
  change.save();
}

export function handleAgencyKeyRotated(event: AgencyKeyRotated): void {
  const change = newRoleChange(event, "AGENCY_KEY_ROTATED", event.transaction.from);
  change.detail = event.params.oldKeyHash.toHexString() + " -> " + event.params.newKeyHash.toHexString();
  const agency = registeredAgency(event.params.agencyId);
  if (agency != null) {
    agency.pqKeyHash = event.params.newKeyHash;
    agency.save();
    change.agency = agency.id;
  } else {
    skipEvent(event, "unknown agency " + event.params.agencyId.toString() + " (audited only)");
  }
  change.save();
}

export function handleRegistrarAdded(event: RegistrarAdded): void {
  const change = newRoleChange(event, "REGISTRAR_ADDED", event.transaction.from);
  change.account = event.params.account;
  const agency = registeredAgency(event.params.agencyId);
  if (agency == null) {
    skipEvent(event, "registrar for unknown agency " + event.params.agencyId.toString() + " (audited only)");
    change.save();
    return;
  }
  change.agency = agency.id;
  change.save();

  const id = agency.id + "-" + event.params.account.toHexString();
  let registrar = Registrar.load(id);
  if (registrar == null) {
    registrar = new Registrar(id);
    registrar.agency = agency.id;
    registrar.account = event.params.account;
  } else if (registrar.active) {
    return; // already counted
  }
  registrar.active = true;
  registrar.addedAt = event.block.timestamp;
  registrar.removedAt = null;
  registrar.save();
  agency.registrarCount = agency.registrarCount + 1;
  agency.save();
}

export function handleRegistrarRemoved(event: RegistrarRemoved): void {
  const change = newRoleChange(event, "REGISTRAR_REMOVED", event.transaction.from);
  change.account = event.params.account;
  const id = event.params.agencyId.toString() + "-" + event.params.account.toHexString();
  const registrar = Registrar.load(id);
  const agency = registeredAgency(event.params.agencyId);
  if (agency != null) change.agency = agency.id;
  change.save();
  if (registrar == null || !registrar.active || agency == null) {
    skipEvent(event, "removal of registrar " + id + ", which is unknown or inactive (audited only)");
    return;
  }
  registrar.active = false;
  registrar.removedAt = event.block.timestamp;
  registrar.save();
  agency.registrarCount = agency.registrarCount - 1;
  agency.save();
}
