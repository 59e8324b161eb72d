import { expect } from "chai";
import { ZeroAddress } from "ethers";
import { anyValue } from "@nomicfoundation/hardhat-ethers-chai-matchers/withArgs";

import { setup } from "../helpers/fixtures.js";
import { signPermit } from "../helpers/signatures.js";

const t = await setup();
const { cast, networkHelpers } = t;
const { time } = networkHelpers;

/** The supply the fixture mints: one billion tenge, in tiyn. */
const SUPPLY = 1_000_000_000_00n;


describe("DigitalTenge", function () {
  describe("supply", function () {
    it("mints the whole fixed supply to the holder at deployment", async function () {
      const { tenge } = await t.loadSystem();
      expect(SUPPLY).to.equal(BigInt(t.parameters.DigitalTenge.supply));
      expect(await tenge.totalSupply()).to.equal(SUPPLY);
      expect(await tenge.balanceOf(cast.treasurer.address)).to.equal(SUPPLY);
      expect(await tenge.balanceOf(cast.deployer.address)).to.equal(0n);
    });

    it("emits the mint as a Transfer from the zero address to the holder of a fresh deployment", async function () {
      const tenge = await t.ethers.deployContract("DigitalTenge", [cast.stranger.address, 42_00n]);
      await expect(tenge.deploymentTransaction())
        .to.emit(tenge, "Transfer")
        .withArgs(ZeroAddress, cast.stranger.address, 42_00n);
      expect(await tenge.totalSupply()).to.equal(42_00n);
      expect(await tenge.balanceOf(cast.stranger.address)).to.equal(42_00n);
    });

    it("has no mint, burn or owner function in its ABI", async function () {
      const { tenge } = await t.loadSystem();
      const names: string[] = [];
      tenge.interface.forEachFunction((fn) => names.push(fn.name));
      for (const forbidden of ["mint", "burn", "burnFrom", "owner", "transferOwnership", "grantRole", "pause"]) {
        expect(names).to.not.include(forbidden);
      }
      expect(names).to.include.members(["transfer", "transferFrom", "approve", "permit", "nonces", "DOMAIN_SEPARATOR"]);
    });

    it("keeps the total supply fixed through transfers", async function () {
      const { tenge } = await t.loadSystem();
      await tenge.connect(cast.treasurer).transfer(cast.recipient.address, 123_45n);
      await tenge.connect(cast.recipient).transfer(cast.stranger.address, 23_45n);
      expect(await tenge.totalSupply()).to.equal(SUPPLY);
      expect(await tenge.balanceOf(cast.treasurer.address)).to.equal(SUPPLY - 123_45n);
      expect(await tenge.balanceOf(cast.recipient.address)).to.equal(100_00n);
      expect(await tenge.balanceOf(cast.stranger.address)).to.equal(23_45n);
    });
  });

  describe("metadata", function () {
    it("is named Digital Tenge (DKZT) and counts in tiyn: 2 decimals", async function () {
      const { tenge } = await t.loadSystem();
      expect(await tenge.name()).to.equal("Digital Tenge");
      expect(await tenge.symbol()).to.equal("DKZT");
      expect(await tenge.decimals()).to.equal(2n);
    });

    it("signs permits in the EIP-712 domain Digital Tenge, version 1, of this chain and contract", async function () {
      const { tenge } = await t.loadSystem();
      const { chainId } = await t.ethers.provider.getNetwork();
      const domain = await tenge.eip712Domain();
      expect(domain.name).to.equal("Digital Tenge");
      expect(domain.version).to.equal("1");
      expect(domain.chainId).to.equal(chainId);
      expect(domain.verifyingContract).to.equal(tenge.target);
    });
  });

  describe("permit", function () {
    it("sets an allowance from the holder's signature, submitted by anyone, and spends the nonce", async function () {
      const { tenge } = await t.loadSystem();
      const { treasurer, stranger, recipient } = cast;
      const deadline = BigInt(await time.latest()) + 3_600n;
      const sig = await signPermit(tenge, treasurer, recipient.address, 500_00n, deadline);
      await expect(
        tenge.connect(stranger).permit(treasurer.address, recipient.address, 500_00n, deadline, sig.v, sig.r, sig.s),
      )
        .to.emit(tenge, "Approval")
        .withArgs(treasurer.address, recipient.address, 500_00n);
      expect(await tenge.allowance(treasurer.address, recipient.address)).to.equal(500_00n);
      expect(await tenge.nonces(treasurer.address)).to.equal(1n);
      await expect(
        tenge.connect(recipient).transferFrom(treasurer.address, recipient.address, 500_00n),
      ).to.changeTokenBalances(t.ethers, tenge, [treasurer, recipient], [-500_00n, 500_00n]);
    });

    it("reverts with ERC2612ExpiredSignature after the deadline", async function () {
      const { tenge } = await t.loadSystem();
      const { treasurer, recipient } = cast;
      const deadline = BigInt(await time.latest()) + 60n;
      const sig = await signPermit(tenge, treasurer, recipient.address, 1n, deadline);
      await time.increaseTo(deadline + 1n);
      await expect(tenge.permit(treasurer.address, recipient.address, 1n, deadline, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(tenge, "ERC2612ExpiredSignature")
        .withArgs(deadline);
      expect(await tenge.allowance(treasurer.address, recipient.address)).to.equal(0n);
      expect(await tenge.nonces(treasurer.address)).to.equal(0n);
    });

    it("reverts with ERC2612InvalidSigner for a permit signed by another account", async function () {
      const { tenge } = await t.loadSystem();
      const { treasurer, stranger, recipient } = cast;
      const deadline = BigInt(await time.latest()) + 3_600n;
      // The stranger signs a permit over the treasurer's balance.
      const forged = await signPermit(tenge, treasurer, recipient.address, 1n, deadline, stranger);
      await expect(tenge.permit(treasurer.address, recipient.address, 1n, deadline, forged.v, forged.r, forged.s))
        .to.be.revertedWithCustomError(tenge, "ERC2612InvalidSigner")
        .withArgs(stranger.address, treasurer.address);
      expect(await tenge.allowance(treasurer.address, recipient.address)).to.equal(0n);
    });

    it("reverts with ERC2612InvalidSigner when a used permit is replayed", async function () {
      const { tenge } = await t.loadSystem();
      const { treasurer, recipient } = cast;
      const deadline = BigInt(await time.latest()) + 3_600n;
      const sig = await signPermit(tenge, treasurer, recipient.address, 10n, deadline);
      await tenge.permit(treasurer.address, recipient.address, 10n, deadline, sig.v, sig.r, sig.s);
      await tenge.connect(recipient).transferFrom(treasurer.address, recipient.address, 10n);
      await expect(tenge.permit(treasurer.address, recipient.address, 10n, deadline, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(tenge, "ERC2612InvalidSigner")
        .withArgs(anyValue, treasurer.address);
      expect(await tenge.allowance(treasurer.address, recipient.address)).to.equal(0n);
      expect(await tenge.nonces(treasurer.address)).to.equal(1n);
    });

    it("reverts with ERC2612InvalidSigner when the value differs from the one signed", async function () {
      const { tenge } = await t.loadSystem();
      const { treasurer, recipient } = cast;
      const deadline = BigInt(await time.latest()) + 3_600n;
      const sig = await signPermit(tenge, treasurer, recipient.address, 10n, deadline);
      await expect(tenge.permit(treasurer.address, recipient.address, 10_000n, deadline, sig.v, sig.r, sig.s))
        .to.be.revertedWithCustomError(tenge, "ERC2612InvalidSigner")
        .withArgs(anyValue, treasurer.address);
    });
  });
});
