/**
 * Issue 18: /verify checks the agency's ML-DSA-65 co-signature in the browser (valid / invalid / could not check,
 * never "anchored"), and the dApp reads content-store files only through the hash check (an altered metadata file
 * gives no title and no amend prefill).
 *
 * The document page takes status and co-signature from the chain too: a lying public data service (a proxy in
 * front of the indexer, e2e/api-proxy.ts) cannot make it show a revoked decree as active or a forged signature as valid.
 *
 * Forgeries are issued on the test chain by the digital registrar (anvil dev account 8), as a stolen registrar key
 * could: a new file whose metadata copies a genuine co-signature, with a random or a copied coSignatureDigest.
 */
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";

import type { Page } from "playwright-core";

import { cidFromDigest } from "@government-dao/core/content-store";
import { devAccount } from "@government-dao/devchain/demo-cast";
import { type GovContext, openContext } from "../../scripts/lib/gov/context";
import type { World } from "./harness";
import { worldSession } from "./session";

let world: World;
let ctx: GovContext;
const { openAs } = worldSession({ artifacts: "cosignature" }, async (started) => {
  world = started;
  ctx = await openContext({ rpc: started.rpcUrl, deploymentDir: started.deploymentDir, contentDir: started.contentDir });
});

const NOTICE = 5; // DocumentRegistry.DocumentType.Notice
const sha256 = (bytes: Uint8Array | string): string => `0x${createHash("sha256").update(bytes).digest("hex")}`;

interface Metadata {
  number: string;
  title: { kk: string; ru: string; en: string };
  body: { sha256: string; mediaType: string; size: number };
  coSignature: { algorithm: string; publicKeySha256: string; signature: string; message: string };
}

async function seededMetadata(key: string): Promise<Metadata> {
  const doc = world.record.documents[key];
  assert.ok(doc, `the seed has ${key}`);
  return JSON.parse(await readFile(path.join(world.contentDir, doc.metadataCid), "utf8")) as Metadata;
}

/** Issues `file` as a notice of the digital ministry with `metadata` (stored unless `store` is false) and `coSignatureDigest`. */
async function issueForged(file: Uint8Array, metadata: Metadata, coSignatureDigest: string, store = true): Promise<void> {
  const bytes = new TextEncoder().encode(`${JSON.stringify(metadata, null, 2)}\n`);
  const metadataDigest = store ? (await ctx.store.put(bytes)).digest : sha256(bytes);
  const registry = ctx.contracts.documents.connect(await ctx.provider.getSigner(devAccount(8)));
  const tx = await registry.issue(NOTICE, 2, sha256(file), metadataDigest, coSignatureDigest);
  await tx.wait();
}

/** Drops `file` on /verify and waits for the co-signature verdict; returns it and its reason. */
async function coSignatureOf(page: Page, file: string): Promise<{ status: string; reason: string | null; text: string }> {
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.locator("[data-verdict]").waitFor();
  const cell = page.locator('[data-testid="cosignature"]:not([data-cosignature="checking"])');
  await cell.waitFor({ timeout: 20_000 });
  return {
    status: (await cell.getAttribute("data-cosignature")) ?? "",
    reason: await cell.locator("[data-reason]").getAttribute("data-reason").catch(() => null),
    text: await cell.innerText(),
  };
}

