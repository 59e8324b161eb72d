/**
 * The API's pure parts, in process (issue 17 findings 2–5): CSV (opt-in BOM, formula-injection guard), XML exports
 * and RSS/Atom feeds well-formed whatever characters the chain holds (parsed with saxes, a conformant XML parser),
 * the public origin from configuration, the signing key's seed file (created once, never overwritten) and the
 * accepted query parameters of each route.
 */
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";

import fc from "fast-check";
import { Hono } from "hono";

import { csvCell, toCsv } from "@government-dao/core/api/csv";

import { cacheKey } from "../src/api/answer-cache.js";
import { type FeedEntry, type FeedMeta, renderAtom, renderRss } from "../src/api/feed-xml.js";
import { toXml } from "../src/api/formats.js";
import { publicUrlFrom, servedPort } from "../src/api/public-url.js";
import { acceptedQueryParameters, routeQueries } from "../src/api/query-params.js";
import { SigningKeyError, loadOrCreateSeed } from "../src/api/signing-key.js";
import { type XmlElement, parseXml } from "./support/xml.js";

const child = (e: XmlElement | undefined, name: string): XmlElement | undefined => e?.children.find((c) => c.name === name);

/** Text as the chain may hold it: control characters, lone surrogates, markup, CDATA ends, Cyrillic, emoji. */
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("bad\u0001reason", "\u0000", "\uFFFE\uFFFF", "\uD800 lone", "]]> <![CDATA[ x ]]>", "<script>&amp;</script>", "Қаулы №1 🏛️", "\u000B\u000C\u001F", "a\r\nb\tc"),
);

