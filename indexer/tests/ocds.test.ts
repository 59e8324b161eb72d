/**
 * The escrow's money as OCDS 1.1 (issue 22): on a seeded chain (anvil, PGlite) every release package and record
 * package the API serves is valid against the official OCDS 1.1.5 schemas (indexer/standards/ocds-1.1.5/, JSON
 * Schema draft-04), and says what the chain says: one process per allocation, amounts in decimal KZT, one
 * implementation release per payment with its real transaction, a termination for a cancelled allocation.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";

import AjvDraft04Module from "ajv-draft-04";
import formatsModule from "ajv-formats";

import { connectGovernment } from "../../scripts/lib/contracts.js";
import { INDEXER_DIR } from "../lib/paths.js";
import type { RunningIndexer } from "../lib/run.js";
import { type TestChain, startChainIndexer, startTestChain } from "./support/chain.js";

// CommonJS modules: the default import is module.exports, whose `default` is the class/plugin.
const AjvDraft04 = AjvDraft04Module.default;
const addFormats = formatsModule.default;

const SCHEMAS = path.join(INDEXER_DIR, "standards", "ocds-1.1.5");
const schema = (name: string): object => JSON.parse(readFileSync(path.join(SCHEMAS, name), "utf8")) as object;

interface Release {
  ocid: string;
  id: string;
  tag: string[];
  planning?: { budget: { id: string; description: string; amount: { amount: number; currency: string } }; documents?: Record<string, string>[] };
  contracts?: { id: string; status?: string; implementation?: { transactions: { value: { amount: number; currency: string }; uri: string }[] } }[];
}

describe("OCDS release and record packages (anvil, PGlite)", () => {
  let chain: TestChain;
  let indexer: RunningIndexer;
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(schema("release-schema.json"));
  ajv.addSchema(schema("versioned-release-validation-schema.json"));
  const validRelease = ajv.compile(schema("release-package-schema.json"));
  const validRecord = ajv.compile(schema("record-package-schema.json"));

  before(async () => {
    chain = await startTestChain();
    indexer = await startChainIndexer(chain);
  });
  after(async () => {
    await indexer?.stop();
    await chain?.close();
  });

  const get = async <T>(route: string, status = 200): Promise<T> => {
    const response = await fetch(`${indexer.url}${route}`);
    assert.equal(response.status, status, route);
    return (await response.json()) as T;
  };

  it("serves a release package valid against OCDS 1.1.5 that says what the chain says", async () => {
    const pkg = await get<{ releases: Release[]; version: string }>("/api/v1/ocds/release-package");
    assert.equal(validRelease(pkg), true, JSON.stringify(validRelease.errors?.slice(0, 5)));
    const { escrow } = connectGovernment(chain.addresses, chain.connection.ethers.provider);
    const count = Number(await escrow.allocationCount());
    assert.ok(count > 0, "the seed creates allocations");
    const processes = new Set(pkg.releases.map((r) => r.ocid));
    assert.equal(processes.size, count, "one contracting process per allocation");
    const releasedLogs = await escrow.queryFilter(escrow.filters.MilestoneReleased(), 0, "latest");
    const payments = pkg.releases.filter((r) => r.tag.includes("implementation"));
    assert.equal(payments.length, releasedLogs.length, "one implementation release per payment");
    for (const payment of payments) {
      const tx = payment.contracts?.[0]?.implementation?.transactions[0];
      const hash = tx?.uri.split(":tx:")[1] ?? "";
      const receipt = await chain.connection.ethers.provider.getTransactionReceipt(hash);
      assert.ok(receipt?.status === 1, `payment ${payment.id} is transaction ${hash} on chain`);
    }
    const cancelled = await escrow.queryFilter(escrow.filters.AllocationCancelled(), 0, "latest");
    assert.equal(pkg.releases.filter((r) => r.tag.includes("contractTermination")).length, cancelled.length);
    // Amounts: the allocation's total in decimal with its currency.
    for (const created of pkg.releases.filter((r) => r.tag.includes("planning"))) {
      const id = BigInt(created.ocid.split("-allocation-")[1] ?? "0");
      const onChain = await escrow.allocation(id);
      const amount = created.planning?.budget.amount;
      assert.equal(amount?.currency, "KZT");
      assert.equal(amount?.amount, Number(onChain.total) / 100, `allocation ${id} total in tenge`);
      const budgetId = `0x${onChain.budgetDocumentId.toString(16).padStart(64, "0")}`;
      assert.equal(created.planning?.budget.id, budgetId);
      // The Budget document by its number and titles in kk, ru and en, as the documents list has them.
      const { document } = await get<{ document: { number: string; titleKk: string; titleRu: string; titleEn: string; issuedAt: string } }>(`/api/v1/documents/${budgetId}`);
      assert.ok(document.number, `budget ${budgetId} has a number`);
      assert.match(created.planning?.budget.description ?? "", new RegExp(`^Budget document ${document.number.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
      const [doc] = created.planning?.documents ?? [];
      assert.deepEqual(
        doc && [doc.id, doc.title, doc.title_kk, doc.title_ru, doc.datePublished],
        [budgetId, document.titleEn, document.titleKk, document.titleRu, new Date(Number(document.issuedAt) * 1000).toISOString().replace(".000Z", "Z")],
      );
    }
  });

  it("serves a record package with compiled releases, and one process on its own", async () => {
    const all = await get<{ records: { ocid: string; releases: Release[]; compiledRelease: Release }[] }>("/api/v1/ocds/record-package");
    assert.equal(validRecord(all), true, JSON.stringify(validRecord.errors?.slice(0, 5)));
    for (const record of all.records) {
      const payments = record.releases.flatMap((r) => r.contracts?.[0]?.implementation?.transactions ?? []);
      assert.deepEqual(record.compiledRelease.contracts?.[0]?.implementation?.transactions, payments, `${record.ocid}: the compiled release holds every payment`);
      const terminated = record.releases.some((r) => r.tag.includes("contractTermination"));
      assert.equal(record.compiledRelease.contracts?.[0]?.status, terminated ? "terminated" : "active");
    }
    const one = await get<{ records: { ocid: string }[] }>("/api/v1/ocds/record-package?allocation=1");
    assert.equal(validRecord(one), true);
    assert.deepEqual(one.records.map((r) => r.ocid), [all.records.find((r) => r.ocid.endsWith("-allocation-1"))?.ocid]);
    const single = await get<{ releases: Release[] }>("/api/v1/ocds/release-package?allocation=1");
    assert.equal(validRelease(single), true);
    assert.ok(single.releases.every((r) => r.ocid.endsWith("-allocation-1")));
  });

  it("answers an unknown allocation with 404 and a stray parameter with 400", async () => {
    assert.equal((await get<{ error: { code: string } }>("/api/v1/ocds/release-package?allocation=999999", 404)).error.code, "not_found");
    assert.equal((await get<{ error: { code: string } }>("/api/v1/ocds/record-package?allocation=x", 400)).error.code, "invalid_input");
    await get("/api/v1/ocds/release-package?foo=1", 400);
  });
});
