// verify/{sha256}: is this file an official document? Status, agency, enacting proposal and its votes, transaction,
// block time, and the ML-DSA co-signature check.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { asc, eq } from "ponder";

import { checkCoSignature, coSigningAgencyId } from "../cosign.js";
import { cell } from "../formats.js";
import { governorStates, stateClock } from "../governor-state.js";
import { proposalRow, voteRow } from "../rows.js";
import { documentId } from "./documents.js";

export const verify = new Hono().get("/verify/:sha256", async (c) => {
  const id = documentId.parse(c.req.param("sha256"));
  const [doc] = await db.select().from(schema.document).where(eq(schema.document.id, id)).limit(1);
  if (doc === undefined) {
    const revocations = await db.select().from(schema.batchMemberRevocation).where(eq(schema.batchMemberRevocation.contentHash, id));
    return c.json({ sha256: id, found: false, batchMemberRevocations: revocations.map((r) => ({ batch: r.batchId, reason: r.reason, revokedBy: r.revokedBy, timestamp: cell(r.timestamp), transactionHash: r.transactionHash })) });
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
