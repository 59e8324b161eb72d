// BudgetEscrow: deposits, allocations with milestones, releases, cancellations, withdrawals; totals per token,
// per agency and token, and per budget document and token.
import { Address, BigInt } from "@graphprotocol/graph-ts";

import {
  AllocationCancelled,
  AllocationCreated,
  Claimed,
  Deposited,
  InflowRecorded,
  MilestoneAdded,
  MilestoneReleased,
  PaymentDeferred,
  TokenAllowanceSet,
  Withdrawn,
} from "../generated/BudgetEscrow/BudgetEscrow";
import {
  AgencyTokenTotal,
  Allocation,
  BudgetTokenTotal,
  Deposit,
  Document,
  Milestone,
  Release,
  TreasuryToken,
  Withdrawal,
} from "../generated/schema";
import {
  appended,
  eventId,
  getCouncil,
  getTransactionLinks,
  ONE,
  skipEvent,
  uint256ToBytes32Hex,
  ZERO,
} from "./utils/common";

function getToken(address: Address): TreasuryToken {
  const id = address.toHexString();
  let token = TreasuryToken.load(id);
  if (token == null) {
    token = new TreasuryToken(id);
    token.address = address;
    token.native = address.equals(Address.zero());
    token.deposited = ZERO;
    token.allocated = ZERO;
    token.released = ZERO;
    token.cancelled = ZERO;
    token.withdrawn = ZERO;
    token.owed = ZERO;
    token.allowed = token.native;
    token.depositCount = 0;
  }
  return token;
}

export function handleTokenAllowanceSet(event: TokenAllowanceSet): void {
  const token = getToken(event.params.token);
  token.allowed = event.params.allowed;
  token.save();
}

export function handlePaymentDeferred(event: PaymentDeferred): void {
  const token = getToken(event.params.token);
  token.owed = token.owed.plus(event.params.amount);
  token.save();
}

export function handleClaimed(event: Claimed): void {
  const token = getToken(event.params.token);
  token.owed = token.owed.minus(event.params.amount);
  token.save();
}

function getAgencyTotal(agency: string, token: string): AgencyTokenTotal {
  const id = agency + "-" + token;
  let total = AgencyTokenTotal.load(id);
  if (total == null) {
    total = new AgencyTokenTotal(id);
    total.agency = agency;
    total.token = token;
    total.allocated = ZERO;
    total.released = ZERO;
    total.cancelled = ZERO;
    total.allocationCount = 0;
  }
  return total;
}

function getBudgetTotal(document: string, token: string): BudgetTokenTotal {
  const id = document + "-" + token;
  let total = BudgetTokenTotal.load(id);
  if (total == null) {
    total = new BudgetTokenTotal(id);
    total.document = document;
    total.token = token;
    total.allocated = ZERO;
    total.released = ZERO;
    total.cancelled = ZERO;
    total.allocationCount = 0;
  }
  return total;
}

/** Adds `allocated`, `released` and `cancelled` deltas to the agency and budget totals of an allocation. */
function addToTotals(allocation: Allocation, allocated: BigInt, released: BigInt, cancelled: BigInt, isNew: boolean): void {
  const agency = allocation.agency;
  if (agency != null) {
    const total = getAgencyTotal(agency!, allocation.token);
    total.allocated = total.allocated.plus(allocated);
    total.released = total.released.plus(released);
    total.cancelled = total.cancelled.plus(cancelled);
    if (isNew) total.allocationCount = total.allocationCount + 1;
    total.save();
  }
  const document = allocation.budgetDocument;
  if (document != null) {
    const total = getBudgetTotal(document!, allocation.token);
    total.allocated = total.allocated.plus(allocated);
    total.released = total.released.plus(released);
    total.cancelled = total.cancelled.plus(cancelled);
    if (isNew) total.allocationCount = total.allocationCount + 1;
    total.save();
  }
}

export function handleDeposited(event: Deposited): void {
  const token = getToken(event.params.token);
  token.deposited = token.deposited.plus(event.params.amount);
  token.depositCount = token.depositCount + 1;
  token.save();
  const deposit = new Deposit(eventId(event));
  deposit.kind = "DEPOSIT";
  deposit.token = token.id;
  deposit.from = event.params.from;
  deposit.amount = event.params.amount;
  deposit.timestamp = event.block.timestamp;
  deposit.blockNumber = event.block.number;
  deposit.transactionHash = event.transaction.hash;
  deposit.save();
}

export function handleInflowRecorded(event: InflowRecorded): void {
  const token = getToken(event.params.token);
  token.deposited = token.deposited.plus(event.params.amount);
  token.depositCount = token.depositCount + 1;
  token.save();
  const deposit = new Deposit(eventId(event));
  deposit.kind = "INFLOW";
  deposit.token = token.id;
  deposit.amount = event.params.amount;
  deposit.timestamp = event.block.timestamp;
  deposit.blockNumber = event.block.number;
  deposit.transactionHash = event.transaction.hash;
  deposit.save();
}

