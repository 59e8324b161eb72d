// DocumentRegistry: documents (status, amendment chain, history), batches and batch member revocations,
// per-agency document counters.
import { BigInt, Bytes, ethereum, store } from "@graphprotocol/graph-ts";

import {
  BatchAnchored,
  BatchMemberRevoked,
  BatchRevoked,
  DocumentAmended,
  DocumentDisplaced,
  DocumentIssued,
  DocumentRevoked,
} from "../generated/DocumentRegistry/DocumentRegistry";
import { Agency, Batch, BatchMemberRevocation, Document, DocumentEvent } from "../generated/schema";
import {
  appended,
  eventId,
  getCouncil,
  getOrCreateAgency,
  getTransactionLinks,
  ONE,
  skipEvent,
  uint256ToBytes32Hex,
} from "./utils/common";
import { DOCUMENT_TYPES } from "./generated/constants";

const ZERO_HASH = "0x0000000000000000000000000000000000000000000000000000000000000000";

function historyEntry(
  event: ethereum.Event,
  document: string,
  kind: string,
  related: string | null,
  account: Bytes | null,
  reason: string | null,
): void {
  const entry = new DocumentEvent(eventId(event) + "-" + document);
  entry.document = document;
  entry.kind = kind;
  entry.related = related;
  entry.account = account;
  entry.reason = reason;
  entry.timestamp = event.block.timestamp;
  entry.blockNumber = event.block.number;
  entry.transactionHash = event.transaction.hash;
  entry.save();
}

export function handleDocumentIssued(event: DocumentIssued): void {
  const p = event.params;
  const id = uint256ToBytes32Hex(p.tokenId);
  if (Document.load(id) != null) {
    skipEvent(event, "document " + id + " issued twice");
    return;
  }
  if (p.docType < 0 || p.docType >= DOCUMENT_TYPES.length) {
    skipEvent(event, "unknown document type " + p.docType.toString());
    return;
  }
  const agency = getOrCreateAgency(p.agencyId);
  const document = new Document(id);
  document.tokenId = p.tokenId;
  document.contentHash = Bytes.fromHexString(id);
  document.docType = DOCUMENT_TYPES[p.docType];
  document.status = "ACTIVE";
  document.agency = agency.id;
  document.issuer = p.issuer;
  document.issuedAt = event.block.timestamp;
  document.issuedBlock = event.block.number;
  document.issuedTx = event.transaction.hash;
  document.metadataDigest = p.metadataDigest;
  if (p.coSignatureDigest.toHexString() != ZERO_HASH) document.coSignatureDigest = p.coSignatureDigest;
  document.allocationCount = 0;
  document.save();
  historyEntry(event, id, "ISSUED", null, p.issuer, null);

  agency.documentsIssued = agency.documentsIssued.plus(ONE);
  agency.save();
  const council = getCouncil();
  council.documentCount = council.documentCount.plus(ONE);
  council.save();
  const links = getTransactionLinks(event);
  links.documents = appended(links.documents, id);
  links.save();
}

export function handleDocumentAmended(event: DocumentAmended): void {
  const oldId = uint256ToBytes32Hex(event.params.oldTokenId);
  const newId = uint256ToBytes32Hex(event.params.newTokenId);
  const older = Document.load(oldId);
  const newer = Document.load(newId);
  if (older == null || newer == null) {
    skipEvent(event, "amendment " + oldId + " -> " + newId + " names an unknown document");
    return;
  }
  const reason = event.params.reason;
  newer.supersedes = oldId;
  newer.amendReason = reason;
  newer.save();
  older.supersededBy = newId;
  // Status only moves Active → Amended; a revoked document stays revoked (the link is still recorded).
  if (older.status == "ACTIVE") {
    older.status = "AMENDED";
    const agency = Agency.load(older.agency);
    if (agency != null) {
      agency.documentsAmended = agency.documentsAmended.plus(ONE);
      agency.save();
    }
  } else {
    skipEvent(event, "amendment of " + older.status + " document " + oldId + ": link recorded, status kept");
  }
  older.save();
  historyEntry(event, newId, "AMENDED", oldId, event.transaction.from, reason);
  historyEntry(event, oldId, "SUPERSEDED", newId, event.transaction.from, reason);
}

