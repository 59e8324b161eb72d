// DocumentRegistry: documents (status, amendment chain, history), batches and batch member revocations,
// per-agency document counters.
import { DOCUMENT_TYPE_CODES } from "@government-dao/core/enums";
import { ponder } from "ponder:registry";
import { agency, batch, batchMemberRevocation, document, documentEvent } from "ponder:schema";

import {
  type Db,
  type EventMeta,
  eventId,
  getOrCreateAgency,
  link,
  lower,
  skipEvent,
  uint256ToBytes32Hex,
  updateCouncil,
  ZERO_HASH,
} from "./utils/common.js";
import { documentLabelColumns } from "./utils/document-metadata.js";


async function historyEntry(
  db: Db,
  event: EventMeta,
  documentId: string,
  kind: (typeof documentEvent.$inferInsert)["kind"],
  relatedId: string | null,
  account: `0x${string}` | null,
  reason: string | null,
): Promise<void> {
  await db.insert(documentEvent).values({
    id: `${eventId(event)}-${documentId}`,
    documentId,
    kind,
    relatedId,
    account: account === null ? null : lower(account),
    reason,
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
  });
}

ponder.on("DocumentRegistry:DocumentIssued", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const id = uint256ToBytes32Hex(a.tokenId);
  if ((await db.find(document, { id })) !== null) return skipEvent(event, `document ${id} issued twice`);
  const docType = DOCUMENT_TYPE_CODES[a.docType];
  if (docType === undefined) return skipEvent(event, `unknown document type ${a.docType}`);
  const agencyRow = await getOrCreateAgency(db, BigInt(a.agencyId));
  await db.insert(document).values({
    id,
    tokenId: a.tokenId,
    contentHash: id,
    docType,
    status: "ACTIVE",
    agencyId: agencyRow.id,
    issuer: lower(a.issuer),
    issuedAt: event.block.timestamp,
    issuedBlock: event.block.number,
    issuedTx: event.transaction.hash,
    metadataDigest: lower(a.metadataDigest),
    coSignatureDigest: lower(a.coSignatureDigest) === ZERO_HASH ? null : lower(a.coSignatureDigest),
    allocationCount: 0,
    ...(await documentLabelColumns(id, lower(a.metadataDigest))),
  });
  await historyEntry(db, event, id, "ISSUED", null, a.issuer, null);
  await db.update(agency, { id: agencyRow.id }).set({ documentsIssued: agencyRow.documentsIssued + 1n });
  await updateCouncil(db, (c) => ({ documentCount: c.documentCount + 1n }));
  await link(db, event, { list: "documents", item: id });
});

ponder.on("DocumentRegistry:DocumentAmended", async ({ event, context }) => {
  const { db } = context;
  const oldId = uint256ToBytes32Hex(event.args.oldTokenId);
  const newId = uint256ToBytes32Hex(event.args.newTokenId);
  const older = await db.find(document, { id: oldId });
  const newer = await db.find(document, { id: newId });
  if (older === null || newer === null) return skipEvent(event, `amendment ${oldId} -> ${newId} names an unknown document`);
  const reason = event.args.reason;
  await db.update(document, { id: newId }).set({ supersedesId: oldId, amendReason: reason });
  // Status only moves Active → Amended; a revoked document stays revoked (the link is still recorded).
  if (older.status === "ACTIVE") {
    await db.update(document, { id: oldId }).set({ supersededById: newId, status: "AMENDED" });
    const agencyRow = await db.find(agency, { id: older.agencyId });
    if (agencyRow !== null) await db.update(agency, { id: agencyRow.id }).set({ documentsAmended: agencyRow.documentsAmended + 1n });
  } else {
    await db.update(document, { id: oldId }).set({ supersededById: newId });
    skipEvent(event, `amendment of ${older.status} document ${oldId}: link recorded, status kept`);
  }
  await historyEntry(db, event, newId, "AMENDED", oldId, event.transaction.from, reason);
  await historyEntry(db, event, oldId, "SUPERSEDED", newId, event.transaction.from, reason);
});