export function handleAllocationCreated(event: AllocationCreated): void {
  const p = event.params;
  const id = p.allocationId.toString();
  if (Allocation.load(id) != null) {
    skipEvent(event, "allocation " + id + " created twice");
    return;
  }
  const token = getToken(p.token);
  token.allocated = token.allocated.plus(p.total);
  token.save();

  const allocation = new Allocation(id);
  allocation.allocationId = p.allocationId;
  allocation.recipient = p.recipient;
  allocation.token = token.id;
  allocation.budgetDocumentId = p.budgetDocumentId;
  const budget = Document.load(uint256ToBytes32Hex(p.budgetDocumentId));
  if (budget != null) {
    allocation.budgetDocument = budget.id;
    allocation.agency = budget.agency;
    budget.allocationCount = budget.allocationCount + 1;
    budget.save();
  } else {
    skipEvent(event, "unknown budget document " + uint256ToBytes32Hex(p.budgetDocumentId) + " (allocation kept, not linked)");
  }
  allocation.total = p.total;
  allocation.released = ZERO;
  allocation.milestoneCount = p.milestoneCount.toI32();
  allocation.cancelled = false;
  allocation.createdAt = event.block.timestamp;
  allocation.createdTx = event.transaction.hash;
  allocation.save();
  addToTotals(allocation, p.total, ZERO, ZERO, true);

  const council = getCouncil();
  council.allocationCount = council.allocationCount.plus(ONE);
  council.save();
  const links = getTransactionLinks(event);
  links.allocations = appended(links.allocations, id);
  links.save();
}

export function handleMilestoneAdded(event: MilestoneAdded): void {
  const p = event.params;
  const allocationId = p.allocationId.toString();
  if (Allocation.load(allocationId) == null) {
    skipEvent(event, "milestone of unknown allocation " + allocationId);
    return;
  }
  const milestone = new Milestone(allocationId + "-" + p.index.toString());
  milestone.allocation = allocationId;
  milestone.index = p.index.toI32();
  milestone.amount = p.amount;
  milestone.deadline = p.deadline;
  milestone.descriptionHash = p.descriptionHash;
  milestone.status = "PENDING";
  milestone.save();
}

export function handleMilestoneReleased(event: MilestoneReleased): void {
  const p = event.params;
  const allocationId = p.allocationId.toString();
  const allocation = Allocation.load(allocationId);
  if (allocation == null) {
    skipEvent(event, "release for unknown allocation " + allocationId);
    return;
  }
  const milestoneId = allocationId + "-" + p.index.toString();
  const milestone = Milestone.load(milestoneId);
  if (milestone == null || milestone.status != "PENDING") {
    skipEvent(event, "release of milestone " + milestoneId + ", which is unknown or not pending");
    return;
  }
  const release = new Release(eventId(event));
  release.allocation = allocationId;
  release.milestone = milestoneId;
  release.recipient = p.recipient;
  release.token = allocation.token;
  release.amount = p.amount;
  release.timestamp = event.block.timestamp;
  release.blockNumber = event.block.number;
  release.transactionHash = event.transaction.hash;
  release.save();

  milestone.status = "RELEASED";
  milestone.releasedAt = event.block.timestamp;
  milestone.release = release.id;
  milestone.save();
  allocation.released = allocation.released.plus(p.amount);
  allocation.save();
  const token = getToken(p.token);
  token.released = token.released.plus(p.amount);
  token.save();
  addToTotals(allocation, ZERO, p.amount, ZERO, false);

  const links = getTransactionLinks(event);
  links.releases = appended(links.releases, release.id);
  links.save();
}

export function handleAllocationCancelled(event: AllocationCancelled): void {
  const id = event.params.allocationId.toString();
  const allocation = Allocation.load(id);
  if (allocation == null || allocation.cancelled) {
    skipEvent(event, "cancellation of allocation " + id + ", which is unknown or already cancelled");
    return;
  }
  const unreleased = event.params.unreleased;
  allocation.cancelled = true;
  allocation.cancelledAt = event.block.timestamp;
  allocation.cancelReason = event.params.reason;
  allocation.unreleasedAtCancel = unreleased;
  allocation.save();
  for (let i = 0; i < allocation.milestoneCount; i++) {
    const milestone = Milestone.load(id + "-" + i.toString());
    if (milestone != null && milestone.status == "PENDING") {
      milestone.status = "CANCELLED";
      milestone.save();
    }
  }
  const token = TreasuryToken.load(allocation.token);
  if (token != null) {
    token.allocated = token.allocated.minus(unreleased);
    token.cancelled = token.cancelled.plus(unreleased);
    token.save();
  }
  addToTotals(allocation, unreleased.neg(), ZERO, unreleased, false);
}

export function handleWithdrawn(event: Withdrawn): void {
  const token = getToken(event.params.token);
  token.withdrawn = token.withdrawn.plus(event.params.amount);
  token.save();
  const withdrawal = new Withdrawal(eventId(event));
  withdrawal.token = token.id;
  withdrawal.to = event.params.to;
  withdrawal.amount = event.params.amount;
  withdrawal.timestamp = event.block.timestamp;
  withdrawal.transactionHash = event.transaction.hash;
  withdrawal.save();
}
