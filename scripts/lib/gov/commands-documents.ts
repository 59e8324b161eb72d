/**
 * The registrars' commands (mint, amend, revoke an agency document) and everyone's `verify`. Metadata is validated
 * and the co-signing key checked against the AgencyRegistry before anything is sent.
 */
import { CENTRAL_GOVERNMENT_AGENCY_ID, CENTRAL_GOVERNMENT_NAMES } from "@government-dao/core/agencies";
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, hex32 } from "@government-dao/core/enums";
import { sha256 } from "ethers";

import type { DocumentDescription } from "../documents.js";
import { prepareDocumentFile } from "../documents.js";
import { PlainError } from "../explain-error.js";
import { MetadataError } from "@government-dao/core/metadata";
import { coSigningAgencyId } from "@government-dao/core/cosignature";
import { assertRegisteredKey, signingContext } from "./builders.js";
import type { Output } from "./commands-governance.js";
import type { GovContext } from "./context.js";
import { readDocumentFile } from "./inputs.js";
import { sendChecked } from "./transactions.js";
import { formatVerification, verifyFile } from "./verify.js";
import { jsonSafe, terminalSafe } from "../terminal-text.js";

/** Metadata as typed on the command line. */
export interface MetadataOptions {
  number: string;
  titleKk: string;
  titleRu: string;
  titleEn: string;
  adopted?: string;
  effective?: string;
  mediaType?: string;
  pqKey?: string;
}


/** The description of a document of `type` and `agencyId` from the options; the date defaults to the chain's. */
export async function describeDocument(
  ctx: GovContext,
  type: DocumentDescription["type"],
  agencyId: number,
  options: MetadataOptions,
  mediaType: string,
): Promise<DocumentDescription> {
  const agencyName = agencyId === CENTRAL_GOVERNMENT_AGENCY_ID ? CENTRAL_GOVERNMENT_NAMES.en : (await ctx.contracts.agencies.agency(agencyId)).name;
  if (agencyId !== 0 && !agencyName) throw new PlainError(`Unknown agency ${agencyId}. Nothing was sent.`);
  const today = new Date(((await ctx.provider.getBlock("latest"))?.timestamp ?? Date.now() / 1000) * 1000).toISOString().slice(0, 10);
  return {
    type,
    agency: { id: agencyId, name: agencyName },
    number: options.number,
    title: { kk: options.titleKk, ru: options.titleRu, en: options.titleEn },
    dates: { adopted: options.adopted ?? today, ...(options.effective ? { effective: options.effective } : {}) },
    mediaType: options.mediaType ?? mediaType,
  };
}

/** Validates, co-signs and stores a file; a plain error (nothing stored, nothing sent) for bad metadata or keys. */
export async function prepareFromOptions(
  ctx: GovContext,
  bytes: Uint8Array,
  description: DocumentDescription,
  pqKey: string | undefined,
  supersedes?: string,
) {
  const signing = await signingContext(ctx, pqKey);
  await assertRegisteredKey(ctx, signing, coSigningAgencyId(description.agency.id));
  try {
    return await prepareDocumentFile(bytes, description, signing, supersedes);
  } catch (error) {
    if (error instanceof MetadataError) throw new PlainError(`${error.message}. Nothing was sent.`);
    throw error;
  }
}

/** A plain error (before anything is signed or stored) if the file is already registered. */
export async function assertNotRegistered(ctx: GovContext, file: string, bytes: Uint8Array): Promise<void> {
  const contentHash = sha256(bytes);
  if ((await ctx.contracts.documents.verify(contentHash)).found) {
    throw new PlainError(`Duplicate document: ${file} (sha-256 ${contentHash}) is already registered. Nothing was sent.`);
  }
}

