// Shared helpers for every handler file: ids, the council row, agencies, officials, the audit log, per-tx links.
// Mirrors subgraph/src/utils/common.ts so both stores hold the same rows.
import { agencyName } from "@government-dao/core/agencies";
import type { Context } from "ponder:registry";
import { agency, council, official, roleChange, settingChange, transactionLinks } from "ponder:schema";

export type Db = Context["db"];

/** What every handler reads from its event. */
export interface EventMeta {
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: `0x${string}`; from: `0x${string}` };
  log: { logIndex: number; address: `0x${string}` };
}

export const COUNCIL_ID = "council";
export const ZERO_HASH = `0x${"0".repeat(64)}` as const;

/** Id of an event-scoped row: tx hash - log index. */
export const eventId = (event: EventMeta): string => `${event.transaction.hash}-${event.log.logIndex}`;

/** A uint256 as 0x-hex padded to 32 bytes: the id format of documents (token id = sha-256 content hash). */
export const uint256ToBytes32Hex = (value: bigint): `0x${string}` => `0x${value.toString(16).padStart(64, "0")}`;

/** Lower-case hex (ids of addresses and hashes). */
export const lower = (hex: string): `0x${string}` => hex.toLowerCase() as `0x${string}`;

/** Logs why an event is not applied, so the store stays consistent instead of the indexer failing. */
export function skipEvent(event: EventMeta, why: string): void {
  console.warn(`event skipped (tx ${event.transaction.hash}, log ${event.log.logIndex}): ${why}`);
}

/** Updates the council row, creating it with zero counters on first use. */
export async function updateCouncil(
  db: Db,
  change: (row: typeof council.$inferSelect) => Partial<typeof council.$inferInsert>,
): Promise<void> {
  const existing = await db.find(council, { id: COUNCIL_ID });
  if (existing === null) {
    const fresh = { id: COUNCIL_ID, totalSeats: 0n, proposalCount: 0n, documentCount: 0n, allocationCount: 0n };
    await db.insert(council).values({ ...fresh, ...change({ ...EMPTY_COUNCIL, ...fresh }) });
    return;
  }
  await db.update(council, { id: COUNCIL_ID }).set(change(existing));
}

const EMPTY_COUNCIL: typeof council.$inferSelect = {
  id: COUNCIL_ID,
  governor: null,
  timelock: null,
  totalSeats: 0n,
  votingDelay: null,
  votingPeriod: null,
  proposalThreshold: null,
  quorumNumerator: null,
  lateQuorumVoteExtension: null,
  timelockMinDelay: null,
  timelockGracePeriod: null,
  proposalGuardian: null,
  proposalCount: 0n,
  documentCount: 0n,
  allocationCount: 0n,
};

/**
 * The agency with `agencyId`. An id AgencyRegistry never added (agency 0, the central government, named by
 * decrees, laws and budgets) gets a placeholder with `registered: false`, so references never dangle.
 */
export async function getOrCreateAgency(db: Db, agencyId: bigint): Promise<typeof agency.$inferSelect> {
  const id = agencyId;
  const existing = await db.find(agency, { id });
  if (existing !== null) return existing;
  const row = {
    id,
    agencyId,
    registered: false,
    name: agencyName(agencyId),
    active: agencyId === 0n,
    pqKeyHash: null,
    registrarCount: 0,
    documentsIssued: 0n,
    documentsAmended: 0n,
    documentsRevoked: 0n,
    batchesAnchored: 0n,
    batchDocumentsAnchored: 0n,
  };
  await db.insert(agency).values(row);
  return row;
}

/** The official at `account`, created (not seated) if the store has not seen it; returns its id. */
export async function getOrCreateOfficial(db: Db, account: `0x${string}`): Promise<string> {
  const id = lower(account);
  const existing = await db.find(official, { id });
  if (existing === null) await db.insert(official).values({ id, address: id, seatId: null, seated: false });
  return id;
}

/** Appends an audit-log row for `event`. */
export async function addRoleChange(
  db: Db,
  event: EventMeta,
  kind: (typeof roleChange.$inferInsert)["kind"],
  sender: `0x${string}`,
  fields: Partial<Omit<typeof roleChange.$inferInsert, "id" | "kind" | "contract" | "sender">> = {},
): Promise<void> {
  await db.insert(roleChange).values({
    id: eventId(event),
    kind,
    contract: lower(event.log.address),
    sender: lower(sender),
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
    ...fields,
  });
}

/**
 * Records a change of a council setting: its history row and a SETTING_CHANGED entry of the audit log (detail
 * `<setting> <old> -> <new>`).
 */
export async function recordSettingChange(
  db: Db,
  event: EventMeta,
  setting: (typeof settingChange.$inferInsert)["setting"],
  oldValue: bigint,
  newValue: bigint,
): Promise<void> {
  await db.insert(settingChange).values({
    id: eventId(event),
    setting,
    contract: lower(event.log.address),
    oldValue,
    newValue,
    sender: lower(event.transaction.from),
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
    logIndex: event.log.logIndex,
  });
  await addRoleChange(db, event, "SETTING_CHANGED", event.transaction.from, { detail: `${setting} ${oldValue} -> ${newValue}` });
}

type LinkList = "documents" | "allocations" | "releases";

/** The links of the transaction of `event`, or null. */
export async function findLinks(db: Db, event: EventMeta): Promise<typeof transactionLinks.$inferSelect | null> {
  return db.find(transactionLinks, { id: event.transaction.hash });
}

/** Records that this transaction touched timelock operation `operation` (and/or created an entity of a list). */
export async function link(db: Db, event: EventMeta, change: { operation?: string; list?: LinkList; item?: string }): Promise<void> {
  const id = event.transaction.hash;
  const existing = await db.find(transactionLinks, { id });
  const row = existing ?? { id, timelockOperationId: null, documents: [], allocations: [], releases: [] };
  const next = { ...row };
  if (change.operation !== undefined) next.timelockOperationId = change.operation;
  if (change.list !== undefined && change.item !== undefined) next[change.list] = [...row[change.list], change.item];
  if (existing === null) await db.insert(transactionLinks).values(next);
  else await db.update(transactionLinks, { id }).set(next);
}