describe("CSV exports", () => {
  it("prefixes cells that spreadsheets would run as formulas with a single quote (OWASP)", () => {
    for (const formula of ["=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", '=HYPERLINK("http://evil.example","click")']) {
      const cell = csvCell(formula);
      assert.ok(cell.startsWith("'") || cell.startsWith(`"'`), `${JSON.stringify(formula)} → ${cell}`);
    }
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvCell("plain"), "plain");
    assert.equal(csvCell(-5), "-5", "numbers are never formulas");
    assert.equal(csvCell(null), "");
  });

  it("puts a UTF-8 byte order mark first only when asked", () => {
    const rows = [{ name: "Министерство финансов" }];
    assert.equal(toCsv(["name"], rows), "name\r\nМинистерство финансов\r\n");
    const withBom = toCsv(["name"], rows, { bom: true });
    assert.equal(withBom.charCodeAt(0), 0xfeff);
    assert.deepEqual([...Buffer.from(withBom, "utf8").subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  it("property: a cell never starts a formula and quotes round-trip (fast-check)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (text) => {
        const cell = csvCell(text);
        const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
        assert.doesNotMatch(unquoted, /^[=+\-@\t\r]/);
        assert.equal(unquoted.replace(/^'(?=[=+\-@\t\r])/, ""), text);
      }),
      { numRuns: 500 },
    );
  });
});

describe("XML exports and feeds are well-formed whatever the chain holds", () => {
  const meta: FeedMeta = { title: "Feed", self: "https://data.example/api/v1/feeds/documents.atom", urn: "urn:government-dao:31337:0xabc:documents", author: "Government DAO public API" };
  const entry = (text: string): FeedEntry => ({ id: "document-event:1", title: `Decree revoked: ${text}`, summary: text, link: "https://data.example/api/v1/documents/0x01", time: 1_763_900_000n });

  it("a U+0001 in a revocation reason: the export and both feeds parse, the character is U+FFFD", () => {
    const xml = toXml("documents", "document", ["id", "revokeReason"], [{ id: "0x01", revokeReason: "bad\u0001reason" }], null);
    assert.equal(child(child(parseXml(xml), "document"), "revokeReason")?.text, "bad\uFFFDreason");
    const atom = parseXml(renderAtom(meta, [entry("bad\u0001reason")]));
    assert.equal(child(child(atom, "entry"), "summary")?.text, "bad\uFFFDreason");
    const rss = parseXml(renderRss(meta, [entry("bad\u0001reason")]));
    assert.equal(child(child(child(rss, "channel"), "item"), "description")?.text, "bad\uFFFDreason");
  });

  it("property: any text in any cell or entry gives XML a conformant parser accepts (fast-check)", () => {
    fc.assert(
      fc.property(hostileText, hostileText, (a, b) => {
        parseXml(toXml("documents", "document", ["a", "b"], [{ a, b }], null));
        parseXml(renderAtom({ ...meta, title: a }, [entry(b)]));
        parseXml(renderRss({ ...meta, title: b }, [entry(a)]));
      }),
      { numRuns: 400 },
    );
  });

  it("Atom has the feed author RFC 4287 requires, its id, self link and updated; RSS has atom:link rel=self and lastBuildDate", () => {
    const atom = parseXml(renderAtom(meta, [entry("x"), { ...entry("y"), id: "document-event:2", time: 1_763_900_100n }]));
    assert.equal(atom.name, "feed");
    assert.equal(atom.attributes.xmlns, "http://www.w3.org/2005/Atom");
    assert.equal(child(child(atom, "author"), "name")?.text, "Government DAO public API");
    assert.equal(child(atom, "id")?.text, meta.urn);
    assert.equal(child(atom, "updated")?.text, "2025-11-23T12:15:00.000Z", "the newest entry's time");
    assert.deepEqual(child(atom, "link")?.attributes, { rel: "self", type: "application/atom+xml", href: meta.self });
    for (const e of atom.children.filter((c) => c.name === "entry")) for (const name of ["id", "title", "updated", "link"]) assert.ok(child(e, name), `entry ${name}`);

    const rss = parseXml(renderRss(meta, [entry("x")]));
    const channel = child(rss, "channel");
    assert.equal(rss.attributes.version, "2.0");
    assert.deepEqual(child(channel, "atom:link")?.attributes, { href: meta.self, rel: "self", type: "application/rss+xml" });
    assert.equal(child(channel, "lastBuildDate")?.text, "Sun, 23 Nov 2025 12:13:20 GMT");
    assert.equal(child(child(channel, "item"), "guid")?.text, `${meta.urn}:document-event:1`);
  });
});

describe("public origin (PUBLIC_URL)", () => {
  it("defaults to the address Ponder serves on, and takes PUBLIC_URL without a trailing slash", () => {
    assert.equal(publicUrlFrom({}, ["node", "ponder", "start", "--port", "4321"]), "http://127.0.0.1:4321");
    assert.equal(publicUrlFrom({ PORT: "5000" }, ["--port", "4321"]), "http://127.0.0.1:5000");
    assert.equal(servedPort({}, ["--port=7000"]), 7000);
    assert.equal(servedPort({}, []), 42069);
    assert.equal(publicUrlFrom({ PUBLIC_URL: "https://data.gov.example/" }, []), "https://data.gov.example");
    assert.equal(publicUrlFrom({ PUBLIC_URL: "https://gov.example/open-data/" }, []), "https://gov.example/open-data");
  });

  it("refuses anything but an http(s) origin with an optional path, in words", () => {
    assert.throws(() => publicUrlFrom({ PUBLIC_URL: "not a url" }, []), /PUBLIC_URL "not a url" is not a URL/);
    assert.throws(() => publicUrlFrom({ PUBLIC_URL: "javascript:alert(1)" }, []), /must be http or https/);
    assert.throws(() => publicUrlFrom({ PUBLIC_URL: "https://a.example/?x=1" }, []), /no user, password, query or fragment/);
    assert.throws(() => publicUrlFrom({ PUBLIC_URL: "https://u:p@a.example" }, []), /no user, password/);
  });
});

describe("the extract-signing key's seed file", () => {
  const dir = () => mkdtempSync(path.join(os.tmpdir(), "signing-key-"));

  it("is created once, mode 0600, and read back the same on every later start", () => {
    const file = path.join(dir(), "state", "api-signing-seed.hex");
    const first = loadOrCreateSeed(file);
    assert.equal(first.length, 32);
    assert.match(readFileSync(file, "utf8"), /^[0-9a-f]{64}\n$/);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(loadOrCreateSeed(file), first);
  });

  it("is never overwritten: a corrupt or unreadable file is an error naming it, and stays as it was", () => {
    const d = dir();
    const corrupt = path.join(d, "corrupt.hex");
    writeFileSync(corrupt, "not hex at all\n");
    assert.throws(() => loadOrCreateSeed(corrupt), (error: unknown) => error instanceof SigningKeyError && error.message.includes(corrupt) && /is corrupt/.test(error.message) && /never replaced automatically/.test(error.message));
    assert.equal(readFileSync(corrupt, "utf8"), "not hex at all\n");
    const truncated = path.join(d, "truncated.hex");
    writeFileSync(truncated, "ab".repeat(20));
    assert.throws(() => loadOrCreateSeed(truncated), SigningKeyError);
    const directory = path.join(d, "a-directory.hex");
    mkdirSync(directory);
    assert.throws(() => loadOrCreateSeed(directory), /cannot be read \(EISDIR\)/);
    if (process.getuid?.() !== 0) {
      const locked = path.join(d, "locked.hex");
      writeFileSync(locked, `${"cd".repeat(32)}\n`);
      chmodSync(locked, 0o000);
      assert.throws(() => loadOrCreateSeed(locked), /cannot be read \(EACCES\)/);
    }
  });
});

describe("accepted query parameters and the answer cache's key", () => {
  const routes = routeQueries({
    "/api/v1/documents": { get: { summary: "", parameters: [{ name: "limit", in: "query" }, { name: "format", in: "query" }] } },
    "/api/v1/verify/{sha256}": { get: { summary: "", parameters: [{ name: "sha256", in: "path" }] } },
  });
  const app = new Hono()
    .use(acceptedQueryParameters(routes))
    .get("/api/v1/documents", (c) => c.json({ ok: true }))
    .get("/api/v1/verify/:sha", (c) => c.json({ ok: true }))
    .get("*", (c) => c.json({ error: { code: "not_found" } }, 404));
  const get = async (url: string) => {
    const response = await app.request(url);
    return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
  };

  it("answers an unknown or repeated parameter with a 400 naming it and what the route accepts", async () => {
    assert.equal((await get("/api/v1/documents?limit=1&format=csv")).status, 200);
    const stray = await get(`/api/v1/verify/${"ab".repeat(32)}?x=1`);
    assert.equal(stray.status, 400);
    assert.deepEqual(stray.body.error, { code: "unknown_parameter", message: 'unknown query parameter "x": /api/v1/verify/{sha256} accepts no query parameters' });
    assert.equal((await get("/api/v1/documents?limit=1&cursor=a")).body.error?.message, 'unknown query parameter "cursor": /api/v1/documents accepts limit, format');
    assert.equal((await get("/api/v1/documents?limit=1&limit=2")).body.error?.code, "repeated_parameter");
    const long = await get(`/api/v1/documents?${"<b>".repeat(100)}=1`);
    assert.ok((long.body.error?.message.length ?? 0) < 200, "a long name is cut");
    assert.equal((await get("/api/v1/nothing?x=1")).status, 404, "an unknown route stays a 404");
  });

  it("keys answers on the sorted, decoded parameters: order and percent-encoding make no new entry", () => {
    const key = (u: string) => cacheKey(new URL(u, "http://x"));
    assert.equal(key("/api/v1/documents?limit=5&format=csv"), key("/api/v1/documents?format=csv&limit=%35"));
    assert.notEqual(key("/api/v1/documents?limit=5"), key("/api/v1/documents?limit=6"));
    assert.equal(key("/api/v1/documents?"), "/api/v1/documents");
  });
});
