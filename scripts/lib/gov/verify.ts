/**
 * `gov verify <file>`: what the chain says about a file. Needs only an RPC URL (plus the deployment's addresses);
 * the co-signature is checked when the metadata and the agency's public key are in the local content store.
 *
 *   1. sha-256 of the file = the token id; `DocumentRegistry.verify(hash)` → found, status, agency, issuer, links;
 *   2. why it is Amended or Revoked (the reason in the DocumentAmended/DocumentRevoked log);
 *   3. the metadata (CIDv1 of `metadataDigest`) and the ML-DSA-65 co-signature against the key the AgencyRegistry
 *      holds for the co-signing agency, and the signature digest anchored on chain.
 */
import { CENTRAL_GOVERNMENT_AGENCY_ID, agencyName as nameOfAgency } from "@government-dao/core/agencies";
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, hex32 } from "@government-dao/core/enums";
import { type BatchTree, batchProof, loadBatchTree } from "@government-dao/core/batch-proof";
import { sha256 } from "ethers";

import { cidFromDigest } from "@government-dao/core/content-store";
import { type BatchMetadata, parseBatchMetadata, parseDocumentMetadata } from "@government-dao/core/metadata";
import { parseSnapshotManifest } from "@government-dao/core/snapshot";
import { coSigningAgencyId, verifyCoSignature, verifySignatureBlock } from "@government-dao/core/cosignature";
import { terminalSafe } from "../terminal-text.js";
import type { GovContext } from "./context.js";

const ZERO = `0x${"0".repeat(64)}`;

/** The outcome of verifying a file. */
export interface Verification {
  contentHash: string;
  found: boolean;
  status?: (typeof DOCUMENT_STATUSES)[number];
  type?: (typeof DOCUMENT_TYPES)[number];
  agencyId?: number;
  agencyName?: string;
  issuer?: string;
  issuedAt?: number;
  metadataCid?: string;
  supersedes?: string;
  supersededBy?: string;
  /** The reason given when it was amended or revoked. */
  reason?: string;
  /** Transaction that issued it. */
  issuedTx?: string;
  /** Set when the file is not a document of its own but a member of a Merkle-anchored batch. */
  batch?: { root: string; number: string; count: number; anchoredAt: number; anchoredTx: string; revoked: boolean; file?: { name: string; dataset: string } };
  coSignature: { checked: boolean; ok: boolean; detail: string };
}

/** Verifies `file` (its bytes) against the chain behind `ctx`. */
export async function verifyFile(ctx: GovContext, file: Uint8Array): Promise<Verification> {
  const contentHash = sha256(file);
  const { documents, agencies } = ctx.contracts;
  const doc = await documents.verify(contentHash);
  if (!doc.found) {
    const member = await findBatchMember(ctx, contentHash);
    if (member) return member;
    return { contentHash, found: false, coSignature: { checked: false, ok: false, detail: "no such document" } };
  }

  const tokenId = BigInt(contentHash);
  const status = DOCUMENT_STATUSES[Number(doc.status)] ?? "Active";
  let reason: string | undefined;
  if (status === "Revoked") {
    const [log] = await documents.queryFilter(documents.filters.DocumentRevoked(tokenId), 0, "latest");
    reason = log?.args.reason;
  } else if (status === "Amended") {
    const [log] = await documents.queryFilter(documents.filters.DocumentAmended(tokenId), 0, "latest");
    reason = log?.args.reason;
  }
  const [issued] = await documents.queryFilter(documents.filters.DocumentIssued(tokenId), 0, "latest");
  const agencyId = Number(doc.agencyId);
  const agencyName = nameOfAgency(agencyId, agencyId === CENTRAL_GOVERNMENT_AGENCY_ID ? null : (await agencies.agency(agencyId)).name);

  const result: Verification = {
    contentHash,
    found: true,
    status,
    type: DOCUMENT_TYPES[Number(doc.docType)] ?? "decree",
    agencyId,
    agencyName,
    issuer: doc.issuer,
    issuedAt: Number(doc.issuedAt),
    metadataCid: cidFromDigest(doc.metadataDigest),
    ...(doc.supersedes !== 0n ? { supersedes: hex32(doc.supersedes) } : {}),
    ...(doc.supersededBy !== 0n ? { supersededBy: hex32(doc.supersededBy) } : {}),
    ...(reason !== undefined ? { reason } : {}),
    ...(issued ? { issuedTx: issued.transactionHash } : {}),
    coSignature: { checked: false, ok: false, detail: "" },
  };
  result.coSignature = await checkCoSignature(ctx, contentHash, doc.metadataDigest, doc.coSignatureDigest, agencyId);
  return result;
}

