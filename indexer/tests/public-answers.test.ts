/**
 * What every reader gets, on a live indexer (anvil, PGlite; issue 17 findings 2–5):
 * - a forged Host header leaves no trace in the next reader's feed or extract (links come from PUBLIC_URL);
 * - a stray query parameter is a 400, and neither bypasses nor fills the answer cache;
 * - signed extracts are kept per indexed checkpoint and have their own, lower rate limit;
 * - the signing key's seed file is never replaced: a corrupt one stops the start with an error naming it;
 * - a revocation reason with a control character and a formula: XML export and feeds well-formed (saxes), CSV guarded.
 */
import assert from "node:assert/strict";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import { freePort } from "../../scripts/lib/anvil.js";
import { connectGovernment } from "../../scripts/lib/contracts.js";
import { cast } from "../../scripts/lib/demo-cast.js";
import { verifyExtract } from "../lib/extract.js";
import { type RunningIndexer, startIndexer } from "../lib/run.js";
import { type TestChain, startTestChain } from "./support/chain.js";
import { parseXml } from "./support/xml.js";

const PUBLIC_URL = "https://data.gov.example";
const EXTRACT_RATE = 1;
const EXTRACT_BURST = 2;

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
    indexer = await startIndexer({
      rpcUrl: chain.anvil.rpcUrl,
      deploymentDir: chain.deploymentDir,
      port: await freePort(),
      fresh: true,
      stateDir: path.join(chain.dir, "indexer"),
      contentDir: chain.contentDir,
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
    const key = (await (await get("/api/v1/signing-key")).json()) as { publicKey: string };
    assert.deepEqual(verifyExtract(b, Uint8Array.from(Buffer.from(key.publicKey, "base64"))), { ok: true });
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
    // The running indexer's key is the one it created at its first start, unchanged.
    const seed = await readFile(path.join(chain.dir, "indexer", "api-signing-seed.hex"), "utf8");
    assert.match(seed, /^[0-9a-f]{64}\n$/);
  });
});
