// The escrow's money as OCDS 1.1 (Open Contracting Data Standard, schema 1.1.5; indexer/standards/ocds-1.1.5/):
// each allocation is one contracting process. Its first release (planning, award, contract) carries the Budget
// document as `planning.budget`, the recipient's award and contract and the milestones; each release of funds is an
// `implementation` release with its transaction; a cancellation is a `contractTermination`. The record of a process
// has its releases and the compiled release (the process as it stands). Amounts are decimals with an ISO 4217 code
// (core/src/currency.ts); times ISO 8601 UTC. Only chain facts: recipients are addresses, never names.
import { currencyOf, decimalAmount } from "@government-dao/core/currency";
import { agencyName } from "@government-dao/core/agencies";
import { hex32 } from "@government-dao/core/enums";

/** One allocation with its milestones and releases, as indexed. */
export interface AllocationFacts {
  allocation: {
    id: bigint;
    recipient: string;
    tokenId: string;
    budgetDocumentId: bigint;
    agencyId: bigint | null;
    total: bigint;
    cancelled: boolean;
    cancelledAt: bigint | null;
    cancelReason: string | null;
    createdAt: bigint;
    createdTx: string;
    proposalId: bigint | null;
  };
  milestones: { index: number; amount: bigint; deadline: bigint; descriptionHash: string; status: string; releasedAt: bigint | null; releaseId: string | null }[];
  releases: { id: string; milestoneId: string; amount: bigint; timestamp: bigint; transactionHash: string }[];
  /** The registered name of the allocation's agency, if any. */
  agencyRegisteredName: string | null;
  /** The Budget document as indexed (number and titles from its metadata; null when not read), if registered. */
  budgetDocument: { number: string | null; titleKk: string | null; titleRu: string | null; titleEn: string | null; issuedAt: bigint } | null;
}

export interface OcdsContext {
  /** OCDS prefix of the publisher (registered with the Open Contracting Partnership in production). */
  prefix: string;
  chainId: number;
  /** The deployment's digital tenge (KZT), if any. */
  digitalTenge: string | undefined;
  /** Where readers reach the API (links). */
  publicUrl: string;
  publisherName: string;
}

type Json = Record<string, unknown>;

/** Chain seconds as ISO 8601 UTC without milliseconds (what OCDS and Popolo date fields take). */
export const iso = (seconds: bigint): string => new Date(Number(seconds) * 1000).toISOString().replace(".000Z", "Z");

/** The ocid of allocation `id`: prefix, chain and allocation, unique in the world once the prefix is registered. */
export const ocidOf = (ctx: OcdsContext, id: bigint): string => `${ctx.prefix}-${ctx.chainId}-allocation-${id}`;

function parts(ctx: OcdsContext, facts: AllocationFacts) {
  const a = facts.allocation;
  const currency = currencyOf(a.tokenId, ctx.digitalTenge);
  const value = (amount: bigint): Json => ({ amount: Number(decimalAmount(amount, currency.decimals)), currency: currency.code });
  const agencyId = a.agencyId ?? 0n;
  const buyer = { id: `agency-${agencyId}`, name: agencyName(agencyId, facts.agencyRegisteredName) };
  const supplier = { id: `recipient-${a.recipient.toLowerCase()}`, name: a.recipient.toLowerCase() };
  const ocid = ocidOf(ctx, a.id);
  return { a, value, buyer, supplier, ocid, awardId: `${ocid}-award`, contractId: `${ocid}-contract` };
}

/** The milestone of the contract, at its status as of `met` (the ids of the milestones released so far). */
function milestone(facts: AllocationFacts, m: AllocationFacts["milestones"][number], met: ReadonlySet<number>, cancelled: boolean): Json {
  const released = met.has(m.index);
  return {
    id: `milestone-${m.index}`,
    title: `Milestone ${m.index + 1}`,
    type: "delivery",
    description: `Release of ${m.amount} base units of token ${facts.allocation.tokenId}; description sha-256 ${m.descriptionHash}`,
    dueDate: iso(m.deadline),
    status: released ? "met" : cancelled ? "notMet" : "scheduled",
    ...(released && m.releasedAt !== null ? { dateMet: iso(m.releasedAt) } : {}),
  };
}

