// Officials, agencies and votes as Popolo (https://www.popoloproject.com; schemas in indexer/standards/popolo/):
// the council is an Organization, each agency an Organization, each (agency, position) a Post; a seat's terms are
// Memberships of the council on behalf of the agency; each proposal a Motion with its VoteEvent (counts, result) and
// every Vote. Persons carry no names, only their seat-holding address as an identifier: no personal data.
import { agencyName } from "@government-dao/core/agencies";
import { positionLabel } from "@government-dao/core/positions";
import { splitProposalDescription } from "@government-dao/core/proposal-description";

import { iso } from "./ocds.js";

type Json = Record<string, unknown>;

export const COUNCIL_ORGANIZATION_ID = "council";

export const personId = (address: string): string => `person-${address.toLowerCase()}`;
const agencyOrg = (agencyId: bigint): string => `agency-${agencyId}`;
const postId = (agencyId: bigint, position: number): string => `post-agency-${agencyId}-position-${position}`;

export interface PopoloFacts {
  agencies: { id: bigint; name: string; registered: boolean }[];
  seats: { id: bigint; holderId: string; agencyId: bigint; position: number }[];
  terms: { id: string; seatId: bigint; agencyId: bigint; position: number; startedAt: bigint; endedAt: bigint | null }[];
  proposals: { id: bigint; proposer: string; description: string; state: string; voteStart: bigint; voteEnd: bigint; forVotes: bigint; againstVotes: bigint; abstainVotes: bigint; createdAt: bigint }[];
  votes: { id: string; proposalId: bigint; voter: string; support: string; weight: bigint }[];
  quorumNumerator: bigint | null;
  publicUrl: string;
}

/** Popolo's vote options for the Governor's (Against, For, Abstain). */
const OPTION: Record<string, string> = { FOR: "yes", AGAINST: "no", ABSTAIN: "abstain" };

/**
 * The result of a vote event as far as the chain's events tell: passed once queued or executed; cancelled; null
 * while undecided by events (a closed vote that was not queued may have failed: `state` in /proposals tells).
 */
function resultOf(state: string): string | null {
  if (state === "QUEUED" || state === "EXECUTED" || state === "Queued" || state === "Executed" || state === "Succeeded") return "pass";
  if (state === "Defeated") return "fail";
  if (state === "CANCELED" || state === "Canceled") return "cancelled";
  if (state === "Expired") return "pass";
  return null;
}

/** The whole council as one Popolo export. */
export function popoloExport(f: PopoloFacts): Json {
  const holders = new Set(f.seats.map((s) => s.holderId.toLowerCase()));
  for (const p of f.proposals) holders.add(p.proposer.toLowerCase());
  for (const v of f.votes) holders.add(v.voter.toLowerCase());
  const persons = [...holders].sort().map((address) => ({
    id: personId(address),
    identifiers: [{ scheme: "ethereum-address", identifier: address }],
    links: [{ url: `${f.publicUrl}/api/v1/officials`, note: "seats held (no names are published)" }],
  }));
  const organizations = [
    { id: COUNCIL_ORGANIZATION_ID, name: "Council of officials", classification: "council" },
    ...f.agencies
      .filter((a) => a.registered)
      .map((a) => ({ id: agencyOrg(a.id), name: agencyName(a.id, a.name), classification: "agency" })),
  ];
  const postKeys = new Map<string, { agencyId: bigint; position: number }>();
  for (const t of f.terms) postKeys.set(postId(t.agencyId, t.position), { agencyId: t.agencyId, position: t.position });
  const posts = [...postKeys].map(([id, p]) => ({
    id,
    label: `${positionLabel(p.position)}, ${agencyName(p.agencyId, f.agencies.find((a) => a.id === p.agencyId)?.name ?? null)}`,
    role: positionLabel(p.position),
    organization_id: COUNCIL_ORGANIZATION_ID,
  }));
  const seats = new Map(f.seats.map((s) => [s.id, s]));
  const memberships = f.terms.map((t) => ({
    id: `membership-${t.id}`,
    label: `Seat ${t.seatId}`,
    role: "member",
    person_id: personId(seats.get(t.seatId)?.holderId ?? "unknown"),
    organization_id: COUNCIL_ORGANIZATION_ID,
    post_id: postId(t.agencyId, t.position),
    on_behalf_of_id: agencyOrg(t.agencyId),
    start_date: iso(t.startedAt),
    ...(t.endedAt !== null ? { end_date: iso(t.endedAt) } : {}),
  }));
  const requirement = f.quorumNumerator === null ? null : `more For than Against, and For + Abstain at least ${f.quorumNumerator}% of the seats`;
  const motions = f.proposals.map((p) => ({
    id: `motion-${p.id}`,
    organization_id: COUNCIL_ORGANIZATION_ID,
    creator_id: personId(p.proposer),
    text: splitProposalDescription(p.description).title,
    identifier: p.id.toString(),
    date: iso(p.createdAt),
    requirement,
    result: resultOf(p.state),
    sources: [{ url: `${f.publicUrl}/api/v1/proposals/${p.id}` }],
  }));
  const voteEvents = f.proposals.map((p) => ({
    id: `vote-event-${p.id}`,
    organization_id: COUNCIL_ORGANIZATION_ID,
    motion_id: `motion-${p.id}`,
    identifier: p.id.toString(),
    start_date: iso(p.voteStart),
    end_date: iso(p.voteEnd),
    result: resultOf(p.state),
    counts: [
      { option: "yes", value: Number(p.forVotes) },
      { option: "no", value: Number(p.againstVotes) },
      { option: "abstain", value: Number(p.abstainVotes) },
    ],
  }));
  const votes = f.votes.map((v) => ({
    id: `vote-${v.id}`,
    vote_event_id: `vote-event-${v.proposalId}`,
    voter_id: personId(v.voter),
    option: OPTION[v.support] ?? v.support.toLowerCase(),
    weight: Number(v.weight),
  }));
  return { persons, organizations, posts, memberships, motions, vote_events: voteEvents, votes };
}
