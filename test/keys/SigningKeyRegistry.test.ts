import { expect } from "chai";
import { ZeroAddress, ZeroHash } from "ethers";

import { hashOf, setup, type System } from "../helpers/fixtures.js";

const t = await setup();
const { officials, financeRegistrar, stranger, deployer } = t.cast;

const EXTRACT = 0;
const GENESIS_KEY = hashOf("public API extract key, genesis");
const NEXT_KEY = hashOf("public API extract key, next");

interface KeyView {
  purpose: bigint;
  keyHash: string;
  validFrom: bigint;
  validUntil: bigint;
}
const view = (k: KeyView): KeyView => ({ purpose: k.purpose, keyHash: k.keyHash, validFrom: k.validFrom, validUntil: k.validUntil });

async function asTimelock(s: System) {
  return s.signingKeys.connect(await t.asTimelock(s));
}

/** Every key as plain values, and the id of each test hash: what a refused call must leave as it was. */
async function registryState(s: System) {
  const count = await s.signingKeys.keyCount();
  const keys: KeyView[] = [];
  for (let id = 1n; id <= count; id++) keys.push(view(await s.signingKeys.key(id)));
  return { count, keys, ids: await Promise.all([GENESIS_KEY, NEXT_KEY].map((h) => s.signingKeys.keyIdOf(h))) };
}

async function expectNoChange(s: System, assertion: () => Promise<unknown>): Promise<void> {
  const before = await registryState(s);
  await assertion();
  expect(await registryState(s)).to.deep.equal(before);
}

const now = async (): Promise<bigint> => BigInt(await t.networkHelpers.time.latest());

/** A registry of its own, with the genesis extract key (the fixture's deployment registers none). */
async function deployWithGenesis(s: System) {
  const factory = await t.ethers.getContractFactory("SigningKeyRegistry");
  return factory.deploy(s.timelock.target, [{ purpose: EXTRACT, keyHash: GENESIS_KEY }]);
}

