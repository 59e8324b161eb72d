// RSS 2.0 and Atom feeds: the 50 newest proposals, the 50 newest document events (issued, amended, revoked), and
// the 50 newest steps of citizens' appeals (filed, forwarded, extended, answered, withdrawn, followed up, remedy);
// and the deadlines as an iCalendar feed (calendar.ts).
// Links are built from PUBLIC_URL (context.ts), never from the request's Host header.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { desc, inArray, ne } from "ponder";
import { z } from "zod";

import { splitProposalDescription } from "@government-dao/core/proposal-description";
import { deployment, publicUrl } from "../context.js";
import { deadlines, renderCalendar } from "../calendar.js";
import { type FeedEntry, type FeedMeta, renderAtom, renderRss } from "../feed-xml.js";
import { governorStates, stateClock } from "../governor-state.js";

const FEED_SIZE = 50;
export const FEEDS = ["proposals.rss", "proposals.atom", "documents.rss", "documents.atom", "appeals.rss", "appeals.atom", "deadlines.ics"] as const;
const feedParam = z.enum(FEEDS);
const short = (hash: string): string => `${hash.slice(0, 18)}…`;

async function proposalEntries(): Promise<FeedEntry[]> {
  const rows = await db.select().from(schema.proposal).orderBy(desc(schema.proposal.createdBlock), desc(schema.proposal.id)).limit(FEED_SIZE);
  const states = await governorStates(rows, await stateClock());
  return rows.map((p) => ({
    id: `proposal:${p.id}`,
    title: splitProposalDescription(p.description).title || `Proposal ${p.id}`,
    summary: `${states.get(p.id) ?? p.state}; for ${p.forVotes}, against ${p.againstVotes}, abstain ${p.abstainVotes}`,
    link: `${publicUrl}/api/v1/proposals/${p.id}`,
    time: p.createdAt,
  }));
}

/** Issues, amendments and revocations, newest first (SUPERSEDED is the old version's side of an amendment). */
async function documentEntries(): Promise<FeedEntry[]> {
  const e = schema.documentEvent;
  const events = await db.select().from(e).where(ne(e.kind, "SUPERSEDED")).orderBy(desc(e.blockNumber), desc(e.id)).limit(FEED_SIZE);
  const ids = [...new Set(events.map((ev) => ev.documentId))];
  const docs = ids.length === 0 ? [] : await db.select({ id: schema.document.id, docType: schema.document.docType, agencyId: schema.document.agencyId, status: schema.document.status }).from(schema.document).where(inArray(schema.document.id, ids));
  const byId = new Map(docs.map((d) => [d.id, d]));
  return events.map((ev) => {
    const doc = byId.get(ev.documentId);
    const what = `${doc?.docType ?? "Document"} ${short(ev.documentId)}`;
    const reason = ev.reason ? `: ${ev.reason}` : "";
    const title = ev.kind === "ISSUED" ? `${what} issued` : ev.kind === "AMENDED" ? `${what} amends ${short(ev.relatedId ?? "")}${reason}` : `${what} revoked${reason}`;
    return {
      id: `document-event:${ev.id}`,
      title,
      summary: `${ev.kind.toLowerCase()} by ${ev.account ?? "unknown"}; agency ${doc?.agencyId ?? "?"}; now ${doc?.status ?? "?"}; transaction ${ev.transactionHash}`,
      link: `${publicUrl}/api/v1/documents/${ev.documentId}`,
      time: ev.timestamp,
    };
  });
}

/** Every step of every appeal, newest first: what happened, to which body, by when. */
async function appealEntries(): Promise<FeedEntry[]> {
  const e = schema.appealEvent;
  const events = await db.select().from(e).orderBy(desc(e.blockNumber), desc(e.id)).limit(FEED_SIZE);
  const body = (id: bigint | null): string => (id === null ? "?" : id === 0n ? "the council" : `agency ${id}`);
  const due = (at: bigint | null): string => (at === null ? "" : `, due ${new Date(Number(at) * 1000).toISOString().slice(0, 10)}`);
  return events.map((ev) => {
    const title =
      ev.kind === "FILED" ? `Appeal ${ev.appealId} filed with ${body(ev.toRespondent)}${due(ev.dueAt)}`
      : ev.kind === "FORWARDED" ? `Appeal ${ev.appealId} forwarded from ${body(ev.fromRespondent)} to ${body(ev.toRespondent)}${due(ev.dueAt)}`
      : ev.kind === "EXTENDED" ? `Appeal ${ev.appealId}: term extended${due(ev.dueAt)}`
      : ev.kind === "ANSWERED" ? `Appeal ${ev.appealId} answered by ${body(ev.toRespondent)}: ${(ev.outcome ?? "").toLowerCase().replace("_", " ")}${ev.onTime === false ? " (late)" : ""}`
      : ev.kind === "WITHDRAWN" ? `Appeal ${ev.appealId} withdrawn by its filer`
      : ev.kind === "FOLLOWED_UP" ? `Appeal ${ev.appealId}: the filer added a message`
      : `Appeal ${ev.appealId}: remedy linked`;
    return {
      id: `appeal-event:${ev.id}`,
      title,
      summary: `${ev.kind.toLowerCase().replace("_", " ")}${ev.digest ? `; text sha-256 ${ev.digest}` : ""}; transaction ${ev.transactionHash}`,
      link: `${publicUrl}/api/v1/appeals/${ev.appealId}`,
      time: ev.timestamp,
    };
  });
}

const FEED_KINDS = {
  proposals: { entries: proposalEntries, title: "Government DAO: new proposals" },
  documents: { entries: documentEntries, title: "Government DAO: documents issued, amended and revoked" },
  appeals: { entries: appealEntries, title: "Government DAO: citizens' appeals and the state's answers" },
} as const;

export const feeds = new Hono().get("/feeds/:feed", async (c) => {
  const feed = feedParam.parse(c.req.param("feed"));
  if (feed === "deadlines.ics") {
    const clock = await stateClock();
    c.header("Content-Disposition", 'inline; filename="deadlines.ics"');
    return c.body(renderCalendar(await deadlines(clock), clock.head.timestamp), 200, { "Content-Type": "text/calendar; charset=utf-8" });
  }
  const kind = feed.slice(0, feed.indexOf(".")) as keyof typeof FEED_KINDS;
  const entries = await FEED_KINDS[kind].entries();
  const meta: FeedMeta = {
    title: FEED_KINDS[kind].title,
    self: `${publicUrl}/api/v1/feeds/${feed}`,
    urn: `urn:government-dao:${deployment.chainId}:${deployment.contracts.DocumentRegistry.address.toLowerCase()}:${kind}`,
    author: "Government DAO public API (indexed from the chain)",
  };
  return feed.endsWith(".rss")
    ? c.body(renderRss(meta, entries), 200, { "Content-Type": "application/rss+xml; charset=utf-8" })
    : c.body(renderAtom(meta, entries), 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
});