/** Why the content store could not give a blob: it is absent, or its bytes no longer match their CID. */
const missingOrCorrupted = (error: unknown): string =>
  error instanceof Error && /corrupted/.test(error.message) ? "in the content store is corrupted (its sha-256 differs from the CID)" : "is not in the content store";

/**
 * Looks for `contentHash` in every anchored batch whose tree dump is in the content store (the chain holds only the
 * root): builds the proof from the dump and asks the registry (`verifyBatchMember`, per agency and root) whether it
 * holds, is revoked, or is superseded (the same file registered as a document that was amended).
 */
async function findBatchMember(ctx: GovContext, contentHash: string): Promise<Verification | undefined> {
  const { documents, agencies } = ctx.contracts;
  for (const log of await documents.queryFilter(documents.filters.BatchAnchored(), 0, "latest")) {
    let tree: BatchTree;
    let metadata;
    try {
      metadata = parseBatchMetadata(await ctx.store.getByDigest(log.args.metadataDigest));
      tree = loadBatchTree(await ctx.store.getText(metadata.batch.treeDumpCid));
    } catch {
      continue; // this batch's metadata or tree is not in the local store
    }
    const proof = batchProof(tree, contentHash);
    if (!proof) continue;
    const agencyId = Number(log.args.agencyId);
    const [member, revoked, superseded] = await documents.verifyBatchMember(agencyId, log.args.root, contentHash, proof);
    if (!member) continue;
    const anchoredAt = (await ctx.provider.getBlock(log.blockNumber))?.timestamp ?? 0;
    let reason: string | undefined;
    if (revoked) {
      const [whole] = await documents.queryFilter(documents.filters.BatchRevoked(log.args.root, agencyId), 0, "latest");
      const members = await documents.queryFilter(documents.filters.BatchMemberRevoked(log.args.root, contentHash), 0, "latest");
      const one = members.find((m) => Number(m.args.agencyId) === agencyId);
      reason = one?.args.reason ?? whole?.args.reason;
    }
    const signer = coSigningAgencyId(agencyId);
    const keyHash = (await agencies.agency(signer)).pqKeyHash;
    let coSignature: Verification["coSignature"];
    try {
      const publicKey = await ctx.store.getByDigest(keyHash);
      const check = verifySignatureBlock(metadata.coSignature, log.args.root, ctx.chainId, ctx.addresses.documents, keyHash, { publicKey });
      coSignature = check.ok
        ? { checked: true, ok: true, detail: `valid ML-DSA-65 co-signature of the batch root by agency ${signer} (key ${keyHash.slice(0, 10)}…)` }
        : { checked: true, ok: false, detail: `INVALID: ${check.reason}` };
    } catch {
      coSignature = { checked: false, ok: false, detail: `not checked: agency ${signer}'s public key is not in the content store` };
    }
    return {
      contentHash,
      found: true,
      status: revoked ? "Revoked" : superseded ? "Amended" : "Active",
      type: metadata.type,
      agencyId,
      agencyName: (await agencies.agency(agencyId)).name,
      issuer: log.args.issuer,
      issuedAt: anchoredAt,
      metadataCid: cidFromDigest(log.args.metadataDigest),
      ...(reason !== undefined ? { reason } : {}),
      issuedTx: log.transactionHash,
      batch: { root: log.args.root, number: metadata.number, count: Number(log.args.count), anchoredAt, anchoredTx: log.transactionHash, revoked, ...(await manifestFile(ctx, metadata, contentHash)) },
      coSignature,
    };
  }
  return undefined;
}

