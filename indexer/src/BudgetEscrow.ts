// BudgetEscrow: deposits, allocations with milestones, releases, cancellations, withdrawals; totals per token,
// per agency and token, and per budget document and token.
import { ponder } from "ponder:registry";
import {
  agencyTokenTotal,
  allocation,
  budgetTokenTotal,
  deposit,
  document,
  milestone,
  release,
  treasuryToken,
  withdrawal,
} from "ponder:schema";
import { zeroAddress } from "viem";

import { type Db, type EventMeta, eventId, link, lower, skipEvent, uint256ToBytes32Hex, updateCouncil } from "./utils/common.js";

type Token = typeof treasuryToken.$inferSelect;

/** Adds deltas to the token row, creating it with zeros first. */
async function updateToken(db: Db, address: `0x${string}`, change: (t: Token) => Partial<Token>): Promise<void> {
  const id = lower(address);
  const existing = await db.find(treasuryToken, { id });
  const row: Token = existing ?? {
    id,
    address: id,
    native: id === zeroAddress,
    deposited: 0n,
    allocated: 0n,
    released: 0n,
    cancelled: 0n,
    withdrawn: 0n,
    owed: 0n,
    allowed: id === zeroAddress,
    depositCount: 0,
  };
  if (existing === null) await db.insert(treasuryToken).values({ ...row, ...change(row) });
  else await db.update(treasuryToken, { id }).set(change(row));
}

interface Deltas {
  allocated: bigint;
  released: bigint;
  cancelled: bigint;
  isNew: boolean;
}

/** Adds deltas to the agency and budget totals of an allocation. */
async function addToTotals(db: Db, row: typeof allocation.$inferSelect, d: Deltas): Promise<void> {
  const apply = <T extends { allocated: bigint; released: bigint; cancelled: bigint; allocationCount: number }>(t: T) => ({
    allocated: t.allocated + d.allocated,
    released: t.released + d.released,
    cancelled: t.cancelled + d.cancelled,
    allocationCount: t.allocationCount + (d.isNew ? 1 : 0),
  });
  const zero = { allocated: 0n, released: 0n, cancelled: 0n, allocationCount: 0 };
  if (row.agencyId !== null) {
    const id = `${row.agencyId}-${row.tokenId}`;
    const total = (await db.find(agencyTokenTotal, { id })) ?? null;
    if (total === null) await db.insert(agencyTokenTotal).values({ id, agencyId: row.agencyId, tokenId: row.tokenId, ...apply(zero) });
    else await db.update(agencyTokenTotal, { id }).set(apply(total));
  }
  if (row.budgetDocumentRefId !== null) {
    const id = `${row.budgetDocumentRefId}-${row.tokenId}`;
    const total = await db.find(budgetTokenTotal, { id });
    if (total === null) await db.insert(budgetTokenTotal).values({ id, documentId: row.budgetDocumentRefId, tokenId: row.tokenId, ...apply(zero) });
    else await db.update(budgetTokenTotal, { id }).set(apply(total));
  }
}

ponder.on("BudgetEscrow:TokenAllowanceSet", async ({ event, context }) => {
  await updateToken(context.db, event.args.token, () => ({ allowed: event.args.allowed }));
});

ponder.on("BudgetEscrow:PaymentDeferred", async ({ event, context }) => {
  await updateToken(context.db, event.args.token, (t) => ({ owed: t.owed + event.args.amount }));
});

ponder.on("BudgetEscrow:Claimed", async ({ event, context }) => {
  await updateToken(context.db, event.args.token, (t) => ({ owed: t.owed - event.args.amount }));
});

async function recordDeposit(db: Db, event: EventMeta, kind: "DEPOSIT" | "INFLOW", token: `0x${string}`, from: `0x${string}` | null, amount: bigint) {
  await updateToken(db, token, (t) => ({ deposited: t.deposited + amount, depositCount: t.depositCount + 1 }));
  await db.insert(deposit).values({
    id: eventId(event),
    kind,
    tokenId: lower(token),
    from: from === null ? null : lower(from),
    amount,
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
  });
}

ponder.on("BudgetEscrow:Deposited", async ({ event, context }) => {
  await recordDeposit(context.db, event, "DEPOSIT", event.args.token, event.args.from, event.args.amount);
});

ponder.on("BudgetEscrow:InflowRecorded", async ({ event, context }) => {
  await recordDeposit(context.db, event, "INFLOW", event.args.token, null, event.args.amount);
});

