/**
 * What every reader gets, on a live indexer (anvil, PGlite; issue 17 findings 2–5):
 * - a forged Host header leaves no trace in the next reader's feed or extract (links come from PUBLIC_URL);
 * - a stray query parameter is a 400, and neither bypasses nor fills the answer cache;
 * - signed extracts are kept per indexed checkpoint and have their own, lower rate limit;
 * - the signing key's seed file is never replaced: a corrupt one stops the start with an error naming it;
 * - a revocation reason with a control character and a formula: XML export and feeds well-formed (saxes), CSV guarded;
 * - every route's real answer, in each format, matches the OpenAPI document it serves (ajv, JSON Schema 2020-12);
 * - the Frictionless data package is valid against the official profile and every cell of every CSV it describes
 *   matches its resource's Table Schema (issue 22).
 */
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import AjvModule from "ajv/dist/2020.js";
import AjvDraft04Module from "ajv-draft-04";
import formatsModule from "ajv-formats";
import { parse as parseCsv } from "csv-parse/sync";
import ICAL from "ical.js";

import { freePort } from "@government-dao/devchain/anvil";
import { connectGovernment } from "../../scripts/lib/contracts.js";
import { cast } from "@government-dao/devchain/demo-cast";
import { verifyExtractSignature } from "@government-dao/core/extract";
import type { DataPackage } from "@government-dao/core/api/datapackage";
import type { TableField } from "@government-dao/core/api/table-schema";
import { INDEXER_DIR } from "../lib/paths.js";
import { type RunningIndexer, startIndexer } from "../lib/run.js";
import { type TestChain, startChainIndexer, startTestChain } from "./support/chain.js";
import { parseXml } from "./support/xml.js";

// ajv and ajv-formats are CommonJS: the default import is module.exports, whose `default` is the same class/plugin.
const Ajv2020 = AjvModule.default;
const AjvDraft04 = AjvDraft04Module.default;
const addFormats = formatsModule.default;

interface OpenapiDocument {
  paths: Record<string, { get: { parameters?: { name: string; in: string }[]; responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> } }>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
}

const PUBLIC_URL = "https://data.gov.example";
const EXTRACT_RATE = 1;
const EXTRACT_BURST = 2;