/** The member's entry in the manifest the batch metadata names (an open-data snapshot's file), if it can be read. */
async function manifestFile(ctx: GovContext, metadata: BatchMetadata, contentHash: string): Promise<{ file?: { name: string; dataset: string } }> {
  if (metadata.batch.manifestCid === undefined) return {};
  try {
    const entry = parseSnapshotManifest(await ctx.store.get(metadata.batch.manifestCid)).files.find((f) => f.sha256 === contentHash.toLowerCase());
    return entry ? { file: { name: entry.name, dataset: entry.dataset } } : {};
  } catch {
    return {}; // not in the local store, or malformed: the membership stands without the file's name
  }
}

async function checkCoSignature(
  ctx: GovContext,
  contentHash: string,
  metadataDigest: string,
  anchoredDigest: string,
  agencyId: number,
): Promise<Verification["coSignature"]> {
  const signer = coSigningAgencyId(agencyId);
  const keyHash = (await ctx.contracts.agencies.agency(signer)).pqKeyHash;
  let metadataBytes: Uint8Array;
  try {
    metadataBytes = await ctx.store.getByDigest(metadataDigest);
  } catch (error) {
    return { checked: false, ok: false, detail: `not checked: metadata ${cidFromDigest(metadataDigest)} ${missingOrCorrupted(error)} (${ctx.store.root})` };
  }
  let publicKey: Uint8Array;
  try {
    publicKey = await ctx.store.getByDigest(keyHash);
  } catch (error) {
    return { checked: false, ok: false, detail: `not checked: agency ${signer}'s public key ${cidFromDigest(keyHash)} ${missingOrCorrupted(error)}` };
  }
  let metadata;
  try {
    metadata = parseDocumentMetadata(metadataBytes);
  } catch (error) {
    return { checked: true, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
  const check = verifyCoSignature(metadata, contentHash, ctx.chainId, ctx.addresses.documents, keyHash, {
    publicKey,
    ...(anchoredDigest !== ZERO ? { anchoredDigest } : {}),
  });
  return check.ok
    ? { checked: true, ok: true, detail: `valid ML-DSA-65 co-signature by agency ${signer} (key ${keyHash.slice(0, 10)}…)` }
    : { checked: true, ok: false, detail: `INVALID: ${check.reason}` };
}

/** The verification as printable lines; what comes from the chain or the content store is escaped (terminal-text.ts). */
export function formatVerification(v: Verification): string[] {
  const safe = terminalSafe;
  if (!v.found) return [`NOT FOUND: no document with sha-256 ${v.contentHash} is registered on this chain.`];
  const lines = [
    `FOUND: ${safe(v.type)} of ${safe(v.agencyName)} (agency ${v.agencyId}), status ${v.status}${v.batch ? `, member of a batch of ${v.batch.count}` : ""}`,
    `  sha-256 / token id  ${v.contentHash}`,
    `  issued              ${new Date((v.issuedAt ?? 0) * 1000).toISOString()} by ${safe(v.issuer)}${v.issuedTx ? ` in tx ${v.issuedTx}` : ""}`,
    `  metadata            ipfs://${v.metadataCid}`,
  ];
  if (v.batch) {
    lines.push(`  batch               ${safe(v.batch.number)}, root ${v.batch.root} (Merkle proof checked by the registry)`);
    if (v.batch.file) lines.push(`  file                ${safe(v.batch.file.name)} (data set ${safe(v.batch.file.dataset)}, as the batch's manifest names it)`);
  }
  if (v.supersedes) lines.push(`  amends              ${v.supersedes}`);
  if (v.status === "Amended") lines.push(`  AMENDED by          ${v.supersededBy}${v.reason ? ` — "${safe(v.reason)}"` : ""}`);
  if (v.status === "Revoked") lines.push(`  REVOKED             ${v.reason ? `"${safe(v.reason)}"` : ""}`);
  lines.push(`  co-signature        ${safe(v.coSignature.detail)}`);
  return lines;
}