/** A registrar mints an agency document (order, certificate, notice) from a file. */
export async function mint(
  ctx: GovContext,
  io: Output,
  file: string,
  type: DocumentDescription["type"],
  agencyId: number,
  options: MetadataOptions,
  mediaType: string,
): Promise<void> {
  const bytes = await readDocumentFile(file);
  const signer = ctx.signer().address;
  if (!(await ctx.contracts.agencies.isRegistrar(agencyId, signer))) {
    throw new PlainError(`${signer} is not a registrar of agency ${agencyId}. Nothing was sent.`);
  }
  await assertNotRegistered(ctx, file, bytes);
  const description = await describeDocument(ctx, type, agencyId, options, mediaType);
  const doc = await prepareFromOptions(ctx, bytes, description, options.pqKey);
  const { documents } = ctx.as();
  const receipt = await sendChecked(
    ctx,
    "mint",
    documents.issue.populateTransaction(doc.docType, agencyId, doc.contentHash, doc.metadataDigest, doc.coSignatureDigest),
  );
  io.out(`Minted ${type} ${terminalSafe(options.number)} as document ${doc.contentHash} in tx ${receipt.hash} (metadata ipfs://${doc.metadataCid}).`);
}

/** A registrar issues a new version of an Active document; the old one becomes Amended. */
export async function amend(
  ctx: GovContext,
  io: Output,
  oldId: string,
  file: string,
  reason: string,
  options: MetadataOptions,
  mediaType: string,
): Promise<void> {
  const old = await ctx.contracts.documents.verify(oldId);
  if (!old.found) throw new PlainError(`Unknown document ${oldId}. Nothing was sent.`);
  if (Number(old.status) !== 0) throw new PlainError(`Document ${oldId} is ${DOCUMENT_STATUSES[Number(old.status)]}; only an Active document can be amended. Nothing was sent.`);
  if (!reason.trim()) throw new PlainError("An amendment needs a --reason. Nothing was sent.");
  const bytes = await readDocumentFile(file);
  const type = DOCUMENT_TYPES[Number(old.docType)] ?? "order";
  const description = await describeDocument(ctx, type, Number(old.agencyId), options, mediaType);
  const doc = await prepareFromOptions(ctx, bytes, description, options.pqKey, hex32(old.tokenId));
  const { documents } = ctx.as();
  const receipt = await sendChecked(
    ctx,
    "amend",
    documents.amend.populateTransaction(old.tokenId, doc.contentHash, doc.metadataDigest, doc.coSignatureDigest, reason),
  );
  io.out(`Amended ${oldId} by ${doc.contentHash} in tx ${receipt.hash}.`);
}

/** A registrar revokes a document of its agency, with a public reason. */
export async function revoke(ctx: GovContext, io: Output, id: string, reason: string): Promise<void> {
  if (!reason.trim()) throw new PlainError("A revocation needs a --reason. Nothing was sent.");
  const doc = await ctx.contracts.documents.verify(id);
  if (!doc.found) throw new PlainError(`Unknown document ${id}. Nothing was sent.`);
  if (Number(doc.status) === 2) throw new PlainError(`Document ${id} is already revoked. Nothing was sent.`);
  const { documents } = ctx.as();
  const receipt = await sendChecked(ctx, "revoke", documents.revoke.populateTransaction(id, reason));
  io.out(`Revoked ${id} in tx ${receipt.hash}.`);
}

/**
 * Verifies a file; returns the exit code: 0 found and Active, 2 not found, 3 found but Amended or Revoked,
 * 4 found but the co-signature is invalid.
 */
export async function verify(ctx: GovContext, io: Output, file: string, json: boolean): Promise<number> {
  const bytes = await readDocumentFile(file, { allowEmpty: true });
  const result = await verifyFile(ctx, bytes);
  if (json) io.out(jsonSafe(result));
  else for (const line of formatVerification(result)) io.out(line);
  if (!result.found) return 2;
  if (result.coSignature.checked && !result.coSignature.ok) return 4;
  return result.status === "Active" ? 0 : 3;
}
