/**
 * The facts the digital auditor reasons over, read from the chain (views and event logs) and, for document
 * titles and numbers, from the content store. Plain data: the audit rules are pure functions of these facts.
 */
import { APPEAL_STATES } from "@government-dao/core/appeals";
import { DOCUMENT_STATUSES, DOCUMENT_TYPES, MILESTONE_STATUSES, hex32 } from "@government-dao/core/enums";
import type { GovContext } from "../gov/context.js";
import { parseDocumentMetadata } from "@government-dao/core/metadata";
import { PROPOSAL_STATES } from "@government-dao/core/proposal-state";

export interface MilestoneFact {
  index: number;
  amount: bigint;
  deadline: number;
  status: "Pending" | "Released" | "Cancelled";
}

export interface AllocationFact {
  id: number;
  recipient: string;
  token: string;
  /** Decimals of the token (18 for the native coin). */
  decimals: number;
  total: bigint;
  createdAt: number;
  cancelled: boolean;
  milestones: MilestoneFact[];
}

export interface ReleaseFact {
  allocationId: number;
  index: number;
  recipient: string;
  amount: bigint;
  timestamp: number;
  block: number;
}

export interface DocumentFact {
  id: string;
  type: string;
  agencyId: number;
  /** The issuing account (lower-case): a registrar, or the Timelock for acts passed by proposal. */
  issuer: string;
  issuedAt: number;
  status: "Active" | "Amended" | "Revoked";
  supersedes?: string;
  revokedAt?: number;
  /** From the metadata, when it is in the content store. */
  number?: string;
  titleEn?: string;
}

export interface ProposalFact {
  number: number;
  id: string;
  state: string;
  /** Block time of the proposal's creation. */
  createdAt: number;
  /** Content hashes (0x…, lower-case) of the documents its actions issue or amend to: public from its creation. */
  documentHashes: string[];
  votesCast: number;
  /** Seats that could vote (total seats at the snapshot). */
  eligible: number;
  executedAt?: number;
}

/** A registrar's entry whose content hash an act of the Timelock took (DocumentDisplaced). */
export interface DisplacementFact {
  id: string;
  previousIssuer: string;
  previousType: string;
  previousAgencyId: number;
  /** When the registrar had issued its entry. */
  previousIssuedAt: number;
  /** When the act displaced it. */
  displacedAt: number;
}

/** A citizen's appeal (contracts/appeals/Appeals.sol), as the chain has it. */
export interface AppealFact {
  id: number;
  /** The body that must answer: an agency id, 0 for the council. */
  respondent: number;
  state: (typeof APPEAL_STATES)[number];
  filedAt: number;
  dueAt: number;
  answeredAt?: number;
}

/** Everything the rules see. `now` is the chain's latest block time. */
export interface AuditFacts {
  chainId: number;
  block: number;
  now: number;
  /** The Timelock's address (lower-case): the issuer of acts passed by proposal. */
  timelock: string;
  displacements: DisplacementFact[];
  allocations: AllocationFact[];
  releases: ReleaseFact[];
  documents: DocumentFact[];
  proposals: ProposalFact[];
  appeals: AppealFact[];
}


