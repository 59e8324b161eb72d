import { expect } from "chai";
import { ZeroAddress, ZeroHash } from "ethers";
import type { HardhatEthersSigner } from "@nomicfoundation/hardhat-ethers/types";

import { DIGITAL, DocType, FINANCE, action, hashOf, setup, type System } from "../helpers/fixtures.js";

const t = await setup();
const { deployer, officials, candidates, financeRegistrar, digitalRegistrar, stranger } = t.cast;

const NEW_ID = 3;
const UNKNOWN_ID = 99;
const MAX_NAME_LENGTH = 160;
const FINANCE_KEY = hashOf("finance ML-DSA public key");
const DIGITAL_KEY = hashOf("digital ML-DSA public key");
const NEW_KEY = hashOf("ministry of justice ML-DSA public key");
const META = hashOf("metadata JSON");

/** An agency as plain values, for deep equality. */
interface AgencyView {
  name: string;
  active: boolean;
  pqKeyHash: string;
  registrarCount: bigint;
}

const view = (a: AgencyView): AgencyView => ({
  name: a.name,
  active: a.active,
  pqKeyHash: a.pqKeyHash,
  registrarCount: a.registrarCount,
});

const agencyOf = async (s: System, agencyId: number): Promise<AgencyView> => view(await s.agencies.agency(agencyId));

/** The agency, or null if `agency()` reverts (unknown id). */
async function agencyOrNull(s: System, agencyId: number): Promise<AgencyView | null> {
  try {
    return await agencyOf(s, agencyId);
  } catch {
    return null;
  }
}

/** A new agency's init, with the given registrars. */
const justice = (registrars: readonly string[] = [candidates[0].address]) => ({
  id: NEW_ID,
  name: "Ministry of Justice",
  pqKeyHash: NEW_KEY,
  registrars: [...registrars],
});

/**
 * Everything the registry holds for the genesis agencies, agency 3 and an unknown id: the list of ids, each agency
 * (or null if unknown), and who is a registrar where.
 */
async function registryState(s: System) {
  const ids = [0, FINANCE, DIGITAL, NEW_ID, UNKNOWN_ID];
  const accounts = [financeRegistrar, digitalRegistrar, stranger, ...candidates].map((a) => a.address);
  const count = await s.agencies.agencyCount();
  const listed: bigint[] = [];
  for (let i = 0n; i < count; i++) listed.push(await s.agencies.agencyIdAt(i));
  return {
    count,
    listed,
    agencies: await Promise.all(ids.map((id) => agencyOrNull(s, id))),
    active: await Promise.all(ids.map((id) => s.agencies.isActive(id))),
    registrars: await Promise.all(ids.map((id) => Promise.all(accounts.map((a) => s.agencies.isRegistrar(id, a))))),
  };
}

/** Runs `assertion` (an expected revert) and checks that the registry did not change. */
async function expectNoChange(s: System, assertion: () => Promise<unknown>): Promise<void> {
  const before = await registryState(s);
  await assertion();
  expect(await registryState(s)).to.deep.equal(before);
}

async function asTimelock(s: System) {
  return s.agencies.connect(await t.asTimelock(s));
}