/** Why `value` (a CSV cell, "" for null) does not fit `field` of a Table Schema, or undefined when it does. */
function cellProblem(field: TableField, value: string): string | undefined {
  const c = field.constraints ?? {};
  if (value === "") return c.required ? "empty, but required" : undefined;
  if (field.type === "integer" && !/^-?[0-9]+$/.test(value)) return "not an integer";
  if (field.type === "integer" && c.minimum !== undefined && BigInt(value) < BigInt(c.minimum)) return `below ${c.minimum}`;
  if (field.type === "number" && Number.isNaN(Number(value))) return "not a number";
  if (field.type === "boolean" && value !== "true" && value !== "false") return "not true or false";
  // Table Schema's default datetime format: YYYY-MM-DDThh:mm:ssZ (UTC).
  if (field.type === "datetime" && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) return "not an ISO 8601 UTC time";
  if (field.type === "object" || field.type === "array") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return "not JSON";
    }
    if (field.type === "array" && !Array.isArray(parsed)) return "not a JSON array";
  }
  // A text cell that a spreadsheet would run as a formula is written with a leading quote (formats.ts).
  const text = /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
  if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`).test(text)) return `does not match ${c.pattern}`;
  if (c.enum !== undefined && !c.enum.includes(text)) return `not one of ${c.enum.join(", ")}`;
  return undefined;
}

/** GET with any Host header (fetch will not send a forged one). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
  });
}

describe("public answers (anvil, PGlite)", () => {
  let chain: TestChain;
  let indexer: RunningIndexer;
  let client = 0;
  /** Each request its own client address (API_TRUST_PROXY=1), unless a test shares one. */
  const get = (route: string, address = `198.18.0.${++client % 250}`, headers: Record<string, string> = {}) =>
    fetch(`${indexer.url}${route}`, { headers: { "X-Forwarded-For": address, ...headers } });
  let revokedId = "";
  const REASON = "=HYPERLINK(\"http://attacker.test\",\"x\") bad\u0001reason";

  before(async () => {
    chain = await startTestChain();
    // A Finance registrar issues an order and revokes it with a reason holding a formula and a U+0001.
    const signers = await chain.connection.ethers.getSigners();
    const registrar = signers.find((s) => s.address === cast.financeRegistrar);
    assert.ok(registrar);
    const { documents } = connectGovernment(chain.addresses, registrar);
    revokedId = `0x${Buffer.from(`control characters ${Date.now()}`).toString("hex").padEnd(64, "0").slice(0, 64)}`;
    await (await documents.issue(3, 1, revokedId, `0x${"11".repeat(32)}`, `0x${"00".repeat(32)}`)).wait();
    await (await documents.revoke(revokedId, REASON)).wait();
    // One flag of the auditor, as scripts/agent.ts writes them.
    await writeFile(path.join(chain.dir, "flags.json"), JSON.stringify({
      generatedAt: 1763900000, asOf: 1763899500, chainId: 31337, block: 123,
      rules: [{ id: "overdue-milestone", title: "Overdue milestone", explanation: "A milestone past its deadline, not released.", threshold: "deadline < now" }],
      flags: [{ rule: "overdue-milestone", severity: "warning", subject: { kind: "milestone", id: "2/1" }, message: "overdue 10 days", evidence: { days: 10, deadline: "1763000000" }, block: 120, timestamp: 1763899000 }],
    }));
    indexer = await startChainIndexer(chain, {
      flagsFile: path.join(chain.dir, "flags.json"),
      env: { PUBLIC_URL, API_TRUST_PROXY: "1", API_EXTRACT_RATE_LIMIT: String(EXTRACT_RATE), API_EXTRACT_RATE_BURST: String(EXTRACT_BURST) },
    });
  });
  after(async () => {
    await indexer?.stop();
    await chain?.close();
  });

  it("a forged Host header leaves no trace in the next reader's feeds and extracts: links come from PUBLIC_URL", async () => {
    const routes = ["/api/v1/feeds/documents.rss", "/api/v1/feeds/documents.atom", "/api/v1/feeds/proposals.rss", "/api/v1/feeds/proposals.atom", `/api/v1/documents/${revokedId}/extract`];
    let address = 0;
    for (const route of routes) {
      const forged = await rawGet(`${indexer.url}${route}`, { Host: "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "http", "X-Forwarded-For": `198.19.0.${++address}` });
      assert.equal(forged.status, 200, route);
      assert.doesNotMatch(forged.body, /evil\.example/, `${route}: even the forged request gets PUBLIC_URL links`);
      const next = await get(route);
      assert.equal(next.headers.get("x-cache"), "HIT", `${route}: the forged request's answer was kept`);
      const body = await next.text();
      assert.doesNotMatch(body, /evil\.example/, route);
      assert.match(body, new RegExp(`${PUBLIC_URL.replace(/\./g, "\\.")}/api/v1/`), route);
    }
  });

  it("answers a query parameter a route does not accept with a 400, and serves repeated valid requests from the cache", async () => {
    const stray = await get(`/api/v1/verify/${revokedId}?x=1`);
    assert.equal(stray.status, 400);
    assert.deepEqual(await stray.json(), { error: { code: "unknown_parameter", message: 'unknown query parameter "x": /api/v1/verify/{sha256} accepts no query parameters' } });
    assert.equal(stray.headers.get("x-cache"), null, "refused before the cache");
    for (const route of ["/api/v1/documents?limit=5&nonce=1", "/api/v1/feeds/documents.rss?v=2", "/api/v1/officials?cursor=x", "/api/v1/documents?limit=5&limit=6"]) {
      const response = await get(route);
      assert.equal(response.status, 400, route);
      assert.match(((await response.json()) as { error: { code: string } }).error.code, /^(unknown|repeated)_parameter$/, route);
    }
    const first = await get(`/api/v1/verify/${revokedId}`);
    await first.arrayBuffer();
    const second = await get(`/api/v1/verify/${revokedId}`);
    assert.equal(second.headers.get("x-cache"), "HIT");
    await second.arrayBuffer();
    await (await get("/api/v1/documents?limit=5&format=csv")).arrayBuffer();
    const reordered = await get("/api/v1/documents?format=csv&limit=%35");
    assert.equal(reordered.headers.get("x-cache"), "HIT", "order and percent-encoding make no new entry");
    // The dApp's open-data links send limit to the one-page lists too.
    assert.equal((await get("/api/v1/budget/totals?format=csv&limit=1000")).status, 200);
  });

  it("keeps a signed extract per indexed checkpoint, and limits extracts more than other routes", async () => {
    const me = "203.0.113.50";
    const first = await get(`/api/v1/documents/${revokedId}/extract`, me);
    assert.equal(first.status, 200);
    const second = await get(`/api/v1/documents/${revokedId}/extract`, me);
    assert.equal(second.headers.get("x-cache"), "HIT");
    const [a, b] = [(await first.json()) as Record<string, unknown>, (await second.json()) as Record<string, unknown>];
    assert.deepEqual(b, a, "the same signed extract at the same checkpoint");
    const key = (await (await get("/api/v1/signing-key")).json()) as { publicKeySha256: string };
    const checked = verifyExtractSignature(b);
    assert.ok(checked.ok && checked.version === 2, JSON.stringify(checked));
    assert.equal(checked.claims.key.sha256, key.publicKeySha256, "signed with the key the API publishes");
    assert.deepEqual(a.links, { verify: `${PUBLIC_URL}/api/v1/verify/${revokedId}`, document: `${PUBLIC_URL}/api/v1/documents/${revokedId}`, signingKey: `${PUBLIC_URL}/api/v1/signing-key` });
    const third = await get(`/api/v1/documents/${revokedId}/extract`, me);
    assert.equal(third.status, 429, `burst ${EXTRACT_BURST} spent`);
    assert.equal(((await third.json()) as { error: { code: string } }).error.code, "rate_limited");
    assert.equal((await get("/api/v1/documents?limit=1", me)).status, 200, "other routes still answer this client");
  });

  it("a control character and a formula in a revocation reason: JSON exact, XML export and feeds well-formed, CSV guarded", async () => {
    const detail = (await (await get(`/api/v1/documents/${revokedId}`)).json()) as { document: { revokeReason: string } };
    assert.equal(detail.document.revokeReason, REASON, "JSON keeps the chain's text exactly");
    const xml = await (await get("/api/v1/documents?format=xml&status=REVOKED&limit=1000")).text();
    const reasons = parseXml(xml).children.map((d) => d.children.find((c) => c.name === "revokeReason")?.text);
    assert.ok(reasons.includes(REASON.replace("\u0001", "\uFFFD")), "the reason, with U+FFFD for U+0001");
    for (const feed of ["documents.rss", "documents.atom"]) {
      const text = await (await get(`/api/v1/feeds/${feed}`)).text();
      parseXml(text);
      assert.ok(text.includes("revoked: =HYPERLINK"), `${feed} carries the revocation and its reason`);
    }
    const bytes = Buffer.from(await (await get("/api/v1/documents?format=csv&status=REVOKED&limit=1000&bom=1")).arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "bom=1: a UTF-8 byte order mark first");
    assert.ok(bytes.toString("utf8").includes(`"'=HYPERLINK(""http://attacker.test"",""x"") bad\u0001reason"`), "the formula is prefixed with a single quote");
    assert.equal((await get("/api/v1/documents?format=json&bom=1")).status, 400, "bom only with CSV");
  });

  it("never replaces the signing key: a corrupt seed file stops the next start with an error naming it, and stays as it was", async () => {
    const stateDir = path.join(chain.dir, "indexer-corrupt-key");
    await mkdir(stateDir, { recursive: true });
    const seedFile = path.join(stateDir, "api-signing-seed.hex");
    await writeFile(seedFile, "this is not a seed\n");
    await assert.rejects(
      startIndexer({ rpcUrl: chain.anvil.rpcUrl, deploymentDir: chain.deploymentDir, port: await freePort(), fresh: true, stateDir, contentDir: chain.contentDir, timeoutMs: 120_000 }),
      (error: unknown) => error instanceof Error && /ponder exited \(code 1\)/.test(error.message) && error.message.includes("is corrupt") && error.message.includes("api-signing-seed.hex"),
    );
    assert.equal(await readFile(seedFile, "utf8"), "this is not a seed\n");
    // The running indexer's key file (the demo's, registered at genesis) is untouched.
    const seed = await readFile(chain.signingSeedFile, "utf8");
    assert.match(seed, /^[0-9a-f]{64}\n$/);
  });

  it("signs nothing with a key the registry does not hold: 503 extract_key_unregistered naming the key; /signing-key says so", async () => {
    const stateDir = path.join(chain.dir, "indexer-unregistered-key");
    const other = await startChainIndexer(chain, { stateDir, signingSeedFile: path.join(stateDir, "api-signing-seed.hex") });
    try {
      const key = (await (await fetch(`${other.url}/api/v1/signing-key`)).json()) as { publicKeySha256: string; keyId: number | null; validAtIndexedBlock: boolean };
      assert.deepEqual([key.keyId, key.validAtIndexedBlock], [null, false]);
      const response = await fetch(`${other.url}/api/v1/documents/${revokedId}/extract`);
      assert.equal(response.status, 503);
      assert.equal(response.headers.get("cache-control"), "no-store", "a refusal is not kept");
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(error.code, "extract_key_unregistered");
      assert.ok(error.message.includes(key.publicKeySha256) && error.message.includes("not registered in the SigningKeyRegistry"), error.message);
    } finally {
      await other.stop();
    }
  });

  it("serves the seeded appeals: each with its state, due date and timeline, filters, overdue at the indexed head, statistics per body", async () => {
    const roles = chain.seeded?.record.appeals ?? {};
    const json = async <T>(route: string): Promise<T> => {
      const response = await get(route);
      assert.equal(response.status, 200, route);
      return (await response.json()) as T;
    };
    type Appeal = { id: string; state: string; respondent: string; firstRespondent: string; outcome: string | null; overdue: boolean; onTime: boolean | null; remedyId: string | null; kind: string; followUpCount: number };
    type Detail = { appeal: Appeal; events: { kind: string; outcome: string | null }[] };
    const { items } = await json<{ items: Appeal[] }>("/api/v1/appeals");
    assert.equal(items.length, 6);
    const byRole = (role: string) => json<Detail>(`/api/v1/appeals/${roles[role] ?? "0"}`);

    const upheld = await byRole("upheld");
    assert.deepEqual([upheld.appeal.state, upheld.appeal.outcome, upheld.appeal.respondent, upheld.appeal.onTime], ["ANSWERED", "UPHELD", "0", true]);
    assert.equal(upheld.appeal.remedyId, BigInt(chain.seeded?.record.documents.decreePilotRevised?.tokenId ?? "0").toString());
    assert.deepEqual(upheld.events.map((e) => e.kind), ["FILED", "ANSWERED", "REMEDY_LINKED"], "the answer and its remedy, in the order the transaction logged them");
    const forwarded = await byRole("forwardedAndRejected");
    assert.deepEqual([forwarded.appeal.firstRespondent, forwarded.appeal.respondent, forwarded.appeal.outcome], ["1", "2", "REJECTED"]);
    assert.deepEqual(forwarded.events.map((e) => e.kind), ["FILED", "FORWARDED", "ANSWERED"]);
    const withdrawn = await byRole("withdrawn");
    assert.deepEqual(withdrawn.events.map((e) => e.kind), ["FILED", "FOLLOWED_UP", "WITHDRAWN"]);
    assert.equal(withdrawn.appeal.followUpCount, 1);
    assert.equal((await byRole("extended")).appeal.state, "EXTENDED");
    assert.equal((await byRole("proposal")).appeal.kind, "PROPOSAL");

    const overdue = await json<{ items: Appeal[] }>("/api/v1/appeals?overdue=true");
    assert.deepEqual(overdue.items.map((a) => a.id), [roles.overdue], "only the appeal Finance never answered is overdue");
    assert.equal((await json<{ items: Appeal[] }>("/api/v1/appeals?overdue=false")).items.length, 5);
    assert.deepEqual((await json<{ items: Appeal[] }>("/api/v1/appeals?respondent=2&state=EXTENDED")).items.map((a) => a.id), [roles.extended]);
    assert.equal((await json<{ items: Appeal[] }>("/api/v1/appeals?kind=PROPOSAL")).items.length, 1);
    assert.equal((await get("/api/v1/appeals?state=LOST")).status, 400);
    for (const feed of ["appeals.rss", "appeals.atom"]) {
      const text = await (await get(`/api/v1/feeds/${feed}`)).text();
      parseXml(text);
      assert.ok(text.includes(`Appeal ${roles.upheld} answered by the council: upheld`), `${feed} carries the council's answer`);
      assert.ok(text.includes(`Appeal ${roles.forwardedAndRejected} forwarded from agency 1 to agency 2`), `${feed} carries the forward`);
    }
    assert.equal((await get("/api/v1/appeals/99")).status, 404);

    type Stat = { respondent: string; received: number; pending: number; overdue: number; answered: number; answeredOnTime: number; withdrawn: number; upheld: number; rejected: number; upheldShare: number | null; medianDaysToAnswer: number | null };
    const stats = new Map((await json<{ items: Stat[] }>("/api/v1/appeals/stats")).items.map((s) => [s.respondent, s]));
    assert.deepEqual([...stats.keys()], ["0", "1", "2"]);
    assert.deepEqual([stats.get("0")?.received, stats.get("0")?.pending, stats.get("0")?.upheld, stats.get("0")?.upheldShare], [2, 1, 1, 1]);
    assert.deepEqual([stats.get("1")?.received, stats.get("1")?.overdue, stats.get("1")?.answered, stats.get("1")?.medianDaysToAnswer], [1, 1, 0, null]);
    assert.deepEqual([stats.get("2")?.received, stats.get("2")?.answeredOnTime, stats.get("2")?.rejected, stats.get("2")?.withdrawn, stats.get("2")?.upheldShare], [3, 1, 1, 1, 0]);
    assert.ok((stats.get("0")?.medianDaysToAnswer ?? -1) >= 0, "a median of days to answer for the council");
  });

  it("serves a Frictionless data package valid against the official profile, and every CSV cell fits its Table Schema", async () => {
    const ajv = new AjvDraft04({ allErrors: true, strict: false });
    const profile = JSON.parse(await readFile(path.join(INDEXER_DIR, "standards", "frictionless-v1", "tabular-data-package.json"), "utf8")) as object;
    const validate = ajv.compile(profile);
    const response = await fetch(`${indexer.url}/api/v1/datapackage.json`);
    assert.equal(response.status, 200);
    const pkg = (await response.json()) as DataPackage;
    assert.ok(validate(pkg), ajv.errorsText(validate.errors, { separator: "\n" }));
    // The check can fail: a field of an unknown type, a resource without a path.
    const broken = structuredClone(pkg);
    (broken.resources[0]?.schema.fields[0] as { type: string }).type = "uint256";
    delete (broken.resources[1] as Partial<DataPackage["resources"][number]>).path;
    assert.equal(validate(broken), false, "the profile refuses a broken package");
    // A query parameter (the route takes none) is a 400 naming it, and changes nothing.
    const stray = await fetch(`${indexer.url}/api/v1/datapackage.json?limit=5`);
    assert.equal(stray.status, 400);
    assert.equal(((await stray.json()) as { error: { code: string } }).error.code, "unknown_parameter");
    assert.deepEqual(await (await fetch(`${indexer.url}/api/v1/datapackage.json`)).json(), pkg, "the package is unchanged");

    let cells = 0;
    for (const resource of pkg.resources) {
      assert.ok(resource.path.startsWith(`${PUBLIC_URL}/api/v1/`), `${resource.name}: links from PUBLIC_URL`);
      const csv = await (await fetch(resource.path.replace(PUBLIC_URL, indexer.url))).text();
      const [header, ...rows] = parseCsv(csv, { relax_column_count: false }) as string[][];
      const fields = resource.schema.fields;
      assert.deepEqual(header, fields.map((f) => f.name), `${resource.name}: the CSV's columns are the Table Schema's fields, in order`);
      assert.ok(rows.length > 0, `${resource.name}: the chain has rows`);
      for (const [r, row] of rows.entries()) {
        for (const [i, field] of fields.entries()) {
          const problem = cellProblem(field, row[i] ?? "");
          assert.equal(problem, undefined, `${resource.name} row ${r + 1} ${field.name} = ${JSON.stringify(row[i])}: ${problem}`);
          cells += 1;
        }
      }
    }
    assert.equal(cellProblem({ name: "amount", type: "integer", constraints: { required: true, minimum: 0 } }, "1.5e3"), "not an integer", "a float amount is caught");
    assert.equal(cellProblem({ name: "issuedAtIso", type: "datetime", constraints: { required: true } }, "1764806400"), "not an ISO 8601 UTC time", "seconds in an ISO column are caught");
    assert.equal(cellProblem({ name: "args", type: "array" }, '{"to":"0x1"}'), "not a JSON array", "an object in an array column is caught");
    console.log(`# data package: ${pkg.resources.length} resources, ${cells} CSV cells fit their Table Schemas`);
  });

  it("every route's real answer, in each format, matches the OpenAPI document it serves", async () => {
    const openapi = (await (await get("/api/v1/openapi.json")).json()) as OpenapiDocument;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const first = async (route: string, key = "id"): Promise<string> => String(((await (await get(route)).json()) as { items: Record<string, unknown>[] }).items[0]?.[key]);
    const ids: Record<string, string[]> = {
      "{id}": [revokedId],
      "{sha256}": [revokedId, `0x${"ab".repeat(32)}`],
      "{feed}": ["proposals.rss", "proposals.atom", "documents.rss", "documents.atom", "appeals.rss", "appeals.atom", "deadlines.ics"],
    };
    const proposalId = await first("/api/v1/proposals?limit=1");
    const allocationId = await first("/api/v1/budget/allocations?limit=1");
    const appealId = await first("/api/v1/appeals?limit=1");
    const officialAddress = await first("/api/v1/officials", "address");
    // Each concrete URL of each template (a verify that finds a document and one that does not).
    const urls = (template: string): string[] => {
      if (template === "/api/v1/proposals/{id}") return [template.replace("{id}", proposalId)];
      if (template === "/api/v1/budget/allocations/{id}") return [template.replace("{id}", allocationId)];
      if (template === "/api/v1/appeals/{id}") return [template.replace("{id}", appealId)];
      if (template === "/api/v1/officials/{address}") return [template.replace("{address}", officialAddress)];
      if (template === "/api/v1/agencies/{id}") return [template.replace("{id}", "1")];
      const param = /\{[^}]+\}/.exec(template)?.[0];
      return param === undefined ? [template] : (ids[param] ?? []).map((value) => template.replace(param, value));
    };
    let checked = 0;
    for (const [template, item] of Object.entries(openapi.paths)) {
      const ok = item.get.responses["200"]?.content ?? {};
      const formats = (item.get.parameters ?? []).some((p) => p.name === "format") ? ["json", "csv", "xml"] : [undefined];
      for (const url of urls(template)) {
        for (const format of formats) {
          const response = await get(format === undefined ? url : `${url}?format=${format}`);
          assert.equal(response.status, 200, `${url} ${format ?? ""}`);
          const type = (response.headers.get("content-type") ?? "").split(";")[0] ?? "";
          const declared = ok[type === "text/csv" ? "text/csv" : type];
          assert.ok(declared, `${template}: ${type} is not a documented answer (${Object.keys(ok).join(", ")})`);
          const body = await response.text();
          if (type === "application/json" || type.endsWith("+json")) {
            const validate = ajv.compile({ ...declared.schema, components: openapi.components });
            assert.ok(validate(JSON.parse(body)), `${url}: ${ajv.errorsText(validate.errors, { separator: "\n" })}`);
          } else if (type === "text/csv" || type === "application/xml") {
            const ref = String(declared.schema["x-columns"] ?? "");
            const schema = openapi.components.schemas[ref.split("/").at(-1) ?? ""];
            const columns = Object.keys(schema?.properties ?? {});
            if (type === "text/csv") assert.equal(body.split("\r\n")[0], columns.join(","), `${url} CSV columns`);
            else for (const row of parseXml(body).children) assert.deepEqual(row.children.map((c) => c.name), columns, `${url} XML columns`);
          } else if (type === "text/calendar") {
            assert.ok(new ICAL.Component(ICAL.parse(body)).getAllSubcomponents("vevent").length > 0, `${url}: an iCalendar with events`);
          } else {
            parseXml(body);
          }
          checked += 1;
        }
      }
    }
    console.log(`# ${checked} answers checked against the OpenAPI document`);
    assert.ok(checked >= 35, `${checked} answers`);
    // The document constrains: an answer with an unknown status, a short hash or a missing column does not pass.
    const documentsPage = ajv.compile({ ...(openapi.paths["/api/v1/documents"]?.get.responses["200"]?.content?.["application/json"]?.schema ?? {}), components: openapi.components });
    const real = ((await (await get("/api/v1/documents?limit=1")).json()) as { items: Record<string, unknown>[] }).items[0] ?? {};
    assert.ok(documentsPage({ items: [real], nextCursor: null }));
    const { proposalId: _dropped, ...missing } = real;
    for (const wrong of [{ ...real, status: "LOST" }, { ...real, id: "0x1234" }, missing]) assert.equal(documentsPage({ items: [wrong], nextCursor: null }), false, JSON.stringify(wrong).slice(0, 80));
    // Errors too: the documented Error schema, with a documented code.
    const validateError = ajv.compile({ $ref: "#/components/schemas/Error", components: openapi.components });
    for (const route of ["/api/v1/documents?limit=0", `/api/v1/verify/${revokedId}?x=1`, "/api/v1/nothing", "/api/v1/documents?cursor=zz"]) {
      assert.ok(validateError(await (await get(route)).json()), `${route}: ${ajv.errorsText(validateError.errors)}`);
    }
  });
});
