// TimelockController: scheduled/executed/cancelled operations (calls decoded when the target is ours), the minimum
// delay, and every role grant/revoke (audit log + current role members).
import { ponder } from "ponder:registry";
import { roleMember, timelockCall, timelockOperation } from "ponder:schema";
import { keccak256, toHex } from "viem";

import { decodeCall } from "./utils/calls.js";
import { recordCheckpoint } from "./utils/checkpoints.js";
import { addRoleChange, link, lower, recordSettingChange, skipEvent, updateCouncil, ZERO_HASH } from "./utils/common.js";

const ROLE_NAMES = new Map<string, string>([
  [ZERO_HASH, "DEFAULT_ADMIN_ROLE"],
  ...["PROPOSER_ROLE", "EXECUTOR_ROLE", "CANCELLER_ROLE"].map((name): [string, string] => [keccak256(toHex(name)), name]),
]);

/** The name of an AccessControl role of the Timelock, or its hash when unknown. */
export const roleName = (role: `0x${string}`): string => ROLE_NAMES.get(lower(role)) ?? lower(role);

ponder.on("TimelockController:CallScheduled", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const id = lower(a.id);
  const timing = { delay: a.delay, scheduledAt: event.block.timestamp, readyAt: event.block.timestamp + a.delay };
  let operation = await db.find(timelockOperation, { id });
  if (operation === null) {
    operation = { id, status: "SCHEDULED", predecessor: lower(a.predecessor), salt: null, ...timing, executedAt: null, cancelledAt: null, callCount: 0, proposalId: null };
    await db.insert(timelockOperation).values(operation);
  } else if (operation.status !== "SCHEDULED") {
    // Rescheduling an id is possible after a cancellation (the Timelock forgets cancelled ids).
    operation = { ...operation, status: "SCHEDULED", ...timing, cancelledAt: null, callCount: 0 };
    await db.update(timelockOperation, { id }).set(operation);
  }
  const index = Number(a.index);
  const decoded = decodeCall(a.target, a.data, a.value);
  const call = {
    timelockOperationId: id,
    index,
    target: lower(a.target),
    value: a.value,
    data: lower(a.data),
    targetContract: decoded.contract,
    signature: decoded.signature,
    executed: false,
  };
  await db.insert(timelockCall).values({ id: `${id}-${a.index}`, ...call }).onConflictDoUpdate(call);
  if (index + 1 > operation.callCount) await db.update(timelockOperation, { id }).set({ callCount: index + 1 });
  await link(db, event, { operation: id });
});

ponder.on("TimelockController:CallSalt", async ({ event, context }) => {
  const id = lower(event.args.id);
  if ((await context.db.find(timelockOperation, { id })) === null) return skipEvent(event, `salt of unknown timelock operation ${id}`);
  await context.db.update(timelockOperation, { id }).set({ salt: lower(event.args.salt) });
});

ponder.on("TimelockController:CallExecuted", async ({ event, context }) => {
  const { db } = context;
  const id = lower(event.args.id);
  if ((await db.find(timelockOperation, { id })) === null) return skipEvent(event, `execution of unknown timelock operation ${id}`);
  await db.update(timelockOperation, { id }).set({ status: "EXECUTED", executedAt: event.block.timestamp });
  const callId = `${id}-${event.args.index}`;
  if ((await db.find(timelockCall, { id: callId })) !== null) await db.update(timelockCall, { id: callId }).set({ executed: true });
  await link(db, event, { operation: id });
});

ponder.on("TimelockController:Cancelled", async ({ event, context }) => {
  const id = lower(event.args.id);
  if ((await context.db.find(timelockOperation, { id })) === null) return skipEvent(event, `cancellation of unknown timelock operation ${id}`);
  await context.db.update(timelockOperation, { id }).set({ status: "CANCELLED", cancelledAt: event.block.timestamp });
});

ponder.on("TimelockController:MinDelayChange", async ({ event, context }) => {
  await updateCouncil(context.db, () => ({ timelock: lower(event.log.address), timelockMinDelay: event.args.newDuration }));
  await recordSettingChange(context.db, event, "TIMELOCK_MIN_DELAY", event.args.oldDuration, event.args.newDuration);
});

ponder.on("TimelockController:GracePeriodChange", async ({ event, context }) => {
  await recordCheckpoint(context.db, event, "GRACE_PERIOD", event.args.newGracePeriod);
  await updateCouncil(context.db, () => ({ timelock: lower(event.log.address), timelockGracePeriod: event.args.newGracePeriod }));
  await recordSettingChange(context.db, event, "TIMELOCK_GRACE_PERIOD", event.args.oldGracePeriod, event.args.newGracePeriod);
});

const memberId = (contract: string, role: string, account: string): string => `${lower(contract)}-${lower(role)}-${lower(account)}`;

ponder.on("TimelockController:RoleGranted", async ({ event, context }) => {
  const a = event.args;
  const name = roleName(a.role);
  await addRoleChange(context.db, event, "ROLE_GRANTED", a.sender, { role: lower(a.role), roleName: name, account: lower(a.account) });
  const row = {
    contract: lower(event.log.address),
    role: lower(a.role),
    roleName: name,
    account: lower(a.account),
    active: true,
    grantedAt: event.block.timestamp,
    revokedAt: null,
  };
  await context.db
    .insert(roleMember)
    .values({ id: memberId(event.log.address, a.role, a.account), ...row })
    .onConflictDoUpdate({ active: true, grantedAt: event.block.timestamp, revokedAt: null });
});

ponder.on("TimelockController:RoleRevoked", async ({ event, context }) => {
  const a = event.args;
  await addRoleChange(context.db, event, "ROLE_REVOKED", a.sender, { role: lower(a.role), roleName: roleName(a.role), account: lower(a.account) });
  const id = memberId(event.log.address, a.role, a.account);
  if ((await context.db.find(roleMember, { id })) === null) return skipEvent(event, `revocation of a role never granted: ${id} (audited only)`);
  await context.db.update(roleMember, { id }).set({ active: false, revokedAt: event.block.timestamp });
});

ponder.on("TimelockController:RoleAdminChanged", async ({ event, context }) => {
  const a = event.args;
  await addRoleChange(context.db, event, "ROLE_ADMIN_CHANGED", event.transaction.from, {
    role: lower(a.role),
    roleName: roleName(a.role),
    detail: `admin ${roleName(a.previousAdminRole)} -> ${roleName(a.newAdminRole)}`,
  });
});