ponder.on("BudgetEscrow:AllocationCreated", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const id = a.allocationId;
  if ((await db.find(allocation, { id })) !== null) return skipEvent(event, `allocation ${id} created twice`);
  await updateToken(db, a.token, (t) => ({ allocated: t.allocated + a.total }));
  const budgetId = uint256ToBytes32Hex(a.budgetDocumentId);
  const budget = await db.find(document, { id: budgetId });
  if (budget !== null) await db.update(document, { id: budgetId }).set({ allocationCount: budget.allocationCount + 1 });
  else skipEvent(event, `unknown budget document ${budgetId} (allocation kept, not linked)`);
  const row = {
    id,
    allocationId: a.allocationId,
    recipient: lower(a.recipient),
    tokenId: lower(a.token),
    budgetDocumentId: a.budgetDocumentId,
    budgetDocumentRefId: budget?.id ?? null,
    agencyId: budget?.agencyId ?? null,
    total: a.total,
    released: 0n,
    milestoneCount: Number(a.milestoneCount),
    cancelled: false,
    cancelledAt: null,
    cancelReason: null,
    unreleasedAtCancel: null,
    createdAt: event.block.timestamp,
    createdTx: event.transaction.hash,
    proposalId: null,
  };
  await db.insert(allocation).values(row);
  await addToTotals(db, row, { allocated: a.total, released: 0n, cancelled: 0n, isNew: true });
  await updateCouncil(db, (c) => ({ allocationCount: c.allocationCount + 1n }));
  await link(db, event, { list: "allocations", item: id.toString() });
});

ponder.on("BudgetEscrow:MilestoneAdded", async ({ event, context }) => {
  const a = event.args;
  const allocationId = a.allocationId;
  if ((await context.db.find(allocation, { id: allocationId })) === null) return skipEvent(event, `milestone of unknown allocation ${allocationId}`);
  await context.db.insert(milestone).values({
    id: `${allocationId}-${a.index}`,
    allocationId,
    index: Number(a.index),
    amount: a.amount,
    deadline: BigInt(a.deadline),
    descriptionHash: lower(a.descriptionHash),
    status: "PENDING",
  });
});

ponder.on("BudgetEscrow:MilestoneReleased", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const allocationId = a.allocationId;
  const row = await db.find(allocation, { id: allocationId });
  if (row === null) return skipEvent(event, `release for unknown allocation ${allocationId}`);
  const milestoneId = `${allocationId}-${a.index}`;
  const m = await db.find(milestone, { id: milestoneId });
  if (m === null || m.status !== "PENDING") return skipEvent(event, `release of milestone ${milestoneId}, which is unknown or not pending`);
  const releaseId = eventId(event);
  await db.insert(release).values({
    id: releaseId,
    allocationId,
    milestoneId,
    recipient: lower(a.recipient),
    tokenId: row.tokenId,
    amount: a.amount,
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
  });
  await db.update(milestone, { id: milestoneId }).set({ status: "RELEASED", releasedAt: event.block.timestamp, releaseId });
  await db.update(allocation, { id: allocationId }).set({ released: row.released + a.amount });
  await updateToken(db, a.token, (t) => ({ released: t.released + a.amount }));
  await addToTotals(db, row, { allocated: 0n, released: a.amount, cancelled: 0n, isNew: false });
  await link(db, event, { list: "releases", item: releaseId });
});

ponder.on("BudgetEscrow:AllocationCancelled", async ({ event, context }) => {
  const { db } = context;
  const id = event.args.allocationId;
  const row = await db.find(allocation, { id });
  if (row === null || row.cancelled) return skipEvent(event, `cancellation of allocation ${id}, which is unknown or already cancelled`);
  const unreleased = event.args.unreleased;
  await db.update(allocation, { id }).set({
    cancelled: true,
    cancelledAt: event.block.timestamp,
    cancelReason: event.args.reason,
    unreleasedAtCancel: unreleased,
  });
  for (let i = 0; i < row.milestoneCount; i++) {
    const m = await db.find(milestone, { id: `${id}-${i}` });
    if (m !== null && m.status === "PENDING") await db.update(milestone, { id: m.id }).set({ status: "CANCELLED" });
  }
  if ((await db.find(treasuryToken, { id: row.tokenId })) !== null) {
    await updateToken(db, row.tokenId as `0x${string}`, (t) => ({ allocated: t.allocated - unreleased, cancelled: t.cancelled + unreleased }));
  }
  await addToTotals(db, row, { allocated: -unreleased, released: 0n, cancelled: unreleased, isNew: false });
});

ponder.on("BudgetEscrow:Withdrawn", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  await updateToken(db, a.token, (t) => ({ withdrawn: t.withdrawn + a.amount }));
  await db.insert(withdrawal).values({
    id: eventId(event),
    tokenId: lower(a.token),
    to: lower(a.to),
    amount: a.amount,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
});
