/**
 * src/document-registry.ts on the real logs of the anvil scenario, through the test host (not graph-node).
 */
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";

import { sha256, toUtf8Bytes } from "ethers";

import type { ScenarioRecord } from "./harness/chain.js";
import { ChainExtender, docId, expectFields, indexScenario, loadIndexer, loadScenario, warningsAfterScenario } from "./harness/fixture.js";
import type { Indexer } from "./harness/indexer.js";

let record: ScenarioRecord;
let indexer: Indexer;
before(() => {
  record = loadScenario();
  indexer = indexScenario(record);
});

const hashOf = (text: string) => sha256(toUtf8Bytes(text));
const history = (ix: Indexer, document: string) =>
  ix.store
    .all("DocumentEvent")
    .filter((e) => e.document === document)
    .sort((a, b) => Number((a.blockNumber as bigint) - (b.blockNumber as bigint)))
    .map((e) => `${e.kind}${e.related ? ` ${e.related}` : ""}${e.reason ? ` "${e.reason}"` : ""}`);

describe("document registry: documents", () => {
  it("a decree minted by proposal: central government, issued by the Timelock, co-signed", () => {
    const { documents, addresses, proposals } = record.facts;
    const id = docId(documents.decree);
    expectFields(indexer, "Document", id, {
      tokenId: BigInt(documents.decree),
      contentHash: id,
      docType: "DECREE",
      status: "ACTIVE",
      agency: "0",
      issuer: addresses.TimelockController,
      metadataDigest: hashOf("decree metadata"),
      coSignatureDigest: hashOf("decree co-signature"),
      supersedes: null,
      supersededBy: null,
      proposal: proposals.decree,
      allocationCount: 0,
    });
    assert.deepEqual(history(indexer, id), ["ISSUED"]);
  });

  it("a budget document of the Ministry of Finance, cited by one allocation, no co-signature", () => {
    const { documents } = record.facts;
    expectFields(indexer, "Document", docId(documents.budget), { docType: "BUDGET", agency: "1", coSignatureDigest: null, allocationCount: 1 });
  });

  it("a registrar's Notice squatting the pending budget's hash is displaced by the enacted budget, kept in history", () => {
    const { documents, accounts, addresses } = record.facts;
    const id = docId(documents.budget);
    expectFields(indexer, "Document", id, { docType: "BUDGET", status: "ACTIVE", agency: "1", issuer: addresses.TimelockController });
    // In block order; the displacement and the budget's issue share the execution's block (DISPLACED first).
    const steps = indexer.store
      .all("DocumentEvent")
      .filter((e) => e.document === id)
      .map((e) => [e.blockNumber as bigint, String(e.kind), e.account] as const)
      .sort((x, y) => (x[0] === y[0] ? x[1].localeCompare(y[1]) : Number(x[0] - y[0])));
    assert.deepEqual(
      steps.map(([, kind, account]) => [kind, account]),
      [
        ["ISSUED", accounts.digitalRegistrar],
        ["DISPLACED", accounts.digitalRegistrar],
        ["ISSUED", addresses.TimelockController],
      ],
    );
    assert.equal(steps[1]?.[0], steps[2]?.[0]);
  });

  it("an order issued, amended and the new version revoked: statuses, links, reasons, history chain", () => {
    const { documents, accounts, amendReason, revokeReason } = record.facts;
    const a = docId(documents.orderA);
    const b = docId(documents.orderB);
    expectFields(indexer, "Document", a, {
      docType: "ORDER",
      status: "AMENDED",
      agency: "1",
      issuer: accounts.financeRegistrar,
      supersedes: null,
      supersededBy: b,
      revokedAt: null,
      proposal: null,
    });
    expectFields(indexer, "Document", b, {
      status: "REVOKED",
      supersedes: a,
      supersededBy: null,
      amendReason,
      revokedBy: accounts.financeRegistrar,
      revokeReason,
    });
    assert.deepEqual(history(indexer, a), ["ISSUED", `SUPERSEDED ${b} "${amendReason}"`]);
    assert.deepEqual(history(indexer, b), ["ISSUED", `AMENDED ${a} "${amendReason}"`, `REVOKED "${revokeReason}"`]);
  });

  it("agency counters: documents issued, amended, revoked, batches", () => {
    expectFields(indexer, "Agency", "1", {
      documentsIssued: 5n,
      documentsAmended: 2n,
      documentsRevoked: 1n,
      batchesAnchored: 1n,
      batchDocumentsAnchored: 3n,
    });
    expectFields(indexer, "Agency", "0", { documentsIssued: 1n, documentsAmended: 0n, documentsRevoked: 0n });
  });

  it("a batch anchored by its Merkle root, one member revoked with a reason", () => {
    const { batch, accounts } = record.facts;
    // Batches are keyed by agency and root (the scenario's batch is the Ministry of Finance's, agency 1).
    const root = `1-${batch.root.toLowerCase()}`;
    expectFields(indexer, "Batch", root, {
      root: batch.root.toLowerCase(),
      agency: "1",
      issuer: accounts.financeRegistrar,
      count: 3n,
      metadataDigest: hashOf("batch metadata"),
      revoked: false,
      revokedMemberCount: 1,
    });
    expectFields(indexer, "BatchMemberRevocation", `${root}-${batch.revokedMember.toLowerCase()}`, {
      batch: root,
      contentHash: batch.revokedMember.toLowerCase(),
      revokedBy: accounts.financeRegistrar,
      reason: batch.memberReason,
    });
  });
});

