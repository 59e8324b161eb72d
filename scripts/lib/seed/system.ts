/**
 * The deployed contracts, typed, and a summary of what a chain holds, read from the chain itself (views and
 * events), so the printed numbers are the chain's, not the seed's intentions.
 */
import { APPEAL_STATES } from "@government-dao/core/appeals";
import { DOCUMENT_STATUSES } from "@government-dao/core/enums";
import type { ContractRunner } from "ethers";

import { type GovernmentContracts, connectGovernment } from "../contracts.js";
import type { GovernmentAddresses } from "@government-dao/core/deployment";
import { DOCUMENT_TYPES } from "@government-dao/core/metadata";
import { PROPOSAL_STATES, type ProposalStateName, stateName } from "./governance.js";

/** The GovernmentDAO addresses plus the ERC-20 the escrow holds (the dev DigitalTenge locally). */
export interface SeedAddresses extends GovernmentAddresses {
  tenge: string;
}

/** The contracts the seed drives. */
export type SeedContracts = GovernmentContracts;

/** Typed contracts of a seeded deployment. */
export function connectSystem(addresses: SeedAddresses, runner: ContractRunner): SeedContracts {
  return connectGovernment(addresses, runner);
}


/** What the chain holds. */
export interface ChainSummary {
  seats: number;
  proposals: { total: number; byState: Partial<Record<ProposalStateName, number>> };
  documents: { total: number; byType: Record<string, number>; byStatus: Record<string, number> };
  batches: { count: number; documents: number };
  allocations: number;
  milestones: { total: number; released: number; overdue: number };
  appeals: { total: number; byState: Record<string, number>; overdue: number };
}

export async function readSummary(c: SeedContracts): Promise<ChainSummary> {
  const byState: Partial<Record<ProposalStateName, number>> = {};
  const proposalCount = Number(await c.governor.proposalCount());
  for (let i = 0; i < proposalCount; i++) {
    const state = stateName(await c.governor.state(await c.governor.proposalIdAt(i)));
    byState[state] = (byState[state] ?? 0) + 1;
  }
  const ordered = Object.fromEntries(PROPOSAL_STATES.filter((s) => byState[s]).map((s) => [s, byState[s]]));

  const issued = await c.documents.queryFilter(c.documents.filters.DocumentIssued(), 0, "latest");
  const byType: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  for (const event of issued) {
    const doc = await c.documents.document(event.args.tokenId);
    const type = DOCUMENT_TYPES[Number(doc.docType)] ?? String(doc.docType);
    const status = DOCUMENT_STATUSES[Number(doc.status)] ?? String(doc.status);
    byType[type] = (byType[type] ?? 0) + 1;
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  }
  const batches = await c.documents.queryFilter(c.documents.filters.BatchAnchored(), 0, "latest");

  const allocations = Number(await c.escrow.allocationCount());
  const milestones = { total: 0, released: 0, overdue: 0 };
  for (let id = 1; id <= allocations; id++) {
    const list = await c.escrow.milestones(id);
    milestones.total += list.length;
    milestones.released += list.filter((m) => Number(m.status) === 1).length;
    milestones.overdue += (await c.escrow.overdueMilestones(id)).length;
  }

  const appealCount = Number(await c.appeals.appealCount());
  const appealStates: Record<string, number> = {};
  let overdueAppeals = 0;
  for (let id = 1; id <= appealCount; id++) {
    const state = APPEAL_STATES[Number((await c.appeals.appeal(id)).state)] ?? "unknown";
    appealStates[state] = (appealStates[state] ?? 0) + 1;
    if (await c.appeals.isOverdue(id)) overdueAppeals++;
  }

  const inOrder = (counts: Record<string, number>, order: readonly string[]) =>
    Object.fromEntries(order.filter((k) => counts[k]).map((k) => [k, counts[k] ?? 0]));
  return {
    seats: Number(await c.seats.totalSupply()),
    proposals: { total: proposalCount, byState: ordered },
    documents: { total: issued.length, byType: inOrder(byType, DOCUMENT_TYPES), byStatus: inOrder(byStatus, DOCUMENT_STATUSES) },
    batches: { count: batches.length, documents: batches.reduce((n, b) => n + Number(b.args.count), 0) },
    allocations,
    milestones,
    appeals: { total: appealCount, byState: inOrder(appealStates, APPEAL_STATES), overdue: overdueAppeals },
  };
}

/** The summary as printable lines. */
export function formatSummary(s: ChainSummary): string[] {
  const list = (r: Record<string, number | undefined>) =>
    Object.entries(r)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ");
  return [
    `seats: ${s.seats}`,
    `proposals: ${s.proposals.total} (${list(s.proposals.byState)})`,
    `documents: ${s.documents.total} (${list(s.documents.byType)}; ${list(s.documents.byStatus)})`,
    `batches: ${s.batches.count} anchoring ${s.batches.documents} certificates`,
    `allocations: ${s.allocations} with ${s.milestones.total} milestones (${s.milestones.released} released, ${s.milestones.overdue} overdue)`,
    `appeals: ${s.appeals.total} (${list(s.appeals.byState)}; ${s.appeals.overdue} overdue)`,
  ];
}
