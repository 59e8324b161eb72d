// RSS 2.0 (with its atom:link rel=self and lastBuildDate) and Atom (RFC 4287) documents of a feed; well-formed whatever
// characters the chain holds (xml.ts).
import { create } from "xmlbuilder2";

import { XML_OPTIONS } from "./xml.js";

export interface FeedEntry {
  /** Stable id of the entry, e.g. "proposal:12" (Atom: urn:government-dao:<chain>:<id>; RSS: guid). */
  id: string;
  title: string;
  summary: string;
  /** Absolute URL of the entry's data, under PUBLIC_URL. */
  link: string;
  /** Unix seconds. */
  time: bigint;
}

export interface FeedMeta {
  title: string;
  /** Absolute URL of this feed (rel=self), under PUBLIC_URL. */
  self: string;
  /** Stable URN of the feed (it does not change with the public origin). */
  urn: string;
  /** Who publishes it (Atom's required author). */
  author: string;
}

const iso = (seconds: bigint): string => new Date(Number(seconds) * 1000).toISOString();
const rfc822 = (seconds: bigint): string => new Date(Number(seconds) * 1000).toUTCString();
/** The feed's own time: its newest entry's, so that the answer is the same at one indexed checkpoint. */
const newest = (entries: readonly FeedEntry[]): bigint => entries.reduce((max, e) => (e.time > max ? e.time : max), 0n);

export function renderRss(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const channel = create(XML_OPTIONS).ele("rss", { version: "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom" }).ele("channel");
  channel.ele("title").txt(meta.title).up();
  channel.ele("link").txt(meta.self).up();
  channel.ele("description").txt(meta.title).up();
  channel.ele("atom:link", { href: meta.self, rel: "self", type: "application/rss+xml" }).up();
  channel.ele("lastBuildDate").txt(rfc822(newest(entries))).up();
  for (const e of entries) {
    const item = channel.ele("item");
    item.ele("title").txt(e.title).up();
    item.ele("link").txt(e.link).up();
    item.ele("guid", { isPermaLink: "false" }).txt(`${meta.urn}:${e.id}`).up();
    item.ele("description").txt(e.summary).up();
    item.ele("pubDate").txt(rfc822(e.time)).up();
  }
  return channel.end({ prettyPrint: true });
}

export function renderAtom(meta: FeedMeta, entries: readonly FeedEntry[]): string {
  const feed = create(XML_OPTIONS).ele("feed", { xmlns: "http://www.w3.org/2005/Atom" });
  feed.ele("title").txt(meta.title).up();
  feed.ele("id").txt(meta.urn).up();
  feed.ele("link", { rel: "self", type: "application/atom+xml", href: meta.self }).up();
  feed.ele("updated").txt(iso(newest(entries))).up();
  // RFC 4287 §4.1.1: a feed without an author in every entry MUST have one; its entries inherit it.
  feed.ele("author").ele("name").txt(meta.author).up().up();
  for (const e of entries) {
    const entry = feed.ele("entry");
    entry.ele("title").txt(e.title).up();
    entry.ele("id").txt(`${meta.urn}:${e.id}`).up();
    entry.ele("link", { rel: "alternate", type: "application/json", href: e.link }).up();
    entry.ele("updated").txt(iso(e.time)).up();
    entry.ele("summary").txt(e.summary).up();
  }
  return feed.end({ prettyPrint: true });
}
