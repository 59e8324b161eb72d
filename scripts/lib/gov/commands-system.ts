/**
 * System-wide commands: the live roles table (who may do what, read from the chain), an export of the public
 * record as JSON files, and — on the local chain only — moving the chain clock for demos.
 */
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, MILESTONE_STATUSES, hex32 } from "@government-dao/core/enums";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { getAddress } from "ethers";

import { cidFromDigest } from "@government-dao/core/content-store";
import { PlainError } from "../explain-error.js";
import { auditRoles, formatRoles } from "../roles-audit.js";
import type { Output } from "./commands-governance.js";
import { type GovContext, LOCAL_CHAIN_ID } from "./context.js";
import { describeActions, loadProposal } from "./proposals.js";
import { terminalSafe } from "../terminal-text.js";


/** Current officials (seat holders) and registrars, from the events and checked against current state. */
async function people(ctx: GovContext) {
  const { seats, agencies } = ctx.contracts;
  const officials = [];
  const seen = new Set<string>();
  for (const log of await seats.queryFilter(seats.filters.SeatIssued(), 0, "latest")) {
    const official = getAddress(log.args.official);
    if (seen.has(official)) continue;
    seen.add(official);
    const seatId = await seats.seatIdOf(official);
    if (seatId === 0n) continue;
    const seat = await seats.seat(seatId);
    officials.push({ seatId: Number(seatId), official, agencyId: Number(seat.agencyId), position: Number(seat.position) });
  }
  const agencyList = [];
  const count = Number(await agencies.agencyCount());
  const added = await agencies.queryFilter(agencies.filters.RegistrarAdded(), 0, "latest");
  for (let i = 0; i < count; i++) {
    const id = Number(await agencies.agencyIdAt(i));
    const agency = await agencies.agency(id);
    const candidates = [...new Set(added.filter((l) => Number(l.args.agencyId) === id).map((l) => getAddress(l.args.account)))];
    const registrars = [];
    for (const account of candidates) if (await agencies.isRegistrar(id, account)) registrars.push(account);
    agencyList.push({ id, name: agency.name, active: agency.active, pqKeyHash: agency.pqKeyHash, registrars });
  }
  return { officials: officials.sort((a, b) => a.seatId - b.seatId), agencies: agencyList };
}

/** Prints the roles audit, the council and the registrars; returns false if a role is held by anyone unexpected. */
export async function roles(ctx: GovContext, io: Output): Promise<boolean> {
  const audit = await auditRoles(ctx.provider, ctx.addresses);
  const names = {
    [getAddress(ctx.addresses.timelock)]: "Timelock",
    [getAddress(ctx.addresses.governor)]: "Governor",
    [getAddress(ctx.addresses.seats)]: "Seats",
  };
  io.out(`Roles of the GovernmentDAO deployment on chain ${ctx.chainId}\n`);
  for (const line of formatRoles(audit, names).split("\n")) io.out(line);
  const { officials, agencies } = await people(ctx);
  io.out(`\nCouncil (${officials.length} seat(s)): vote and propose`);
  for (const o of officials) io.out(`  seat ${String(o.seatId).padStart(3)}  ${o.official}  agency ${o.agencyId}, position ${o.position}`);
  io.out("\nAgencies and registrars: registrars mint, amend and revoke their agency's documents");
  for (const a of agencies) {
    io.out(`  agency ${a.id} ${terminalSafe(a.name)}${a.active ? "" : " (inactive)"}: ${a.registrars.length > 0 ? a.registrars.join(", ") : "no registrars"}`);
  }
  if (audit.violations.length > 0) {
    io.err(`${audit.violations.length} unexpected role holder(s): the deployment is not safe to use.`);
    return false;
  }
  io.out("\nNo role is held by anyone but the Timelock and the Governor.");
  return true;
}

/** Writes the public record (proposals, documents, allocations, officials, agencies) as JSON files into `dir`. */
export async function exportRecord(ctx: GovContext, io: Output, dir: string): Promise<void> {
  const { governor, documents, escrow } = ctx.contracts;
  const proposals = [];
  const count = Number(await governor.proposalCount());
  for (let i = 1; i <= count; i++) {
    const p = await loadProposal(ctx, `#${i}`);
    proposals.push({
      number: p.number,
      id: p.id.toString(),
      title: p.title,
      state: p.state,
      proposer: p.proposer,
      votes: { for: p.votes.for.toString(), against: p.votes.against.toString(), abstain: p.votes.abstain.toString() },
      voteStart: Number(p.snapshot),
      voteEnd: Number(p.deadline),
      eta: Number(p.eta),
      actions: await describeActions(ctx, p.actions),
      description: p.description,
      transaction: p.createdTx,
    });
  }
  const docs = [];
  for (const log of await documents.queryFilter(documents.filters.DocumentIssued(), 0, "latest")) {
    const d = await documents.document(log.args.tokenId);
    docs.push({
      id: hex32(d.tokenId),
      type: DOCUMENT_TYPES[Number(d.docType)],
      status: DOCUMENT_STATUSES[Number(d.status)],
      agencyId: Number(d.agencyId),
      issuedAt: Number(d.issuedAt),
      issuer: d.issuer,
      metadata: `ipfs://${cidFromDigest(d.metadataDigest)}`,
      supersedes: d.supersedes === 0n ? null : hex32(d.supersedes),
      supersededBy: d.supersededBy === 0n ? null : hex32(d.supersededBy),
      transaction: log.transactionHash,
    });
  }
  const allocations = [];
  const allocationCount = Number(await escrow.allocationCount());
  for (let id = 1; id <= allocationCount; id++) {
    const a = await escrow.allocation(id);
    const milestones = await escrow.milestones(id);
    allocations.push({
      id,
      recipient: a.recipient,
      token: a.token,
      budgetDocument: hex32(a.budgetDocumentId),
      total: a.total.toString(),
      released: a.released.toString(),
      cancelled: a.cancelled,
      createdAt: Number(a.createdAt),
      milestones: milestones.map((m, index) => ({
        index,
        amount: m.amount.toString(),
        deadline: Number(m.deadline),
        status: MILESTONE_STATUSES[Number(m.status)],
        description: `ipfs://${cidFromDigest(m.descriptionHash)}`,
      })),
    });
  }
  const { officials, agencies } = await people(ctx);
  const files: Record<string, unknown[]> = { proposals, documents: docs, allocations, officials, agencies };
  await mkdir(dir, { recursive: true });
  const meta = { chainId: Number(ctx.chainId), exportedAt: new Date().toISOString(), block: await ctx.provider.getBlockNumber() };
  for (const [name, rows] of Object.entries(files)) {
    const file = path.join(dir, `${name}.json`);
    await writeFile(file, `${JSON.stringify({ ...meta, [name]: rows }, null, 2)}\n`);
    io.out(`${file}: ${rows.length} ${name}`);
  }
}

/** Local chain only: moves the chain clock forward by `seconds` and mines a block. */
export async function warp(ctx: GovContext, io: Output, seconds: number): Promise<void> {
  if (ctx.chainId !== LOCAL_CHAIN_ID) throw new PlainError(`warp works only on the local chain ${LOCAL_CHAIN_ID}; chain ${ctx.chainId} keeps real time.`);
  await ctx.provider.send("evm_increaseTime", [seconds]);
  await ctx.provider.send("evm_mine", []);
  const block = await ctx.provider.getBlock("latest");
  io.out(`Chain time is now ${new Date((block?.timestamp ?? 0) * 1000).toISOString()} (block ${block?.number}).`);
}
