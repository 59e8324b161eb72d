/**
 * The indexer specification, run once on embedded PGlite (tests/pglite.test.ts) and once on a real PostgreSQL
 * (tests/postgres.test.ts): a seeded anvil chain, `startIndexer`, then what a citizen, a journalist and the dApp
 * ask the API.
 */
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import ICAL from "ical.js";

import { readDeployment } from "@government-dao/core/deployment";
import { apiKeysFromSeed, demoExtractSeed, extractKeyVerdict, verifyExtractSignature } from "@government-dao/core/extract";

import { connectGovernment } from "../../../scripts/lib/contracts.js";
import { type RunningIndexer } from "../../lib/run.js";
import { type TestChain, startChainIndexer, startTestChain } from "./chain.js";

type Json = Record<string, unknown>;
interface Page {
  items: Json[];
  nextCursor: string | null;
}

export function describeIndexer(backend: "PGlite" | "PostgreSQL", databaseUrl: () => string | undefined): void {
  describe(`indexer and public API on ${backend}`, () => {
    let chain: TestChain;
    let indexer: RunningIndexer;
    let flagsFile: string;
    const get = async (route: string): Promise<Response> => fetch(`${indexer.url}${route}`);
    const json = async <T = Json>(route: string, status = 200): Promise<T> => {
      const response = await get(route);
      assert.equal(response.status, status, `${route}: HTTP ${response.status}`);
      return (await response.json()) as T;
    };
    const start = (fresh: boolean) => {
      const url = databaseUrl();
      return startChainIndexer(chain, { fresh, flagsFile, ...(url ? { databaseUrl: url } : {}) });
    };

    before(async () => {
      chain = await startTestChain();
      flagsFile = path.join(chain.dir, "flags.json");
      indexer = await start(true);
    });
    after(async () => {
      await indexer?.stop();
      await chain?.close();
    });

    it("indexes every proposal, document and allocation the chain holds", async () => {
      const summary = chain.seeded?.summary;
      assert.ok(summary);
      const proposals = await json<Page>("/api/v1/proposals?limit=1000");
      assert.equal(proposals.items.length, summary.proposals.total);
      const documents = await json<Page>("/api/v1/documents?limit=1000");
      assert.equal(documents.items.length, summary.documents.total);
      for (const [status, count] of Object.entries(summary.documents.byStatus)) {
        assert.equal(documents.items.filter((d) => d.status === status.toUpperCase()).length, count, `documents ${status}`);
      }
      const allocations = await json<Page>("/api/v1/budget/allocations");
      assert.equal(allocations.items.length, summary.allocations);
      const releases = await json<Page>("/api/v1/budget/releases");
      assert.equal(releases.items.length, summary.milestones.released);
    });

    it("filters documents by type, status and agency, and pages through them with a cursor", async () => {
      const all = await json<Page>("/api/v1/documents?limit=1000");
      const decrees = await json<Page>("/api/v1/documents?type=DECREE");
      assert.ok(decrees.items.length > 0 && decrees.items.every((d) => d.docType === "DECREE"));
      const finance = await json<Page>("/api/v1/documents?agency=1");
      assert.ok(finance.items.length > 0 && finance.items.every((d) => d.agencyId === "1" && d.agencyName === "Ministry of Finance"));
      const revoked = await json<Page>("/api/v1/documents?status=REVOKED");
      assert.ok(revoked.items.length > 0 && revoked.items.every((d) => d.status === "REVOKED" && typeof d.revokeReason === "string"));
      const seen: unknown[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await json<Page>(`/api/v1/documents?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
        assert.ok(page.items.length <= 3);
        seen.push(...page.items.map((d) => d.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      assert.deepEqual(seen, all.items.map((d) => d.id), "pages cover the list once, in order");
    });

    it("keeps each document's number and titles from the content store, and searches them, its number, agency and hash with q", async () => {
      const all = (await json<Page>("/api/v1/documents?limit=1000")).items;
      const indexed = all.filter((d) => d.metadataStatus === "INDEXED");
      assert.ok(indexed.length > 0 && indexed.every((d) => typeof d.number === "string" && typeof d.titleKk === "string" && typeof d.titleRu === "string" && typeof d.titleEn === "string"));
      assert.ok(all.filter((d) => d.metadataStatus !== "INDEXED").every((d) => d.number === null && d.titleEn === null), "no titles: null, and metadataStatus says why");
      const sample = indexed[0] as Json;
      const search = async (q: string, extra = ""): Promise<Json[]> => (await json<Page>(`/api/v1/documents?limit=1000&q=${encodeURIComponent(q)}${extra}`)).items;
      const word = (title: string): string => [...title.split(/\s+/)].sort((a, b) => b.length - a.length)[0] ?? title;
      for (const [field, piece] of [
        ["titleRu", word(String(sample.titleRu)).toUpperCase()],
        ["titleKk", word(String(sample.titleKk))],
        ["titleEn", word(String(sample.titleEn)).toLowerCase()],
        ["number", String(sample.number)],
      ] as const) {
        const found = await search(piece);
        assert.ok(found.some((d) => d.id === sample.id), `q=${piece} finds the document by its ${field}`);
        const needle = piece.toLowerCase();
        assert.ok(
          found.every((d) => [d.id, d.number, d.titleKk, d.titleRu, d.titleEn, d.agencyName].some((v) => typeof v === "string" && v.toLowerCase().includes(needle.replace(/^0x/, "")))),
          `q=${piece}: every hit matches`,
        );
      }
      assert.deepEqual((await search(String(sample.id))).map((d) => d.id), [sample.id], "q=<hash> finds that document");
      const finance = await search("finance");
      assert.ok(finance.length > 0 && finance.every((d) => d.agencyName === "Ministry of Finance" || String(d.titleEn).toLowerCase().includes("finance")), "q matches the agency's name");
      assert.equal((await search("zz%_no such document_%zz")).length, 0, "% and _ are literal");
      const decreesMatching = await search(word(String(sample.titleRu)), `&type=${String(sample.docType)}`);
      assert.ok(decreesMatching.every((d) => d.docType === sample.docType), "q and filters combine");
      // Pages of a search cover its hits once, in order.
      const q = encodeURIComponent(String(sample.number).slice(0, 2));
      const hits = await search(String(sample.number).slice(0, 2));
      const seen: unknown[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await json<Page>(`/api/v1/documents?limit=2&q=${q}${cursor ? `&cursor=${cursor}` : ""}`);
        seen.push(...page.items.map((d) => d.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      assert.deepEqual(seen, hits.map((d) => d.id));
      await json(`/api/v1/documents?q=${"x".repeat(201)}`, 400);
      await json("/api/v1/documents?q=a%00b", 400);
    });

    it("shows a document's whole amendment chain and history", async () => {
      const amended = (await json<Page>("/api/v1/documents?status=AMENDED")).items[0];
      assert.ok(amended, "the seed amends a decree");
      const detail = await json<{ versions: Json[]; history: Json[] }>(`/api/v1/documents/${String(amended.id)}`);
      assert.ok(detail.versions.length >= 2);
      assert.equal(detail.versions[0]?.id, amended.id, "oldest first");
      assert.equal(detail.versions[1]?.supersedes, amended.id);
      const kinds = detail.history.map((e) => e.kind);
      assert.ok(kinds.includes("ISSUED") && kinds.includes("AMENDED") && kinds.includes("SUPERSEDED"));
    });

    it("verifies a decree: status, agency, enacting proposal with its votes, transaction, block time, valid co-signature", async () => {
      const decree = (await json<Page>("/api/v1/documents?type=DECREE&status=ACTIVE")).items.find((d) => d.proposalId !== null);
      assert.ok(decree);
      const result = await json<Json>(`/api/v1/verify/${String(decree.id).slice(2)}`);
      assert.equal(result.found, true);
      assert.equal(result.status, "ACTIVE");
      assert.deepEqual(result.agency, { id: "0", name: "Government of the Republic of Kazakhstan" });
      assert.match(String(result.transactionHash), /^0x[0-9a-f]{64}$/);
      assert.ok(Number(result.blockTime) > 0);
      const proposal = result.proposal as { state: string; votes: Json[] };
      assert.equal(proposal.state, "EXECUTED");
      assert.ok(proposal.votes.length > 0);
      assert.deepEqual(result.coSignature, { status: "valid", keySha256: (result.coSignature as Json).keySha256, agencyId: "3" });
    });

    it("answers an unknown file with found: false, and bad input with a JSON error and no stack trace", async () => {
      const unknown = await json<Json>(`/api/v1/verify/0x${"ab".repeat(32)}`);
      assert.equal(unknown.found, false);
      const bad = await json<{ error: { code: string; message: string } }>("/api/v1/verify/not-a-hash", 400);
      assert.equal(bad.error.code, "invalid_input");
      assert.doesNotMatch(JSON.stringify(bad), /at .*\.ts|stack/);
      assert.equal((await json<{ error: { code: string } }>("/api/v1/documents?limit=0", 400)).error.code, "invalid_input");
      assert.equal((await json<{ error: { code: string } }>("/api/v1/documents?cursor=zzz", 400)).error.code, "invalid_cursor");
      assert.equal((await json<{ error: { code: string } }>(`/api/v1/documents/0x${"cd".repeat(32)}`, 404)).error.code, "not_found");
      assert.equal((await json<{ error: { code: string } }>("/api/v1/nothing", 404)).error.code, "not_found");
    });

    it("shows a proposal with decoded actions, tallies, votes with reasons and a timeline", async () => {
      const executed = (await json<Page>("/api/v1/proposals?state=EXECUTED")).items;
      assert.ok(executed.length > 0);
      const withReasons = await Promise.all(executed.map((p) => json<{ proposal: Json; actions: Json[]; votes: Json[]; timeline: Json[] }>(`/api/v1/proposals/${String(p.id)}`)));
      const detail = withReasons.find((d) => d.votes.some((v) => v.reason !== ""));
      assert.ok(detail, "some vote carries a reason");
      assert.ok(detail.actions.length > 0 && detail.actions.every((a) => typeof a.signature === "string" && Array.isArray(a.arguments)));
      const forVotes = detail.votes.filter((v) => v.support === "FOR").reduce((sum, v) => sum + BigInt(String(v.weight)), 0n);
      assert.equal(String(forVotes), detail.proposal.forVotes);
      assert.deepEqual(detail.timeline.map((t) => t.event).filter((e) => e !== "vote"), ["created", "votingStarts", ...(detail.proposal.extendedDeadline ? ["votingExtended"] : []), "votingEnds", "queued", "executed"]);
    });

    it("exports every action of every proposal as a row: typed arguments as JSON, sentences in kk, ru and en, as the proposal shows them", async () => {
      const proposals = (await json<Page>("/api/v1/proposals?limit=1000")).items;
      const rows = (await json<Page>("/api/v1/proposal-actions?limit=1000")).items;
      assert.equal(rows.length, proposals.reduce((sum, p) => sum + Number(p.actionCount), 0), "one row per action");
      const proposal = proposals.find((p) => Number(p.actionCount) > 1) ?? proposals[0];
      assert.ok(proposal);
      const detail = await json<{ actions: Json[] }>(`/api/v1/proposals/${String(proposal.id)}`);
      const own = (await json<Page>(`/api/v1/proposal-actions?proposal=${String(proposal.id)}`)).items;
      assert.deepEqual(
        own.map((r) => [r.index, r.target, r.signature, JSON.parse(String(r.args)) as unknown, r.sentenceKk, r.sentenceRu, r.sentenceEn, r.proposedAt, r.proposedAtIso]),
        detail.actions.map((a) => [a.index, a.target, a.signature, a.args, (a.sentence as Json).kk, (a.sentence as Json).ru, (a.sentence as Json).en, proposal.createdAt, proposal.createdAtIso]),
      );
      const typed = rows.flatMap((r) => (r.args === null ? [] : (JSON.parse(String(r.args)) as { name: string; type: string; value: unknown }[])));
      assert.ok(typed.length > 0 && typed.every((a) => typeof a.name === "string" && /^(u?int\d*|address|bool|bytes\d*|string|tuple|.+\[\d*\])$/.test(a.type)), "each argument has its ABI type");
      // Pages of one row each walk the whole list in the same order, without a gap or a repeat.
      const walked: Json[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await json<Page>(`/api/v1/proposal-actions?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
        walked.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null && walked.length <= rows.length);
      assert.deepEqual(walked, rows);
      const csv = (await (await get("/api/v1/proposal-actions?format=csv&limit=1")).text()).split("\r\n");
      assert.match(csv[0] ?? "", /^proposalId,index,proposedAt,proposedAtIso,target,targetContract,value,calldata,selector,signature,args,decodeError,sentenceKk,sentenceRu,sentenceEn$/);
      assert.equal((await json<{ error: { code: string } }>("/api/v1/proposal-actions?proposal=0x12", 400)).error.code, "invalid_input");
    });

    it("totals the budget per agency and token from the allocations", async () => {
      const allocations = (await json<Page>("/api/v1/budget/allocations")).items;
      const totals = (await json<Page>("/api/v1/budget/totals")).items;
      const allocated = totals.reduce((sum, t) => sum + BigInt(String(t.allocated)), 0n);
      const expected = allocations.reduce((sum, a) => sum + BigInt(String(a.total)) - BigInt(String(a.unreleasedAtCancel ?? 0)), 0n);
      assert.equal(allocated, expected);
      const detail = await json<{ milestones: Json[]; releases: Json[] }>(`/api/v1/budget/allocations/${String(allocations[0]?.id)}`);
      assert.ok(detail.milestones.length > 0);
    });

    it("answers the whole budget page in one request: totals, agency names, allocations with milestones and releases", async () => {
      const allocations = (await json<Page>("/api/v1/budget/allocations?limit=1000")).items;
      const totals = (await json<Page>("/api/v1/budget/totals")).items;
      const overview = await json<{ totals: Json[]; agencies: Json[]; items: { allocation: Json; milestones: Json[]; releases: Json[] }[]; nextCursor: string | null }>("/api/v1/budget?limit=1000");
      // The lists are exported (core's export-row.ts: ISO times, currency, decimal amounts added); the page has the rows.
      const own = (rows: Json[]): Json[] => rows.map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => key !== "currency" && !/(Iso|Decimal)$/.test(key))));
      assert.deepEqual(overview.totals, own(totals));
      assert.deepEqual(overview.items.map((i) => i.allocation), own(allocations));
      assert.ok(totals.every((t) => t.currency === "KZT" && typeof t.allocatedDecimal === "string"), "the totals list gives the currency and decimal amounts");
      assert.equal(overview.nextCursor, null);
      assert.ok(overview.agencies.some((a) => a.id === "1" && a.name === "Ministry of Finance"));
      for (const item of overview.items.slice(0, 3)) {
        const detail = await json<{ milestones: Json[]; releases: Json[] }>(`/api/v1/budget/allocations/${String(item.allocation.id)}`);
        assert.deepEqual(item.milestones, detail.milestones);
        assert.deepEqual(item.releases, detail.releases);
      }
      const first = await json<{ items: unknown[]; nextCursor: string | null }>("/api/v1/budget?limit=1");
      assert.equal(first.items.length, 1);
      if (allocations.length > 1) assert.ok(first.nextCursor !== null);
    });

    it("lists officials, agencies and the audit log of role changes", async () => {
      const officials = (await json<Page>("/api/v1/officials")).items;
      assert.equal(officials.filter((o) => o.seated).length, chain.seeded?.summary.seats);
      const agencies = (await json<Page>("/api/v1/agencies")).items;
      assert.ok(agencies.some((a) => a.name === "Ministry of Finance" && (a.registrars as Json[]).length > 0));
      // Exactly the registry's agencies: no row for agency 0 (the central government's acts are not an agency's).
      const { agencies: registry } = connectGovernment(chain.addresses, chain.connection.ethers.provider);
      const onChain = await Promise.all(
        Array.from({ length: Number(await registry.agencyCount()) }, async (_, i) => {
          const id = await registry.agencyIdAt(i);
          return `${id} ${(await registry.agency(id)).name}`;
        }),
      );
      assert.deepEqual(agencies.map((a) => `${a.agencyId} ${a.name}`).sort(), onChain.sort());
      const log = (await json<Page>("/api/v1/audit-log?limit=1000")).items;
      const kinds = new Set(log.map((r) => r.kind));
      for (const kind of ["ROLE_GRANTED", "ROLE_REVOKED", "SEAT_ISSUED", "AGENCY_ADDED", "REGISTRAR_ADDED"]) assert.ok(kinds.has(kind), kind);
    });

    it("shows one official: the seat, its agency by name, and every vote with its reason and the proposal's title", async () => {
      const officials = (await json<Page>("/api/v1/officials")).items;
      const voters = new Map<string, number>();
      const proposals = (await json<Page>("/api/v1/proposals?limit=1000")).items;
      const details = await Promise.all(proposals.map((p) => json<{ votes: Json[] }>(`/api/v1/proposals/${String(p.id)}`)));
      for (const d of details) for (const v of d.votes) voters.set(String(v.voter).toLowerCase(), (voters.get(String(v.voter).toLowerCase()) ?? 0) + 1);
      const official = officials.find((o) => o.seated && (voters.get(String(o.address).toLowerCase()) ?? 0) > 1);
      assert.ok(official, "a seated official who voted more than once");
      const detail = await json<{ official: Json; agency: { id: string; name: string | null } | null; votes: Json[] }>(`/api/v1/officials/${String(official.address).toUpperCase().replace("0X", "0x")}`);
      assert.deepEqual(detail.official, Object.fromEntries(Object.entries(official).filter(([key]) => !key.endsWith("Iso"))));
      assert.equal(detail.agency?.id, official.agencyId);
      assert.ok(detail.agency?.name, "the agency by its registered name");
      assert.equal(detail.votes.length, voters.get(String(official.address).toLowerCase()), "every vote of the account");
      const withReason = details.flatMap((d) => d.votes).filter((v) => String(v.voter).toLowerCase() === String(official.address).toLowerCase());
      assert.deepEqual(detail.votes.map((v) => [v.proposalId, v.support, v.reason]).sort(), withReason.map((v) => [v.proposalId, v.support, v.reason]).sort());
      assert.ok(detail.votes.every((v) => typeof v.proposalTitle === "string" && v.proposalTitle !== ""));
      const sorted = [...detail.votes].sort((a, b) => Number(b.blockNumber) - Number(a.blockNumber));
      assert.deepEqual(detail.votes.map((v) => v.blockNumber), sorted.map((v) => v.blockNumber), "newest first");
      assert.equal((await json<{ error: { code: string } }>(`/api/v1/officials/0x${"00".repeat(20)}`, 404)).error.code, "not_found");
      assert.equal((await json<{ error: { code: string } }>("/api/v1/officials/0x12", 400)).error.code, "invalid_input");
    });

    it("shows one agency: its registrars, seated officials, money per token, newest documents and allocations", async () => {
      const agencies = (await json<Page>("/api/v1/agencies")).items;
      const finance = agencies.find((a) => a.name === "Ministry of Finance");
      assert.ok(finance);
      const detail = await json<{ agency: Json; officials: Json[]; totals: Json[]; allocations: Json[]; documents: Json[] }>(`/api/v1/agencies/${String(finance.id)}`);
      const own = (row: Json): Json => Object.fromEntries(Object.entries(row).filter(([key]) => key !== "currency" && !/(Iso|Decimal)$/.test(key)));
      assert.deepEqual(own(detail.agency), own(finance));
      const seated = (await json<Page>("/api/v1/officials")).items.filter((o) => o.seated && o.agencyId === finance.id);
      assert.deepEqual(detail.officials.map((o) => o.address).sort(), seated.map((o) => o.address).sort());
      assert.ok(detail.officials.length > 0);
      const totals = (await json<Page>("/api/v1/budget/totals")).items.filter((t) => t.agencyId === finance.id);
      assert.deepEqual(detail.totals, totals.map(own));
      const allocations = (await json<Page>("/api/v1/budget/allocations?limit=1000")).items.filter((a) => a.agencyId === finance.id);
      assert.deepEqual(detail.allocations, allocations.slice(0, 20).map(own));
      const documents = (await json<Page>(`/api/v1/documents?agency=${String(finance.id)}&limit=20`)).items;
      assert.deepEqual(detail.documents.map((d) => d.id).sort(), documents.map((d) => d.id).sort());
      assert.ok(detail.documents.length > 0 && detail.documents.every((d) => d.agencyId === finance.id));
      assert.equal((await json<{ error: { code: string } }>("/api/v1/agencies/0", 404)).error.code, "not_found");
      assert.equal((await json<{ error: { code: string } }>("/api/v1/agencies/x", 400)).error.code, "invalid_input");
    });

    it("serves the auditor's flags: none before a run, the file's flags after, a JSON error for a broken file", async () => {
      assert.deepEqual((await json<Page>("/api/v1/flags")).items, []);
      const flags = {
        generatedAt: 1763900000,
        chainId: 31337,
        block: 123,
        rules: [{ id: "overdue-milestone", title: "Overdue milestone", explanation: "A milestone past its deadline, not released.", threshold: "deadline < now" }],
        flags: [{ rule: "overdue-milestone", severity: "warning", subject: { kind: "milestone", id: "2/1" }, message: "overdue 10 days", evidence: { days: 10, deadline: "1763000000" }, block: 120, timestamp: 1763899000 }],
      };
      await writeFile(flagsFile, JSON.stringify(flags));
      const served = await json<Page & { rules: Json[] }>("/api/v1/flags");
      assert.equal(served.items.length, 1);
      assert.equal(served.rules[0]?.id, "overdue-milestone");
      const csv = await (await get("/api/v1/flags?format=csv")).text();
      assert.match(csv, /^rule,severity,subjectKind,subjectId,message,evidence,block,timestamp,timestampIso\r\noverdue-milestone,warning,milestone,2\/1,/);
      await writeFile(flagsFile, JSON.stringify({ flags: "nope" }));
      assert.equal((await json<{ error: { code: string } }>("/api/v1/flags", 502)).error.code, "flags_unreadable");
    });

    it("exports every list as CSV and XML with the documented columns", async () => {
      const openapi = await json<{ components: { schemas: Record<string, { properties?: Json }> } }>("/api/v1/openapi.json");
      for (const [route, item] of [["documents", "document"], ["proposals", "proposal"], ["proposal-actions", "proposalAction"], ["budget/allocations", "allocation"], ["budget/releases", "release"], ["budget/totals", "agencyTotal"], ["officials", "official"], ["agencies", "agency"], ["audit-log", "roleChange"], ["signing-keys", "signingKey"]] as const) {
        const columns = Object.keys(openapi.components.schemas[item]?.properties ?? {});
        const csv = await get(`/api/v1/${route}?format=csv`);
        assert.equal(csv.status, 200, route);
        assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
        const [header] = (await csv.text()).split("\r\n");
        assert.equal(header, columns.join(","), `${route} CSV header`);
        const xml = await get(`/api/v1/${route}?format=xml`);
        assert.match(xml.headers.get("content-type") ?? "", /application\/xml/);
        assert.match(await xml.text(), new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?>\\s*<(\\w+)`));
      }
    });

    it("signs a citizen extract whose key is the registry's genesis key, valid at its block, and that fails once altered", async () => {
      const doc = (await json<Page>("/api/v1/documents?limit=1")).items[0];
      const extract = await json<Json>(`/api/v1/documents/${String(doc?.id)}/extract`);
      const key = await json<{ publicKeySha256: string }>("/api/v1/signing-key");
      const checked = verifyExtractSignature(extract);
      assert.ok(checked.ok && checked.version === 2, JSON.stringify(checked));
      assert.equal(checked.claims.key.sha256, key.publicKeySha256);
      // The key it names is the one GET /signing-keys lists under that id, and that row says it was valid then.
      const row = (await json<Page>("/api/v1/signing-keys")).items.find((k) => k.id === String(checked.claims.key.id));
      assert.ok(row, `key ${checked.claims.key.id} is listed`);
      assert.equal(row.keyHash, checked.claims.key.sha256);
      const registered = { purpose: 0, keyHash: String(row.keyHash), validFrom: Number(row.validFrom), validUntil: Number(row.validUntil) };
      const trusted = { chainId: checked.claims.chainId, registry: chain.addresses.signingKeys };
      assert.deepEqual(extractKeyVerdict(checked.claims, { ...trusted, key: registered }), { ok: true });
      const altered = { ...extract, document: { ...(extract.document as Json), status: "ACTIVE", revokeReason: null, docType: "LAW" } };
      assert.equal(verifyExtractSignature(altered).ok, false);
    });

    it("lists the signing keys: the genesis extract key with its hash and the deployment's block time; a key the Timelock registers, retires, then declares compromised", async () => {
      const provider = chain.connection.ethers.provider;
      const registry = chain.addresses.signingKeys;
      const { signingKeys } = connectGovernment(chain.addresses, provider);
      const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.000Z$/, "Z");
      const timeOf = async (block: number): Promise<number> => {
        const b = await provider.getBlock(block);
        assert.ok(b, `block ${block}`);
        return b.timestamp;
      };
      const keys = async (): Promise<Json[]> => (await json<Page>("/api/v1/signing-keys")).items;
      const auditOf = async (keyId: string): Promise<Json[]> =>
        (await json<Page>("/api/v1/audit-log?limit=1000")).items.filter((r) => r.signingKeyId === keyId).reverse();

      // The genesis key: registered by the constructor, valid from the deployment's block time.
      const deployed = readDeployment(chain.deploymentDir).contracts.SigningKeyRegistry;
      const deployedAt = await timeOf(deployed.startBlock);
      const genesisHash = apiKeysFromSeed(demoExtractSeed()).publicKeySha256;
      const listed = await keys();
      assert.equal(listed.length, Number(await signingKeys.keyCount()), "every key of the registry");
      const genesis = listed[0];
      assert.ok(genesis);
      const creation = await provider.getTransactionReceipt(String(genesis.registeredTx));
      assert.equal(creation?.contractAddress?.toLowerCase(), registry, "registered by the registry's creation");
      assert.deepEqual(genesis, {
        id: "1", keyId: "1", purpose: "EXTRACT", keyHash: genesisHash, validFrom: String(deployedAt), validUntil: "0", compromised: false,
        registeredAt: String(deployedAt), registeredAtIso: iso(deployedAt), registeredBlock: String(deployed.startBlock), registeredTx: genesis.registeredTx,
        retiredAt: null, retiredAtIso: null, retiredBlock: null, retiredTx: null, compromisedAt: null, compromisedAtIso: null,
      });
      const onChain = await signingKeys.key(1n);
      assert.deepEqual([onChain.keyHash, onChain.validFrom, onChain.validUntil], [genesisHash, BigInt(deployedAt), 0n]);
      const [registeredGenesis] = await auditOf("1");
      assert.deepEqual(
        [registeredGenesis?.kind, registeredGenesis?.contract, registeredGenesis?.sender, registeredGenesis?.detail],
        ["SIGNING_KEY_REGISTERED", registry, creation?.from.toLowerCase(), `EXTRACT ${genesisHash}`],
      );

      // Governance registers a second key and retires it by rotation (the Timelock, impersonated on anvil).
      const timelock = chain.addresses.timelock;
      await provider.send("anvil_impersonateAccount", [timelock]);
      await provider.send("anvil_setBalance", [timelock, "0x56bc75e2d63100000"]);
      try {
        const asTimelock = signingKeys.connect(await chain.connection.ethers.getSigner(timelock));
        const hash = `0x${"5a".repeat(32)}`;
        const registered = await (await asTimelock.registerKey(0, hash)).wait();
        assert.ok(registered);
        const validFrom = await timeOf(registered.blockNumber);
        // A minute later (retired in its registration's second, validUntil would equal validFrom: the compromised mark).
        await provider.send("evm_setNextBlockTimestamp", [validFrom + 60]);
        const retired = await (await asTimelock.retireKey(2n, false)).wait();
        assert.ok(retired);
        await indexer.waitForHead();
        const retiredAt = await timeOf(retired.blockNumber);
        assert.equal(retiredAt, validFrom + 60);
        const rotated = {
          id: "2", keyId: "2", purpose: "EXTRACT", keyHash: hash, validFrom: String(validFrom), validUntil: String(retiredAt), compromised: false,
          registeredAt: String(validFrom), registeredAtIso: iso(validFrom), registeredBlock: String(registered.blockNumber), registeredTx: registered.hash,
          retiredAt: String(retiredAt), retiredAtIso: iso(retiredAt), retiredBlock: String(retired.blockNumber), retiredTx: retired.hash, compromisedAt: null, compromisedAtIso: null,
        };
        assert.deepEqual((await keys()).slice(1), [rotated]);

        // Later found leaked: declared compromised, the period shrinks to nothing; the first retirement stays recorded.
        const compromised = await (await asTimelock.retireKey(2n, true)).wait();
        assert.ok(compromised);
        await indexer.waitForHead();
        const compromisedAt = await timeOf(compromised.blockNumber);
        const now = await keys();
        assert.deepEqual(now.slice(1), [{ ...rotated, validUntil: String(validFrom), compromised: true, compromisedAt: String(compromisedAt), compromisedAtIso: iso(compromisedAt) }]);
        assert.deepEqual(now[0], genesis, "the genesis key is untouched");
        assert.equal((await signingKeys.key(2n)).validUntil, BigInt(validFrom), "as the chain has it");
        const log = await auditOf("2");
        assert.deepEqual(
          log.map((r) => [r.kind, r.sender, r.detail, r.transactionHash]),
          [
            ["SIGNING_KEY_REGISTERED", timelock, `EXTRACT ${hash}`, registered.hash],
            ["SIGNING_KEY_RETIRED", timelock, `retired, valid until ${retiredAt}`, retired.hash],
            ["SIGNING_KEY_RETIRED", timelock, `compromised, valid until ${validFrom}`, compromised.hash],
          ],
        );
      } finally {
        await provider.send("anvil_stopImpersonatingAccount", [timelock]);
      }
      // GraphQL: the audit log's entries link to their key, as the subgraph's RoleChange.signingKey.
      const response = await fetch(`${indexer.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ roleChanges(where: { kind: SIGNING_KEY_RETIRED }) { items { signingKey { keyId compromised } } } }" }),
      });
      const body = (await response.json()) as { data?: { roleChanges: { items: { signingKey: Json | null }[] } }; errors?: unknown };
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      assert.deepEqual(body.data?.roleChanges.items.map((r) => r.signingKey), [{ keyId: "2", compromised: true }, { keyId: "2", compromised: true }]);
    });

    it("publishes RSS and Atom feeds of new proposals and documents", async () => {
      const rss = await (await get("/api/v1/feeds/proposals.rss")).text();
      assert.match(rss, /<rss version="2.0" xmlns:atom="http:\/\/www.w3.org\/2005\/Atom">[\s\S]*<atom:link [^>]*rel="self"[\s\S]*<lastBuildDate>[\s\S]*<item>/);
      const atom = await (await get("/api/v1/feeds/documents.atom")).text();
      assert.match(atom, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">[\s\S]*<entry>/);
      assert.equal((await get("/api/v1/feeds/other.rss")).status, 400);
    });

    it("publishes the deadlines as an iCalendar feed in chain time: votes ending, Timelock ETAs, milestones and appeal answers due", async () => {
      const response = await get("/api/v1/feeds/deadlines.ics");
      assert.equal(response.status, 200);
      assert.match(response.headers.get("content-type") ?? "", /^text\/calendar/);
      const text = await response.text();
      assert.ok(text.split("\r\n").every((line) => new TextEncoder().encode(line).length <= 75), "lines folded at 75 octets (RFC 5545 3.1)");
      const calendar = new ICAL.Component(ICAL.parse(text));
      const events = new Map(calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)).map((e) => [e.uid.split("@")[0] ?? "", e]));
      const startOf = (uid: string): number | undefined => {
        const event = events.get(uid);
        return event ? event.startDate.toJSDate().getTime() / 1000 : undefined;
      };
      const proposals = (await json<Page>("/api/v1/proposals?limit=1000")).items;
      for (const p of proposals.filter((row) => row.canceledAt === null)) {
        assert.equal(startOf(`proposal-${String(p.id)}-voting-ends`), Number(p.extendedDeadline ?? p.voteEnd), `proposal ${String(p.id)} voting ends`);
        assert.match(events.get(`proposal-${String(p.id)}-voting-ends`)?.summary ?? "", /^Voting ends: /);
      }
      const queued = proposals.filter((row) => row.eta !== null && row.eta !== "0");
      assert.ok(queued.length > 0, "the seed queued a proposal");
      for (const p of queued) assert.equal(startOf(`proposal-${String(p.id)}-executable`), Number(p.eta), `proposal ${String(p.id)} ETA`);
      const overview = await json<{ items: { allocation: Json; milestones: Json[] }[] }>("/api/v1/budget?limit=1000");
      for (const { allocation, milestones } of overview.items) {
        for (const m of milestones) assert.equal(startOf(`milestone-${String(allocation.id)}-${String(m.index)}-due`), Number(m.deadline), `milestone ${String(allocation.id)}/${String(m.index)}`);
      }
      const appeals = (await json<Page>("/api/v1/appeals?limit=1000")).items;
      for (const a of appeals) assert.equal(startOf(`appeal-${String(a.id)}-answer-due`), Number(a.dueAt), `appeal ${String(a.id)}`);
      assert.equal(events.size, calendar.getAllSubcomponents("vevent").length, "each event's UID is unique");
      // DTSTAMP is the indexed head's block time, not the server's clock.
      const head = (await json<{ indexedBlock: { timestamp: string } }>(`/api/v1/proposals/${String(proposals[0]?.id)}`)).indexedBlock.timestamp;
      const stamp = calendar.getFirstSubcomponent("vevent")?.getFirstPropertyValue("dtstamp");
      assert.equal(stamp instanceof ICAL.Time ? stamp.toJSDate().getTime() / 1000 : undefined, Number(head));
    });

    it("answers GraphQL queries shaped like the subgraph's", async () => {
      const response = await fetch(`${indexer.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: '{ documents(where: { status: REVOKED }) { items { id revokeReason agency { name } history { items { kind } } } } agencys { items { name tokenTotals { items { allocated } } } } }' }),
      });
      const body = (await response.json()) as { data?: { documents: { items: Json[] } }; errors?: unknown };
      assert.equal(body.errors, undefined, JSON.stringify(body.errors));
      assert.ok((body.data?.documents.items.length ?? 0) > 0);
    });

    /** A registrar of Finance (anvil account 7) issues an order; returns its content hash. */
    const issueOrder = async (label: string): Promise<string> => {
      const signers = await chain.connection.ethers.getSigners();
      const registrar = signers[7];
      assert.ok(registrar);
      const { documents } = (await import("../../../scripts/lib/contracts.js")).connectGovernment(chain.addresses, registrar);
      const hash = `0x${Buffer.from(`${label} ${Date.now()}`).toString("hex").padEnd(64, "0")}`;
      await (await documents.issue(3, 1, hash, `0x${"11".repeat(32)}`, `0x${"00".repeat(32)}`)).wait();
      return hash;
    };

    it("answers a repeated request from its cache until the next block is indexed: ETag, 304, and a new document at once", async () => {
      const route = "/api/v1/documents?limit=1000";
      await get(route);
      const kept = await get(route);
      assert.equal(kept.headers.get("x-cache"), "HIT");
      const etag = kept.headers.get("etag") ?? "";
      assert.match(etag, /^"[\w-]{27}"$/);
      const revalidated = await fetch(`${indexer.url}${route}`, { headers: { "If-None-Match": etag } });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.headers.get("access-control-expose-headers")?.includes("ETag"), true);

      const hash = await issueOrder("cache");
      await indexer.waitForHead();
      const fresh = await get(route);
      assert.equal(fresh.headers.get("x-cache"), "MISS");
      assert.notEqual(fresh.headers.get("etag"), etag);
      assert.equal(((await fresh.json()) as Page).items[0]?.id, hash);
      assert.equal((await fetch(`${indexer.url}${route}`, { headers: { "If-None-Match": etag } })).status, 200);
      // The auditor's flags come from a file, not the index: never cached (the flags test above rewrites it).
      assert.equal((await get("/api/v1/flags")).headers.get("etag"), null);
    });

    it("resumes after a restart without losing or duplicating rows, and indexes what happened meanwhile", async () => {
      const before = await json<Page>("/api/v1/documents?limit=1000");
      await indexer.stop();
      // While the indexer is down, a registrar of Finance issues an order.
      const hash = await issueOrder("restart");
      indexer = await start(false);
      const after = await json<Page>("/api/v1/documents?limit=1000");
      assert.equal(after.items.length, before.items.length + 1);
      assert.equal(new Set(after.items.map((d) => d.id)).size, after.items.length, "no duplicates");
      assert.equal(after.items[0]?.id, hash);
    });
  });
}