describe("document registry: reverted transactions and bad input", () => {
  it("a reverted transaction (amending the revoked order) delivers no logs: the store does not change", () => {
    const { revertedTx, documents } = record.facts;
    assert.equal(revertedTx.status, 0, "the scenario's amend reverted on chain");
    const block = record.blocks[revertedTx.blockNumber];
    assert.ok(block, "the reverted transaction's block was recorded");
    assert.ok(block.transactions.some((t) => t.hash === revertedTx.hash), "the reverted transaction was mined");
    assert.equal(record.logs.filter((l) => l.transactionHash === revertedTx.hash).length, 0, "it left no logs");

    const local = loadIndexer();
    local.processBlocks(record.blocks.slice(0, revertedTx.blockNumber), record.logs);
    const before = local.store.snapshot();
    const triggers = local.stats.triggers;
    local.processBlocks([block], record.logs);
    assert.equal(local.stats.triggers, triggers, "no trigger ran for the reverted transaction's block");
    assert.deepStrictEqual(local.store.snapshot(), before);
    assert.equal(local.store.entity("Document", docId(documents.orderC)), undefined);
  });

  it("revoked then amended (out of order, as a forged or re-ordered feed would give): the revoked stays revoked", () => {
    const local = indexScenario(record);
    const { addresses, accounts } = record.facts;
    const d = (event: string, args: readonly unknown[]) => ({ address: addresses.DocumentRegistry, contract: "DocumentRegistry", event, args });
    const x = hashOf("Notice 5 v1");
    const y = hashOf("Notice 5 v2");
    const chain = new ChainExtender(record);
    const zero = `0x${"00".repeat(32)}`;
    const issued = chain.block(accounts.financeRegistrar, addresses.DocumentRegistry, [
      d("DocumentIssued", [BigInt(x), 5, 1n, accounts.financeRegistrar, hashOf("notice metadata"), zero]),
      d("DocumentRevoked", [BigInt(x), accounts.financeRegistrar, "withdrawn"]),
    ]);
    local.processBlock(issued.block, issued.logs);
    const amendedAfterRevoke = local.store.entity("Agency", "1")?.documentsAmended;
    const amended = chain.block(accounts.financeRegistrar, addresses.DocumentRegistry, [
      d("DocumentIssued", [BigInt(y), 5, 1n, accounts.financeRegistrar, hashOf("notice v2 metadata"), zero]),
      d("DocumentAmended", [BigInt(x), BigInt(y), "late amendment"]),
    ]);
    local.processBlock(amended.block, amended.logs);
    expectFields(local, "Document", docId(x), { docType: "NOTICE", status: "REVOKED", supersededBy: docId(y), revokeReason: "withdrawn" });
    expectFields(local, "Document", docId(y), { status: "ACTIVE", supersedes: docId(x), amendReason: "late amendment" });
    assert.equal(local.store.entity("Agency", "1")?.documentsAmended, amendedAfterRevoke, "no Revoked → Amended transition counted");
    assert.ok(local.messages("WARNING").some((m) => m.includes("amendment of REVOKED document")));
    assert.deepEqual(local.store.danglingReferences(), []);
  });

  it("amend/revoke of unknown documents, a second revocation, unknown batches: nothing changes", () => {
    const local = indexScenario(record);
    const before = local.store.snapshot();
    const { addresses, accounts, documents, batch } = record.facts;
    const d = (event: string, args: readonly unknown[]) => ({ address: addresses.DocumentRegistry, contract: "DocumentRegistry", event, args });
    const unknown = BigInt(hashOf("never issued"));
    const { block, logs } = new ChainExtender(record).block(accounts.financeRegistrar, addresses.DocumentRegistry, [
      d("DocumentAmended", [unknown, BigInt(documents.orderA), "x"]),
      d("DocumentAmended", [BigInt(documents.decree), unknown, "x"]),
      d("DocumentRevoked", [unknown, accounts.financeRegistrar, "x"]),
      d("DocumentRevoked", [BigInt(documents.orderB), accounts.financeRegistrar, "again"]),
      d("BatchRevoked", [hashOf("no batch"), 1, accounts.financeRegistrar, "x"]),
      d("BatchRevoked", [batch.root, 2, accounts.financeRegistrar, "another agency's batch of that root"]),
      d("BatchMemberRevoked", [hashOf("no batch"), hashOf("member"), accounts.financeRegistrar, 1, "x"]),
      d("BatchMemberRevoked", [batch.root, batch.revokedMember, accounts.financeRegistrar, 1, "twice"]),
      d("DocumentIssued", [BigInt(documents.decree), 0, 0n, accounts.financeRegistrar, hashOf("dup"), `0x${"00".repeat(32)}`]),
      d("DocumentDisplaced", [unknown, accounts.financeRegistrar, 5, 1]),
    ]);
    local.processBlock(block, logs);
    assert.deepStrictEqual(local.store.snapshot(), before);
    assert.equal(warningsAfterScenario(local, record).length, 10);
  });

  it("a whole batch revoked", () => {
    const local = indexScenario(record);
    const { addresses, accounts, batch } = record.facts;
    const { block, logs } = new ChainExtender(record).block(accounts.financeRegistrar, addresses.DocumentRegistry, [
      { address: addresses.DocumentRegistry, contract: "DocumentRegistry", event: "BatchRevoked", args: [batch.root, 1, accounts.financeRegistrar, "Printing error"] },
    ]);
    local.processBlock(block, logs);
    expectFields(local, "Batch", `1-${batch.root.toLowerCase()}`, {
      revoked: true,
      revokedBy: accounts.financeRegistrar,
      revokeReason: "Printing error",
      revokedAt: BigInt(block.timestamp),
    });
  });
});
