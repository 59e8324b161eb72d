// Shared helpers for every mapping: ids, the council singleton, agencies, the audit log and per-tx links.
import { Address, BigInt, Bytes, ethereum, log } from "@graphprotocol/graph-ts";

import { Agency, Council, Official, RoleChange, SettingChange, TransactionLinks } from "../../generated/schema";
import { CENTRAL_GOVERNMENT_NAME } from "../generated/constants";

export const ZERO = BigInt.zero();
export const ONE = BigInt.fromI32(1);
export const COUNCIL_ID = "council";

/** Id of an event-scoped entity: tx hash - log index. */
export function eventId(event: ethereum.Event): string {
  return event.transaction.hash.toHexString() + "-" + event.logIndex.toString();
}

/** A uint256 as 0x-hex padded to 32 bytes, the id format of documents (token id = sha-256 content hash). */
export function uint256ToBytes32Hex(value: BigInt): string {
  let hex = value.toHexString().slice(2);
  while (hex.length < 64) hex = "0" + hex;
  return "0x" + hex;
}

/** The council singleton, created on first use. */
export function getCouncil(): Council {
  let council = Council.load(COUNCIL_ID);
  if (council == null) {
    council = new Council(COUNCIL_ID);
    council.totalSeats = ZERO;
    council.proposalCount = ZERO;
    council.documentCount = ZERO;
    council.allocationCount = ZERO;
  }
  return council;
}

/**
 * The agency with `agencyId`. An id that AgencyRegistry never added (agency 0, the central government, named by
 * decrees, laws and budgets) gets a placeholder with `registered: false`, so references never dangle.
 */
export function getOrCreateAgency(agencyId: BigInt): Agency {
  const id = agencyId.toString();
  let agency = Agency.load(id);
  if (agency == null) {
    agency = new Agency(id);
    agency.agencyId = agencyId;
    agency.registered = false;
    agency.name = agencyId.isZero() ? CENTRAL_GOVERNMENT_NAME : "Unregistered agency " + id;
    agency.active = agencyId.isZero();
    agency.registrarCount = 0;
    agency.documentsIssued = ZERO;
    agency.documentsAmended = ZERO;
    agency.documentsRevoked = ZERO;
    agency.batchesAnchored = ZERO;
    agency.batchDocumentsAnchored = ZERO;
    agency.save();
  }
  return agency;
}

/** The official at `account`, created (not seated) if the store has not seen it. */
export function getOrCreateOfficial(account: Address): Official {
  const id = account.toHexString();
  let official = Official.load(id);
  if (official == null) {
    official = new Official(id);
    official.address = account;
    official.seated = false;
    official.save();
  }
  return official;
}

/** A new audit-log row for `event`; the caller fills the specifics and saves it. */
export function newRoleChange(event: ethereum.Event, kind: string, sender: Bytes): RoleChange {
  const change = new RoleChange(eventId(event));
  change.kind = kind;
  change.contract = event.address;
  change.sender = sender;
  change.timestamp = event.block.timestamp;
  change.blockNumber = event.block.number;
  change.transactionHash = event.transaction.hash;
  return change;
}

/**
 * Records a change of a council setting: its history row and a SETTING_CHANGED audit-log row (detail
 * `<setting> <old> -> <new>`), as the indexer does (indexer/src/utils/common.ts).
 */
export function recordSettingChange(event: ethereum.Event, setting: string, oldValue: BigInt, newValue: BigInt): void {
  const change = new SettingChange(eventId(event));
  change.setting = setting;
  change.contract = event.address;
  change.oldValue = oldValue;
  change.newValue = newValue;
  change.sender = event.transaction.from;
  change.timestamp = event.block.timestamp;
  change.blockNumber = event.block.number;
  change.transactionHash = event.transaction.hash;
  change.save();
  const audit = newRoleChange(event, "SETTING_CHANGED", event.transaction.from);
  audit.detail = setting + " " + oldValue.toString() + " -> " + newValue.toString();
  audit.save();
}

/** The links of the transaction of `event`. */
export function getTransactionLinks(event: ethereum.Event): TransactionLinks {
  const id = event.transaction.hash.toHexString();
  let links = TransactionLinks.load(id);
  if (links == null) {
    links = new TransactionLinks(id);
    links.documents = [];
    links.allocations = [];
    links.releases = [];
  }
  return links;
}

/** Appends `value` to a string list (AssemblyScript arrays of entity fields are copies: reassign). */
export function appended(list: Array<string>, value: string): Array<string> {
  const copy = list.slice(0);
  copy.push(value);
  return copy;
}

/**
 * Logs (WARNING) why an event is not applied — it names something the store has not seen, or would move a
 * status backwards — so the store stays consistent instead of the subgraph failing.
 */
export function skipEvent(event: ethereum.Event, why: string): void {
  log.warning("event skipped (tx {}, log {}): {}", [event.transaction.hash.toHexString(), event.logIndex.toString(), why]);
}
