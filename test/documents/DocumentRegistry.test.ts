import { expect } from "chai";
import { ZeroAddress, ZeroHash } from "ethers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";

import {
  DIGITAL,
  DocStatus,
  DocType,
  FINANCE,
  ProposalState,
  SETTINGS,
  action,
  hashOf,
  setup,
  type System,
} from "../helpers/fixtures.js";

const t = await setup();
const { officials, financeRegistrar, digitalRegistrar, stranger } = t.cast;

const META = hashOf("metadata JSON");
const META_2 = hashOf("metadata JSON, version 2");
const COSIG = hashOf("ML-DSA co-signature");
const REASON = "Corrected the date in article 3";
const UNKNOWN_AGENCY = 99;
const MAX_REASON_LENGTH = 1024;

/** Document types that agency registrars issue (decrees, laws and budgets are the Timelock's). */
const AGENCY_TYPES = [DocType.Order, DocType.Certificate, DocType.Notice] as const;

/** The fields of IDocumentRegistry.Document as plain values, for deep equality. */
interface DocView {
  found: boolean;
  tokenId: bigint;
  docType: bigint;
  status: bigint;
  agencyId: bigint;
  issuedAt: bigint;
  issuer: string;
  metadataDigest: string;
  coSignatureDigest: string;
  supersedes: bigint;
  supersededBy: bigint;
}

const view = (d: DocView): DocView => ({
  found: d.found,
  tokenId: d.tokenId,
  docType: d.docType,
  status: d.status,
  agencyId: d.agencyId,
  issuedAt: d.issuedAt,
  issuer: d.issuer,
  metadataDigest: d.metadataDigest,
  coSignatureDigest: d.coSignatureDigest,
  supersedes: d.supersedes,
  supersededBy: d.supersededBy,
});

const NOT_FOUND: DocView = {
  found: false,
  tokenId: 0n,
  docType: 0n,
  status: 0n,
  agencyId: 0n,
  issuedAt: 0n,
  issuer: ZeroAddress,
  metadataDigest: ZeroHash,
  coSignatureDigest: ZeroHash,
  supersedes: 0n,
  supersededBy: 0n,
};

const docOf = async (s: System, contentHash: string): Promise<DocView> => view(await s.documents.verify(contentHash));

/** A batch, keyed by its agency and its Merkle root. */
interface BatchKey {
  agencyId: number;
  root: string;
}

/** A batch member to watch: its batch (agency, root), content hash and proof. */
interface Member extends BatchKey {
  contentHash: string;
  proof: string[];
}

/** What a registry call may change: the given documents and batches, members' status, and every role's balance. */
interface Watched {
  docs?: readonly string[];
  roots?: readonly BatchKey[];
  members?: readonly Member[];
}

async function registryState(s: System, watched: Watched) {
  const holders = [
    s.timelock.target as string,
    financeRegistrar.address,
    digitalRegistrar.address,
    stranger.address,
    ...officials.map((o) => o.address),
  ];
  return {
    docs: await Promise.all((watched.docs ?? []).map((h) => docOf(s, h))),
    displaced: await Promise.all((watched.docs ?? []).map(async (h) => view(await s.documents.displacedEntry(h)))),
    balances: await Promise.all(holders.map((a) => s.documents.balanceOf(a))),
    batches: await Promise.all(
      (watched.roots ?? []).map(async (r) => {
        const b = await s.documents.batch(r.agencyId, r.root);
        return { agencyId: b.agencyId, count: b.count, anchoredAt: b.anchoredAt, revoked: b.revoked };
      }),
    ),
    members: await Promise.all(
      (watched.members ?? []).map(async (m) => {
        const [member, revoked, superseded] = await s.documents.verifyBatchMember(
          m.agencyId,
          m.root,
          m.contentHash,
          m.proof,
        );
        return { member, revoked, superseded };
      }),
    ),
  };
}

/** Runs `assertion` (an expected revert) and checks that the watched registry state did not change. */
async function expectNoChange(s: System, watched: Watched, assertion: () => Promise<unknown>): Promise<void> {
  const before = await registryState(s, watched);
  await assertion();
  expect(await registryState(s, watched)).to.deep.equal(before);
}

async function issueAs(
  s: System,
  signer: HardhatEthersSigner,
  docType: number,
  agencyId: number,
  contentHash: string,
  metadataDigest = META,
  coSignatureDigest = ZeroHash,
): Promise<void> {
  await (await s.documents.connect(signer).issue(docType, agencyId, contentHash, metadataDigest, coSignatureDigest)).wait();
}

async function setActive(s: System, agencyId: number, active: boolean): Promise<void> {
  await (await s.agencies.connect(await t.asTimelock(s)).setAgencyActive(agencyId, active)).wait();
}

/** `n` distinct certificate hashes. */
const certificates = (n: number, tag: string): string[] =>
  Array.from({ length: n }, (_, i) => hashOf(`${tag} certificate #${i}`));

const treeOf = (hashes: readonly string[]) => StandardMerkleTree.of(hashes.map((h) => [h]), ["bytes32"]);

