// TimelockController: scheduled/executed/cancelled operations (calls decoded when the target is ours), the
// minimum delay, and every role grant/revoke (audit log + current role members).
import { Bytes, crypto, ByteArray, ethereum } from "@graphprotocol/graph-ts";

import {
  CallExecuted,
  CallSalt,
  CallScheduled,
  Cancelled,
  GracePeriodChange,
  MinDelayChange,
  RoleAdminChanged,
  RoleGranted,
  RoleRevoked,
} from "../generated/TimelockController/TimelockController";
import { RoleMember, TimelockCall, TimelockOperation } from "../generated/schema";
import { decodeCall } from "./utils/calls";
import { getCouncil, getTransactionLinks, newRoleChange, recordSettingChange, skipEvent } from "./utils/common";

const ROLE_NAMES: Array<string> = ["PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE"];

/** The name of an AccessControl role of the Timelock, or its hash when unknown. */
export function roleName(role: Bytes): string {
  const hex = role.toHexString();
  if (hex == "0x0000000000000000000000000000000000000000000000000000000000000000") return "DEFAULT_ADMIN_ROLE";
  for (let i = 0; i < ROLE_NAMES.length; i++) {
    if (crypto.keccak256(ByteArray.fromUTF8(ROLE_NAMES[i])).toHexString() == hex) return ROLE_NAMES[i];
  }
  return hex;
}

function linkOperation(event: ethereum.Event, operationId: string): void {
  const links = getTransactionLinks(event);
  links.operation = operationId;
  links.save();
}

export function handleCallScheduled(event: CallScheduled): void {
  const id = event.params.id.toHexString();
  let operation = TimelockOperation.load(id);
  if (operation == null) {
    operation = new TimelockOperation(id);
    operation.status = "SCHEDULED";
    operation.predecessor = event.params.predecessor;
    operation.delay = event.params.delay;
    operation.scheduledAt = event.block.timestamp;
    operation.readyAt = event.block.timestamp.plus(event.params.delay);
    operation.callCount = 0;
  } else if (operation.status != "SCHEDULED") {
    // Rescheduling an id is possible after a cancellation (the Timelock forgets cancelled ids).
    operation.status = "SCHEDULED";
    operation.delay = event.params.delay;
    operation.scheduledAt = event.block.timestamp;
    operation.readyAt = event.block.timestamp.plus(event.params.delay);
    operation.cancelledAt = null;
    operation.callCount = 0;
  }
  const index = event.params.index.toI32();
  const call = new TimelockCall(id + "-" + event.params.index.toString());
  call.operation = id;
  call.index = index;
  call.target = event.params.target;
  call.value = event.params.value;
  call.data = event.params.data;
  const decoded = decodeCall(event.params.target, event.params.data);
  call.targetContract = decoded.contract;
  call.signature = decoded.signature;
  call.executed = false;
  call.save();
  if (index + 1 > operation.callCount) operation.callCount = index + 1;
  operation.save();
  linkOperation(event, id);
}

export function handleCallSalt(event: CallSalt): void {
  const id = event.params.id.toHexString();
  const operation = TimelockOperation.load(id);
  if (operation == null) {
    skipEvent(event, "salt of unknown timelock operation " + id);
    return;
  }
  operation.salt = event.params.salt;
  operation.save();
}

export function handleCallExecuted(event: CallExecuted): void {
  const id = event.params.id.toHexString();
  const operation = TimelockOperation.load(id);
  if (operation == null) {
    skipEvent(event, "execution of unknown timelock operation " + id);
    return;
  }
  operation.status = "EXECUTED";
  operation.executedAt = event.block.timestamp;
  operation.save();
  const call = TimelockCall.load(id + "-" + event.params.index.toString());
  if (call != null) {
    call.executed = true;
    call.save();
  }
  linkOperation(event, id);
}

export function handleCancelled(event: Cancelled): void {
  const id = event.params.id.toHexString();
  const operation = TimelockOperation.load(id);
  if (operation == null) {
    skipEvent(event, "cancellation of unknown timelock operation " + id);
    return;
  }
  operation.status = "CANCELLED";
  operation.cancelledAt = event.block.timestamp;
  operation.save();
}

export function handleMinDelayChange(event: MinDelayChange): void {
  const council = getCouncil();
  council.timelock = event.address;
  council.timelockMinDelay = event.params.newDuration;
  council.save();
  recordSettingChange(event, "TIMELOCK_MIN_DELAY", event.params.oldDuration, event.params.newDuration);
}

export function handleGracePeriodChange(event: GracePeriodChange): void {
  const council = getCouncil();
  council.timelock = event.address;
  council.timelockGracePeriod = event.params.newGracePeriod;
  council.save();
  recordSettingChange(event, "TIMELOCK_GRACE_PERIOD", event.params.oldGracePeriod, event.params.newGracePeriod);
}

function memberId(contract: Bytes, role: Bytes, account: Bytes): string {
  return contract.toHexString() + "-" + role.toHexString() + "-" + account.toHexString();
}

export function handleRoleGranted(event: RoleGranted): void {
  const p = event.params;
  const name = roleName(p.role);
  const change = newRoleChange(event, "ROLE_GRANTED", p.sender);
  change.role = p.role;
  change.roleName = name;
  change.account = p.account;
  change.save();

  const id = memberId(event.address, p.role, p.account);
  let member = RoleMember.load(id);
  if (member == null) {
    member = new RoleMember(id);
    member.contract = event.address;
    member.role = p.role;
    member.roleName = name;
    member.account = p.account;
  }
  member.active = true;
  member.grantedAt = event.block.timestamp;
  member.revokedAt = null;
  member.save();
}

export function handleRoleRevoked(event: RoleRevoked): void {
  const p = event.params;
  const change = newRoleChange(event, "ROLE_REVOKED", p.sender);
  change.role = p.role;
  change.roleName = roleName(p.role);
  change.account = p.account;
  change.save();

  const member = RoleMember.load(memberId(event.address, p.role, p.account));
  if (member == null) {
    skipEvent(event, "revocation of a role never granted: " + memberId(event.address, p.role, p.account) + " (audited only)");
    return;
  }
  member.active = false;
  member.revokedAt = event.block.timestamp;
  member.save();
}

export function handleRoleAdminChanged(event: RoleAdminChanged): void {
  const p = event.params;
  const change = newRoleChange(event, "ROLE_ADMIN_CHANGED", event.transaction.from);
  change.role = p.role;
  change.roleName = roleName(p.role);
  change.detail = "admin " + roleName(p.previousAdminRole) + " -> " + roleName(p.newAdminRole);
  change.save();
}
