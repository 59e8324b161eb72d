// RSS 2.0 and Atom feeds: the 50 newest proposals, and the 50 newest document events (issued, amended, revoked).
// Links are built from PUBLIC_URL (context.ts), never from the request's Host header.
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { desc, inArray, ne } from "ponder";
import { z } from "zod";

import { splitProposalDescription } from "@government-dao/core/proposal-description";
import { deployment, publicUrl } from "../context.js";
import { type FeedEntry, type FeedMeta, renderAtom, renderRss } from "../feed-xml.js";
import { governorStates, stateClock } from "../governor-state.js";

const FEED_SIZE = 50;
const feedParam = z.enum(["proposals.rss", "proposals.atom", "documents.rss", "documents.atom"]);
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

export const feeds = new Hono().get("/feeds/:feed", async (c) => {
  const feed = feedParam.parse(c.req.param("feed"));
  const proposals = feed.startsWith("proposals");
  const entries = proposals ? await proposalEntries() : await documentEntries();
  const meta: FeedMeta = {
    title: proposals ? "Government DAO: new proposals" : "Government DAO: documents issued, amended and revoked",
    self: `${publicUrl}/api/v1/feeds/${feed}`,
    urn: `urn:government-dao:${deployment.chainId}:${deployment.contracts.DocumentRegistry.address.toLowerCase()}:${proposals ? "proposals" : "documents"}`,
    author: "Government DAO public API (indexed from the chain)",
  };
  return feed.endsWith(".rss")
    ? c.body(renderRss(meta, entries), 200, { "Content-Type": "application/rss+xml; charset=utf-8" })
    : c.body(renderAtom(meta, entries), 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
});