describe("AgencyRegistry", function () {
  describe("genesis (constructor)", function () {
    it("creates the fixture's two agencies, active, with their keys and registrars", async function () {
      const s = await t.loadSystem();
      expect(await s.agencies.timelock()).to.equal(s.timelock.target);
      expect(await s.agencies.MAX_NAME_LENGTH()).to.equal(BigInt(MAX_NAME_LENGTH));
      expect(await s.agencies.agencyCount()).to.equal(2n);
      expect(await s.agencies.agencyIdAt(0)).to.equal(BigInt(FINANCE));
      expect(await s.agencies.agencyIdAt(1)).to.equal(BigInt(DIGITAL));
      expect(await agencyOf(s, FINANCE)).to.deep.equal({
        name: "Ministry of Finance",
        active: true,
        pqKeyHash: FINANCE_KEY,
        registrarCount: 1n,
      });
      expect(await agencyOf(s, DIGITAL)).to.deep.equal({
        name: "Ministry of Digital Development",
        active: true,
        pqKeyHash: DIGITAL_KEY,
        registrarCount: 1n,
      });
      expect(await s.agencies.isActive(FINANCE)).to.equal(true);
      expect(await s.agencies.isActive(DIGITAL)).to.equal(true);
      expect(await s.agencies.isRegistrar(FINANCE, financeRegistrar.address)).to.equal(true);
      expect(await s.agencies.isRegistrar(DIGITAL, digitalRegistrar.address)).to.equal(true);
      expect(await s.agencies.isRegistrar(DIGITAL, financeRegistrar.address)).to.equal(false);
      expect(await s.agencies.isRegistrar(FINANCE, digitalRegistrar.address)).to.equal(false);
    });

    it("reserves id 0 and knows no other agency", async function () {
      const s = await t.loadSystem();
      for (const id of [0, NEW_ID, UNKNOWN_ID]) {
        expect(await s.agencies.isActive(id)).to.equal(false);
        expect(await s.agencies.isRegistrar(id, financeRegistrar.address)).to.equal(false);
      }
    });

    it("emits AgencyAdded and RegistrarAdded for each genesis agency", async function () {
      const s = await t.loadSystem();
      const factory = await t.ethers.getContractFactory("AgencyRegistry");
      const registry = await factory.deploy(s.timelock.target, [
        { id: 7, name: "Committee A", pqKeyHash: NEW_KEY, registrars: [stranger.address, candidates[1].address] },
        { id: 5, name: "Committee B", pqKeyHash: FINANCE_KEY, registrars: [] },
      ]);
      const deployment = registry.deploymentTransaction();
      if (deployment === null) throw new Error("no deployment transaction");
      await expect(deployment).to.emit(registry, "AgencyAdded").withArgs(7, "Committee A", NEW_KEY);
      await expect(deployment).to.emit(registry, "AgencyAdded").withArgs(5, "Committee B", FINANCE_KEY);
      await expect(deployment).to.emit(registry, "RegistrarAdded").withArgs(7, stranger.address);
      await expect(deployment).to.emit(registry, "RegistrarAdded").withArgs(7, candidates[1].address);
      expect(await registry.agencyCount()).to.equal(2n);
      expect(await registry.agencyIdAt(0)).to.equal(7n);
      expect(await registry.agencyIdAt(1)).to.equal(5n);
      expect((await registry.agency(7)).registrarCount).to.equal(2n);
      expect((await registry.agency(5)).registrarCount).to.equal(0n);
    });

    it("accepts an empty genesis", async function () {
      const s = await t.loadSystem();
      const factory = await t.ethers.getContractFactory("AgencyRegistry");
      const registry = await factory.deploy(s.timelock.target, []);
      expect(await registry.agencyCount()).to.equal(0n);
    });

    it("validates the genesis set like addAgency and refuses a zero Timelock", async function () {
      const s = await t.loadSystem();
      const factory = await t.ethers.getContractFactory("AgencyRegistry");
      const ok = { id: 1, name: "Agency", pqKeyHash: NEW_KEY, registrars: [] };
      await expect(factory.deploy(ZeroAddress, [ok])).to.be.revertedWithCustomError(factory, "ZeroAddress").withArgs();
      await expect(factory.deploy(s.timelock.target, [{ ...ok, id: 0 }]))
        .to.be.revertedWithCustomError(factory, "AgencyIdZero")
        .withArgs();
      await expect(factory.deploy(s.timelock.target, [ok, { ...ok, name: "Other" }]))
        .to.be.revertedWithCustomError(factory, "AgencyExists")
        .withArgs(1);
      await expect(factory.deploy(s.timelock.target, [{ ...ok, pqKeyHash: ZeroHash }]))
        .to.be.revertedWithCustomError(factory, "EmptyKeyHash")
        .withArgs();
    });
  });

  describe("addAgency", function () {
    it("adds an active agency with its registrars", async function () {
      const s = await t.loadSystem();
      const init = justice([candidates[0].address, candidates[1].address]);
      const tx = (await asTimelock(s)).addAgency(init);
      await expect(tx).to.emit(s.agencies, "AgencyAdded").withArgs(NEW_ID, init.name, NEW_KEY);
      await expect(tx).to.emit(s.agencies, "RegistrarAdded").withArgs(NEW_ID, candidates[0].address);
      await expect(tx).to.emit(s.agencies, "RegistrarAdded").withArgs(NEW_ID, candidates[1].address);
      expect(await agencyOf(s, NEW_ID)).to.deep.equal({
        name: "Ministry of Justice",
        active: true,
        pqKeyHash: NEW_KEY,
        registrarCount: 2n,
      });
      expect(await s.agencies.agencyCount()).to.equal(3n);
      expect(await s.agencies.agencyIdAt(2)).to.equal(BigInt(NEW_ID));
      expect(await s.agencies.isActive(NEW_ID)).to.equal(true);
      expect(await s.agencies.isRegistrar(NEW_ID, candidates[0].address)).to.equal(true);
      expect(await s.agencies.isRegistrar(NEW_ID, candidates[1].address)).to.equal(true);
      expect(await s.agencies.isRegistrar(NEW_ID, financeRegistrar.address)).to.equal(false);
    });

    it("adds an agency with no registrars, and one whose registrar already serves another agency", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expect(registry.addAgency({ ...justice([]), id: 4 }))
        .to.emit(s.agencies, "AgencyAdded")
        .withArgs(4, "Ministry of Justice", NEW_KEY);
      expect((await agencyOf(s, 4)).registrarCount).to.equal(0n);
      await expect(registry.addAgency(justice([financeRegistrar.address])))
        .to.emit(s.agencies, "RegistrarAdded")
        .withArgs(NEW_ID, financeRegistrar.address);
      expect(await s.agencies.isRegistrar(NEW_ID, financeRegistrar.address)).to.equal(true);
      expect(await s.agencies.isRegistrar(FINANCE, financeRegistrar.address)).to.equal(true);
    });

    it("accepts a name of exactly 160 bytes, counted in UTF-8 bytes", async function () {
      const s = await t.loadSystem();
      const name = "ә".repeat(MAX_NAME_LENGTH / 2); // 80 two-byte characters = 160 bytes
      await expect((await asTimelock(s)).addAgency({ ...justice(), name }))
        .to.emit(s.agencies, "AgencyAdded")
        .withArgs(NEW_ID, name, NEW_KEY);
      expect((await agencyOf(s, NEW_ID)).name).to.equal(name);
    });

    it("reverts with AgencyIdZero for id 0", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        await expect(registry.addAgency({ ...justice(), id: 0 }))
          .to.be.revertedWithCustomError(s.agencies, "AgencyIdZero")
          .withArgs();
      });
    });

    it("reverts with AgencyExists for an id already taken, active or not", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await (await registry.setAgencyActive(DIGITAL, false)).wait();
      await expectNoChange(s, async () => {
        for (const id of [FINANCE, DIGITAL]) {
          await expect(registry.addAgency({ ...justice(), id }))
            .to.be.revertedWithCustomError(s.agencies, "AgencyExists")
            .withArgs(id);
        }
      });
    });

    it("reverts with InvalidAgencyName for an empty name or one of 161 bytes", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        for (const name of ["", "x".repeat(MAX_NAME_LENGTH + 1), `${"ә".repeat(MAX_NAME_LENGTH / 2)}x`]) {
          await expect(registry.addAgency({ ...justice(), name }))
            .to.be.revertedWithCustomError(s.agencies, "InvalidAgencyName")
            .withArgs();
        }
      });
    });

    it("reverts with EmptyKeyHash for a zero key hash", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        await expect(registry.addAgency({ ...justice(), pqKeyHash: ZeroHash }))
          .to.be.revertedWithCustomError(s.agencies, "EmptyKeyHash")
          .withArgs();
      });
    });

    it("reverts with ZeroAddress for a zero registrar, adding none of the others", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        await expect(registry.addAgency(justice([candidates[0].address, ZeroAddress])))
          .to.be.revertedWithCustomError(s.agencies, "ZeroAddress")
          .withArgs();
      });
    });

    it("reverts with RegistrarExists for a registrar listed twice, adding nothing", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        await expect(registry.addAgency(justice([candidates[0].address, candidates[1].address, candidates[0].address])))
          .to.be.revertedWithCustomError(s.agencies, "RegistrarExists")
          .withArgs(NEW_ID, candidates[0].address);
      });
    });
  });

  describe("renameAgency", function () {
    it("renames an agency and keeps everything else", async function () {
      const s = await t.loadSystem();
      const before = await agencyOf(s, FINANCE);
      const name = "Ministry of Finance and Economy";
      await expect((await asTimelock(s)).renameAgency(FINANCE, name))
        .to.emit(s.agencies, "AgencyRenamed")
        .withArgs(FINANCE, name);
      expect(await agencyOf(s, FINANCE)).to.deep.equal({ ...before, name });
      expect(await s.agencies.agencyCount()).to.equal(2n);
    });

    it("renames an inactive agency, to a name of exactly 160 bytes", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await (await registry.setAgencyActive(DIGITAL, false)).wait();
      const name = "y".repeat(MAX_NAME_LENGTH);
      await expect(registry.renameAgency(DIGITAL, name)).to.emit(s.agencies, "AgencyRenamed").withArgs(DIGITAL, name);
      expect(await agencyOf(s, DIGITAL)).to.deep.equal({
        name,
        active: false,
        pqKeyHash: DIGITAL_KEY,
        registrarCount: 1n,
      });
    });

    it("reverts with UnknownAgency for an unknown id or id 0", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        for (const id of [0, UNKNOWN_ID]) {
          await expect(registry.renameAgency(id, "Ghost ministry"))
            .to.be.revertedWithCustomError(s.agencies, "UnknownAgency")
            .withArgs(id);
        }
      });
    });

    it("reverts with InvalidAgencyName for an empty name or one of 161 bytes", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        for (const name of ["", "x".repeat(MAX_NAME_LENGTH + 1)]) {
          await expect(registry.renameAgency(FINANCE, name))
            .to.be.revertedWithCustomError(s.agencies, "InvalidAgencyName")
            .withArgs();
        }
      });
    });
  });

  describe("setAgencyActive", function () {
    it("deactivates an agency: it is inactive and its registrars are no longer registrars", async function () {
      const s = await t.loadSystem();
      const before = await agencyOf(s, DIGITAL);
      await expect((await asTimelock(s)).setAgencyActive(DIGITAL, false))
        .to.emit(s.agencies, "AgencyActiveSet")
        .withArgs(DIGITAL, false);
      expect(await agencyOf(s, DIGITAL)).to.deep.equal({ ...before, active: false });
      expect(await s.agencies.isActive(DIGITAL)).to.equal(false);
      expect(await s.agencies.isRegistrar(DIGITAL, digitalRegistrar.address)).to.equal(false);
      // The other agency is untouched.
      expect(await s.agencies.isRegistrar(FINANCE, financeRegistrar.address)).to.equal(true);
    });

    it("reactivates an agency and restores its registrars", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await (await registry.setAgencyActive(DIGITAL, false)).wait();
      await expect(registry.setAgencyActive(DIGITAL, true)).to.emit(s.agencies, "AgencyActiveSet").withArgs(DIGITAL, true);
      expect(await s.agencies.isActive(DIGITAL)).to.equal(true);
      expect(await s.agencies.isRegistrar(DIGITAL, digitalRegistrar.address)).to.equal(true);
    });

    it("reverts with AgencyActiveUnchanged when the state would not change", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        await expect(registry.setAgencyActive(FINANCE, true))
          .to.be.revertedWithCustomError(s.agencies, "AgencyActiveUnchanged")
          .withArgs(FINANCE, true);
      });
      await (await registry.setAgencyActive(FINANCE, false)).wait();
      await expectNoChange(s, async () => {
        await expect(registry.setAgencyActive(FINANCE, false))
          .to.be.revertedWithCustomError(s.agencies, "AgencyActiveUnchanged")
          .withArgs(FINANCE, false);
      });
    });

    it("reverts with UnknownAgency for an unknown id or id 0", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        for (const id of [0, UNKNOWN_ID]) {
          for (const active of [true, false]) {
            await expect(registry.setAgencyActive(id, active))
              .to.be.revertedWithCustomError(s.agencies, "UnknownAgency")
              .withArgs(id);
          }
        }
      });
    });
  });

  describe("rotateAgencyKey", function () {
    it("replaces the key hash and reports the old one", async function () {
      const s = await t.loadSystem();
      const before = await agencyOf(s, FINANCE);
      const rotated = hashOf("finance ML-DSA public key, 2027");
      await expect((await asTimelock(s)).rotateAgencyKey(FINANCE, rotated))
        .to.emit(s.agencies, "AgencyKeyRotated")
        .withArgs(FINANCE, FINANCE_KEY, rotated);
      expect(await agencyOf(s, FINANCE)).to.deep.equal({ ...before, pqKeyHash: rotated });
      expect((await agencyOf(s, DIGITAL)).pqKeyHash).to.equal(DIGITAL_KEY);
    });

    it("reverts with EmptyKeyHash for a zero key hash", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        await expect(registry.rotateAgencyKey(FINANCE, ZeroHash))
          .to.be.revertedWithCustomError(s.agencies, "EmptyKeyHash")
          .withArgs();
      });
    });

    it("reverts with UnknownAgency for an unknown id or id 0", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        for (const id of [0, UNKNOWN_ID]) {
          await expect(registry.rotateAgencyKey(id, NEW_KEY))
            .to.be.revertedWithCustomError(s.agencies, "UnknownAgency")
            .withArgs(id);
        }
      });
    });
  });

  describe("addRegistrar", function () {
    it("authorises an account for an agency and counts it", async function () {
      const s = await t.loadSystem();
      await expect((await asTimelock(s)).addRegistrar(FINANCE, candidates[0].address))
        .to.emit(s.agencies, "RegistrarAdded")
        .withArgs(FINANCE, candidates[0].address);
      expect(await s.agencies.isRegistrar(FINANCE, candidates[0].address)).to.equal(true);
      expect(await s.agencies.isRegistrar(DIGITAL, candidates[0].address)).to.equal(false);
      expect((await agencyOf(s, FINANCE)).registrarCount).to.equal(2n);
    });

    it("authorises a registrar of an inactive agency, who becomes a registrar only once it is reactivated", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await (await registry.setAgencyActive(FINANCE, false)).wait();
      await (await registry.addRegistrar(FINANCE, candidates[0].address)).wait();
      expect(await s.agencies.isRegistrar(FINANCE, candidates[0].address)).to.equal(false);
      expect((await agencyOf(s, FINANCE)).registrarCount).to.equal(2n);
      await (await registry.setAgencyActive(FINANCE, true)).wait();
      expect(await s.agencies.isRegistrar(FINANCE, candidates[0].address)).to.equal(true);
    });

    it("reverts with RegistrarExists for an account already registrar of the agency", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        await expect(registry.addRegistrar(FINANCE, financeRegistrar.address))
          .to.be.revertedWithCustomError(s.agencies, "RegistrarExists")
          .withArgs(FINANCE, financeRegistrar.address);
      });
    });

    it("reverts with ZeroAddress for the zero address", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        await expect(registry.addRegistrar(FINANCE, ZeroAddress))
          .to.be.revertedWithCustomError(s.agencies, "ZeroAddress")
          .withArgs();
      });
    });

    it("reverts with UnknownAgency for an unknown id or id 0", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        for (const id of [0, UNKNOWN_ID]) {
          await expect(registry.addRegistrar(id, candidates[0].address))
            .to.be.revertedWithCustomError(s.agencies, "UnknownAgency")
            .withArgs(id);
        }
      });
    });
  });

  describe("removeRegistrar", function () {
    it("withdraws the authorisation, and the former registrar can no longer issue", async function () {
      const s = await t.loadSystem();
      await expect((await asTimelock(s)).removeRegistrar(FINANCE, financeRegistrar.address))
        .to.emit(s.agencies, "RegistrarRemoved")
        .withArgs(FINANCE, financeRegistrar.address);
      expect(await s.agencies.isRegistrar(FINANCE, financeRegistrar.address)).to.equal(false);
      expect((await agencyOf(s, FINANCE)).registrarCount).to.equal(0n);
      await expect(
        s.documents.connect(financeRegistrar).issue(DocType.Order, FINANCE, hashOf("order after dismissal"), META, ZeroHash),
      )
        .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
        .withArgs(financeRegistrar.address, DocType.Order, FINANCE);
    });

    it("lets a removed registrar be added again", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await (await registry.removeRegistrar(DIGITAL, digitalRegistrar.address)).wait();
      await expect(registry.addRegistrar(DIGITAL, digitalRegistrar.address))
        .to.emit(s.agencies, "RegistrarAdded")
        .withArgs(DIGITAL, digitalRegistrar.address);
      expect(await s.agencies.isRegistrar(DIGITAL, digitalRegistrar.address)).to.equal(true);
      expect((await agencyOf(s, DIGITAL)).registrarCount).to.equal(1n);
    });

    it("reverts with NotRegistrar for a stranger, another agency's registrar, or a registrar removed twice", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        for (const account of [stranger.address, digitalRegistrar.address, ZeroAddress]) {
          await expect(registry.removeRegistrar(FINANCE, account))
            .to.be.revertedWithCustomError(s.agencies, "NotRegistrar")
            .withArgs(FINANCE, account);
        }
      });
      await (await registry.removeRegistrar(FINANCE, financeRegistrar.address)).wait();
      await expectNoChange(s, async () => {
        await expect(registry.removeRegistrar(FINANCE, financeRegistrar.address))
          .to.be.revertedWithCustomError(s.agencies, "NotRegistrar")
          .withArgs(FINANCE, financeRegistrar.address);
      });
      expect((await agencyOf(s, FINANCE)).registrarCount).to.equal(0n);
    });

    it("reverts with UnknownAgency for an unknown id or id 0", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expectNoChange(s, async () => {
        for (const id of [0, UNKNOWN_ID]) {
          await expect(registry.removeRegistrar(id, financeRegistrar.address))
            .to.be.revertedWithCustomError(s.agencies, "UnknownAgency")
            .withArgs(id);
        }
      });
    });
  });

  describe("views", function () {
    it("agency reverts with UnknownAgency for an unknown id or id 0", async function () {
      const s = await t.loadSystem();
      for (const id of [0, NEW_ID, UNKNOWN_ID]) {
        await expect(s.agencies.agency(id)).to.be.revertedWithCustomError(s.agencies, "UnknownAgency").withArgs(id);
      }
    });

    it("agencyIdAt lists agencies in the order added, inactive ones included, and panics past the end", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await (await registry.addAgency(justice())).wait();
      await (await registry.setAgencyActive(FINANCE, false)).wait();
      expect(await s.agencies.agencyCount()).to.equal(3n);
      expect([await s.agencies.agencyIdAt(0), await s.agencies.agencyIdAt(1), await s.agencies.agencyIdAt(2)]).to.deep.equal(
        [BigInt(FINANCE), BigInt(DIGITAL), BigInt(NEW_ID)],
      );
      await expect(s.agencies.agencyIdAt(3)).to.be.revertedWithPanic(0x32);
    });

    it("isRegistrar is false for an unknown agency and for the registrar of an inactive one", async function () {
      const s = await t.loadSystem();
      expect(await s.agencies.isRegistrar(UNKNOWN_ID, financeRegistrar.address)).to.equal(false);
      expect(await s.agencies.isRegistrar(0, financeRegistrar.address)).to.equal(false);
      await (await (await asTimelock(s)).setAgencyActive(FINANCE, false)).wait();
      expect(await s.agencies.isRegistrar(FINANCE, financeRegistrar.address)).to.equal(false);
    });
  });

  describe("access control", function () {
    /** Every privileged function, with valid arguments. */
    const privileged: readonly [string, (s: System, caller: HardhatEthersSigner) => Promise<unknown>][] = [
      ["addAgency", (s, caller) => s.agencies.connect(caller).addAgency(justice())],
      ["renameAgency", (s, caller) => s.agencies.connect(caller).renameAgency(FINANCE, "Captured ministry")],
      ["setAgencyActive", (s, caller) => s.agencies.connect(caller).setAgencyActive(FINANCE, false)],
      ["rotateAgencyKey", (s, caller) => s.agencies.connect(caller).rotateAgencyKey(FINANCE, NEW_KEY)],
      ["addRegistrar", (s, caller) => s.agencies.connect(caller).addRegistrar(FINANCE, caller.address)],
      ["removeRegistrar", (s, caller) => s.agencies.connect(caller).removeRegistrar(FINANCE, financeRegistrar.address)],
    ];

    for (const [fn, call] of privileged) {
      it(`${fn} reverts with NotTimelock for a stranger, a registrar, an official and the deployer`, async function () {
        const s = await t.loadSystem();
        await expectNoChange(s, async () => {
          for (const caller of [stranger, financeRegistrar, digitalRegistrar, officials[0], deployer]) {
            await expect(call(s, caller))
              .to.be.revertedWithCustomError(s.agencies, "NotTimelock")
              .withArgs(caller.address);
          }
        });
      });
    }
  });

  describe("governance end to end", function () {
    it("adding a ministry is one proposal: its registrar can issue an Order at once", async function () {
      const s = await t.loadSystem();
      const registrar = candidates[0];
      const order = hashOf("Order No. 1 of the Ministry of Justice");
      await expect(s.documents.connect(registrar).issue(DocType.Order, NEW_ID, order, META, ZeroHash))
        .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
        .withArgs(registrar.address, DocType.Order, NEW_ID);

      await t.govern(s, [action(s.agencies, "addAgency", [justice([registrar.address])])], "Create the Ministry of Justice");

      expect(await agencyOf(s, NEW_ID)).to.deep.equal({
        name: "Ministry of Justice",
        active: true,
        pqKeyHash: NEW_KEY,
        registrarCount: 1n,
      });
      expect(await s.agencies.isRegistrar(NEW_ID, registrar.address)).to.equal(true);
      await expect(s.documents.connect(registrar).issue(DocType.Order, NEW_ID, order, META, ZeroHash))
        .to.emit(s.documents, "DocumentIssued")
        .withArgs(BigInt(order), DocType.Order, NEW_ID, registrar.address, META, ZeroHash);
      expect(await s.documents.ownerOf(BigInt(order))).to.equal(registrar.address);
    });

    it("deactivating a ministry by proposal stops its registrar", async function () {
      const s = await t.loadSystem();
      await t.govern(s, [action(s.agencies, "setAgencyActive", [DIGITAL, false])], "Dissolve the Ministry of Digital Development");
      expect(await s.agencies.isActive(DIGITAL)).to.equal(false);
      await expect(
        s.documents.connect(digitalRegistrar).issue(DocType.Notice, DIGITAL, hashOf("late notice"), META, ZeroHash),
      )
        .to.be.revertedWithCustomError(s.documents, "UnauthorizedIssuer")
        .withArgs(digitalRegistrar.address, DocType.Notice, DIGITAL);
    });
  });
});