describe("SigningKeyRegistry", function () {
  describe("genesis (constructor)", function () {
    it("registers the genesis keys, valid from the deployment's block, and emits KeyRegistered", async function () {
      const s = await t.loadSystem();
      const registry = await deployWithGenesis(s);
      const deployment = registry.deploymentTransaction();
      if (deployment === null) throw new Error("no deployment transaction");
      const block = await t.ethers.provider.getBlock((await deployment.wait())?.blockNumber ?? 0);
      const at = BigInt(block?.timestamp ?? 0);
      await expect(deployment).to.emit(registry, "KeyRegistered").withArgs(1, EXTRACT, GENESIS_KEY, at);
      expect(await registry.timelock()).to.equal(s.timelock.target);
      expect(await registry.keyCount()).to.equal(1n);
      expect(view(await registry.key(1))).to.deep.equal({ purpose: 0n, keyHash: GENESIS_KEY, validFrom: at, validUntil: 0n });
      expect(await registry.keyIdOf(GENESIS_KEY)).to.equal(1n);
      expect(await registry.keyIdOf(NEXT_KEY)).to.equal(0n);
    });

    it("deploys with no key (the fixture's system) and knows no id", async function () {
      const s = await t.loadSystem();
      expect(await s.signingKeys.keyCount()).to.equal(0n);
      for (const id of [0, 1]) {
        await expect(s.signingKeys.key(id)).to.be.revertedWithCustomError(s.signingKeys, "UnknownSigningKey").withArgs(id);
        expect(await s.signingKeys.isValidAt(id, EXTRACT, await now())).to.equal(false);
      }
    });

    it("validates the genesis set like registerKey and refuses a zero Timelock", async function () {
      const s = await t.loadSystem();
      const factory = await t.ethers.getContractFactory("SigningKeyRegistry");
      await expect(factory.deploy(ZeroAddress, [])).to.be.revertedWithCustomError(factory, "ZeroAddress").withArgs();
      await expect(factory.deploy(s.timelock.target, [{ purpose: EXTRACT, keyHash: ZeroHash }]))
        .to.be.revertedWithCustomError(factory, "EmptySigningKeyHash")
        .withArgs();
      const twice = [{ purpose: EXTRACT, keyHash: GENESIS_KEY }, { purpose: EXTRACT, keyHash: GENESIS_KEY }];
      await expect(factory.deploy(s.timelock.target, twice)).to.be.revertedWithCustomError(factory, "SigningKeyExists").withArgs(GENESIS_KEY, 1);
    });
  });

  describe("registerKey", function () {
    it("registers a key valid from this block, with the next id", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await expect(registry.registerKey(EXTRACT, GENESIS_KEY)).to.emit(s.signingKeys, "KeyRegistered");
      const tx = await registry.registerKey(EXTRACT, NEXT_KEY);
      await expect(tx).to.emit(s.signingKeys, "KeyRegistered").withArgs(2, EXTRACT, NEXT_KEY, await now());
      const at = await now();
      expect(view(await s.signingKeys.key(2))).to.deep.equal({ purpose: 0n, keyHash: NEXT_KEY, validFrom: at, validUntil: 0n });
      expect(await s.signingKeys.keyIdOf(NEXT_KEY)).to.equal(2n);
      expect(await s.signingKeys.keyCount()).to.equal(2n);
      expect(await s.signingKeys.isValidAt(2, EXTRACT, at)).to.equal(true);
      expect(await s.signingKeys.isValidAt(2, EXTRACT, at - 1n)).to.equal(false);
      expect(await s.signingKeys.isValidAt(2, EXTRACT, at + 10n ** 9n)).to.equal(true);
    });

    it("reverts with EmptySigningKeyHash for a zero hash, and SigningKeyExists for a key registered before", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await registry.registerKey(EXTRACT, GENESIS_KEY);
      await expectNoChange(s, () => expect(registry.registerKey(EXTRACT, ZeroHash)).to.be.revertedWithCustomError(s.signingKeys, "EmptySigningKeyHash").withArgs());
      await expectNoChange(s, () => expect(registry.registerKey(EXTRACT, GENESIS_KEY)).to.be.revertedWithCustomError(s.signingKeys, "SigningKeyExists").withArgs(GENESIS_KEY, 1));
      // Retired keys stay registered: a retired key pair is never taken back into service.
      await registry.retireKey(1, false);
      await expectNoChange(s, () => expect(registry.registerKey(EXTRACT, GENESIS_KEY)).to.be.revertedWithCustomError(s.signingKeys, "SigningKeyExists").withArgs(GENESIS_KEY, 1));
    });

    it("reverts with NotTimelock for a stranger, a registrar, an official and the deployer", async function () {
      const s = await t.loadSystem();
      for (const caller of [stranger, financeRegistrar, officials[0], deployer]) {
        await expectNoChange(s, () =>
          expect(s.signingKeys.connect(caller).registerKey(EXTRACT, NEXT_KEY)).to.be.revertedWithCustomError(s.signingKeys, "NotTimelock").withArgs(caller.address),
        );
      }
    });

    it("registers a key by proposal, through the Timelock", async function () {
      const s = await t.loadSystem();
      await t.govern(s, [{ target: s.signingKeys.target as string, value: 0n, data: s.signingKeys.interface.encodeFunctionData("registerKey", [EXTRACT, NEXT_KEY]) }], "Register the public API's extract key");
      expect(await s.signingKeys.keyIdOf(NEXT_KEY)).to.equal(1n);
    });
  });

  describe("retireKey", function () {
    it("retires a key at this block: what it signed before stays valid, nothing after", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await registry.registerKey(EXTRACT, GENESIS_KEY);
      const from = await now();
      await t.networkHelpers.time.increase(100);
      const tx = await registry.retireKey(1, false);
      await expect(tx).to.emit(s.signingKeys, "KeyRetired").withArgs(1, await now(), false);
      const until = await now();
      expect(view(await s.signingKeys.key(1))).to.deep.equal({ purpose: 0n, keyHash: GENESIS_KEY, validFrom: from, validUntil: until });
      expect(await s.signingKeys.isValidAt(1, EXTRACT, from)).to.equal(true);
      expect(await s.signingKeys.isValidAt(1, EXTRACT, until - 1n)).to.equal(true);
      expect(await s.signingKeys.isValidAt(1, EXTRACT, until)).to.equal(false);
    });

    it("retires a compromised key for good: nothing it ever signed is valid, even after a rotation", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await registry.registerKey(EXTRACT, GENESIS_KEY);
      const from = await now();
      await t.networkHelpers.time.increase(100);
      await registry.retireKey(1, false);
      // Found leaked after its planned retirement: the period shrinks to nothing.
      await expect(registry.retireKey(1, true)).to.emit(s.signingKeys, "KeyRetired").withArgs(1, from, true);
      expect((await s.signingKeys.key(1)).validUntil).to.equal(from);
      expect(await s.signingKeys.isValidAt(1, EXTRACT, from)).to.equal(false);
    });

    it("reverts with SigningKeyRetired when the key is already retired, and UnknownSigningKey for an unknown id", async function () {
      const s = await t.loadSystem();
      const registry = await asTimelock(s);
      await registry.registerKey(EXTRACT, GENESIS_KEY);
      await registry.registerKey(EXTRACT, NEXT_KEY);
      await registry.retireKey(1, false);
      await expectNoChange(s, () => expect(registry.retireKey(1, false)).to.be.revertedWithCustomError(s.signingKeys, "SigningKeyRetired").withArgs(1));
      await registry.retireKey(2, true);
      await expectNoChange(s, () => expect(registry.retireKey(2, true)).to.be.revertedWithCustomError(s.signingKeys, "SigningKeyRetired").withArgs(2));
      await expectNoChange(s, () => expect(registry.retireKey(2, false)).to.be.revertedWithCustomError(s.signingKeys, "SigningKeyRetired").withArgs(2));
      for (const id of [0, 3]) {
        await expectNoChange(s, () => expect(registry.retireKey(id, false)).to.be.revertedWithCustomError(s.signingKeys, "UnknownSigningKey").withArgs(id));
      }
    });

    it("reverts with NotTimelock for a stranger, a registrar, an official and the deployer", async function () {
      const s = await t.loadSystem();
      await (await asTimelock(s)).registerKey(EXTRACT, GENESIS_KEY);
      for (const caller of [stranger, financeRegistrar, officials[0], deployer]) {
        await expectNoChange(s, () =>
          expect(s.signingKeys.connect(caller).retireKey(1, true)).to.be.revertedWithCustomError(s.signingKeys, "NotTimelock").withArgs(caller.address),
        );
      }
    });
  });
});