/** Reads the facts from the chain behind `ctx`. */
export async function readFacts(ctx: GovContext): Promise<AuditFacts> {
  const { escrow, documents, governor, seats, tenge } = ctx.contracts;
  const latest = await ctx.provider.getBlock("latest");
  if (!latest) throw new Error("the chain has no latest block");
  const timeOf = new Map<number, number>();
  const blockTime = async (block: number): Promise<number> => {
    let time = timeOf.get(block);
    if (time === undefined) {
      time = (await ctx.provider.getBlock(block))?.timestamp ?? 0;
      timeOf.set(block, time);
    }
    return time;
  };
  const decimalsOf = new Map<string, number>();
  const decimals = async (token: string): Promise<number> => {
    if (/^0x0{40}$/i.test(token)) return 18;
    let d = decimalsOf.get(token);
    if (d === undefined) {
      d = Number(await tenge.attach(token).getFunction("decimals").staticCall().catch(() => 18n));
      decimalsOf.set(token, d);
    }
    return d;
  };

  const allocations: AllocationFact[] = [];
  const count = Number(await escrow.allocationCount());
  for (let id = 1; id <= count; id++) {
    const a = await escrow.allocation(id);
    const milestones = (await escrow.milestones(id)).map((m, index) => ({
      index,
      amount: m.amount,
      deadline: Number(m.deadline),
      status: MILESTONE_STATUSES[Number(m.status)] ?? "Pending",
    }));
    allocations.push({
      id,
      recipient: a.recipient,
      token: a.token,
      decimals: await decimals(a.token),
      total: a.total,
      createdAt: Number(a.createdAt),
      cancelled: a.cancelled,
      milestones,
    });
  }

  const releases: ReleaseFact[] = [];
  for (const log of await escrow.queryFilter(escrow.filters.MilestoneReleased(), 0, "latest")) {
    const allocationId = Number(log.args.allocationId);
    releases.push({
      allocationId,
      index: Number(log.args.index),
      recipient: allocations[allocationId - 1]?.recipient ?? "",
      amount: log.args.amount,
      timestamp: await blockTime(log.blockNumber),
      block: log.blockNumber,
    });
  }

  const revokedAt = new Map<string, number>();
  for (const log of await documents.queryFilter(documents.filters.DocumentRevoked(), 0, "latest")) {
    revokedAt.set(hex32(log.args.tokenId), await blockTime(log.blockNumber));
  }
  const docs: DocumentFact[] = [];
  const seen = new Set<string>();
  for (const log of await documents.queryFilter(documents.filters.DocumentIssued(), 0, "latest")) {
    const id = hex32(log.args.tokenId);
    if (seen.has(id)) continue; // a displaced entry and the act that took its id: the chain holds the act
    seen.add(id);
    const d = await documents.document(log.args.tokenId);
    const fact: DocumentFact = {
      id,
      type: DOCUMENT_TYPES[Number(d.docType)] ?? "decree",
      agencyId: Number(d.agencyId),
      issuer: d.issuer.toLowerCase(),
      issuedAt: Number(d.issuedAt),
      status: DOCUMENT_STATUSES[Number(d.status)] ?? "Active",
      ...(d.supersedes !== 0n ? { supersedes: hex32(d.supersedes) } : {}),
    };
    const revoked = revokedAt.get(id);
    if (revoked !== undefined) fact.revokedAt = revoked;
    try {
      const metadata = parseDocumentMetadata(await ctx.store.getByDigest(d.metadataDigest));
      fact.number = metadata.number;
      fact.titleEn = metadata.title.en;
    } catch {
      // Metadata not in the local store: rules that need it skip this document.
    }
    docs.push(fact);
  }

  const displacements: DisplacementFact[] = [];
  for (const log of await documents.queryFilter(documents.filters.DocumentDisplaced(), 0, "latest")) {
    const entry = await documents.displacedEntry(log.args.tokenId);
    displacements.push({
      id: hex32(log.args.tokenId),
      previousIssuer: log.args.previousIssuer.toLowerCase(),
      previousType: DOCUMENT_TYPES[Number(log.args.previousType)] ?? "order",
      previousAgencyId: Number(log.args.previousAgencyId),
      previousIssuedAt: Number(entry.issuedAt),
      displacedAt: await blockTime(log.blockNumber),
    });
  }

  // The documents a proposal would issue or amend to, from the calldata in its ProposalCreated log.
  const created = new Map<string, { createdAt: number; documentHashes: string[] }>();
  const registry = ctx.addresses.documents.toLowerCase();
  for (const log of await governor.queryFilter(governor.filters.ProposalCreated(), 0, "latest")) {
    const documentHashes: string[] = [];
    log.args.targets.forEach((target, i) => {
      if (target.toLowerCase() !== registry) return;
      const call = documents.interface.parseTransaction({ data: log.args.calldatas[i] ?? "0x" });
      if (call?.name === "issue") documentHashes.push(String(call.args[2]).toLowerCase());
      if (call?.name === "amend") documentHashes.push(String(call.args[1]).toLowerCase());
    });
    created.set(log.args.proposalId.toString(), { createdAt: await blockTime(log.blockNumber), documentHashes });
  }

  const executedAt = new Map<string, number>();
  for (const log of await governor.queryFilter(governor.filters.ProposalExecuted(), 0, "latest")) {
    executedAt.set(log.args.proposalId.toString(), await blockTime(log.blockNumber));
  }
  const proposals: ProposalFact[] = [];
  const proposalCount = Number(await governor.proposalCount());
  for (let i = 0; i < proposalCount; i++) {
    const id = await governor.proposalIdAt(i);
    const snapshot = await governor.proposalSnapshot(id);
    const [against, forVotes, abstain] = await governor.proposalVotes(id);
    const eligible = snapshot < BigInt(latest.timestamp) ? Number(await seats.getPastTotalSupply(snapshot)) : Number(await seats.totalSupply());
    const executed = executedAt.get(id.toString());
    const origin = created.get(id.toString()) ?? { createdAt: 0, documentHashes: [] };
    proposals.push({
      number: i + 1,
      id: id.toString(),
      state: PROPOSAL_STATES[Number(await governor.state(id))] ?? "Pending",
      ...origin,
      votesCast: Number(against + forVotes + abstain),
      eligible,
      ...(executed !== undefined ? { executedAt: executed } : {}),
    });
  }

  const appeals: AppealFact[] = [];
  const appealCount = Number(await ctx.contracts.appeals.appealCount());
  for (let id = 1; id <= appealCount; id++) {
    const a = await ctx.contracts.appeals.appeal(id);
    const state = APPEAL_STATES[Number(a.state)] ?? "filed";
    appeals.push({
      id,
      respondent: Number(a.respondent),
      state,
      filedAt: Number(a.filedAt),
      dueAt: Number(a.dueAt),
      ...(a.answeredAt > 0n ? { answeredAt: Number(a.answeredAt) } : {}),
    });
  }

  return {
    chainId: Number(ctx.chainId),
    block: latest.number,
    now: latest.timestamp,
    timelock: ctx.addresses.timelock.toLowerCase(),
    displacements,
    allocations,
    releases,
    documents: docs,
    proposals,
    appeals,
  };
}
