/**
 * The demo seed on a REAL anvil (not the in-process network): start anvil on a free port, deploy the system with
 * Ignition (a throw-away deployment id, removed afterwards), run the seed, and check what the chain holds.
 *
 *   npx hardhat test mocha test/integration/seed.test.ts
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { expect } from "chai";
import { sha256, toUtf8Bytes } from "ethers";
import { network } from "hardhat";
import type { NetworkConnection } from "hardhat/types/network";

import { type Anvil, freePort, startAnvil } from "@government-dao/devchain/anvil";
import { deploySystem } from "../../scripts/lib/deploy-system.js";
import { type ContentStore, cidFromDigest, digestFromCid, openContentStore } from "@government-dao/core/content-store";
import { appealAnswerSchema, appealTextSchema } from "@government-dao/core/appeals";
import { cast } from "@government-dao/devchain/demo-cast";
import { DOCUMENT_TYPES, MetadataError, parseBatchMetadata, parseDocumentMetadata } from "@government-dao/core/metadata";
import { coSigningAgencyId, verifyCoSignature, verifySignatureBlock } from "@government-dao/core/cosignature";
import { PROPOSAL_STATES, stateName } from "../../scripts/lib/seed/governance.js";
import { type SeedContracts, connectSystem } from "../../scripts/lib/seed/system.js";
import { type SeedAddresses, type SeedResult, seed } from "../../scripts/seed.js";

const DocStatus = { Active: 0n, Amended: 1n, Revoked: 2n } as const;

describe("seed (demo data) on a real anvil", function () {
  this.timeout(600_000);

  let anvil: Anvil | undefined;
  let connection: NetworkConnection | undefined;
  let workDir = "";
  let deploymentDir = "";
  let addresses: SeedAddresses;
  let c: SeedContracts;
  let store: ContentStore;
  let result: SeedResult;
  let chainId: bigint;
  const log: string[] = [];

  before(async function () {
    anvil = await startAnvil({ port: await freePort() });
    connection = await network.create({ network: "localhost", override: { url: anvil.rpcUrl } });
    workDir = await mkdtemp(path.join(os.tmpdir(), "gdao-seed-"));
    const deploymentId = `seed-test-${process.pid}-${Date.now()}`;
    deploymentDir = path.join("ignition", "deployments", deploymentId);
    addresses = await deploySystem(connection, deploymentId);
    c = connectSystem(addresses, connection.ethers.provider);
    chainId = (await connection.ethers.provider.getNetwork()).chainId;
    store = openContentStore(path.join(workDir, "content"));
    result = await seed(connection, addresses, { contentDir: store.root, stateDir: workDir, log: (line) => log.push(line) });
    console.log(`      seed: ${result.transactions} transactions in ${result.seconds} s`);
  });

  after(async function () {
    await connection?.close().catch(() => undefined);
    await anvil?.stop();
    if (deploymentDir) await rm(deploymentDir, { recursive: true, force: true });
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("ends with one proposal in each state Pending, Active, Defeated, Succeeded, Queued, Executed, Canceled", async function () {
    const states = new Set<string>();
    const count = Number(await c.governor.proposalCount());
    for (let i = 0; i < count; i++) states.add(stateName(await c.governor.state(await c.governor.proposalIdAt(i))));
    for (const state of ["Pending", "Active", "Defeated", "Succeeded", "Queued", "Executed", "Canceled"]) {
      expect(states.has(state), `a proposal is ${state}`).to.equal(true);
    }
    const byRole: [string, string][] = [
      ["pending", "Pending"],
      ["active", "Active"],
      ["defeated", "Defeated"],
      ["succeeded", "Succeeded"],
      ["queued", "Queued"],
      ["canceled", "Canceled"],
      ["release", "Executed"],
    ];
    for (const [role, state] of byRole) {
      const id = result.record.proposals[role];
      expect(id, role).to.be.a("string");
      expect(PROPOSAL_STATES[Number(await c.governor.state(BigInt(id ?? "0")))]).to.equal(state);
    }
    expect(result.summary.proposals.byState.Executed).to.equal(11);
    expect(result.summary.proposals.total).to.equal(17);
  });

  it("seats six officials, three of them by proposal", async function () {
    expect(await c.seats.totalSupply()).to.equal(6n);
    for (const official of [...cast.officials, ...cast.candidates]) expect(await c.seats.getVotes(official)).to.equal(1n);
    const issued = await c.seats.queryFilter(c.seats.filters.SeatIssued(), 0, "latest");
    expect(issued.length).to.equal(6);
  });

  it("registers the documents, the batch and the allocations it reports", async function () {
    expect(result.summary.documents.total).to.equal(10);
    expect(result.summary.documents.byType).to.deep.equal({ decree: 3, law: 2, budget: 1, order: 3, notice: 1 });
    expect(result.summary.documents.byStatus).to.deep.equal({ Active: 8, Amended: 1, Revoked: 1 });
    expect(result.summary.batches).to.deep.equal({ count: 1, documents: 1000 });
    expect(result.summary.appeals).to.deep.equal({ total: 6, byState: { filed: 2, extended: 1, answered: 2, withdrawn: 1 }, overdue: 1 });
    expect(await c.escrow.allocationCount()).to.equal(2n);
    expect(result.transactions).to.be.greaterThan(100);
  });

  it("links the amended decree both ways and keeps the revoked one with its reason", async function () {
    const oldId = result.record.documents.decreePilot?.tokenId ?? "";
    const newId = result.record.documents.decreePilotRevised?.tokenId ?? "";
    const old = await c.documents.verify(oldId);
    const revised = await c.documents.verify(newId);
    expect(old.status).to.equal(DocStatus.Amended);
    expect(old.supersededBy).to.equal(BigInt(newId));
    expect(revised.status).to.equal(DocStatus.Active);
    expect(revised.supersedes).to.equal(BigInt(oldId));
    const revisedMeta = parseDocumentMetadata(await store.get(digestCid(await c.documents.tokenURI(newId))));
    expect(revisedMeta.supersedes).to.equal(oldId);

    const revokedId = result.record.documents.decreeWorkingGroup?.tokenId ?? "";
    expect((await c.documents.verify(revokedId)).status).to.equal(DocStatus.Revoked);
    const [revocation] = await c.documents.queryFilter(c.documents.filters.DocumentRevoked(BigInt(revokedId)), 0, "latest");
    expect(revocation?.args.revokedBy).to.equal(addresses.timelock);
    expect(revocation?.args.reason).to.match(/open budget data/);
  });

  it("leaves citizens' appeals in each state, the decree's answered by the amending proposal with the amendment as its remedy", async function () {
    const appeal = (role: string) => c.appeals.appeal(BigInt(result.record.appeals[role] ?? "0"));
    const upheld = await appeal("upheld");
    expect(upheld.state).to.equal(4n); // Answered
    expect(upheld.outcome).to.equal(1n); // Upheld
    expect(upheld.respondent).to.equal(0n); // the council
    expect(upheld.remedy).to.equal(BigInt(result.record.documents.decreePilotRevised?.tokenId ?? "0"));
    const answers = await c.appeals.queryFilter(c.appeals.filters.AppealAnswered(BigInt(result.record.appeals.upheld ?? "0")), 0, "latest");
    const tx = await c.appeals.runner!.provider!.getTransaction(answers[0]?.transactionHash ?? "");
    expect(tx?.to).to.equal(addresses.governor); // executed through the Governor, i.e. by the Timelock
    // Every text on chain names a file of the content store that parses with core's schema and holds no personal data.
    const text = appealTextSchema.parse(JSON.parse(await store.getText(cidFromDigest(upheld.bodyDigest))));
    expect(text.language).to.equal("ru");
    expect(appealAnswerSchema.parse(JSON.parse(await store.getText(cidFromDigest(upheld.answerDigest)))).outcome).to.equal("upheld");
    const forwarded = await appeal("forwardedAndRejected");
    expect([forwarded.respondent, forwarded.outcome]).to.deep.equal([2n, 3n]);
    expect((await appeal("extended")).state).to.equal(3n);
    expect((await appeal("withdrawn")).state).to.equal(5n);
    expect(await c.appeals.isOverdue(BigInt(result.record.appeals.overdue ?? "0"))).to.equal(true);
    expect((await appeal("proposal")).kind).to.equal(1n);
  });

  it("pays the released milestone and shows the other one overdue", async function () {
    const platform = BigInt(result.record.allocations.platform);
    const courses = BigInt(result.record.allocations.courses);
    const [first] = await c.escrow.milestones(platform);
    expect(first?.status).to.equal(1n); // Released
    expect(await c.tenge.balanceOf(cast.contractors[0])).to.equal(first?.amount);
    expect(await c.escrow.isOverdue(courses, 0)).to.equal(true);
    expect(await c.escrow.isOverdue(courses, 1)).to.equal(false);
    expect(await c.escrow.isOverdue(platform, 1)).to.equal(false);
    const budgetId = result.record.documents.budget2026?.tokenId ?? "";
    expect((await c.escrow.allocation(courses)).budgetDocumentId).to.equal(BigInt(budgetId));
  });

  it("proves a batch member with a proof built from the stored tree dump", async function () {
    const batch = result.record.batch;
    const anchors = await c.documents.queryFilter(c.documents.filters.BatchAnchored(batch.root), 0, "latest");
    expect(anchors.length).to.equal(1);
    const metadata = parseBatchMetadata(await store.get(batch.metadataCid));
    expect(sha256(await store.get(batch.metadataCid))).to.equal(anchors[0]?.args.metadataDigest);
    const tree = StandardMerkleTree.load<[string]>(JSON.parse(await store.getText(metadata.batch.treeDumpCid)));
    expect(tree.root).to.equal(batch.root);

    const [index, [hash]] = [...tree.entries()][417] ?? [0, [""]];
    const file = await store.getByDigest(hash); // the certificate file itself is in the store
    expect(sha256(file)).to.equal(hash);
    const [member, revoked] = await c.documents.verifyBatchMember(metadata.agency.id, batch.root, hash, tree.getProof(index));
    expect([member, revoked]).to.deep.equal([true, false]);
    const stranger = sha256(toUtf8Bytes("not a certificate of this batch"));
    expect((await c.documents.verifyBatchMember(metadata.agency.id, batch.root, stranger, tree.getProof(index)))[0]).to.equal(false);

    const keyHash = (await c.agencies.agency(coSigningAgencyId(metadata.agency.id))).pqKeyHash;
    const check = verifySignatureBlock(metadata.coSignature, batch.root, chainId, addresses.documents, keyHash, {
      publicKey: await store.getByDigest(keyHash),
    });
    expect(check).to.deep.equal({ ok: true });
  });

  it("gives every document schema-valid metadata whose ML-DSA co-signature verifies against the on-chain key", async function () {
    const issued = await c.documents.queryFilter(c.documents.filters.DocumentIssued(), 0, "latest");
    expect(issued.length).to.equal(10);
    for (const event of issued) {
      const tokenId = event.args.tokenId;
      const doc = await c.documents.document(tokenId);
      const uri = await c.documents.tokenURI(tokenId);
      const bytes = await store.get(digestCid(uri));
      expect(sha256(bytes)).to.equal(doc.metadataDigest);
      const metadata = parseDocumentMetadata(bytes);
      expect(metadata.type).to.equal(DOCUMENT_TYPES[Number(doc.docType)]);
      expect(metadata.agency.id).to.equal(Number(doc.agencyId));

      const contentHash = `0x${tokenId.toString(16).padStart(64, "0")}`;
      expect(sha256(await store.getByDigest(contentHash))).to.equal(contentHash); // the file is stored too
      const keyHash = (await c.agencies.agency(coSigningAgencyId(Number(doc.agencyId)))).pqKeyHash;
      const check = verifyCoSignature(metadata, contentHash, chainId, addresses.documents, keyHash, {
        publicKey: await store.getByDigest(keyHash),
        anchoredDigest: doc.coSignatureDigest,
      });
      expect(check, `${metadata.number}`).to.deep.equal({ ok: true });
    }
  });

  it("rejects tampered metadata and signatures with a plain reason", async function () {
    const tokenId = result.record.documents.lawOpenBudget?.tokenId ?? "";
    const doc = await c.documents.verify(tokenId);
    const bytes = await store.get(digestCid(await c.documents.tokenURI(tokenId)));
    const metadata = parseDocumentMetadata(bytes);
    const keyHash = (await c.agencies.agency(coSigningAgencyId(Number(doc.agencyId)))).pqKeyHash;
    const publicKey = await store.getByDigest(keyHash);
    const check = (m: typeof metadata, anchoredDigest?: string, key = keyHash) =>
      verifyCoSignature(m, tokenId, chainId, addresses.documents, key, { publicKey, ...(anchoredDigest ? { anchoredDigest } : {}) });

    // A flipped signature byte: against the anchor, then on its own.
    const signature = Buffer.from(metadata.coSignature.signature, "base64");
    signature[100] = (signature[100] ?? 0) ^ 0xff;
    const forged = { ...metadata, coSignature: { ...metadata.coSignature, signature: signature.toString("base64") } };
    expect(check(forged, doc.coSignatureDigest)).to.deep.equal({
      ok: false,
      code: "digestMismatch",
      reason: "the signature is not the one anchored on chain (coSignatureDigest differs)",
    });
    expect(check(forged)).to.deep.equal({ ok: false, code: "signatureInvalid", reason: "the ML-DSA-65 signature does not verify" });

    // The same signature claimed for another file, or checked against another agency's key.
    const otherFile = sha256(toUtf8Bytes("another file"));
    expect(check({ ...metadata, body: { ...metadata.body, sha256: otherFile } }).ok).to.equal(false);
    const financeKey = (await c.agencies.agency(1)).pqKeyHash;
    const wrongKey = check(metadata, undefined, financeKey);
    expect(wrongKey.ok).to.equal(false);
    if (!wrongKey.ok) expect(wrongKey.reason).to.match(/registered key is/);

    // An edited title no longer matches the digest on chain; a broken JSON names its failing fields.
    const edited = new TextDecoder().decode(bytes).replace("On open budget data", "On closed budget data");
    expect(sha256(toUtf8Bytes(edited))).to.not.equal(doc.metadataDigest);
    const broken = JSON.parse(edited) as Record<string, unknown>;
    delete broken.number;
    broken.type = "memo";
    expect(() => parseDocumentMetadata(broken)).to.throw(MetadataError, /number: is missing.*|type: must be one of/);
    try {
      parseDocumentMetadata(broken);
    } catch (error) {
      expect((error as MetadataError).problems).to.have.members([
        "type: must be one of decree, law, budget, order, certificate, notice",
        "number: is missing",
      ]);
    }
  });

  it("skips a second run on the same chain, and refuses a chain with a partial seed", async function () {
    const sent = await connection!.ethers.provider.getBlockNumber();
    const again = await seed(connection!, addresses, { contentDir: store.root, stateDir: workDir, log: () => undefined });
    expect(again.skipped).to.equal(true);
    expect(again.transactions).to.equal(0);
    expect(await connection!.ethers.provider.getBlockNumber()).to.equal(sent);

    await rm(result.recordFile);
    let message = "";
    try {
      await seed(connection!, addresses, { contentDir: store.root, stateDir: workDir, log: () => undefined });
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).to.match(/already has 17 proposal\(s\) but no finished seed/);
    expect(message).to.match(/restart the chain/);
  });
});

/** The CID of an `ipfs://<cid>` token URI (checked to be CIDv1 raw sha2-256). */
function digestCid(uri: string): string {
  const cid = uri.replace(/^ipfs:\/\//, "");
  digestFromCid(cid);
  return cid;
}
