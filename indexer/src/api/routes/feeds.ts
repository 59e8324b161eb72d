// RSS 2.0 and Atom feeds of new proposals and new documents (latest 50).
import { Hono } from "hono";
import { db } from "ponder:api";
import schema from "ponder:schema";
import { desc } from "ponder";
import { create } from "xmlbuilder2";
import { z } from "zod";

import { splitProposalDescription } from "../../../../scripts/lib/proposal-description.js";

interface Entry {
  id: string;
  title: string;
  summary: string;
  link: string;
  time: bigint;
}

const iso = (seconds: bigint) => new Date(Number(seconds) * 1000).toISOString();
const rfc822 = (seconds: bigint) => new Date(Number(seconds) * 1000).toUTCString();

function rss(title: string, self: string, entries: Entry[]): string {
  const channel = create({ version: "1.0", encoding: "UTF-8" }).ele("rss", { version: "2.0" }).ele("channel");
  channel.ele("title").txt(title).up().ele("link").txt(self).up().ele("description").txt(title);
  for (const e of entries) {
    channel.ele("item").ele("title").txt(e.title).up().ele("link").txt(e.link).up().ele("guid", { isPermaLink: "false" }).txt(e.id).up()
      .ele("description").txt(e.summary).up().ele("pubDate").txt(rfc822(e.time));
  }
  return channel.end({ prettyPrint: true });
}

function atom(title: string, self: string, entries: Entry[]): string {
  const feed = create({ version: "1.0", encoding: "UTF-8" }).ele("feed", { xmlns: "http://www.w3.org/2005/Atom" });
  feed.ele("title").txt(title).up().ele("id").txt(self).up().ele("link", { rel: "self", href: self }).up()
    .ele("updated").txt(entries[0] ? iso(entries[0].time) : new Date(0).toISOString());
  for (const e of entries) {
    feed.ele("entry").ele("title").txt(e.title).up().ele("id").txt(`urn:government-dao:${e.id}`).up().ele("link", { href: e.link }).up()
      .ele("updated").txt(iso(e.time)).up().ele("summary").txt(e.summary);
  }
  return feed.end({ prettyPrint: true });
}

const feedParam = z.enum(["proposals.rss", "proposals.atom", "documents.rss", "documents.atom"]);

export const feeds = new Hono().get("/feeds/:feed", async (c) => {
  const feed = feedParam.parse(c.req.param("feed"));
  const base = new URL(c.req.url).origin;
  let entries: Entry[];
  let title: string;
  if (feed.startsWith("proposals")) {
    title = "Government DAO: new proposals";
    const rows = await db.select().from(schema.proposal).orderBy(desc(schema.proposal.createdBlock), desc(schema.proposal.id)).limit(50);
    entries = rows.map((p) => ({
      id: `proposal:${p.id}`,
      title: splitProposalDescription(p.description).title || `Proposal ${p.id}`,
      summary: `${p.state}; for ${p.forVotes}, against ${p.againstVotes}, abstain ${p.abstainVotes}`,
      link: `${base}/api/v1/proposals/${p.id}`,
      time: p.createdAt,
    }));
  } else {
    title = "Government DAO: new documents";
    const rows = await db.select().from(schema.document).orderBy(desc(schema.document.issuedBlock), desc(schema.document.id)).limit(50);
    entries = rows.map((d) => ({
      id: `document:${d.id}`,
      title: `${d.docType} ${d.id.slice(0, 18)}… (${d.status})`,
      summary: `agency ${d.agencyId}, issued by ${d.issuer}`,
      link: `${base}/api/v1/documents/${d.id}`,
      time: d.issuedAt,
    }));
  }
  const self = `${base}/api/v1/feeds/${feed}`;
  return feed.endsWith(".rss")
    ? c.body(rss(title, self, entries), 200, { "Content-Type": "application/rss+xml; charset=utf-8" })
    : c.body(atom(title, self, entries), 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
});