describe("DocumentRegistry", function () {
  describe("deployment", function () {
    it("points at the Timelock and the agency registry, and names the token", async function () {
      const s = await t.loadSystem();
      expect(await s.documents.timelock()).to.equal(s.timelock.target);
      expect(await s.documents.agencies()).to.equal(s.agencies.target);
      expect(await s.documents.name()).to.equal("Government DAO Document");
      expect(await s.documents.symbol()).to.equal("GOVDOC");
      expect(await s.documents.MAX_REASON_LENGTH()).to.equal(BigInt(MAX_REASON_LENGTH));
    });

    it("refuses a zero Timelock or a zero agency registry", async function () {
      const s = await t.loadSystem();
      const factory = await t.ethers.getContractFactory("DocumentRegistry");
      await expect(factory.deploy(ZeroAddress, s.agencies.target))
        .to.be.revertedWithCustomError(factory, "ZeroAddress")
        .withArgs();
      await expect(factory.deploy(s.timelock.target, ZeroAddress))
        .to.be.revertedWithCustomError(factory, "ZeroAddress")
        .withArgs();
    });
  });

  describe("issue: decrees, laws and budgets", function () {
    it("lets the Timelock issue a decree of the central government (agency 0) and records every field", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("Decree No. 1");
      const id = BigInt(hash);

      expect(await s.documents.connect(timelock).issue.staticCall(DocType.Decree, 0, hash, META, COSIG)).to.equal(id);
      const tx = s.documents.connect(timelock).issue(DocType.Decree, 0, hash, META, COSIG);
      await expect(tx).to.emit(s.documents, "Transfer").withArgs(ZeroAddress, timelock.address, id);
      await expect(tx)
        .to.emit(s.documents, "DocumentIssued")
        .withArgs(id, DocType.Decree, 0, timelock.address, META, COSIG);

      expect(await docOf(s, hash)).to.deep.equal({
        found: true,
        tokenId: id,
        docType: BigInt(DocType.Decree),
        status: BigInt(DocStatus.Active),
        agencyId: 0n,
        issuedAt: BigInt(await t.networkHelpers.time.latest()),
        issuer: timelock.address,
        metadataDigest: META,
        coSignatureDigest: COSIG,
        supersedes: 0n,
        supersededBy: 0n,
      });
      expect(view(await s.documents.document(id))).to.deep.equal(await docOf(s, hash));
      expect(await s.documents.ownerOf(id)).to.equal(timelock.address);
      expect(await s.documents.balanceOf(timelock.address)).to.equal(1n);
    });

    it("lets the Timelock issue a law and a budget, with or without naming an active agency", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const law = hashOf("Law on digital documents");
      const budget = hashOf("Budget 2027 of the Ministry of Finance");
      await expect(s.documents.connect(timelock).issue(DocType.Law, 0, law, META, ZeroHash))
        .to.emit(s.documents, "DocumentIssued")
        .withArgs(BigInt(law), DocType.Law, 0, timelock.address, META, ZeroHash);
      await expect(s.documents.connect(timelock).issue(DocType.Budget, FINANCE, budget, META, COSIG))
        .to.emit(s.documents, "DocumentIssued")
        .withArgs(BigInt(budget), DocType.Budget, FINANCE, timelock.address, META, COSIG);

      const lawDoc = await docOf(s, law);
      expect(lawDoc.docType).to.equal(BigInt(DocType.Law));
      expect(lawDoc.coSignatureDigest).to.equal(ZeroHash);
      const budgetDoc = await docOf(s, budget);
      expect(budgetDoc.docType).to.equal(BigInt(DocType.Budget));
      expect(budgetDoc.agencyId).to.equal(BigInt(FINANCE));
      expect(await s.documents.balanceOf(timelock.address)).to.equal(2n);
    });

    it("enacts a decree end to end: a proposal passes through the Governor and the Timelock issues it", async function () {
      const s = await t.loadSystem();
      const hash = hashOf("Decree No. 7 on open data");
      const id = BigInt(hash);
      expect((await docOf(s, hash)).found).to.equal(false);

      await t.govern(s, [action(s.documents, "issue", [DocType.Decree, 0, hash, META, COSIG])], "Decree No. 7 on open data");

      const doc = await docOf(s, hash);
      expect(doc.found).to.equal(true);
      expect(doc.docType).to.equal(BigInt(DocType.Decree));
      expect(doc.status).to.equal(BigInt(DocStatus.Active));
      expect(doc.issuer).to.equal(s.timelock.target);
      expect(doc.metadataDigest).to.equal(META);
      expect(doc.coSignatureDigest).to.equal(COSIG);
      expect(await s.documents.ownerOf(id)).to.equal(s.timelock.target);
      const events = await s.documents.queryFilter(s.documents.filters.DocumentIssued(id));
      expect(events).to.have.length(1);
      expect(events[0]?.args.issuer).to.equal(s.timelock.target);
    });

    it("amends and revokes laws end to end in one proposal", async function () {
      const s = await t.loadSystem();
      const v1 = hashOf("Law on procurement v1");
      const v2 = hashOf("Law on procurement v2");
      await issueAs(s, await t.asTimelock(s), DocType.Law, 0, v1);

      await t.govern(
        s,
        [
          action(s.documents, "amend", [v1, v2, META_2, ZeroHash, "Parliament adopted amendments"]),
          action(s.documents, "revoke", [v2, "Repealed by the new procurement code"]),
        ],
        "Amend, then repeal, the law on procurement",
      );

      expect((await docOf(s, v1)).status).to.equal(BigInt(DocStatus.Amended));
      expect((await docOf(s, v1)).supersededBy).to.equal(BigInt(v2));
      expect((await docOf(s, v2)).status).to.equal(BigInt(DocStatus.Revoked));
      expect((await docOf(s, v2)).supersedes).to.equal(BigInt(v1));
    });

    for (const [typeName, docType] of Object.entries({
      decree: DocType.Decree,
      law: DocType.Law,
      budget: DocType.Budget,
    })) {
      it(`reverts when a stranger, a registrar or an official issues a ${typeName}`, async function () {
        const s = await t.loadSystem();
        const hash = hashOf(`unauthorised ${typeName}`);
        await expectNoChange(s, { docs: [hash] }, async () => {
          for (const [caller, agencyId] of [
            [stranger, 0],
            [financeRegistrar, 0],
            [financeRegistrar, FINANCE],
            [digitalRegistrar, DIGITAL],
            [officials[0], FINANCE],
          ] as const) {
            await expect(s.documents.connect(caller).issue(docType, agencyId, hash, META, ZeroHash))
              .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
              .withArgs(caller.address, docType, agencyId);
          }
        });
      });
    }

    it("reverts when the Timelock names an unknown or a deactivated agency for a decree", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("decree of a phantom agency");
      await setActive(s, DIGITAL, false);
      await expectNoChange(s, { docs: [hash] }, async () => {
        await expect(s.documents.connect(timelock).issue(DocType.Decree, UNKNOWN_AGENCY, hash, META, ZeroHash))
          .to.be.revertedWithCustomError(s.documents, "InactiveAgency")
          .withArgs(UNKNOWN_AGENCY);
        await expect(s.documents.connect(timelock).issue(DocType.Budget, DIGITAL, hash, META, ZeroHash))
          .to.be.revertedWithCustomError(s.documents, "InactiveAgency")
          .withArgs(DIGITAL);
      });
    });
  });

  describe("issue: orders, certificates and notices", function () {
    it("lets each agency's registrar issue its orders, certificates and notices", async function () {
      const s = await t.loadSystem();
      for (const [registrar, agencyId] of [
        [financeRegistrar, FINANCE],
        [digitalRegistrar, DIGITAL],
      ] as const) {
        for (const docType of AGENCY_TYPES) {
          const hash = hashOf(`agency ${agencyId} document of type ${docType}`);
          const id = BigInt(hash);
          const tx = s.documents.connect(registrar).issue(docType, agencyId, hash, META, COSIG);
          await expect(tx).to.emit(s.documents, "Transfer").withArgs(ZeroAddress, registrar.address, id);
          await expect(tx)
            .to.emit(s.documents, "DocumentIssued")
            .withArgs(id, docType, agencyId, registrar.address, META, COSIG);
          const doc = await docOf(s, hash);
          expect(doc.docType).to.equal(BigInt(docType));
          expect(doc.agencyId).to.equal(BigInt(agencyId));
          expect(doc.issuer).to.equal(registrar.address);
          expect(doc.status).to.equal(BigInt(DocStatus.Active));
          expect(await s.documents.ownerOf(id)).to.equal(registrar.address);
        }
        expect(await s.documents.balanceOf(registrar.address)).to.equal(BigInt(AGENCY_TYPES.length));
      }
    });

    it("lets the Timelock issue an agency document for an active agency", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("order issued by proposal");
      await expect(s.documents.connect(timelock).issue(DocType.Order, FINANCE, hash, META, ZeroHash))
        .to.emit(s.documents, "DocumentIssued")
        .withArgs(BigInt(hash), DocType.Order, FINANCE, timelock.address, META, ZeroHash);
      expect(await s.documents.ownerOf(BigInt(hash))).to.equal(timelock.address);
    });

    it("reverts when the registrar of another agency issues", async function () {
      const s = await t.loadSystem();
      const hash = hashOf("cross-agency order");
      await expectNoChange(s, { docs: [hash] }, async () => {
        for (const docType of AGENCY_TYPES) {
          await expect(s.documents.connect(financeRegistrar).issue(docType, DIGITAL, hash, META, ZeroHash))
            .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
            .withArgs(financeRegistrar.address, docType, DIGITAL);
          await expect(s.documents.connect(digitalRegistrar).issue(docType, FINANCE, hash, META, ZeroHash))
            .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
            .withArgs(digitalRegistrar.address, docType, FINANCE);
        }
      });
    });

    it("reverts when a stranger or an official issues an agency document", async function () {
      const s = await t.loadSystem();
      const hash = hashOf("stranger's certificate");
      await expectNoChange(s, { docs: [hash] }, async () => {
        for (const caller of [stranger, officials[0], officials[2]]) {
          for (const docType of AGENCY_TYPES) {
            await expect(s.documents.connect(caller).issue(docType, FINANCE, hash, META, ZeroHash))
              .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
              .withArgs(caller.address, docType, FINANCE);
          }
        }
      });
    });

    it("reverts when the registrar of a deactivated agency issues, and accepts again once it is reactivated", async function () {
      const s = await t.loadSystem();
      const hash = hashOf("order of a dissolved ministry");
      await setActive(s, FINANCE, false);
      await expectNoChange(s, { docs: [hash] }, async () => {
        await expect(s.documents.connect(financeRegistrar).issue(DocType.Order, FINANCE, hash, META, ZeroHash))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(financeRegistrar.address, DocType.Order, FINANCE);
      });
      await setActive(s, FINANCE, true);
      await issueAs(s, financeRegistrar, DocType.Order, FINANCE, hash);
      expect((await docOf(s, hash)).issuer).to.equal(financeRegistrar.address);
    });

    it("reverts with InactiveAgency when the Timelock issues for a deactivated agency", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("notice of a deactivated agency");
      await setActive(s, DIGITAL, false);
      await expectNoChange(s, { docs: [hash] }, async () => {
        await expect(s.documents.connect(timelock).issue(DocType.Notice, DIGITAL, hash, META, ZeroHash))
          .to.be.revertedWithCustomError(s.documents, "InactiveAgency")
          .withArgs(DIGITAL);
      });
    });

    it("refuses agency 0 for orders, certificates and notices", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("order of no agency");
      await expectNoChange(s, { docs: [hash] }, async () => {
        for (const docType of AGENCY_TYPES) {
          await expect(s.documents.connect(timelock).issue(docType, 0, hash, META, ZeroHash))
            .to.be.revertedWithCustomError(s.documents, "InactiveAgency")
            .withArgs(0);
          await expect(s.documents.connect(financeRegistrar).issue(docType, 0, hash, META, ZeroHash))
            .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
            .withArgs(financeRegistrar.address, docType, 0);
        }
      });
    });

    it("refuses an unknown agency", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("order of an unknown agency");
      await expectNoChange(s, { docs: [hash] }, async () => {
        await expect(s.documents.connect(timelock).issue(DocType.Order, UNKNOWN_AGENCY, hash, META, ZeroHash))
          .to.be.revertedWithCustomError(s.documents, "InactiveAgency")
          .withArgs(UNKNOWN_AGENCY);
        await expect(s.documents.connect(financeRegistrar).issue(DocType.Order, UNKNOWN_AGENCY, hash, META, ZeroHash))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(financeRegistrar.address, DocType.Order, UNKNOWN_AGENCY);
      });
    });
  });

  describe("issue: input validation", function () {
    it("reverts with EmptyContentHash for a zero content hash", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      await expectNoChange(s, { docs: [ZeroHash] }, async () => {
        await expect(s.documents.connect(timelock).issue(DocType.Decree, 0, ZeroHash, META, ZeroHash))
          .to.be.revertedWithCustomError(s.documents, "EmptyContentHash")
          .withArgs();
        await expect(s.documents.connect(financeRegistrar).issue(DocType.Order, FINANCE, ZeroHash, META, ZeroHash))
          .to.be.revertedWithCustomError(s.documents, "EmptyContentHash")
          .withArgs();
      });
    });

    it("reverts with EmptyMetadata for a zero metadata digest", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("document without metadata");
      await expectNoChange(s, { docs: [hash] }, async () => {
        await expect(s.documents.connect(timelock).issue(DocType.Law, 0, hash, ZeroHash, COSIG))
          .to.be.revertedWithCustomError(s.documents, "EmptyMetadata")
          .withArgs();
        await expect(s.documents.connect(digitalRegistrar).issue(DocType.Notice, DIGITAL, hash, ZeroHash, COSIG))
          .to.be.revertedWithCustomError(s.documents, "EmptyMetadata")
          .withArgs();
      });
    });

    it("reverts with DocumentExists when a registrar issues a content hash already issued, by anyone, of any type", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const byRegistrar = hashOf("the same file twice");
      const byTimelock = hashOf("a decree, then the same file as an agency's order");
      await issueAs(s, financeRegistrar, DocType.Certificate, FINANCE, byRegistrar, META, COSIG);
      await issueAs(s, timelock, DocType.Decree, 0, byTimelock);
      await expectNoChange(s, { docs: [byRegistrar, byTimelock] }, async () => {
        for (const hash of [byRegistrar, byTimelock]) {
          // The same registrar, of the same or another type; the other agency's registrar. A registrar never
          // displaces anything: only an act of the Timelock does (see "acts of the Timelock take precedence").
          for (const [registrar, docType, agencyId] of [
            [financeRegistrar, DocType.Certificate, FINANCE],
            [financeRegistrar, DocType.Notice, FINANCE],
            [digitalRegistrar, DocType.Order, DIGITAL],
          ] as const) {
            await expect(s.documents.connect(registrar).issue(docType, agencyId, hash, META_2, ZeroHash))
              .to.be.revertedWithCustomError(s.documents, "DocumentExists")
              .withArgs(BigInt(hash));
          }
        }
      });
    });

    it("reverts with DocumentExists when the Timelock issues a content hash it issued itself, of any type", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const decree = hashOf("a decree issued twice");
      const order = hashOf("an order the Timelock issued for an agency");
      await issueAs(s, timelock, DocType.Decree, 0, decree);
      await issueAs(s, timelock, DocType.Order, FINANCE, order);
      await expectNoChange(s, { docs: [decree, order] }, async () => {
        for (const hash of [decree, order]) {
          for (const [docType, agencyId] of [
            [DocType.Decree, 0],
            [DocType.Law, 0],
            [DocType.Budget, FINANCE],
            [DocType.Order, FINANCE],
            [DocType.Notice, DIGITAL],
          ] as const) {
            await expect(s.documents.connect(timelock).issue(docType, agencyId, hash, META_2, ZeroHash))
              .to.be.revertedWithCustomError(s.documents, "DocumentExists")
              .withArgs(BigInt(hash));
          }
        }
      });
    });

    it("reverts for a document type outside the enum", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("document of type 6");
      await expectNoChange(s, { docs: [hash] }, async () => {
        await expect(s.documents.connect(timelock).issue(6, FINANCE, hash, META, ZeroHash)).to.be.revertedWithoutReason(
          t.ethers,
        );
      });
    });
  });

  describe("amend", function () {
    it("lets the Timelock amend a decree: new version Active, old Amended, linked both ways", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const oldHash = hashOf("Decree No. 2");
      const newHash = hashOf("Decree No. 2, corrected");
      const oldId = BigInt(oldHash);
      const newId = BigInt(newHash);
      await issueAs(s, timelock, DocType.Decree, 0, oldHash, META, COSIG);
      const oldBefore = await docOf(s, oldHash);

      expect(await s.documents.connect(timelock).amend.staticCall(oldId, newHash, META_2, ZeroHash, REASON)).to.equal(newId);
      const tx = s.documents.connect(timelock).amend(oldId, newHash, META_2, ZeroHash, REASON);
      await expect(tx).to.emit(s.documents, "DocumentAmended").withArgs(oldId, newId, REASON);
      await expect(tx)
        .to.emit(s.documents, "DocumentIssued")
        .withArgs(newId, DocType.Decree, 0, timelock.address, META_2, ZeroHash);
      await expect(tx).to.emit(s.documents, "Transfer").withArgs(ZeroAddress, timelock.address, newId);

      expect(await docOf(s, oldHash)).to.deep.equal({
        ...oldBefore,
        status: BigInt(DocStatus.Amended),
        supersededBy: newId,
      });
      expect(await docOf(s, newHash)).to.deep.equal({
        found: true,
        tokenId: newId,
        docType: BigInt(DocType.Decree),
        status: BigInt(DocStatus.Active),
        agencyId: 0n,
        issuedAt: BigInt(await t.networkHelpers.time.latest()),
        issuer: timelock.address,
        metadataDigest: META_2,
        coSignatureDigest: ZeroHash,
        supersedes: oldId,
        supersededBy: 0n,
      });
      expect(await s.documents.balanceOf(timelock.address)).to.equal(2n);
    });

    it("lets a registrar amend its agency's order; the new version keeps the old one's type and agency", async function () {
      const s = await t.loadSystem();
      const oldHash = hashOf("Order No. 15 of the Ministry of Finance");
      const newHash = hashOf("Order No. 15 of the Ministry of Finance, as amended");
      await issueAs(s, financeRegistrar, DocType.Order, FINANCE, oldHash);
      await expect(s.documents.connect(financeRegistrar).amend(oldHash, newHash, META_2, COSIG, REASON))
        .to.emit(s.documents, "DocumentIssued")
        .withArgs(BigInt(newHash), DocType.Order, FINANCE, financeRegistrar.address, META_2, COSIG);
      const doc = await docOf(s, newHash);
      expect(doc.docType).to.equal(BigInt(DocType.Order));
      expect(doc.agencyId).to.equal(BigInt(FINANCE));
      expect(doc.supersedes).to.equal(BigInt(oldHash));
      expect((await docOf(s, oldHash)).supersededBy).to.equal(BigInt(newHash));
      expect(await s.documents.balanceOf(financeRegistrar.address)).to.equal(2n);
    });

    it("takes its authority from the old document's agency: another registrar of the same agency may amend", async function () {
      const s = await t.loadSystem();
      const second = t.cast.candidates[0];
      await (await s.agencies.connect(await t.asTimelock(s)).addRegistrar(FINANCE, second.address)).wait();
      const oldHash = hashOf("certificate issued by the first registrar");
      const newHash = hashOf("certificate reissued by the second registrar");
      await issueAs(s, financeRegistrar, DocType.Certificate, FINANCE, oldHash);
      await expect(s.documents.connect(second).amend(oldHash, newHash, META_2, ZeroHash, REASON))
        .to.emit(s.documents, "DocumentAmended")
        .withArgs(BigInt(oldHash), BigInt(newHash), REASON);
      expect((await docOf(s, newHash)).issuer).to.equal(second.address);
      expect(await s.documents.balanceOf(second.address)).to.equal(1n);
      expect(await s.documents.balanceOf(financeRegistrar.address)).to.equal(1n);
    });

    it("lets the Timelock amend an agency's document", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const oldHash = hashOf("notice to be amended by proposal");
      const newHash = hashOf("notice amended by proposal");
      await issueAs(s, digitalRegistrar, DocType.Notice, DIGITAL, oldHash);
      await expect(s.documents.connect(timelock).amend(oldHash, newHash, META_2, ZeroHash, REASON))
        .to.emit(s.documents, "DocumentIssued")
        .withArgs(BigInt(newHash), DocType.Notice, DIGITAL, timelock.address, META_2, ZeroHash);
    });

    it("keeps the links of a chain of amendments", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const versions = [0, 1, 2, 3, 4].map((v) => hashOf(`Budget code, version ${v}`));
      const [first, ...rest] = versions;
      if (first === undefined) throw new Error("no versions");
      await issueAs(s, timelock, DocType.Budget, 0, first);
      let previous = first;
      for (const next of rest) {
        await (await s.documents.connect(timelock).amend(previous, next, META_2, ZeroHash, REASON)).wait();
        previous = next;
      }
      for (const [i, hash] of versions.entries()) {
        const doc = await docOf(s, hash);
        const before = versions[i - 1];
        const after = versions[i + 1];
        expect(doc.supersedes).to.equal(before === undefined ? 0n : BigInt(before));
        expect(doc.supersededBy).to.equal(after === undefined ? 0n : BigInt(after));
        expect(doc.status).to.equal(BigInt(after === undefined ? DocStatus.Active : DocStatus.Amended));
        expect(doc.docType).to.equal(BigInt(DocType.Budget));
      }
    });

    it("reverts with DocumentNotActive when amending an Amended document", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const v1 = hashOf("law v1");
      const v2 = hashOf("law v2");
      const fork = hashOf("law v2, a rival amendment of v1");
      await issueAs(s, timelock, DocType.Law, 0, v1);
      await (await s.documents.connect(timelock).amend(v1, v2, META_2, ZeroHash, REASON)).wait();
      await expectNoChange(s, { docs: [v1, v2, fork] }, async () => {
        await expect(s.documents.connect(timelock).amend(v1, fork, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "DocumentNotActive")
          .withArgs(BigInt(v1), DocStatus.Amended);
      });
    });

    it("reverts with DocumentNotActive when amending a Revoked document", async function () {
      const s = await t.loadSystem();
      const oldHash = hashOf("revoked order");
      const newHash = hashOf("amendment of a revoked order");
      await issueAs(s, financeRegistrar, DocType.Order, FINANCE, oldHash);
      await (await s.documents.connect(financeRegistrar).revoke(oldHash, "issued in error")).wait();
      await expectNoChange(s, { docs: [oldHash, newHash] }, async () => {
        await expect(s.documents.connect(financeRegistrar).amend(oldHash, newHash, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "DocumentNotActive")
          .withArgs(BigInt(oldHash), DocStatus.Revoked);
      });
    });

    it("reverts with UnauthorizedIssuer for the other agency's registrar, a stranger, or a registrar amending a decree", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const order = hashOf("finance order");
      const decree = hashOf("decree");
      const newHash = hashOf("unauthorised amendment");
      await issueAs(s, financeRegistrar, DocType.Order, FINANCE, order);
      await issueAs(s, timelock, DocType.Decree, 0, decree);
      await expectNoChange(s, { docs: [order, decree, newHash] }, async () => {
        await expect(s.documents.connect(digitalRegistrar).amend(order, newHash, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(digitalRegistrar.address, DocType.Order, FINANCE);
        await expect(s.documents.connect(stranger).amend(order, newHash, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(stranger.address, DocType.Order, FINANCE);
        await expect(s.documents.connect(financeRegistrar).amend(decree, newHash, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(financeRegistrar.address, DocType.Decree, 0);
        await expect(s.documents.connect(officials[0]).amend(decree, newHash, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(officials[0].address, DocType.Decree, 0);
      });
    });

    it("refuses to amend a deactivated agency's document: its registrar is unauthorised, the Timelock meets InactiveAgency", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const oldHash = hashOf("order of a ministry about to be dissolved");
      const newHash = hashOf("its amendment");
      await issueAs(s, financeRegistrar, DocType.Order, FINANCE, oldHash);
      await setActive(s, FINANCE, false);
      await expectNoChange(s, { docs: [oldHash, newHash] }, async () => {
        await expect(s.documents.connect(financeRegistrar).amend(oldHash, newHash, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(financeRegistrar.address, DocType.Order, FINANCE);
        await expect(s.documents.connect(timelock).amend(oldHash, newHash, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "InactiveAgency")
          .withArgs(FINANCE);
      });
    });

    it("reverts with UnknownDocument when the old document does not exist", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const unknown = hashOf("never issued");
      const newHash = hashOf("amendment of nothing");
      await expectNoChange(s, { docs: [unknown, newHash] }, async () => {
        await expect(s.documents.connect(timelock).amend(unknown, newHash, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnknownDocument")
          .withArgs(BigInt(unknown));
        await expect(s.documents.connect(timelock).amend(0n, newHash, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnknownDocument")
          .withArgs(0n);
      });
    });

    it("reverts with InvalidReason for an empty reason or one over 1024 bytes, and accepts exactly 1024 bytes", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const oldHash = hashOf("law to amend");
      const newHash = hashOf("amended law");
      await issueAs(s, timelock, DocType.Law, 0, oldHash);
      await expectNoChange(s, { docs: [oldHash, newHash] }, async () => {
        for (const reason of ["", "x".repeat(MAX_REASON_LENGTH + 1), "ә".repeat(MAX_REASON_LENGTH / 2 + 1)]) {
          await expect(s.documents.connect(timelock).amend(oldHash, newHash, META_2, ZeroHash, reason))
            .to.be.revertedWithCustomError(s.documents, "InvalidReason")
            .withArgs();
        }
      });
      const longest = "ә".repeat(MAX_REASON_LENGTH / 2); // 512 two-byte characters = 1024 bytes
      await expect(s.documents.connect(timelock).amend(oldHash, newHash, META_2, ZeroHash, longest))
        .to.emit(s.documents, "DocumentAmended")
        .withArgs(BigInt(oldHash), BigInt(newHash), longest);
    });

    it("validates the new version like an issue: zero hash, zero metadata, existing hash (including its own)", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const oldHash = hashOf("budget to amend");
      const other = hashOf("another budget");
      const newHash = hashOf("amended budget");
      await issueAs(s, timelock, DocType.Budget, 0, oldHash);
      await issueAs(s, timelock, DocType.Budget, 0, other);
      await expectNoChange(s, { docs: [oldHash, other, newHash] }, async () => {
        await expect(s.documents.connect(timelock).amend(oldHash, ZeroHash, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "EmptyContentHash")
          .withArgs();
        await expect(s.documents.connect(timelock).amend(oldHash, newHash, ZeroHash, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "EmptyMetadata")
          .withArgs();
        await expect(s.documents.connect(timelock).amend(oldHash, other, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "DocumentExists")
          .withArgs(BigInt(other));
        await expect(s.documents.connect(timelock).amend(oldHash, oldHash, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "DocumentExists")
          .withArgs(BigInt(oldHash));
      });
    });
  });

  describe("revoke", function () {
    it("revokes an Active document; the token stays with its holder", async function () {
      const s = await t.loadSystem();
      const hash = hashOf("certificate issued in error");
      await issueAs(s, digitalRegistrar, DocType.Certificate, DIGITAL, hash, META, COSIG);
      const before = await docOf(s, hash);
      await expect(s.documents.connect(digitalRegistrar).revoke(hash, "issued in error"))
        .to.emit(s.documents, "DocumentRevoked")
        .withArgs(BigInt(hash), digitalRegistrar.address, "issued in error");
      expect(await docOf(s, hash)).to.deep.equal({ ...before, status: BigInt(DocStatus.Revoked) });
      expect(await s.documents.ownerOf(BigInt(hash))).to.equal(digitalRegistrar.address);
      expect(await s.documents.balanceOf(digitalRegistrar.address)).to.equal(1n);
    });

    it("revokes an Amended document and keeps its links", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const v1 = hashOf("decree v1");
      const v2 = hashOf("decree v2");
      await issueAs(s, timelock, DocType.Decree, 0, v1);
      await (await s.documents.connect(timelock).amend(v1, v2, META_2, ZeroHash, REASON)).wait();
      await expect(s.documents.connect(timelock).revoke(v1, "void from the start"))
        .to.emit(s.documents, "DocumentRevoked")
        .withArgs(BigInt(v1), timelock.address, "void from the start");
      const old = await docOf(s, v1);
      expect(old.status).to.equal(BigInt(DocStatus.Revoked));
      expect(old.supersededBy).to.equal(BigInt(v2));
      const current = await docOf(s, v2);
      expect(current.status).to.equal(BigInt(DocStatus.Active));
      expect(current.supersedes).to.equal(BigInt(v1));
    });

    it("lets the Timelock revoke any agency's document, even once the agency is deactivated", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("order of a dissolved ministry");
      await issueAs(s, financeRegistrar, DocType.Order, FINANCE, hash);
      await setActive(s, FINANCE, false);
      await expect(s.documents.connect(timelock).revoke(hash, "ministry dissolved"))
        .to.emit(s.documents, "DocumentRevoked")
        .withArgs(BigInt(hash), timelock.address, "ministry dissolved");
      expect((await docOf(s, hash)).status).to.equal(BigInt(DocStatus.Revoked));
    });

    it("reverts with DocumentAlreadyRevoked on a second revocation", async function () {
      const s = await t.loadSystem();
      const hash = hashOf("notice revoked twice");
      await issueAs(s, digitalRegistrar, DocType.Notice, DIGITAL, hash);
      await (await s.documents.connect(digitalRegistrar).revoke(hash, REASON)).wait();
      await expectNoChange(s, { docs: [hash] }, async () => {
        await expect(s.documents.connect(digitalRegistrar).revoke(hash, REASON))
          .to.be.revertedWithCustomError(s.documents, "DocumentAlreadyRevoked")
          .withArgs(BigInt(hash));
      });
    });

    it("reverts with UnknownDocument for a document that does not exist", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const unknown = hashOf("never issued");
      await expectNoChange(s, { docs: [unknown] }, async () => {
        await expect(s.documents.connect(timelock).revoke(unknown, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnknownDocument")
          .withArgs(BigInt(unknown));
      });
    });

    it("reverts with UnauthorizedIssuer for a stranger, the other agency's registrar, a registrar revoking a law, and a deactivated agency's registrar", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const order = hashOf("finance order");
      const law = hashOf("law");
      await issueAs(s, financeRegistrar, DocType.Order, FINANCE, order);
      await issueAs(s, timelock, DocType.Law, 0, law);
      await expectNoChange(s, { docs: [order, law] }, async () => {
        await expect(s.documents.connect(stranger).revoke(order, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(stranger.address, DocType.Order, FINANCE);
        await expect(s.documents.connect(digitalRegistrar).revoke(order, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(digitalRegistrar.address, DocType.Order, FINANCE);
        await expect(s.documents.connect(financeRegistrar).revoke(law, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(financeRegistrar.address, DocType.Law, 0);
        await setActive(s, FINANCE, false);
        await expect(s.documents.connect(financeRegistrar).revoke(order, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(financeRegistrar.address, DocType.Order, FINANCE);
      });
    });

    it("reverts with InvalidReason for an empty reason or one over 1024 bytes", async function () {
      const s = await t.loadSystem();
      const hash = hashOf("order to revoke");
      await issueAs(s, financeRegistrar, DocType.Order, FINANCE, hash);
      await expectNoChange(s, { docs: [hash] }, async () => {
        for (const reason of ["", "x".repeat(MAX_REASON_LENGTH + 1)]) {
          await expect(s.documents.connect(financeRegistrar).revoke(hash, reason))
            .to.be.revertedWithCustomError(s.documents, "InvalidReason")
            .withArgs();
        }
      });
      await expect(s.documents.connect(financeRegistrar).revoke(hash, "x".repeat(MAX_REASON_LENGTH)))
        .to.emit(s.documents, "DocumentRevoked")
        .withArgs(BigInt(hash), financeRegistrar.address, "x".repeat(MAX_REASON_LENGTH));
    });
  });

  describe("verify and document", function () {
    it("verify returns found = false and every field zero for an unknown hash", async function () {
      const s = await t.loadSystem();
      expect(await docOf(s, hashOf("never issued"))).to.deep.equal(NOT_FOUND);
      expect(await docOf(s, ZeroHash)).to.deep.equal(NOT_FOUND);
    });

    it("verify(hash).tokenId is the hash itself, for every issued document", async function () {
      const s = await t.loadSystem();
      const hashes = [hashOf("a"), hashOf("b"), `0x${"ff".repeat(32)}`, `0x${"00".repeat(31)}01`];
      for (const hash of hashes) await issueAs(s, financeRegistrar, DocType.Certificate, FINANCE, hash);
      for (const hash of hashes) {
        const doc = await docOf(s, hash);
        expect(doc.found).to.equal(true);
        expect(doc.tokenId).to.equal(BigInt(hash));
        expect(view(await s.documents.document(BigInt(hash)))).to.deep.equal(doc);
      }
    });

    it("document reverts with UnknownDocument for an unknown id", async function () {
      const s = await t.loadSystem();
      const unknown = hashOf("never issued");
      await expect(s.documents.document(BigInt(unknown)))
        .to.be.revertedWithCustomError(s.documents, "UnknownDocument")
        .withArgs(BigInt(unknown));
      await expect(s.documents.document(0n)).to.be.revertedWithCustomError(s.documents, "UnknownDocument").withArgs(0n);
    });
  });

  describe("soulbound ERC-721 surface", function () {
    async function withCertificate() {
      const s = await t.loadSystem();
      const hash = hashOf("soulbound certificate");
      await issueAs(s, financeRegistrar, DocType.Certificate, FINANCE, hash);
      return { s, hash, id: BigInt(hash) };
    }

    it("reverts every transfer with SoulboundTokenNotTransferable, even from the holder", async function () {
      const { s, hash, id } = await withCertificate();
      const holder = s.documents.connect(financeRegistrar);
      await expectNoChange(s, { docs: [hash] }, async () => {
        await expect(holder.transferFrom(financeRegistrar.address, stranger.address, id))
          .to.be.revertedWithCustomError(s.documents, "SoulboundTokenNotTransferable")
          .withArgs();
        await expect(holder["safeTransferFrom(address,address,uint256)"](financeRegistrar.address, stranger.address, id))
          .to.be.revertedWithCustomError(s.documents, "SoulboundTokenNotTransferable")
          .withArgs();
        await expect(
          holder["safeTransferFrom(address,address,uint256,bytes)"](financeRegistrar.address, stranger.address, id, "0x1234"),
        )
          .to.be.revertedWithCustomError(s.documents, "SoulboundTokenNotTransferable")
          .withArgs();
      });
      expect(await s.documents.ownerOf(id)).to.equal(financeRegistrar.address);
      expect(await s.documents.balanceOf(stranger.address)).to.equal(0n);
    });

    it("reverts approve and setApprovalForAll with SoulboundTokenNotTransferable", async function () {
      const { s, id } = await withCertificate();
      const holder = s.documents.connect(financeRegistrar);
      await expect(holder.approve(stranger.address, id))
        .to.be.revertedWithCustomError(s.documents, "SoulboundTokenNotTransferable")
        .withArgs();
      await expect(holder.setApprovalForAll(stranger.address, true))
        .to.be.revertedWithCustomError(s.documents, "SoulboundTokenNotTransferable")
        .withArgs();
      expect(await s.documents.getApproved(id)).to.equal(ZeroAddress);
      expect(await s.documents.isApprovedForAll(financeRegistrar.address, stranger.address)).to.equal(false);
    });

    it("getApproved is the zero address for an existing token and reverts ERC721NonexistentToken for an unknown one", async function () {
      const { s, id } = await withCertificate();
      expect(await s.documents.getApproved(id)).to.equal(ZeroAddress);
      const unknown = BigInt(hashOf("never issued"));
      await expect(s.documents.getApproved(unknown))
        .to.be.revertedWithCustomError(s.documents, "ERC721NonexistentToken")
        .withArgs(unknown);
    });

    it("isApprovedForAll is always false", async function () {
      const { s } = await withCertificate();
      expect(await s.documents.isApprovedForAll(financeRegistrar.address, stranger.address)).to.equal(false);
      expect(await s.documents.isApprovedForAll(financeRegistrar.address, financeRegistrar.address)).to.equal(false);
      expect(await s.documents.isApprovedForAll(ZeroAddress, ZeroAddress)).to.equal(false);
    });

    it("ownerOf is the issuer and reverts ERC721NonexistentToken for an unknown token", async function () {
      const { s, id } = await withCertificate();
      expect(await s.documents.ownerOf(id)).to.equal(financeRegistrar.address);
      const unknown = BigInt(hashOf("never issued"));
      await expect(s.documents.ownerOf(unknown))
        .to.be.revertedWithCustomError(s.documents, "ERC721NonexistentToken")
        .withArgs(unknown);
    });

    it("balanceOf counts the documents each account issued and reverts ERC721InvalidOwner for the zero address", async function () {
      const { s } = await withCertificate();
      const timelock = await t.asTimelock(s);
      await issueAs(s, financeRegistrar, DocType.Order, FINANCE, hashOf("second finance document"));
      await issueAs(s, digitalRegistrar, DocType.Notice, DIGITAL, hashOf("digital notice"));
      await issueAs(s, timelock, DocType.Decree, 0, hashOf("decree"));
      expect(await s.documents.balanceOf(financeRegistrar.address)).to.equal(2n);
      expect(await s.documents.balanceOf(digitalRegistrar.address)).to.equal(1n);
      expect(await s.documents.balanceOf(timelock.address)).to.equal(1n);
      expect(await s.documents.balanceOf(stranger.address)).to.equal(0n);
      await expect(s.documents.balanceOf(ZeroAddress))
        .to.be.revertedWithCustomError(s.documents, "ERC721InvalidOwner")
        .withArgs(ZeroAddress);
    });

    it("supports IERC721, IERC721Metadata and IERC165, and not 0xffffffff or an unrelated id", async function () {
      const s = await t.loadSystem();
      expect(await s.documents.supportsInterface("0x80ac58cd")).to.equal(true);
      expect(await s.documents.supportsInterface("0x5b5e139f")).to.equal(true);
      expect(await s.documents.supportsInterface("0x01ffc9a7")).to.equal(true);
      expect(await s.documents.supportsInterface("0xffffffff")).to.equal(false);
      expect(await s.documents.supportsInterface("0x780e9d63")).to.equal(false); // IERC721Enumerable
    });

    it("is named Government DAO Document (GOVDOC)", async function () {
      const s = await t.loadSystem();
      expect(await s.documents.name()).to.equal("Government DAO Document");
      expect(await s.documents.symbol()).to.equal("GOVDOC");
    });
  });

  describe("Merkle batches", function () {
    const BATCH_META = hashOf("batch metadata JSON");

    async function withAnchoredBatch(size = 8) {
      const s = await t.loadSystem();
      const leaves = certificates(size, "diploma");
      const tree = treeOf(leaves);
      await (await s.documents.connect(financeRegistrar).anchorBatch(FINANCE, tree.root, leaves.length, BATCH_META)).wait();
      const memberAt = (i: number): Member => {
        const contentHash = leaves[i];
        if (contentHash === undefined) throw new Error(`no leaf #${i}`);
        return { agencyId: FINANCE, root: tree.root, contentHash, proof: tree.getProof([contentHash]) };
      };
      return { s, leaves, tree, memberAt };
    }

    describe("anchorBatch", function () {
      it("lets a registrar anchor a batch of its agency and records it in one entry", async function () {
        const s = await t.loadSystem();
        const leaves = certificates(5, "licence");
        const tree = treeOf(leaves);
        await expect(s.documents.connect(financeRegistrar).anchorBatch(FINANCE, tree.root, 5, BATCH_META))
          .to.emit(s.documents, "BatchAnchored")
          .withArgs(tree.root, FINANCE, financeRegistrar.address, 5, BATCH_META);
        const entry = await s.documents.batch(FINANCE, tree.root);
        expect(entry.agencyId).to.equal(BigInt(FINANCE));
        expect(entry.count).to.equal(5n);
        expect(entry.anchoredAt).to.equal(BigInt(await t.networkHelpers.time.latest()));
        expect(entry.revoked).to.equal(false);
        // A batch mints no token.
        expect(await s.documents.balanceOf(financeRegistrar.address)).to.equal(0n);
      });

      it("lets the Timelock anchor a batch for an active agency", async function () {
        const s = await t.loadSystem();
        const timelock = await t.asTimelock(s);
        const tree = treeOf(certificates(3, "digital"));
        await expect(s.documents.connect(timelock).anchorBatch(DIGITAL, tree.root, 3, BATCH_META))
          .to.emit(s.documents, "BatchAnchored")
          .withArgs(tree.root, DIGITAL, timelock.address, 3, BATCH_META);
        expect((await s.documents.batch(DIGITAL, tree.root)).agencyId).to.equal(BigInt(DIGITAL));
        expect((await s.documents.batch(FINANCE, tree.root)).anchoredAt).to.equal(0n);
      });

      it("reverts with UnauthorizedIssuer for a stranger, an official, or the other agency's registrar", async function () {
        const s = await t.loadSystem();
        const tree = treeOf(certificates(4, "forged"));
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }] }, async () => {
          for (const caller of [stranger, officials[0], digitalRegistrar]) {
            await expect(s.documents.connect(caller).anchorBatch(FINANCE, tree.root, 4, BATCH_META))
              .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
              .withArgs(caller.address, DocType.Certificate, FINANCE);
          }
        });
      });

      it("refuses a deactivated agency: UnauthorizedIssuer for its registrar, InactiveAgency for the Timelock", async function () {
        const s = await t.loadSystem();
        const timelock = await t.asTimelock(s);
        const tree = treeOf(certificates(4, "late"));
        await setActive(s, FINANCE, false);
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }] }, async () => {
          await expect(s.documents.connect(financeRegistrar).anchorBatch(FINANCE, tree.root, 4, BATCH_META))
            .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
            .withArgs(financeRegistrar.address, DocType.Certificate, FINANCE);
          await expect(s.documents.connect(timelock).anchorBatch(FINANCE, tree.root, 4, BATCH_META))
            .to.be.revertedWithCustomError(s.documents, "InactiveAgency")
            .withArgs(FINANCE);
        });
      });

      it("refuses agency 0 and unknown agencies, even for the Timelock", async function () {
        const s = await t.loadSystem();
        const timelock = await t.asTimelock(s);
        const tree = treeOf(certificates(2, "agencyless"));
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }] }, async () => {
          for (const agencyId of [0, UNKNOWN_AGENCY]) {
            await expect(s.documents.connect(timelock).anchorBatch(agencyId, tree.root, 2, BATCH_META))
              .to.be.revertedWithCustomError(s.documents, "InactiveAgency")
              .withArgs(agencyId);
          }
        });
      });

      it("reverts with EmptyBatch for a zero root or a zero count", async function () {
        const s = await t.loadSystem();
        const tree = treeOf(certificates(2, "empty"));
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }, { agencyId: FINANCE, root: ZeroHash }] }, async () => {
          await expect(s.documents.connect(financeRegistrar).anchorBatch(FINANCE, ZeroHash, 2, BATCH_META))
            .to.be.revertedWithCustomError(s.documents, "EmptyBatch")
            .withArgs();
          await expect(s.documents.connect(financeRegistrar).anchorBatch(FINANCE, tree.root, 0, BATCH_META))
            .to.be.revertedWithCustomError(s.documents, "EmptyBatch")
            .withArgs();
        });
      });

      it("reverts with EmptyMetadata for a zero metadata digest", async function () {
        const s = await t.loadSystem();
        const tree = treeOf(certificates(2, "undocumented"));
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }] }, async () => {
          await expect(s.documents.connect(financeRegistrar).anchorBatch(FINANCE, tree.root, 2, ZeroHash))
            .to.be.revertedWithCustomError(s.documents, "EmptyMetadata")
            .withArgs();
        });
      });

      it("reverts with BatchExists(agency, root) for a root its agency already anchored, by its registrar or the Timelock", async function () {
        const { s, tree } = await withAnchoredBatch();
        const timelock = await t.asTimelock(s);
        await expectNoChange(
          s,
          {
            roots: [
              { agencyId: FINANCE, root: tree.root },
              { agencyId: DIGITAL, root: tree.root },
            ],
          },
          async () => {
            await expect(s.documents.connect(financeRegistrar).anchorBatch(FINANCE, tree.root, 8, BATCH_META))
              .to.be.revertedWithCustomError(s.documents, "BatchExists")
              .withArgs(FINANCE, tree.root);
            await expect(s.documents.connect(timelock).anchorBatch(FINANCE, tree.root, 1, hashOf("other")))
              .to.be.revertedWithCustomError(s.documents, "BatchExists")
              .withArgs(FINANCE, tree.root);
          },
        );
      });
    });

    describe("batch and verifyBatchMember", function () {
      it("batch returns zeros for a root never anchored", async function () {
        const s = await t.loadSystem();
        for (const agencyId of [0, FINANCE, DIGITAL, UNKNOWN_AGENCY]) {
          const entry = await s.documents.batch(agencyId, hashOf("no such root"));
          expect([entry.agencyId, entry.count, entry.anchoredAt, entry.revoked]).to.deep.equal([0n, 0n, 0n, false]);
        }
      });

      it("proves every member of an anchored batch, not revoked", async function () {
        const { s, leaves, memberAt } = await withAnchoredBatch();
        for (const i of leaves.keys()) {
          const m = memberAt(i);
          expect(await s.documents.verifyBatchMember(m.agencyId, m.root, m.contentHash, m.proof)).to.deep.equal([true, false, false]);
        }
      });

      it("rejects an invalid proof, a non-member, and an unknown root", async function () {
        const { s, leaves, tree, memberAt } = await withAnchoredBatch();
        const first = memberAt(0);
        const second = memberAt(1);
        // Another member's proof.
        expect(await s.documents.verifyBatchMember(FINANCE, tree.root, first.contentHash, second.proof)).to.deep.equal([
          false,
          false,
          false,
        ]);
        // A tampered proof.
        const tampered = [...first.proof];
        tampered[0] = hashOf("tampered");
        expect(await s.documents.verifyBatchMember(FINANCE, tree.root, first.contentHash, tampered)).to.deep.equal([false, false, false]);
        // No proof.
        expect(await s.documents.verifyBatchMember(FINANCE, tree.root, first.contentHash, [])).to.deep.equal([false, false, false]);
        // A hash outside the batch with a member's proof.
        expect(await s.documents.verifyBatchMember(FINANCE, tree.root, hashOf("not a member"), first.proof)).to.deep.equal([
          false,
          false,
          false,
        ]);
        // A valid proof against a tree that was never anchored.
        const other = treeOf([...leaves, hashOf("extra")]);
        const contentHash = first.contentHash;
        expect(
          await s.documents.verifyBatchMember(FINANCE, other.root, contentHash, other.getProof([contentHash])),
        ).to.deep.equal([false, false, false]);
        // The anchored root and a valid proof, under an agency that never anchored it.
        for (const agencyId of [0, DIGITAL, UNKNOWN_AGENCY]) {
          expect(await s.documents.verifyBatchMember(agencyId, tree.root, first.contentHash, first.proof)).to.deep.equal([
            false,
            false,
            false,
          ]);
        }
      });

      it("proves the only member of a one-leaf batch with an empty proof", async function () {
        const s = await t.loadSystem();
        const leaf = hashOf("the only certificate");
        const tree = treeOf([leaf]);
        expect(tree.getProof([leaf])).to.deep.equal([]);
        await (await s.documents.connect(digitalRegistrar).anchorBatch(DIGITAL, tree.root, 1, BATCH_META)).wait();
        expect(await s.documents.verifyBatchMember(DIGITAL, tree.root, leaf, [])).to.deep.equal([true, false, false]);
        expect(await s.documents.verifyBatchMember(DIGITAL, tree.root, hashOf("someone else"), [])).to.deep.equal([
          false,
          false,
          false,
        ]);
      });

      it("anchors a 1,000-leaf batch and proves members at both ends and in the middle", async function () {
        const s = await t.loadSystem();
        const leaves = certificates(1_000, "school-leaving");
        const tree = treeOf(leaves);
        await expect(s.documents.connect(digitalRegistrar).anchorBatch(DIGITAL, tree.root, 1_000, BATCH_META))
          .to.emit(s.documents, "BatchAnchored")
          .withArgs(tree.root, DIGITAL, digitalRegistrar.address, 1_000, BATCH_META);
        expect((await s.documents.batch(DIGITAL, tree.root)).count).to.equal(1_000n);
        for (const i of [0, 1, 499, 500, 998, 999]) {
          const leaf = leaves[i];
          if (leaf === undefined) throw new Error(`no leaf #${i}`);
          const proof = tree.getProof([leaf]);
          expect(proof.length).to.be.within(9, 10);
          expect(await s.documents.verifyBatchMember(DIGITAL, tree.root, leaf, proof), `leaf #${i}`).to.deep.equal([true, false, false]);
        }
        const outsider = hashOf("school-leaving certificate #1000");
        const borrowed = tree.getProof([leaves[0] ?? ZeroHash]);
        expect(await s.documents.verifyBatchMember(DIGITAL, tree.root, outsider, borrowed)).to.deep.equal([false, false, false]);

        const revokedLeaf = leaves[500] ?? ZeroHash;
        await expect(
          s.documents
            .connect(digitalRegistrar)
            .revokeBatchMember(DIGITAL, tree.root, revokedLeaf, tree.getProof([revokedLeaf]), "exam annulled"),
        )
          .to.emit(s.documents, "BatchMemberRevoked")
          .withArgs(tree.root, revokedLeaf, digitalRegistrar.address, DIGITAL, "exam annulled");
        expect(await s.documents.verifyBatchMember(DIGITAL, tree.root, revokedLeaf, tree.getProof([revokedLeaf]))).to.deep.equal([
          true,
          true,
          false,
        ]);
        expect(await s.documents.verifyBatchMember(DIGITAL, tree.root, leaves[499] ?? ZeroHash, tree.getProof(499))).to.deep.equal(
          [true, false, false],
        );
      });
    });

    describe("revokeBatch", function () {
      it("revokes the whole batch: every member verifies as revoked", async function () {
        const { s, leaves, tree, memberAt } = await withAnchoredBatch();
        const before = await s.documents.batch(FINANCE, tree.root);
        await expect(s.documents.connect(financeRegistrar).revokeBatch(FINANCE, tree.root, "printing error"))
          .to.emit(s.documents, "BatchRevoked")
          .withArgs(tree.root, FINANCE, financeRegistrar.address, "printing error");
        const after = await s.documents.batch(FINANCE, tree.root);
        expect([after.agencyId, after.count, after.anchoredAt, after.revoked]).to.deep.equal([
          before.agencyId,
          before.count,
          before.anchoredAt,
          true,
        ]);
        for (const i of leaves.keys()) {
          const m = memberAt(i);
          expect(await s.documents.verifyBatchMember(m.agencyId, m.root, m.contentHash, m.proof)).to.deep.equal([true, true, false]);
        }
        // A non-member is still not a member (and so not "revoked").
        expect(await s.documents.verifyBatchMember(FINANCE, tree.root, hashOf("outsider"), memberAt(0).proof)).to.deep.equal([
          false,
          false,
          false,
        ]);
      });

      it("lets the Timelock revoke an agency's batch, even once the agency is deactivated", async function () {
        const { s, tree } = await withAnchoredBatch();
        const timelock = await t.asTimelock(s);
        await setActive(s, FINANCE, false);
        await expect(s.documents.connect(timelock).revokeBatch(FINANCE, tree.root, "ministry dissolved"))
          .to.emit(s.documents, "BatchRevoked")
          .withArgs(tree.root, FINANCE, timelock.address, "ministry dissolved");
        expect((await s.documents.batch(FINANCE, tree.root)).revoked).to.equal(true);
      });

      it("reverts with BatchAlreadyRevoked(root, 0) on a second revocation", async function () {
        const { s, tree, memberAt } = await withAnchoredBatch();
        await (await s.documents.connect(financeRegistrar).revokeBatch(FINANCE, tree.root, REASON)).wait();
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }], members: [memberAt(0)] }, async () => {
          await expect(s.documents.connect(financeRegistrar).revokeBatch(FINANCE, tree.root, REASON))
            .to.be.revertedWithCustomError(s.documents, "BatchAlreadyRevoked")
            .withArgs(tree.root, ZeroHash);
        });
      });

      it("reverts with UnknownBatch for a root never anchored", async function () {
        const s = await t.loadSystem();
        const timelock = await t.asTimelock(s);
        const root = hashOf("no such root");
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root }] }, async () => {
          await expect(s.documents.connect(timelock).revokeBatch(FINANCE, root, REASON))
            .to.be.revertedWithCustomError(s.documents, "UnknownBatch")
            .withArgs(FINANCE, root);
        });
      });

      it("reverts with UnauthorizedIssuer for a stranger, the other agency's registrar, and a deactivated agency's registrar", async function () {
        const { s, tree, memberAt } = await withAnchoredBatch();
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }], members: [memberAt(0)] }, async () => {
          for (const caller of [stranger, digitalRegistrar, officials[0]]) {
            await expect(s.documents.connect(caller).revokeBatch(FINANCE, tree.root, REASON))
              .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
              .withArgs(caller.address, DocType.Certificate, FINANCE);
          }
          await setActive(s, FINANCE, false);
          await expect(s.documents.connect(financeRegistrar).revokeBatch(FINANCE, tree.root, REASON))
            .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
            .withArgs(financeRegistrar.address, DocType.Certificate, FINANCE);
        });
      });

      it("reverts with InvalidReason for an empty reason or one over 1024 bytes", async function () {
        const { s, tree } = await withAnchoredBatch();
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }] }, async () => {
          for (const reason of ["", "x".repeat(MAX_REASON_LENGTH + 1)]) {
            await expect(s.documents.connect(financeRegistrar).revokeBatch(FINANCE, tree.root, reason))
              .to.be.revertedWithCustomError(s.documents, "InvalidReason")
              .withArgs();
          }
        });
      });
    });

    describe("revokeBatchMember", function () {
      it("revokes one member, proven by its proof; the others stay valid", async function () {
        const { s, leaves, tree, memberAt } = await withAnchoredBatch();
        const target = memberAt(3);
        await expect(
          s.documents.connect(financeRegistrar).revokeBatchMember(FINANCE, tree.root, target.contentHash, target.proof, "forged signature"),
        )
          .to.emit(s.documents, "BatchMemberRevoked")
          .withArgs(tree.root, target.contentHash, financeRegistrar.address, FINANCE, "forged signature");
        for (const i of leaves.keys()) {
          const m = memberAt(i);
          expect(await s.documents.verifyBatchMember(m.agencyId, m.root, m.contentHash, m.proof), `leaf #${i}`).to.deep.equal([
            true,
            i === 3,
            false,
          ]);
        }
        expect((await s.documents.batch(FINANCE, tree.root)).revoked).to.equal(false);
      });

      it("lets the Timelock revoke a member", async function () {
        const { s, tree, memberAt } = await withAnchoredBatch();
        const timelock = await t.asTimelock(s);
        const m = memberAt(0);
        await expect(s.documents.connect(timelock).revokeBatchMember(FINANCE, tree.root, m.contentHash, m.proof, REASON))
          .to.emit(s.documents, "BatchMemberRevoked")
          .withArgs(tree.root, m.contentHash, timelock.address, FINANCE, REASON);
      });

      it("reverts with InvalidBatchProof for a wrong proof or a non-member", async function () {
        const { s, tree, memberAt } = await withAnchoredBatch();
        const first = memberAt(0);
        const second = memberAt(1);
        const outsider = hashOf("not in the batch");
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }], members: [first, second] }, async () => {
          await expect(s.documents.connect(financeRegistrar).revokeBatchMember(FINANCE, tree.root, first.contentHash, second.proof, REASON))
            .to.be.revertedWithCustomError(s.documents, "InvalidBatchProof")
            .withArgs(tree.root, first.contentHash);
          await expect(s.documents.connect(financeRegistrar).revokeBatchMember(FINANCE, tree.root, first.contentHash, [], REASON))
            .to.be.revertedWithCustomError(s.documents, "InvalidBatchProof")
            .withArgs(tree.root, first.contentHash);
          await expect(s.documents.connect(financeRegistrar).revokeBatchMember(FINANCE, tree.root, outsider, first.proof, REASON))
            .to.be.revertedWithCustomError(s.documents, "InvalidBatchProof")
            .withArgs(tree.root, outsider);
        });
      });

      it("reverts with BatchAlreadyRevoked(root, hash) for a member revoked twice or a member of a revoked batch", async function () {
        const { s, tree, memberAt } = await withAnchoredBatch();
        const first = memberAt(0);
        const second = memberAt(1);
        await (await s.documents.connect(financeRegistrar).revokeBatchMember(FINANCE, tree.root, first.contentHash, first.proof, REASON)).wait();
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }], members: [first, second] }, async () => {
          await expect(s.documents.connect(financeRegistrar).revokeBatchMember(FINANCE, tree.root, first.contentHash, first.proof, REASON))
            .to.be.revertedWithCustomError(s.documents, "BatchAlreadyRevoked")
            .withArgs(tree.root, first.contentHash);
        });
        await (await s.documents.connect(financeRegistrar).revokeBatch(FINANCE, tree.root, REASON)).wait();
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }], members: [first, second] }, async () => {
          await expect(s.documents.connect(financeRegistrar).revokeBatchMember(FINANCE, tree.root, second.contentHash, second.proof, REASON))
            .to.be.revertedWithCustomError(s.documents, "BatchAlreadyRevoked")
            .withArgs(tree.root, second.contentHash);
        });
      });

      it("reverts with UnknownBatch for a root never anchored", async function () {
        const s = await t.loadSystem();
        const timelock = await t.asTimelock(s);
        const leaves = certificates(4, "unanchored");
        const tree = treeOf(leaves);
        const leaf = leaves[0] ?? ZeroHash;
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }] }, async () => {
          await expect(s.documents.connect(timelock).revokeBatchMember(FINANCE, tree.root, leaf, tree.getProof([leaf]), REASON))
            .to.be.revertedWithCustomError(s.documents, "UnknownBatch")
            .withArgs(FINANCE, tree.root);
        });
      });

      it("reverts with UnauthorizedIssuer for a stranger or the other agency's registrar", async function () {
        const { s, tree, memberAt } = await withAnchoredBatch();
        const m = memberAt(2);
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }], members: [m] }, async () => {
          for (const caller of [stranger, digitalRegistrar]) {
            await expect(s.documents.connect(caller).revokeBatchMember(FINANCE, tree.root, m.contentHash, m.proof, REASON))
              .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
              .withArgs(caller.address, DocType.Certificate, FINANCE);
          }
        });
      });

      it("reverts with InvalidReason for an empty reason or one over 1024 bytes", async function () {
        const { s, tree, memberAt } = await withAnchoredBatch();
        const m = memberAt(2);
        await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }], members: [m] }, async () => {
          for (const reason of ["", "x".repeat(MAX_REASON_LENGTH + 1)]) {
            await expect(s.documents.connect(financeRegistrar).revokeBatchMember(FINANCE, tree.root, m.contentHash, m.proof, reason))
              .to.be.revertedWithCustomError(s.documents, "InvalidReason")
              .withArgs();
          }
        });
      });
    });
  });

  describe("acts of the Timelock take precedence over a registrar's entry of the same content hash", function () {
    /** What a squatting registrar registered under the act's hash. */
    interface Squat {
      registrar: HardhatEthersSigner;
      docType: number;
      agencyId: number;
    }

    /** The squat as `verify` showed it just before the act, for comparing with `displacedEntry`. */
    async function squat(s: System, hash: string, who: Squat): Promise<DocView> {
      await issueAs(s, who.registrar, who.docType, who.agencyId, hash, hashOf("the squatter's metadata"), COSIG);
      const entry = await docOf(s, hash);
      expect(entry.issuer).to.equal(who.registrar.address);
      return entry;
    }

    /**
     * Checks what an act of the Timelock that took `hash` from `displaced` left: the act is what `verify` shows and
     * who holds the token, the registrar's entry is kept (unchanged) as `displacedEntry`, and the transaction emitted
     * DocumentDisplaced, the burn of the registrar's token and the mint of the act's.
     */
    async function expectActDisplaced(
      s: System,
      tx: Promise<unknown>,
      hash: string,
      displaced: DocView,
      act: { docType: number; agencyId: number; metadataDigest: string },
    ): Promise<void> {
      const id = BigInt(hash);
      const timelock = s.timelock.target as string;
      await expect(tx)
        .to.emit(s.documents, "DocumentDisplaced")
        .withArgs(id, displaced.issuer, displaced.docType, displaced.agencyId);
      await expect(tx).to.emit(s.documents, "Transfer").withArgs(displaced.issuer, ZeroAddress, id);
      await expect(tx).to.emit(s.documents, "Transfer").withArgs(ZeroAddress, timelock, id);
      await expect(tx)
        .to.emit(s.documents, "DocumentIssued")
        .withArgs(id, act.docType, act.agencyId, timelock, act.metadataDigest, ZeroHash);
      const doc = await docOf(s, hash);
      expect(doc.found).to.equal(true);
      expect(doc.issuer).to.equal(timelock);
      expect(doc.docType).to.equal(BigInt(act.docType));
      expect(doc.agencyId).to.equal(BigInt(act.agencyId));
      expect(doc.status).to.equal(BigInt(DocStatus.Active));
      expect(doc.metadataDigest).to.equal(act.metadataDigest);
      // The squatter's co-signature digest is not carried over to the act.
      expect(doc.coSignatureDigest).to.equal(ZeroHash);
      expect(await s.documents.ownerOf(id)).to.equal(timelock);
      expect(await s.documents.statusOf(id)).to.deep.equal([BigInt(act.docType), BigInt(DocStatus.Active)]);
      expect(view(await s.documents.displacedEntry(hash))).to.deep.equal(displaced);
    }

    /** Proposes `actions` and reads back, from ProposalCreated, the content hash the first one issues or amends to. */
    async function proposeAct(s: System, actions: readonly ReturnType<typeof action>[], description: string) {
      const proposalId = await t.propose(s, actions, description);
      const created = (await s.governor.queryFilter(s.governor.filters.ProposalCreated())).find(
        (e) => e.args.proposalId === proposalId,
      );
      const data = created?.args.calldatas[0];
      if (data === undefined) throw new Error("no ProposalCreated event for the proposal");
      const call = s.documents.interface.parseTransaction({ data });
      if (call === null) throw new Error("the proposal does not call the registry");
      const contentHash: string = call.name === "issue" ? call.args[2] : call.args[1];
      return { proposalId, contentHash };
    }

    /** Waits out the Timelock delay and executes the queued proposal. */
    async function execute(s: System, actions: readonly ReturnType<typeof action>[], description: string) {
      await t.networkHelpers.time.increase(SETTINGS.timelockMinDelay + 1);
      const p = t.proposalArgs(actions, description);
      return s.governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash);
    }

    for (const { typeName, docType, agencyId, squatter, when } of [
      { typeName: "decree", docType: DocType.Decree, agencyId: 0, squatter: "digital", when: "vote" },
      { typeName: "law", docType: DocType.Law, agencyId: 0, squatter: "finance", when: "Timelock delay" },
      { typeName: "budget", docType: DocType.Budget, agencyId: FINANCE, squatter: "digital", when: "vote" },
    ] as const) {
      it(`executes a passed ${typeName} whose hash a registrar took from the proposal during the ${when}: verify shows the ${typeName}, displacedEntry the registrar's notice`, async function () {
        const s = await t.loadSystem();
        const registrar = squatter === "digital" ? digitalRegistrar : financeRegistrar;
        const registrarAgency = squatter === "digital" ? DIGITAL : FINANCE;
        const description = `Enact the ${typeName} on public procurement`;
        const actions = [action(s.documents, "issue", [docType, agencyId, hashOf(description), META, ZeroHash])];
        const { proposalId, contentHash } = await proposeAct(s, actions, description);
        expect(contentHash).to.equal(hashOf(description));

        await t.startVoting(s, proposalId);
        let displaced: DocView | undefined;
        const who = { registrar, docType: DocType.Notice, agencyId: registrarAgency };
        if (when === "vote") displaced = await squat(s, contentHash, who);
        await t.voteAndQueue(s, proposalId, actions, description);
        if (when === "Timelock delay") displaced = await squat(s, contentHash, who);
        if (displaced === undefined) throw new Error("no squat");
        const registrarBalance = await s.documents.balanceOf(registrar.address);
        const timelockBalance = await s.documents.balanceOf(s.timelock.target);

        const tx = execute(s, actions, description);
        await expectActDisplaced(s, tx, contentHash, displaced, { docType, agencyId, metadataDigest: META });
        expect(await s.governor.state(proposalId)).to.equal(BigInt(ProposalState.Executed));
        expect(await s.documents.balanceOf(registrar.address)).to.equal(registrarBalance - 1n);
        expect(await s.documents.balanceOf(s.timelock.target)).to.equal(timelockBalance + 1n);
      });
    }

    it("lets the escrow cite a passed budget whose hash a registrar had registered as a notice", async function () {
      const s = await t.loadSystem();
      const budget = hashOf("Budget 2027 of the Ministry of Finance");
      const budgetId = BigInt(budget);
      await s.tenge.connect(t.cast.treasurer).approve(s.escrow, 1_000_00n);
      await s.escrow.connect(t.cast.treasurer).deposit(s.tenge, 1_000_00n);
      const description = "Budget 2027 of the Ministry of Finance";
      const actions = [action(s.documents, "issue", [DocType.Budget, FINANCE, budget, META, ZeroHash])];
      const proposalId = await t.propose(s, actions, description);
      await t.startVoting(s, proposalId);
      await issueAs(s, digitalRegistrar, DocType.Notice, DIGITAL, budget);
      const plan = async () => [
        { amount: 1_000_00n, deadline: (await t.networkHelpers.time.latest()) + 365 * 86_400, descriptionHash: hashOf("m0") },
      ];
      // While the squat stands, the escrow cannot cite the hash: it is not a Budget.
      const timelock = await t.asTimelock(s);
      await expect(
        s.escrow.connect(timelock).createAllocation(t.cast.recipient.address, s.tenge, budgetId, 1_000_00n, await plan()),
      )
        .to.be.revertedWithCustomError(s.escrow, "InvalidBudgetDocument")
        .withArgs(budgetId);

      await t.voteAndQueue(s, proposalId, actions, description);
      await (await execute(s, actions, description)).wait();
      const allocate = [
        action(s.escrow, "createAllocation", [t.cast.recipient.address, s.tenge.target, budgetId, 1_000_00n, await plan()]),
      ];
      await t.govern(s, allocate, "Allocate the 2027 budget");
      expect(await s.escrow.allocationCount()).to.equal(1n);
      expect((await s.escrow.allocation(1n)).budgetDocumentId).to.equal(budgetId);
    });

    it("executes a passed amendment whose new hash a registrar registered first; the amended decree links to the act", async function () {
      const s = await t.loadSystem();
      const v1 = hashOf("Decree No. 3 on open data");
      await issueAs(s, await t.asTimelock(s), DocType.Decree, 0, v1);
      const description = "Decree No. 3 on open data, as amended";
      const v2 = hashOf(description);
      const actions = [action(s.documents, "amend", [v1, v2, META_2, ZeroHash, REASON])];
      const { proposalId, contentHash } = await proposeAct(s, actions, description);
      expect(contentHash).to.equal(v2);
      await t.startVoting(s, proposalId);
      const displaced = await squat(s, v2, { registrar: financeRegistrar, docType: DocType.Order, agencyId: FINANCE });
      await t.voteAndQueue(s, proposalId, actions, description);

      const tx = execute(s, actions, description);
      await expectActDisplaced(s, tx, v2, displaced, { docType: DocType.Decree, agencyId: 0, metadataDigest: META_2 });
      await expect(tx).to.emit(s.documents, "DocumentAmended").withArgs(BigInt(v1), BigInt(v2), REASON);
      const old = await docOf(s, v1);
      expect(old.status).to.equal(BigInt(DocStatus.Amended));
      expect(old.supersededBy).to.equal(BigInt(v2));
      expect((await docOf(s, v2)).supersedes).to.equal(BigInt(v1));
      expect(await s.documents.balanceOf(financeRegistrar.address)).to.equal(0n);
      expect(await s.documents.balanceOf(s.timelock.target)).to.equal(2n);
    });

    it("leaves the displaced registrar no hold on the id: it can neither revoke, amend nor issue it again", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("Law on the civil service");
      await issueAs(s, financeRegistrar, DocType.Notice, FINANCE, hash);
      await issueAs(s, timelock, DocType.Law, 0, hash);
      await expectNoChange(s, { docs: [hash] }, async () => {
        await expect(s.documents.connect(financeRegistrar).revoke(hash, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(financeRegistrar.address, DocType.Law, 0);
        await expect(s.documents.connect(financeRegistrar).amend(hash, hashOf("a rival law"), META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(financeRegistrar.address, DocType.Law, 0);
        await expect(s.documents.connect(financeRegistrar).issue(DocType.Notice, FINANCE, hash, META, ZeroHash))
          .to.be.revertedWithCustomError(s.documents, "DocumentExists")
          .withArgs(BigInt(hash));
      });
      // The displaced entry, as history, cannot be revived by revoking or amending: it has no id of its own.
      expect((await s.documents.displacedEntry(hash)).issuer).to.equal(financeRegistrar.address);
    });

    it("displaces with any act of the Timelock, also an agency document, and from any agency's registrar", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("order the council issues for the Ministry of Finance");
      const displaced = await squat(s, hash, { registrar: digitalRegistrar, docType: DocType.Certificate, agencyId: DIGITAL });
      const tx = s.documents.connect(timelock).issue(DocType.Order, FINANCE, hash, META, ZeroHash);
      await expectActDisplaced(s, tx, hash, displaced, { docType: DocType.Order, agencyId: FINANCE, metadataDigest: META });
    });

    it("unlinks a displaced entry from the documents it amended and was amended by, on both sides", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const [before, squatted, after] = ["notice v1", "notice v2 = the decree's file", "notice v3"].map((v) => hashOf(v));
      if (before === undefined || squatted === undefined || after === undefined) throw new Error("no versions");
      await issueAs(s, financeRegistrar, DocType.Notice, FINANCE, before);
      await (await s.documents.connect(financeRegistrar).amend(before, squatted, META_2, ZeroHash, REASON)).wait();
      await (await s.documents.connect(financeRegistrar).amend(squatted, after, META_2, ZeroHash, REASON)).wait();
      const displaced = await docOf(s, squatted);
      expect([displaced.supersedes, displaced.supersededBy]).to.deep.equal([BigInt(before), BigInt(after)]);

      const tx = s.documents.connect(timelock).issue(DocType.Decree, 0, squatted, META, ZeroHash);
      await expectActDisplaced(s, tx, squatted, displaced, { docType: DocType.Decree, agencyId: 0, metadataDigest: META });
      const act = await docOf(s, squatted);
      expect([act.supersedes, act.supersededBy]).to.deep.equal([0n, 0n]);
      // Neither neighbour points at the decree.
      expect((await docOf(s, before)).supersededBy).to.equal(0n);
      expect((await docOf(s, after)).supersedes).to.equal(0n);
      expect((await docOf(s, after)).status).to.equal(BigInt(DocStatus.Active));
      // The history keeps the links as they were.
      const kept = view(await s.documents.displacedEntry(squatted));
      expect([kept.status, kept.supersedes, kept.supersededBy]).to.deep.equal([
        BigInt(DocStatus.Amended),
        BigInt(before),
        BigInt(after),
      ]);
      expect(await s.documents.balanceOf(financeRegistrar.address)).to.equal(2n);
    });

    it("never frees a squatted id by revoking it, but an act of the Timelock displaces it, Revoked or not", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("Decree No. 9 on the state language");
      await issueAs(s, digitalRegistrar, DocType.Notice, DIGITAL, hash);
      await (await s.documents.connect(digitalRegistrar).revoke(hash, "registered by mistake")).wait();
      await expectNoChange(s, { docs: [hash] }, async () => {
        for (const [registrar, agencyId] of [
          [digitalRegistrar, DIGITAL],
          [financeRegistrar, FINANCE],
        ] as const) {
          await expect(s.documents.connect(registrar).issue(DocType.Notice, agencyId, hash, META, ZeroHash))
            .to.be.revertedWithCustomError(s.documents, "DocumentExists")
            .withArgs(BigInt(hash));
        }
      });
      const displaced = await docOf(s, hash);
      expect(displaced.status).to.equal(BigInt(DocStatus.Revoked));

      const tx = s.documents.connect(timelock).issue(DocType.Decree, 0, hash, META, ZeroHash);
      await expectActDisplaced(s, tx, hash, displaced, { docType: DocType.Decree, agencyId: 0, metadataDigest: META });
      expect((await s.documents.displacedEntry(hash)).status).to.equal(BigInt(DocStatus.Revoked));
    });

    it("never displaces an entry of the Timelock: no later act and no registrar can take its hash", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const decree = hashOf("Decree No. 4");
      const notice = hashOf("notice the council issued for the Ministry of Digital Development");
      const squatted = hashOf("a decree that displaced a notice");
      await issueAs(s, timelock, DocType.Decree, 0, decree);
      await issueAs(s, timelock, DocType.Notice, DIGITAL, notice);
      await issueAs(s, financeRegistrar, DocType.Notice, FINANCE, squatted);
      await issueAs(s, timelock, DocType.Decree, 0, squatted);
      const other = hashOf("Decree No. 5");
      await issueAs(s, timelock, DocType.Decree, 0, other);
      const own = hashOf("the Digital registrar's own notice");
      await issueAs(s, digitalRegistrar, DocType.Notice, DIGITAL, own);
      await expectNoChange(s, { docs: [decree, notice, squatted, other, own] }, async () => {
        for (const hash of [decree, notice, squatted]) {
          await expect(s.documents.connect(timelock).issue(DocType.Law, 0, hash, META_2, ZeroHash))
            .to.be.revertedWithCustomError(s.documents, "DocumentExists")
            .withArgs(BigInt(hash));
          await expect(s.documents.connect(timelock).amend(other, hash, META_2, ZeroHash, REASON))
            .to.be.revertedWithCustomError(s.documents, "DocumentExists")
            .withArgs(BigInt(hash));
          await expect(s.documents.connect(digitalRegistrar).issue(DocType.Notice, DIGITAL, hash, META_2, ZeroHash))
            .to.be.revertedWithCustomError(s.documents, "DocumentExists")
            .withArgs(BigInt(hash));
        }
        // A registrar amending its own document to an act's hash does not displace it either (and one the council
        // issued for its agency, it may not amend at all).
        await expect(s.documents.connect(digitalRegistrar).amend(own, decree, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "DocumentExists")
          .withArgs(BigInt(decree));
        await expect(s.documents.connect(digitalRegistrar).amend(notice, hashOf("fresh"), META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(digitalRegistrar.address, DocType.Notice, DIGITAL);
      });
    });

    it("never lets a registrar displace another registrar's entry, by issue or by amendment", async function () {
      const s = await t.loadSystem();
      const finance = hashOf("finance certificate");
      const digital = hashOf("digital order");
      await issueAs(s, financeRegistrar, DocType.Certificate, FINANCE, finance);
      await issueAs(s, digitalRegistrar, DocType.Order, DIGITAL, digital);
      await expectNoChange(s, { docs: [finance, digital] }, async () => {
        await expect(s.documents.connect(digitalRegistrar).amend(digital, finance, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "DocumentExists")
          .withArgs(BigInt(finance));
        await expect(s.documents.connect(financeRegistrar).issue(DocType.Certificate, FINANCE, digital, META_2, ZeroHash))
          .to.be.revertedWithCustomError(s.documents, "DocumentExists")
          .withArgs(BigInt(digital));
      });
      expect((await s.documents.displacedEntry(finance)).found).to.equal(false);
    });

    it("refuses to amend a registrar's document to its own hash, even for the Timelock (it would displace itself)", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("an order amended to itself");
      await issueAs(s, financeRegistrar, DocType.Order, FINANCE, hash);
      await expectNoChange(s, { docs: [hash] }, async () => {
        await expect(s.documents.connect(timelock).amend(hash, hash, META_2, ZeroHash, REASON))
          .to.be.revertedWithCustomError(s.documents, "DocumentExists")
          .withArgs(BigInt(hash));
      });
    });

    it("displaces nothing when the act reverts for another reason", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const hash = hashOf("a decree with no metadata");
      await issueAs(s, digitalRegistrar, DocType.Notice, DIGITAL, hash);
      await setActive(s, FINANCE, false);
      await expectNoChange(s, { docs: [hash] }, async () => {
        await expect(s.documents.connect(timelock).issue(DocType.Decree, 0, hash, ZeroHash, ZeroHash))
          .to.be.revertedWithCustomError(s.documents, "EmptyMetadata")
          .withArgs();
        await expect(s.documents.connect(timelock).issue(DocType.Budget, FINANCE, hash, META, ZeroHash))
          .to.be.revertedWithCustomError(s.documents, "InactiveAgency")
          .withArgs(FINANCE);
      });
      expect((await s.documents.displacedEntry(hash)).found).to.equal(false);
    });

    it("displacedEntry is empty for a hash never displaced", async function () {
      const s = await t.loadSystem();
      const hash = hashOf("an ordinary certificate");
      await issueAs(s, financeRegistrar, DocType.Certificate, FINANCE, hash);
      expect(view(await s.documents.displacedEntry(hash))).to.deep.equal(NOT_FOUND);
      expect(view(await s.documents.displacedEntry(hashOf("never issued")))).to.deep.equal(NOT_FOUND);
    });
  });

  describe("a document the Timelock issued is changed only by the Timelock", function () {
    it("refuses its agency's registrar an amendment or a revocation of it, so a passed amendment always executes", async function () {
      const s = await t.loadSystem();
      const order = hashOf("order of the Ministry of Finance, issued by proposal");
      const amended = hashOf("that order, amended by proposal");
      await t.govern(s, [action(s.documents, "issue", [DocType.Order, FINANCE, order, META, ZeroHash])], "Issue an order for Finance");
      // The amendment is proposed: its target and new hash are public for the whole vote.
      const amendment = action(s.documents, "amend", [order, amended, META_2, ZeroHash, REASON]);
      const id = await t.propose(s, [amendment], "Amend the Finance order");
      await t.startVoting(s, id);
      const registrar = s.documents.connect(financeRegistrar);
      for (const call of [
        registrar.amend(order, hashOf("the registrar's own version"), META_2, ZeroHash, REASON),
        registrar.revoke(order, "revoked first, to block the amendment"),
      ]) {
        await expect(call)
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(financeRegistrar.address, DocType.Order, FINANCE);
      }
      const p = await t.voteAndQueue(s, id, [amendment], "Amend the Finance order");
      await t.networkHelpers.time.increase(SETTINGS.timelockMinDelay + 1);
      await expect(s.governor.execute(p.targets, p.values, p.calldatas, p.descriptionHash)).to.emit(s.documents, "DocumentAmended");
      expect((await docOf(s, order)).status).to.equal(BigInt(DocStatus.Amended));
      // The new version is the Timelock's too: still out of the registrar's reach, while its own documents are not.
      await expect(registrar.revoke(amended, "no")).to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer");
    });
  });

  describe("batches are bound to their agency", function () {
    const BATCH_META = hashOf("batch metadata JSON");

    /** FINANCE's certificates, whose root DIGITAL's registrar anchors first. */
    async function withForeignRootFirst() {
      const s = await t.loadSystem();
      const leaves = certificates(4, "finance licence");
      const tree = treeOf(leaves);
      const memberOf = (agencyId: number, i: number): Member => {
        const contentHash = leaves[i] ?? ZeroHash;
        return { agencyId, root: tree.root, contentHash, proof: tree.getProof([contentHash]) };
      };
      await (await s.documents.connect(digitalRegistrar).anchorBatch(DIGITAL, tree.root, 4, hashOf("squat"))).wait();
      return { s, tree, memberOf };
    }

    it("lets agency A anchor its root after agency B's registrar anchored the same root first; the two batches are separate", async function () {
      const { s, tree } = await withForeignRootFirst();
      const squatted = await s.documents.batch(DIGITAL, tree.root);
      await expect(s.documents.connect(financeRegistrar).anchorBatch(FINANCE, tree.root, 4, BATCH_META))
        .to.emit(s.documents, "BatchAnchored")
        .withArgs(tree.root, FINANCE, financeRegistrar.address, 4, BATCH_META);
      const own = await s.documents.batch(FINANCE, tree.root);
      expect([own.agencyId, own.count, own.anchoredAt, own.revoked]).to.deep.equal([
        BigInt(FINANCE),
        4n,
        BigInt(await t.networkHelpers.time.latest()),
        false,
      ]);
      expect([...(await s.documents.batch(DIGITAL, tree.root))]).to.deep.equal([...squatted]);
      expect(squatted.agencyId).to.equal(BigInt(DIGITAL));
    });

    it("verifies members per agency: revoking B's batch or a member of it leaves A's batch current", async function () {
      const { s, tree, memberOf } = await withForeignRootFirst();
      await (await s.documents.connect(financeRegistrar).anchorBatch(FINANCE, tree.root, 4, BATCH_META)).wait();
      const ours = memberOf(FINANCE, 1);
      const theirs = memberOf(DIGITAL, 1);
      await expect(s.documents.connect(digitalRegistrar).revokeBatchMember(DIGITAL, tree.root, theirs.contentHash, theirs.proof, REASON))
        .to.emit(s.documents, "BatchMemberRevoked")
        .withArgs(tree.root, theirs.contentHash, digitalRegistrar.address, DIGITAL, REASON);
      expect(await s.documents.verifyBatchMember(DIGITAL, tree.root, theirs.contentHash, theirs.proof)).to.deep.equal([
        true,
        true,
        false,
      ]);
      expect(await s.documents.verifyBatchMember(FINANCE, tree.root, ours.contentHash, ours.proof)).to.deep.equal([
        true,
        false,
        false,
      ]);
      await expect(s.documents.connect(digitalRegistrar).revokeBatch(DIGITAL, tree.root, REASON))
        .to.emit(s.documents, "BatchRevoked")
        .withArgs(tree.root, DIGITAL, digitalRegistrar.address, REASON);
      for (const i of [0, 1, 2, 3]) {
        const m = memberOf(FINANCE, i);
        expect(await s.documents.verifyBatchMember(FINANCE, tree.root, m.contentHash, m.proof)).to.deep.equal([
          true,
          false,
          false,
        ]);
        const b = memberOf(DIGITAL, i);
        expect(await s.documents.verifyBatchMember(DIGITAL, tree.root, b.contentHash, b.proof)).to.deep.equal([
          true,
          true,
          false,
        ]);
      }
      expect((await s.documents.batch(FINANCE, tree.root)).revoked).to.equal(false);
      // A revoked member of one agency's batch can still be revoked in the other's.
      await expect(s.documents.connect(financeRegistrar).revokeBatchMember(FINANCE, tree.root, ours.contentHash, ours.proof, REASON))
        .to.emit(s.documents, "BatchMemberRevoked")
        .withArgs(tree.root, ours.contentHash, financeRegistrar.address, FINANCE, REASON);
    });

    it("lets each registrar revoke only its own agency's batch of a shared root", async function () {
      const { s, tree, memberOf } = await withForeignRootFirst();
      await (await s.documents.connect(financeRegistrar).anchorBatch(FINANCE, tree.root, 4, BATCH_META)).wait();
      const m = memberOf(FINANCE, 0);
      const both = [
        { agencyId: FINANCE, root: tree.root },
        { agencyId: DIGITAL, root: tree.root },
      ];
      await expectNoChange(s, { roots: both, members: [m, memberOf(DIGITAL, 0)] }, async () => {
        await expect(s.documents.connect(digitalRegistrar).revokeBatch(FINANCE, tree.root, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(digitalRegistrar.address, DocType.Certificate, FINANCE);
        await expect(s.documents.connect(digitalRegistrar).revokeBatchMember(FINANCE, tree.root, m.contentHash, m.proof, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(digitalRegistrar.address, DocType.Certificate, FINANCE);
        await expect(s.documents.connect(financeRegistrar).revokeBatch(DIGITAL, tree.root, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
          .withArgs(financeRegistrar.address, DocType.Certificate, DIGITAL);
      });
    });

    it("reverts with UnknownBatch(agency, root) for an agency that never anchored the root, even if another did", async function () {
      const { s, tree, memberOf } = await withForeignRootFirst();
      const timelock = await t.asTimelock(s);
      const m = memberOf(FINANCE, 2);
      await expectNoChange(s, { roots: [{ agencyId: FINANCE, root: tree.root }] }, async () => {
        await expect(s.documents.connect(financeRegistrar).revokeBatch(FINANCE, tree.root, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnknownBatch")
          .withArgs(FINANCE, tree.root);
        await expect(s.documents.connect(timelock).revokeBatchMember(FINANCE, tree.root, m.contentHash, m.proof, REASON))
          .to.be.revertedWithCustomError(s.documents, "UnknownBatch")
          .withArgs(FINANCE, tree.root);
      });
      expect(await s.documents.verifyBatchMember(FINANCE, tree.root, m.contentHash, m.proof)).to.deep.equal([
        false,
        false,
        false,
      ]);
    });
  });

  describe("a batch never makes a registered Revoked or Amended document look current", function () {
    const BATCH_META = hashOf("batch metadata JSON");

    /** Registers a Revoked, an Amended and an Active decree, then a FINANCE batch holding their files and more. */
    async function withBatchOfDecrees() {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const revoked = hashOf("Decree No. 11, repealed");
      const amended = hashOf("Decree No. 12, since amended");
      const amendment = hashOf("Decree No. 12, as amended");
      const active = hashOf("Decree No. 13, in force");
      const plain = hashOf("a certificate registered only in the batch");
      await issueAs(s, timelock, DocType.Decree, 0, revoked);
      await (await s.documents.connect(timelock).revoke(revoked, "repealed")).wait();
      await issueAs(s, timelock, DocType.Decree, 0, amended);
      await (await s.documents.connect(timelock).amend(amended, amendment, META_2, ZeroHash, REASON)).wait();
      await issueAs(s, timelock, DocType.Decree, 0, active);
      const leaves = [revoked, amended, active, plain];
      const tree = treeOf(leaves);
      await (await s.documents.connect(financeRegistrar).anchorBatch(FINANCE, tree.root, leaves.length, BATCH_META)).wait();
      const check = (contentHash: string) =>
        s.documents.verifyBatchMember(FINANCE, tree.root, contentHash, tree.getProof([contentHash]));
      return { s, timelock, tree, revoked, amended, amendment, active, plain, check };
    }

    it("reports a member whose file is a Revoked document as revoked, though nobody revoked the batch or the member", async function () {
      const { s, tree, revoked, check } = await withBatchOfDecrees();
      expect(await check(revoked)).to.deep.equal([true, true, false]);
      expect((await s.documents.batch(FINANCE, tree.root)).revoked).to.equal(false);
    });

    it("reports a member whose file is an Amended document as superseded, and an Active document's or an unregistered file as current", async function () {
      const { amended, active, plain, check } = await withBatchOfDecrees();
      expect(await check(amended)).to.deep.equal([true, false, true]);
      expect(await check(active)).to.deep.equal([true, false, false]);
      expect(await check(plain)).to.deep.equal([true, false, false]);
    });

    it("follows the document's status after the batch was anchored: revoked or amended later, the member follows", async function () {
      const { s, timelock, active, plain, check } = await withBatchOfDecrees();
      await (await s.documents.connect(timelock).amend(active, hashOf("Decree No. 13, amended"), META_2, ZeroHash, REASON)).wait();
      expect(await check(active)).to.deep.equal([true, false, true]);
      await (await s.documents.connect(timelock).revoke(active, "repealed")).wait();
      expect(await check(active)).to.deep.equal([true, true, false]);
      // A file registered as a document after the batch: Active, then Revoked.
      await issueAs(s, financeRegistrar, DocType.Certificate, FINANCE, plain);
      expect(await check(plain)).to.deep.equal([true, false, false]);
      await (await s.documents.connect(financeRegistrar).revoke(plain, "annulled")).wait();
      expect(await check(plain)).to.deep.equal([true, true, false]);
    });

    it("combines the batch's revocation with the document's status", async function () {
      const { s, tree, revoked, amended, active, check } = await withBatchOfDecrees();
      await (await s.documents.connect(financeRegistrar).revokeBatch(FINANCE, tree.root, REASON)).wait();
      expect(await check(revoked)).to.deep.equal([true, true, false]);
      expect(await check(amended)).to.deep.equal([true, true, true]);
      expect(await check(active)).to.deep.equal([true, true, false]);
    });

    it("reports a non-member as (false, false, false), even when its file is a Revoked or Amended document", async function () {
      const { s, tree, revoked, amended, amendment } = await withBatchOfDecrees();
      const borrowed = tree.getProof([revoked]);
      for (const outsider of [amendment, hashOf("unregistered")]) {
        expect(await s.documents.verifyBatchMember(FINANCE, tree.root, outsider, borrowed)).to.deep.equal([false, false, false]);
      }
      expect(await s.documents.verifyBatchMember(DIGITAL, tree.root, revoked, borrowed)).to.deep.equal([false, false, false]);
      expect(await s.documents.verifyBatchMember(FINANCE, tree.root, amended, borrowed)).to.deep.equal([false, false, false]);
    });
  });

  describe("statusOf", function () {
    it("returns a document's type and current status through Active, Amended and Revoked", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const v1 = hashOf("Law on statistics v1");
      const v2 = hashOf("Law on statistics v2");
      const order = hashOf("finance order");
      await issueAs(s, timelock, DocType.Law, 0, v1);
      await issueAs(s, financeRegistrar, DocType.Order, FINANCE, order);
      expect(await s.documents.statusOf(v1)).to.deep.equal([BigInt(DocType.Law), BigInt(DocStatus.Active)]);
      expect(await s.documents.statusOf(order)).to.deep.equal([BigInt(DocType.Order), BigInt(DocStatus.Active)]);
      await (await s.documents.connect(timelock).amend(v1, v2, META_2, ZeroHash, REASON)).wait();
      expect(await s.documents.statusOf(v1)).to.deep.equal([BigInt(DocType.Law), BigInt(DocStatus.Amended)]);
      expect(await s.documents.statusOf(v2)).to.deep.equal([BigInt(DocType.Law), BigInt(DocStatus.Active)]);
      await (await s.documents.connect(timelock).revoke(v1, "repealed")).wait();
      await (await s.documents.connect(financeRegistrar).revoke(order, "repealed")).wait();
      expect(await s.documents.statusOf(v1)).to.deep.equal([BigInt(DocType.Law), BigInt(DocStatus.Revoked)]);
      expect(await s.documents.statusOf(order)).to.deep.equal([BigInt(DocType.Order), BigInt(DocStatus.Revoked)]);
      // It agrees with verify for every one of them.
      for (const hash of [v1, v2, order]) {
        const doc = await docOf(s, hash);
        expect(await s.documents.statusOf(hash)).to.deep.equal([doc.docType, doc.status]);
      }
    });

    it("reverts with UnknownDocument for a hash never issued, and for 0", async function () {
      const s = await t.loadSystem();
      const unknown = hashOf("never issued");
      await expect(s.documents.statusOf(unknown))
        .to.be.revertedWithCustomError(s.documents, "UnknownDocument")
        .withArgs(BigInt(unknown));
      await expect(s.documents.statusOf(0n)).to.be.revertedWithCustomError(s.documents, "UnknownDocument").withArgs(0n);
    });

    it("reports the act, not the displaced entry, once an act of the Timelock took the hash", async function () {
      const s = await t.loadSystem();
      const hash = hashOf("Budget 2028");
      await issueAs(s, financeRegistrar, DocType.Notice, FINANCE, hash);
      await (await s.documents.connect(financeRegistrar).revoke(hash, "squat")).wait();
      expect(await s.documents.statusOf(hash)).to.deep.equal([BigInt(DocType.Notice), BigInt(DocStatus.Revoked)]);
      await issueAs(s, await t.asTimelock(s), DocType.Budget, 0, hash);
      expect(await s.documents.statusOf(hash)).to.deep.equal([BigInt(DocType.Budget), BigInt(DocStatus.Active)]);
    });
  });
});