ponder.on("DocumentRegistry:DocumentRevoked", async ({ event, context }) => {
  const { db } = context;
  const id = uint256ToBytes32Hex(event.args.tokenId);
  const row = await db.find(document, { id });
  if (row === null) return skipEvent(event, `revocation of unknown document ${id}`);
  if (row.status === "REVOKED") return skipEvent(event, `second revocation of document ${id}`);
  await db.update(document, { id }).set({
    status: "REVOKED",
    revokedAt: event.block.timestamp,
    revokedBy: lower(event.args.revokedBy),
    revokeReason: event.args.reason,
  });
  await historyEntry(db, event, id, "REVOKED", null, event.args.revokedBy, event.args.reason);
  const agencyRow = await db.find(agency, { id: row.agencyId });
  if (agencyRow !== null) await db.update(agency, { id: agencyRow.id }).set({ documentsRevoked: agencyRow.documentsRevoked + 1n });
});

ponder.on("DocumentRegistry:DocumentDisplaced", async ({ event, context }) => {
  // An act of the Timelock takes the content hash of a registrar's entry; the act's DocumentIssued follows in the
  // same transaction. The entry's history stays under the id, marked DISPLACED; the documents it was linked with are
  // unlinked, as on chain.
  const { db } = context;
  const id = uint256ToBytes32Hex(event.args.tokenId);
  const row = await db.find(document, { id });
  if (row === null) return skipEvent(event, `displacement of unknown document ${id}`);
  if (row.supersedesId !== null && (await db.find(document, { id: row.supersedesId })) !== null) {
    await db.update(document, { id: row.supersedesId }).set({ supersededById: null });
  }
  if (row.supersededById !== null && (await db.find(document, { id: row.supersededById })) !== null) {
    await db.update(document, { id: row.supersededById }).set({ supersedesId: null });
  }
  await historyEntry(db, event, id, "DISPLACED", null, event.args.previousIssuer, null);
  await db.delete(document, { id });
  await updateCouncil(db, (c) => ({ documentCount: c.documentCount - 1n }));
});

/** Batches are keyed by agency and root on chain (no agency can anchor another's root first). */
const batchId = (agencyId: number | bigint, root: `0x${string}`): string => `${agencyId}-${lower(root)}`;

ponder.on("DocumentRegistry:BatchAnchored", async ({ event, context }) => {
  const { db } = context;
  const a = event.args;
  const id = batchId(a.agencyId, a.root);
  if ((await db.find(batch, { id })) !== null) return skipEvent(event, `batch ${id} anchored twice`);
  const agencyRow = await getOrCreateAgency(db, BigInt(a.agencyId));
  await db.insert(batch).values({
    id,
    root: lower(a.root),
    agencyId: agencyRow.id,
    issuer: lower(a.issuer),
    count: BigInt(a.count),
    metadataDigest: lower(a.metadataDigest),
    anchoredAt: event.block.timestamp,
    anchoredBlock: event.block.number,
    anchoredLogIndex: event.log.logIndex,
    anchoredTx: event.transaction.hash,
    revoked: false,
    revokedMemberCount: 0,
  });
  await db.update(agency, { id: agencyRow.id }).set({
    batchesAnchored: agencyRow.batchesAnchored + 1n,
    batchDocumentsAnchored: agencyRow.batchDocumentsAnchored + BigInt(a.count),
  });
});

ponder.on("DocumentRegistry:BatchRevoked", async ({ event, context }) => {
  const id = batchId(event.args.agencyId, event.args.root);
  const row = await context.db.find(batch, { id });
  if (row === null || row.revoked) return skipEvent(event, `revocation of batch ${id}, which is unknown or already revoked`);
  await context.db.update(batch, { id }).set({
    revoked: true,
    revokedAt: event.block.timestamp,
    revokedBy: lower(event.args.revokedBy),
    revokeReason: event.args.reason,
  });
});

ponder.on("DocumentRegistry:BatchMemberRevoked", async ({ event, context }) => {
  const { db } = context;
  const root = batchId(event.args.agencyId, event.args.root);
  const row = await db.find(batch, { id: root });
  if (row === null) return skipEvent(event, `member revocation in unknown batch ${root}`);
  const id = `${root}-${lower(event.args.contentHash)}`;
  if ((await db.find(batchMemberRevocation, { id })) !== null) return skipEvent(event, `second revocation of batch member ${id}`);
  await db.insert(batchMemberRevocation).values({
    id,
    batchId: root,
    contentHash: lower(event.args.contentHash),
    revokedBy: lower(event.args.revokedBy),
    reason: event.args.reason,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
  await db.update(batch, { id: root }).set({ revokedMemberCount: row.revokedMemberCount + 1 });
});