/** Every release of one allocation's contracting process, in chain order. */
export function releasesOf(ctx: OcdsContext, facts: AllocationFacts): Json[] {
  const { a, value, buyer, supplier, ocid, awardId, contractId } = parts(ctx, facts);
  const parties = [
    { ...buyer, roles: ["buyer", "payer"] },
    { ...supplier, roles: ["supplier", "payee"] },
  ];
  const budgetId = hex32(a.budgetDocumentId);
  const budgetDocument = facts.budgetDocument;
  const named = budgetDocument?.number ? `Budget document ${budgetDocument.number}: ${budgetDocument.titleEn ?? budgetId}` : `Budget document ${budgetId}`;
  const created: Json = {
    ocid,
    id: `${ocid}-created`,
    date: iso(a.createdAt),
    tag: ["planning", "award", "contract"],
    initiationType: "tender",
    language: "en",
    parties,
    buyer,
    planning: {
      budget: {
        id: budgetId,
        description: `${named} (DocumentRegistry token id ${budgetId}: the file's sha-256)`,
        amount: value(a.total),
        uri: `${ctx.publicUrl}/api/v1/documents/${budgetId}`,
      },
      // The Budget document itself, titled in each language the metadata gives (OCDS language variants: title_kk).
      ...(budgetDocument
        ? {
            documents: [
              {
                id: budgetId,
                ...(budgetDocument.titleEn ? { title: budgetDocument.titleEn } : {}),
                ...(budgetDocument.titleKk ? { title_kk: budgetDocument.titleKk } : {}),
                ...(budgetDocument.titleRu ? { title_ru: budgetDocument.titleRu } : {}),
                description: `${budgetDocument.number ? `No. ${budgetDocument.number}. ` : ""}Its id is the file's sha-256: check a copy at ${ctx.publicUrl}/api/v1/verify/${budgetId}`,
                url: `${ctx.publicUrl}/api/v1/documents/${budgetId}`,
                datePublished: iso(budgetDocument.issuedAt),
              },
            ],
          }
        : {}),
      rationale: a.proposalId === null ? "Created by the Timelock" : `Enacted by proposal ${a.proposalId} (transaction ${a.createdTx})`,
    },
    awards: [{ id: awardId, status: "active", date: iso(a.createdAt), value: value(a.total), suppliers: [supplier] }],
    contracts: [
      {
        id: contractId,
        awardID: awardId,
        status: "active",
        value: value(a.total),
        dateSigned: iso(a.createdAt),
        milestones: facts.milestones.map((m) => milestone(facts, m, new Set(), false)),
      },
    ],
  };
  const out: Json[] = [created];
  const metSoFar = new Set<number>();
  for (const r of [...facts.releases].sort((x, y) => Number(x.timestamp - y.timestamp) || x.id.localeCompare(y.id))) {
    const index = Number(r.milestoneId.split("-").at(-1));
    metSoFar.add(index);
    out.push({
      ocid,
      id: `${ocid}-release-${r.id}`,
      date: iso(r.timestamp),
      tag: ["implementation"],
      initiationType: "tender",
      parties,
      contracts: [
        {
          id: contractId,
          awardID: awardId,
          milestones: facts.milestones.map((m) => milestone(facts, m, metSoFar, false)),
          implementation: { transactions: [transaction(ctx, facts, r, value, buyer, supplier)] },
        },
      ],
    });
  }
  if (a.cancelled && a.cancelledAt !== null) {
    out.push({
      ocid,
      id: `${ocid}-terminated`,
      date: iso(a.cancelledAt),
      tag: ["contractTermination"],
      initiationType: "tender",
      parties,
      contracts: [
        {
          id: contractId,
          awardID: awardId,
          status: "terminated",
          description: `Cancelled by the Timelock: ${a.cancelReason ?? "no reason given"}`,
          milestones: facts.milestones.map((m) => milestone(facts, m, metSoFar, true)),
        },
      ],
    });
  }
  return out;
}

function transaction(
  ctx: OcdsContext,
  facts: AllocationFacts,
  r: AllocationFacts["releases"][number],
  value: (amount: bigint) => Json,
  payer: Json,
  payee: Json,
): Json {
  return {
    id: r.id,
    source: `${ctx.publicUrl}/api/v1/budget/allocations/${facts.allocation.id}`,
    date: iso(r.timestamp),
    value: value(r.amount),
    payer,
    payee,
    // The chain transaction that paid it: anyone can check it against the chain.
    uri: `urn:ethereum:${ctx.chainId}:tx:${r.transactionHash}`,
  };
}

/** The compiled release of one process: the process as it stands (the merge of its releases). */
export function compiledReleaseOf(ctx: OcdsContext, facts: AllocationFacts): Json {
  const { a, value, buyer, supplier, ocid, awardId, contractId } = parts(ctx, facts);
  const releases = releasesOf(ctx, facts);
  const first = releases[0] as Json;
  const met = new Set(facts.releases.map((r) => Number(r.milestoneId.split("-").at(-1))));
  const last = releases.at(-1) as Json;
  return {
    ...first,
    id: `${ocid}-compiled`,
    date: last.date,
    tag: ["compiled"],
    contracts: [
      {
        id: contractId,
        awardID: awardId,
        status: a.cancelled ? "terminated" : "active",
        value: value(a.total),
        dateSigned: iso(a.createdAt),
        ...(a.cancelled ? { description: `Cancelled by the Timelock: ${a.cancelReason ?? "no reason given"}` } : {}),
        milestones: facts.milestones.map((m) => milestone(facts, m, met, a.cancelled)),
        implementation: { transactions: facts.releases.map((r) => transaction(ctx, facts, r, value, buyer, supplier)) },
      },
    ],
  };
}

/** The package metadata shared by release and record packages. */
function packageHead(ctx: OcdsContext, uri: string, publishedDate: string): Json {
  return {
    uri,
    version: "1.1",
    publishedDate,
    publisher: { name: ctx.publisherName, uri: ctx.publicUrl },
    license: "https://creativecommons.org/licenses/by/4.0/",
    publicationPolicy: `${ctx.publicUrl}/api/v1/openapi.json`,
  };
}

/** Latest date of what a package holds (OCDS: an on-demand package's date is that of its latest content). */
const latest = (releases: Json[]): string => releases.map((r) => String(r.date)).sort().at(-1) ?? new Date(0).toISOString();

/** A release package of every release of these processes. */
export function releasePackage(ctx: OcdsContext, uri: string, processes: AllocationFacts[]): Json {
  const releases = processes.flatMap((p) => releasesOf(ctx, p));
  return { ...packageHead(ctx, uri, latest(releases)), releases };
}

/** A record package: per process its releases (embedded) and its compiled release. */
export function recordPackage(ctx: OcdsContext, uri: string, processes: AllocationFacts[]): Json {
  const records = processes.map((p) => ({ ocid: ocidOf(ctx, p.allocation.id), releases: releasesOf(ctx, p), compiledRelease: compiledReleaseOf(ctx, p) }));
  return { ...packageHead(ctx, uri, latest(records.flatMap((r) => r.releases))), records };
}