describe("/verify checks the ML-DSA-65 co-signature in the browser", () => {
  it("a seeded document of an agency: valid, by the agency's registered key", async () => {
    const page = await openAs("/verify");
    const verdict = await coSignatureOf(page, await world.documentFile("orderCertificateRegister"));
    assert.equal(verdict.status, "valid", verdict.text);
    assert.match(verdict.text, /Valid: ML-DSA-65 signature by Ministry of Digital Development/);
    assert.doesNotMatch(await page.content(), /Anchored/);
    await world.screenshot(page, "verify-cosignature-valid");
    await page.close();
  });

  it("a central decree: valid, co-signed by the Office of the Government (agency 3)", async () => {
    const page = await openAs("/verify");
    const verdict = await coSignatureOf(page, await world.documentFile("decreePilotRevised"));
    assert.equal(verdict.status, "valid", verdict.text);
    assert.match(verdict.text, /Office of the Government/);
    await page.close();
  });

  it("a random coSignatureDigest on chain, metadata copying a genuine signature: invalid", async () => {
    const file = randomBytes(3000);
    const metadata = await seededMetadata("noticeMaintenance");
    await issueForged(file, { ...metadata, number: "FORGED-1", body: { ...metadata.body, sha256: sha256(file) } }, `0x${randomBytes(32).toString("hex")}`);
    const page = await openAs("/verify");
    const verdict = await coSignatureOf(page, await world.tempFile("forged-1.bin", file));
    assert.equal(verdict.status, "invalid", verdict.text);
    assert.equal(verdict.reason, "messageMismatch");
    assert.match(verdict.text, /^INVALID: the signed message is not this document/);
    await world.screenshot(page, "verify-cosignature-invalid");
    await page.close();
  });

  it("a tampered signature: right key, right message, anchored digest of the bytes shown, and still invalid", async () => {
    const file = randomBytes(3000);
    const metadata = await seededMetadata("noticeMaintenance");
    const chainId = (await ctx.provider.getNetwork()).chainId;
    // The 84-byte message of the new file, so only the ML-DSA verification itself can catch the forgery.
    const message = `0x${sha256(file).slice(2)}${chainId.toString(16).padStart(64, "0")}${ctx.addresses.documents.slice(2).toLowerCase()}`;
    const signature = Buffer.from(metadata.coSignature.signature, "base64");
    signature[10] = (signature[10] ?? 0) ^ 0xff;
    const forged: Metadata = {
      ...metadata,
      number: "FORGED-2",
      body: { ...metadata.body, sha256: sha256(file) },
      coSignature: { ...metadata.coSignature, message, signature: signature.toString("base64") },
    };
    await issueForged(file, forged, sha256(signature));
    const page = await openAs("/verify");
    const verdict = await coSignatureOf(page, await world.tempFile("forged-2.bin", file));
    assert.equal(verdict.status, "invalid", verdict.text);
    assert.equal(verdict.reason, "signatureInvalid");
    await page.close();
  });

  it("a random coSignatureDigest and no metadata in the content store: could not be checked", async () => {
    const file = randomBytes(3000);
    const metadata = await seededMetadata("noticeMaintenance");
    await issueForged(file, { ...metadata, number: "FORGED-3", body: { ...metadata.body, sha256: sha256(file) } }, `0x${randomBytes(32).toString("hex")}`, false);
    const page = await openAs("/verify");
    const verdict = await coSignatureOf(page, await world.tempFile("forged-3.bin", file));
    assert.equal(verdict.status, "unchecked", verdict.text);
    assert.equal(verdict.reason, "metadataMissing");
    assert.match(verdict.text, /^Could not be checked: the document's metadata is not in the content store/);
    await page.close();
  });
});

/** Resolves once the public API has indexed document `id` (the document page 404s before). */
async function indexed(id: string): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    if ((await fetch(`${world.indexer.url}/api/v1/documents/${id}`)).ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the indexer has not indexed ${id} after 20 s`);
}

const FAKE_ISSUER = "0x000000000000000000000000000000000000dEaD";

interface LiedDocument {
  id: string;
  status: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

describe("the document page shows the chain's answer, not the public data service's", () => {
  it("a lying service calls a revoked decree active and a forged co-signature valid: the page shows the chain's status, the browser's verdict and the disagreement", async () => {
    const revoked = world.record.documents.decreeWorkingGroup;
    assert.ok(revoked, "the seed revokes decreeWorkingGroup");
    const file = randomBytes(3000);
    const metadata = await seededMetadata("noticeMaintenance");
    await issueForged(file, { ...metadata, number: "FORGED-4", body: { ...metadata.body, sha256: sha256(file) } }, `0x${randomBytes(32).toString("hex")}`);
    const forgedId = sha256(file);
    await indexed(forgedId);

    const unrevoke = (d: LiedDocument): LiedDocument => ({ ...d, status: "ACTIVE", revokedAt: null, revokedBy: null, revokeReason: null });
    world.api.lie((url, body) => {
      if (url === `/api/v1/documents/${revoked.tokenId}`) {
        const detail = body as { document: LiedDocument; versions: LiedDocument[]; history: { kind: string }[] };
        // …and names another issuing account, as a service covering for a stolen key might.
        return { document: { ...unrevoke(detail.document), issuer: FAKE_ISSUER }, versions: detail.versions.map(unrevoke), history: detail.history.filter((e) => e.kind !== "REVOKED") };
      }
      if (url.split("?")[0] === "/api/v1/documents") {
        const list = body as { items: LiedDocument[] };
        return { ...list, items: list.items.map((d) => (d.id === revoked.tokenId ? unrevoke(d) : d)) };
      }
      if (url === `/api/v1/verify/${forgedId}`) return { ...(body as object), coSignature: { status: "valid", keySha256: metadata.coSignature.publicKeySha256, agencyId: "2" } };
      return body;
    });
    try {
      const served = (await (await fetch(`${world.api.url}/api/v1/documents/${revoked.tokenId}`)).json()) as { document: LiedDocument };
      assert.equal(served.document.status, "ACTIVE", "the proxy lies");

      const page = await openAs(`/documents/${revoked.tokenId}`);
      await page.locator('[data-testid="doc-status"][data-source="chain"]').waitFor();
      assert.equal(await page.getByTestId("doc-status").getAttribute("data-status"), "REVOKED");
      const check = page.locator('[data-testid="chain-check"][data-chain="disagrees"]');
      await check.waitFor();
      assert.match(await check.locator('[data-problem="status"]').innerText(), /^The service says the status is “In force”; the chain says “Revoked”\.$/);
      assert.match(await check.locator('[data-problem="issuer"]').innerText(), new RegExp(`^The service says the issuing account is “${FAKE_ISSUER.toLowerCase()}”; the chain says “0x[0-9a-f]{40}”\\.$`));
      assert.equal(await check.locator("[data-problem]").count(), 2, "status and issuer, nothing else");
      assert.match(await check.innerText(), /Reason for the revocation, from the chain: Replaced by the Law on open budget data \(L-2026\/002\)\./);
      await world.screenshot(page, "document-lying-api-status");
      // The same lie in the documents list and the home page's latest decrees: each badge is the chain's.
      for (const path of ["/documents?type=DECREE", "/"]) {
        await page.goto(`${world.web.url}${path}`);
        const badge = page.locator(`li:has(a[href="/documents/${revoked.tokenId}"]), tr:has(a[href="/documents/${revoked.tokenId}"])`).getByTestId("row-status");
        await badge.and(page.locator('[data-source="chain"]')).waitFor();
        assert.equal(await badge.getAttribute("data-status"), "REVOKED", path);
      }
      const versions = await openAs(`/documents/${revoked.tokenId}`);
      await versions.locator('[data-testid="version-status"][data-source="chain"]').first().waitFor();
      assert.deepEqual(await versions.getByTestId("version-status").evaluateAll((badges) => badges.map((b) => b.getAttribute("data-status"))), ["REVOKED"], "the history's badge too");
      await versions.close();
      await page.close();

      const forged = await openAs(`/documents/${forgedId}`);
      await forged.locator('[data-testid="cosignature"][data-cosignature="invalid"]').waitFor();
      const problem = forged.locator('[data-testid="chain-check"][data-chain="disagrees"] [data-problem="coSignature"]');
      await problem.waitFor();
      assert.equal(await problem.innerText(), "The service says the co-signature is valid; checked here in your browser, it is not.");
      assert.equal(await forged.locator("[data-problem]").count(), 1, "only the co-signature");
      assert.equal(await forged.getByTestId("doc-status").getAttribute("data-status"), "ACTIVE");
      await world.screenshot(forged, "document-lying-api-cosignature");
      await forged.close();
    } finally {
      world.api.lie(undefined);
    }

    // Honest again: the same pages agree with the chain.
    const honest = await openAs(`/documents/${revoked.tokenId}`);
    await honest.locator('[data-testid="chain-check"][data-chain="agrees"]').waitFor();
    assert.equal(await honest.getByTestId("doc-status").getAttribute("data-status"), "REVOKED");
    await honest.close();
  });
});

describe("content-store files are read only through the hash check", () => {
  it("an altered metadata file gives no title, no amend prefill, and no co-signature verdict", async () => {
    const doc = world.record.documents.orderBudgetReports;
    assert.ok(doc);
    const file = path.join(world.contentDir, doc.metadataCid);
    const original = await readFile(file, "utf8");
    const title = (JSON.parse(original) as Metadata).title.en;

    const before = await openAs(`/documents/${doc.tokenId}`);
    assert.match(await before.locator("main").innerText(), new RegExp(title));
    await before.close();

    await writeFile(file, original.replaceAll(title, "FORGED TITLE"));
    const list = await openAs("/documents");
    assert.doesNotMatch(await list.locator("main").innerText(), /FORGED TITLE/);
    await list.close();

    const page = await openAs(`/documents/${doc.tokenId}`, 7);
    const text = await page.locator("main").innerText();
    assert.doesNotMatch(text, /FORGED TITLE/);
    await page.getByRole("button", { name: "Amend", exact: true }).click();
    await page.getByTestId("no-prefill").waitFor();
    assert.match(await page.getByTestId("no-prefill").innerText(), /does not match its digest/);
    await world.screenshot(page, "amend-no-prefill");
    await page.close();

    const verify = await openAs("/verify");
    const verdict = await coSignatureOf(verify, await world.documentFile("orderBudgetReports"));
    assert.equal(verdict.status, "unchecked", verdict.text);
    assert.equal(verdict.reason, "metadataAltered");
    await verify.close();
  });

  it("the agency's public key missing from the content store: could not be checked", async () => {
    const keyCid = world.record.publicKeys["2"];
    assert.ok(keyCid, "the seed records agency 2's key");
    assert.equal(keyCid, cidFromDigest((await ctx.contracts.agencies.agency(2)).pqKeyHash));
    await rm(path.join(world.contentDir, keyCid));
    const page = await openAs("/verify");
    const verdict = await coSignatureOf(page, await world.documentFile("orderCertificateRegister"));
    assert.equal(verdict.status, "unchecked", verdict.text);
    assert.equal(verdict.reason, "keyMissing");
    assert.match(verdict.text, /public key is not in the content store/);
    await world.screenshot(page, "verify-cosignature-no-key");
    await page.close();
    ctx.close();
  });
});
