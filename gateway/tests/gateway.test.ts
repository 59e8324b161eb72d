/**
 * The agency gateway on a real anvil: an agency's system registers, amends and revokes documents through signed
 * requests; every refusal is clear and changes nothing; the receipts, the message log, the webhook and the OpenAPI
 * document say what happened.
 */
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";

import { type Hex, createWalletClient, http, sha256, stringToHex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

import { documentRegistryAbi } from "@government-dao/core/abis";
import type { GatewayError, LogEntry, Receipt } from "@government-dao/core/api/gateway";
import { demoAgencyKeys } from "@government-dao/core/cosignature";
import { DEV_ACCOUNT_INDEX, devAccountKey } from "@government-dao/core/dev-accounts";
import { batchProof, buildBatchTree, loadBatchTree } from "@government-dao/core/batch-proof";
import { documentTypeIndex, parseBatchMetadata, parseDocumentMetadata } from "@government-dao/core/metadata";
import { cidFromDigest } from "@government-dao/core/cid";
import { openContentStore } from "@government-dao/core/content-store";
import { SNAPSHOT_SCHEMA_ID, formatSnapshotManifest } from "@government-dao/core/snapshot";
import { type World, documentRequest, startWorld } from "./support/world.ts";

const hashOf = (text: string): Hex => sha256(stringToHex(text));

describe("AgencyGateway", { timeout: 300_000 }, () => {
  let world: World;
  const hooks: Receipt[] = [];
  let hookServer: ReturnType<typeof createServer>;

  before(async () => {
    hookServer = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        hooks.push(JSON.parse(body) as Receipt);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hookServer.listen(0, "127.0.0.1", resolve));
    const hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/receipts`;
    world = await startWorld({ webhooks: { 1: hookUrl } });
  });
  after(async () => {
    await world?.close();
    hookServer?.close();
  });

  const onChain = (contentHash: Hex) =>
    world.chain.readContract({ address: world.addresses.documents as Hex, abi: documentRegistryAbi, functionName: "verify", args: [contentHash] });
  const issue = (agencyId: number, n: number, key: string, contentHash = hashOf(`document ${n}`)) =>
    world.call(agencyId, { method: "POST", path: `/v1/agencies/${agencyId}/documents`, body: documentRequest(n, contentHash), idempotencyKey: key });

  it("registers a co-signed document once, and a retry under the same key answers the same receipt", async () => {
    const contentHash = hashOf("document 1");
    const accepted = await issue(1, 1, "finance-0001");
    assert.equal(accepted.status, 202);
    const queued = (await accepted.json()) as Receipt;
    assert.equal(queued.state, "queued");

    const receipt = await world.final(1, "finance-0001");
    assert.equal(receipt.state, "confirmed", JSON.stringify(receipt.error));
    assert.equal(receipt.documentId, contentHash);
    assert.match(receipt.transactionHash ?? "", /^0x[0-9a-f]{64}$/);
    assert.equal(receipt.verifyUrl, `http://dapp.test/documents/${contentHash}`);

    const doc = await onChain(contentHash);
    assert.equal(doc.found, true);
    assert.equal(doc.agencyId, 1);
    assert.equal(doc.metadataDigest, receipt.metadataDigest);
    const metadata = parseDocumentMetadata(await openContentStore(world.contentDir).getByDigest(receipt.metadataDigest as string));
    assert.equal(metadata.agency.name, "Ministry of Finance");
    assert.equal(metadata.body.sha256, contentHash);

    const again = await issue(1, 1, "finance-0001");
    assert.equal(again.status, 200);
    assert.deepEqual({ ...((await again.json()) as Receipt) }, receipt);
  });

  it("refuses a forged, replayed, expired, foreign, malformed, oversized or conflicting request, and changes nothing", async () => {
    const contentHash = hashOf("refused document");
    const path = "/v1/agencies/1/documents";
    const body = documentRequest(2, contentHash);
    const expectRefusal = async (response: Response, status: number, error: GatewayError["error"]) => {
      assert.equal(response.status, status);
      assert.equal(((await response.json()) as GatewayError).error, error);
    };

    // Signed by a key that is not the agency's, naming the agency's key as signer.
    const forger = privateKeyToAccount(generatePrivateKey());
    const signed = await world.call(1, { method: "POST", path, body, idempotencyKey: "forged-0001", as: forger });
    await expectRefusal(signed, 403, "forbidden");
    const forged = await fetch(`${world.gateway.url}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json", "idempotency-key": "forged-0002", "x-gateway-time": String(Math.floor(Date.now() / 1000)),
        "x-gateway-signer": world.systemKey(1).address, "x-gateway-signature": `0x${"11".repeat(65)}`,
      },
      body: JSON.stringify(body),
    });
    await expectRefusal(forged, 401, "unauthenticated");

    // A replay of a genuine signature with another body.
    const genuine = await world.call(1, { method: "POST", path, body: documentRequest(3, hashOf("document 3")), idempotencyKey: "replay-0001" });
    assert.equal(genuine.status, 202);
    const { signedHeaders } = await (async () => {
      const { signGatewayRequest } = await import("@government-dao/core/gateway-request");
      const original = new TextEncoder().encode(JSON.stringify(documentRequest(4, hashOf("document 4"))));
      return { signedHeaders: await signGatewayRequest(world.systemKey(1), { chainId: 31337, method: "POST", path, agencyId: 1, idempotencyKey: "replay-0002", time: Math.floor(Date.now() / 1000), body: original }) };
    })();
    const replayed = await fetch(`${world.gateway.url}${path}`, { method: "POST", headers: { ...signedHeaders, "content-type": "application/json" }, body: JSON.stringify(body) });
    await expectRefusal(replayed, 401, "unauthenticated");

    await expectRefusal(await world.call(1, { method: "POST", path, body, idempotencyKey: "expired-0001", time: Math.floor(Date.now() / 1000) - 3600 }), 401, "unauthenticated");
    await expectRefusal(await world.call(1, { method: "POST", path, body, idempotencyKey: "foreign-0001", as: world.systemKey(2) }), 403, "forbidden");
    const malformed = await world.call(1, { method: "POST", path, body: { ...body, contentHash: "0x12", title: { kk: "", ru: "x", en: "x" } }, idempotencyKey: "malformed-0001" });
    assert.equal(malformed.status, 400);
    const problems = ((await malformed.json()) as GatewayError).problems ?? [];
    assert.ok(problems.some((p) => p.startsWith("contentHash")) && problems.some((p) => p.startsWith("title.kk")), problems.join("; "));
    await expectRefusal(await world.call(1, { method: "POST", path, body: { ...body, padding: "x".repeat(70_000) }, idempotencyKey: "large-0001" }), 413, "tooLarge");
    await expectRefusal(await world.call(1, { method: "POST", path, body, idempotencyKey: "replay-0001" }), 409, "idempotencyConflict");
    await expectRefusal(await issue(1, 1, "duplicate-0001"), 409, "documentExists");
    await expectRefusal(await world.call(1, { method: "POST", path: "/v1/agencies/1/documents/0x" + "ab".repeat(32) + "/revoke", body: { reason: "x" }, idempotencyKey: "unknown-0001" }), 404, "unknownDocument");

    assert.equal((await onChain(contentHash)).found, false);
    assert.equal((await world.final(1, "replay-0001")).state, "confirmed");
    // None of the refused keys holds a request.
    for (const key of ["forged-0001", "forged-0002", "replay-0002", "expired-0001", "malformed-0001", "large-0001", "duplicate-0001", "unknown-0001"]) {
      assert.equal((await world.call(1, { method: "GET", path: `/v1/agencies/1/requests/${key}` })).status, 404, key);
    }
  });

  it("amends and revokes through the registrar, in order", async () => {
    const first = hashOf("document 1");
    const second = hashOf("document 1, second version");
    const amended = await world.call(1, {
      method: "POST", path: `/v1/agencies/1/documents/${first}/amend`, idempotencyKey: "finance-amend-1",
      body: { ...documentRequest(1, second), reason: "A typo in the recipient's title" },
    });
    // `type` is not part of an amendment (the new version keeps the old one's): the strict schema refuses it.
    assert.equal(amended.status, 400);
    const { type: _type, ...version } = documentRequest(1, second);
    assert.equal((await world.call(1, { method: "POST", path: `/v1/agencies/1/documents/${first}/amend`, idempotencyKey: "finance-amend-1", body: { ...version, reason: "A typo in the recipient's title" } })).status, 202);
    assert.equal((await world.call(1, { method: "POST", path: `/v1/agencies/1/documents/${second}/revoke`, idempotencyKey: "finance-revoke-1", body: { reason: "Issued in error" } })).status, 202);
    assert.equal((await world.final(1, "finance-amend-1")).state, "confirmed");
    assert.equal((await world.final(1, "finance-revoke-1")).state, "confirmed");
    assert.equal((await onChain(first)).status, 1); // Amended
    assert.equal((await onChain(second)).status, 2); // Revoked
    const metadata = parseDocumentMetadata(await openContentStore(world.contentDir).getByDigest((await onChain(second)).metadataDigest));
    assert.equal(metadata.supersedes, first);
  });

  it("keeps every request with its signature and every outcome in the message log, readable by the agency and not by another", async () => {
    const page = await world.call(1, { method: "GET", path: "/v1/agencies/1/log?limit=1000" });
    assert.equal(page.status, 200);
    const { entries } = (await page.json()) as { entries: LogEntry[] };
    const accepted = entries.find((e) => e.kind === "request" && e.idempotencyKey === "finance-0001" && e.status === 202);
    assert.ok(accepted?.signature && accepted.signer === world.systemKey(1).address && accepted.bodySha256);
    assert.ok(entries.some((e) => e.kind === "outcome" && e.idempotencyKey === "finance-0001" && e.outcome === "confirmed"));
    assert.ok(entries.some((e) => e.kind === "request" && e.outcome === "refused: badSignature"));
    assert.ok(entries.some((e) => e.idempotencyKey === "large-0001") === false, "an oversized body is refused before it is read");
    assert.equal(JSON.stringify(entries).includes("Certificate 1"), false, "no request body in the log");
    assert.equal((await world.call(1, { method: "GET", path: "/v1/agencies/1/log", as: world.systemKey(2) })).status, 403);
  });

  it("tells the agency's webhook when each request is final", async () => {
    const until = Date.now() + 20_000;
    while (!hooks.some((h) => h.idempotencyKey === "finance-revoke-1") && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    const keys = hooks.map((h) => h.idempotencyKey);
    for (const key of ["finance-0001", "replay-0001", "finance-amend-1", "finance-revoke-1"]) assert.ok(keys.includes(key), `${key} in ${keys.join(", ")}`);
    assert.ok(hooks.every((h) => h.state === "confirmed"));
    assert.equal(new Set(keys).size, keys.length, "each receipt is delivered once");
  });

  it("co-signs the metadata of a document a registrar of the agency sends itself, and refuses anyone else", async () => {
    const registrar = privateKeyToAccount(devAccountKey(DEV_ACCOUNT_INDEX.financeRegistrar));
    const contentHash = hashOf("sent by the registrar itself");
    const { number, title, dates, body } = documentRequest(7, contentHash);
    const request = { method: "POST" as const, path: "/v1/agencies/1/co-signatures", body: { type: "order", contentHash, number, title, dates, body } };
    assert.equal((await world.call(1, { ...request, as: world.systemKey(1) })).status, 403, "the agency system's key is not a registrar on chain");
    const response = await world.call(1, { ...request, as: registrar });
    assert.equal(response.status, 200);
    const digests = (await response.json()) as { metadataDigest: Hex; coSignatureDigest: Hex };
    const wallet = createWalletClient({ account: registrar, transport: http(world.anvil.rpcUrl) });
    const hash = await wallet.writeContract({
      chain: null, address: world.addresses.documents as Hex, abi: documentRegistryAbi, functionName: "issue",
      args: [documentTypeIndex("order"), 1, contentHash, digests.metadataDigest, digests.coSignatureDigest],
    });
    assert.equal((await world.chain.waitForTransactionReceipt({ hash })).status, "success");
    const doc = await onChain(contentHash);
    assert.equal(doc.issuer, registrar.address);
    const metadata = parseDocumentMetadata(await openContentStore(world.contentDir).getByDigest(doc.metadataDigest));
    assert.equal(metadata.type, "order");
    assert.equal(metadata.coSignature.publicKeySha256, demoAgencyKeys(1).publicKeyHash);
  });

  it("anchors a batch of 100 certificates by one Merkle root; each member verifies with its proof; the same batch again is refused", async () => {
    const members = Array.from({ length: 100 }, (_, i) => hashOf(`batch certificate ${i}`));
    const body = {
      type: "certificate", number: "B-2026-1", title: { kk: "Сертификаттар", ru: "Сертификаты", en: "Certificates" }, dates: { adopted: "2026-12-01" },
      mediaType: "application/pdf", contentHashes: members,
    };
    assert.equal((await world.call(1, { method: "POST", path: "/v1/agencies/1/batches", body, idempotencyKey: "finance-batch-1" })).status, 202);
    const receipt = await world.final(1, "finance-batch-1");
    assert.equal(receipt.state, "confirmed", JSON.stringify(receipt.error));
    const tree = buildBatchTree(members);
    assert.equal(receipt.documentId, tree.root);
    const metadata = parseBatchMetadata(await openContentStore(world.contentDir).getByDigest(receipt.metadataDigest as string));
    assert.equal(metadata.batch.count, 100);
    const dump = loadBatchTree(await openContentStore(world.contentDir).getText(metadata.batch.treeDumpCid));
    for (const member of [members[0], members[57], members[99]] as Hex[]) {
      const proof = batchProof(dump, member) as Hex[];
      const [valid] = await world.chain.readContract({ address: world.addresses.documents as Hex, abi: documentRegistryAbi, functionName: "verifyBatchMember", args: [1, tree.root as Hex, member, proof] });
      assert.equal(valid, true, member);
    }
    const again = await world.call(1, { method: "POST", path: "/v1/agencies/1/batches", body, idempotencyKey: "finance-batch-2" });
    assert.equal(again.status, 409);
    assert.equal(((await again.json()) as GatewayError).error, "documentExists");
    const twice = await world.call(1, { method: "POST", path: "/v1/agencies/1/batches", body: { ...body, contentHashes: [members[0], members[0]] }, idempotencyKey: "finance-batch-3" });
    assert.equal(twice.status, 400);
  });

  it("refuses a batch whose manifest is not a CID, not in the content store or names other files than its members, and queues nothing", async () => {
    const members = Array.from({ length: 3 }, (_, i) => hashOf(`snapshot file ${i}`));
    const file = (sha256: string, i: number) => ({ name: `file-${i}.csv`, dataset: "documents", mediaType: "text/csv", sha256, size: 10, rows: 1 });
    const manifest = (hashes: string[]) => formatSnapshotManifest({ schema: SNAPSHOT_SCHEMA_ID, number: "OPEN-DATA-TEST", takenAt: "2026-12-04T00:00:00.000Z", source: "http://127.0.0.1:1", indexedBlock: 1, files: hashes.map(file) });
    const store = openContentStore(world.contentDir);
    const partial = await store.put(manifest(members.slice(0, 2)));
    const absent = cidFromDigest(hashOf("a manifest nobody stored"));
    const body = (manifestCid: string) => ({
      type: "notice", number: "OPEN-DATA-TEST", title: { kk: "Ашық деректер", ru: "Открытые данные", en: "Open data" }, dates: { adopted: "2026-12-04" },
      mediaType: "multipart/mixed", contentHashes: members, manifestCid,
    });
    const cases = [
      ["manifest-not-a-cid", "bafy-not-a-cid", /manifestCid: must be a CIDv1/],
      ["manifest-absent", absent, /manifestCid: is not in the content store/],
      ["manifest-other-files", partial.cid, /manifestCid: the manifest names other files than the batch's members/],
    ] as const;
    for (const [key, cid, problem] of cases) {
      const refused = await world.call(1, { method: "POST", path: "/v1/agencies/1/batches", body: body(cid), idempotencyKey: key });
      assert.equal(refused.status, 400, key);
      const answer = (await refused.json()) as GatewayError;
      assert.equal(answer.error, "invalidRequest");
      assert.ok((answer.problems ?? []).some((p) => problem.test(p)), `${key}: ${(answer.problems ?? []).join("; ")}`);
      assert.equal((await world.call(1, { method: "GET", path: `/v1/agencies/1/requests/${key}` })).status, 404, `${key} queued nothing`);
    }
    // The manifest that names exactly the members is anchored.
    const whole = await store.put(manifest(members));
    assert.equal((await world.call(1, { method: "POST", path: "/v1/agencies/1/batches", body: body(whole.cid), idempotencyKey: "manifest-whole" })).status, 202);
    const receipt = await world.final(1, "manifest-whole");
    assert.equal(receipt.state, "confirmed", JSON.stringify(receipt.error));
    assert.equal(parseBatchMetadata(await store.getByDigest(receipt.metadataDigest as string)).batch.manifestCid, whole.cid);
  });

  it("describes itself in OpenAPI 3.1", async () => {
    const doc = (await (await fetch(`${world.gateway.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, "3.1.0");
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      "/health", "/openapi.json", "/v1/agencies/{agencyId}/batches", "/v1/agencies/{agencyId}/co-signatures", "/v1/agencies/{agencyId}/documents", "/v1/agencies/{agencyId}/documents/{documentId}/amend",
      "/v1/agencies/{agencyId}/documents/{documentId}/revoke", "/v1/agencies/{agencyId}/log", "/v1/agencies/{agencyId}/requests/{key}",
    ]);
  });
});