export function handleDocumentRevoked(event: DocumentRevoked): void {
  const id = uint256ToBytes32Hex(event.params.tokenId);
  const document = Document.load(id);
  if (document == null) {
    skipEvent(event, "revocation of unknown document " + id);
    return;
  }
  if (document.status == "REVOKED") {
    skipEvent(event, "second revocation of document " + id);
    return;
  }
  document.status = "REVOKED";
  document.revokedAt = event.block.timestamp;
  document.revokedBy = event.params.revokedBy;
  document.revokeReason = event.params.reason;
  document.save();
  historyEntry(event, id, "REVOKED", null, event.params.revokedBy, event.params.reason);
  const agency = Agency.load(document.agency);
  if (agency != null) {
    agency.documentsRevoked = agency.documentsRevoked.plus(ONE);
    agency.save();
  }
}

export function handleDocumentDisplaced(event: DocumentDisplaced): void {
  // An act of the Timelock takes the content hash of a registrar's entry; the act's DocumentIssued follows in the
  // same transaction. The entry's history stays under the id, marked DISPLACED; linked documents are unlinked.
  const id = uint256ToBytes32Hex(event.params.tokenId);
  const document = Document.load(id);
  if (document == null) {
    skipEvent(event, "displacement of unknown document " + id);
    return;
  }
  const older = document.supersedes;
  if (older !== null) {
    const previous = Document.load(older as string);
    if (previous != null) {
      previous.supersededBy = null;
      previous.save();
    }
  }
  const newer = document.supersededBy;
  if (newer !== null) {
    const next = Document.load(newer as string);
    if (next != null) {
      next.supersedes = null;
      next.save();
    }
  }
  historyEntry(event, id, "DISPLACED", null, event.params.previousIssuer, null);
  store.remove("Document", id);
  const council = getCouncil();
  council.documentCount = council.documentCount.minus(ONE);
  council.save();
}

/** Batches are keyed by agency and root on chain (no agency can anchor another's root first). */
function batchId(agencyId: BigInt, root: Bytes): string {
  return agencyId.toString() + "-" + root.toHexString();
}

export function handleBatchAnchored(event: BatchAnchored): void {
  const p = event.params;
  const id = batchId(p.agencyId, p.root);
  if (Batch.load(id) != null) {
    skipEvent(event, "batch " + id + " anchored twice");
    return;
  }
  const agency = getOrCreateAgency(p.agencyId);
  const batch = new Batch(id);
  batch.root = p.root;
  batch.agency = agency.id;
  batch.issuer = p.issuer;
  batch.count = p.count;
  batch.metadataDigest = p.metadataDigest;
  batch.anchoredAt = event.block.timestamp;
  batch.anchoredTx = event.transaction.hash;
  batch.revoked = false;
  batch.revokedMemberCount = 0;
  batch.save();
  agency.batchesAnchored = agency.batchesAnchored.plus(ONE);
  agency.batchDocumentsAnchored = agency.batchDocumentsAnchored.plus(p.count);
  agency.save();
}

export function handleBatchRevoked(event: BatchRevoked): void {
  const id = batchId(event.params.agencyId, event.params.root);
  const batch = Batch.load(id);
  if (batch == null || batch.revoked) {
    skipEvent(event, "revocation of batch " + id + ", which is unknown or already revoked");
    return;
  }
  batch.revoked = true;
  batch.revokedAt = event.block.timestamp;
  batch.revokedBy = event.params.revokedBy;
  batch.revokeReason = event.params.reason;
  batch.save();
}

export function handleBatchMemberRevoked(event: BatchMemberRevoked): void {
  const root = batchId(event.params.agencyId, event.params.root);
  const batch = Batch.load(root);
  if (batch == null) {
    skipEvent(event, "member revocation in unknown batch " + root);
    return;
  }
  const id = root + "-" + event.params.contentHash.toHexString();
  if (BatchMemberRevocation.load(id) != null) {
    skipEvent(event, "second revocation of batch member " + id);
    return;
  }
  const revocation = new BatchMemberRevocation(id);
  revocation.batch = root;
  revocation.contentHash = event.params.contentHash;
  revocation.revokedBy = event.params.revokedBy;
  revocation.reason = event.params.reason;
  revocation.timestamp = event.block.timestamp;
  revocation.transactionHash = event.transaction.hash;
  revocation.save();
  batch.revokedMemberCount = batch.revokedMemberCount + 1;
  batch.save();
}
