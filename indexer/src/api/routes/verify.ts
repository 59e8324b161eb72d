// verify/{sha256}: is this file an official document, or a member of a Merkle-anchored batch? Status, agency,
// enacting proposal and its votes, transaction, block time, the ML-DSA co-signature check, and a member's proof.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { asc, eq } from "ponder";

import { findBatchMemberships } from "../batch-members.js";
import { checkBatchCoSignature, checkCoSignature, coSigningAgencyId } from "../cosign.js";
import { cell } from "../formats.js";
import { governorStates, stateClock } from "../governor-state.js";
import { proposalRow, voteRow } from "../rows.js";
import { documentId } from "./documents.js";

export const verify = new Hono().get("/verify/:sha256", async (c) => {
  const id = documentId.parse(c.req.param("sha256"));
  const [doc] = await db.select().from(schema.document).where(eq(schema.document.id, id)).limit(1);
  if (doc === undefined) {
    const revocations = await db.select().from(schema.batchMemberRevocation).where(eq(schema.batchMemberRevocation.contentHash, id));
    const batches = await db.select().from(schema.batch).orderBy(asc(schema.batch.anchoredAt), asc(schema.batch.id));
    const { found, unreadable } = await findBatchMemberships(batches, id);
    const membership = found.find((m) => !isRevoked(m.batchId)) ?? found[0];
    const batch = membership && batches.find((b) => b.id === membership.batchId);
    function isRevoked(batchId: string): boolean {
      return batches.find((b) => b.id === batchId)?.revoked === true || revocations.some((r) => r.batchId === batchId);
    }
    if (membership === undefined || batch === undefined) {
      return c.json({
        sha256: id,
        found: false,
        // Batches whose tree is not in the content store could not be searched: "not found" is then not certain.
        unsearchedBatches: unreadable,
        batchMemberRevocations: revocations.map((r) => ({ batch: r.batchId, reason: r.reason, revokedBy: r.revokedBy, timestamp: cell(r.timestamp), transactionHash: r.transactionHash })),
      });
    }
    const [agency] = await db.select().from(schema.agency).where(eq(schema.agency.id, batch.agencyId)).limit(1);
    const [signer] = await db.select().from(schema.agency).where(eq(schema.agency.id, coSigningAgencyId(batch.agencyId))).limit(1);
    const memberRevocation = revocations.find((r) => r.batchId === batch.id);
    const revoked = batch.revoked
      ? { at: cell(batch.revokedAt), by: batch.revokedBy, reason: batch.revokeReason }
      : memberRevocation
        ? { at: cell(memberRevocation.timestamp), by: memberRevocation.revokedBy, reason: memberRevocation.reason }
        : null;
    return c.json({
      sha256: id,
      found: true,
      status: revoked ? "REVOKED" : "ACTIVE",
      docType: membership.metadata.type.toUpperCase() as Uppercase<typeof membership.metadata.type>,
      agency: { id: batch.agencyId.toString(), name: agency?.name ?? null },
      issuer: batch.issuer,
      transactionHash: batch.anchoredTx,
      blockNumber: null,
      blockTime: cell(batch.anchoredAt),
      supersedes: null,
      supersededBy: null,
      revoked,
      proposal: null,
      coSignature: await checkBatchCoSignature(membership.metadata, batch.root, signer?.pqKeyHash ?? null, batch.agencyId),
      batch: {
        id: batch.id,
        root: batch.root,
        agencyId: batch.agencyId.toString(),
        count: cell(batch.count),
        metadataDigest: batch.metadataDigest,
        revoked: batch.revoked,
        number: membership.metadata.number,
        title: membership.metadata.title,
        file: membership.file && { name: membership.file.name, dataset: membership.file.dataset, mediaType: membership.file.mediaType },
        index: membership.index,
        // Checked by the client against the root on chain (DocumentRegistry.verifyBatchMember), never taken on trust.
        proof: membership.proof,
      },
    });
  }
  const [agency] = await db.select().from(schema.agency).where(eq(schema.agency.id, doc.agencyId)).limit(1);
  const [signer] = await db.select().from(schema.agency).where(eq(schema.agency.id, coSigningAgencyId(doc.agencyId))).limit(1);
  let proposal = null;
  if (doc.proposalId !== null) {
    const [p] = await db.select().from(schema.proposal).where(eq(schema.proposal.id, doc.proposalId)).limit(1);
    const votes = await db.select().from(schema.vote).where(eq(schema.vote.proposalId, doc.proposalId)).orderBy(asc(schema.vote.blockNumber), asc(schema.vote.id));
    if (p) proposal = { ...proposalRow(p, (await governorStates([p], await stateClock())).get(p.id) ?? "Pending"), votes: votes.map(voteRow) };
  }
  const coSignature = await checkCoSignature({ ...doc, keyHash: signer?.pqKeyHash ?? null });
  return c.json({
    sha256: id,
    found: true,
    status: doc.status,
    docType: doc.docType,
    agency: { id: doc.agencyId.toString(), name: agency?.name ?? null },
    issuer: doc.issuer,
    transactionHash: doc.issuedTx,
    blockNumber: cell(doc.issuedBlock),
    blockTime: cell(doc.issuedAt),
    supersedes: doc.supersedesId,
    supersededBy: doc.supersededById,
    revoked: doc.status === "REVOKED" ? { at: cell(doc.revokedAt), by: doc.revokedBy, reason: doc.revokeReason } : null,
    proposal,
    coSignature,
  });
});
