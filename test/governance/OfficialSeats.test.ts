import { expect } from "chai";
import { ZeroAddress, id as keccakId, toBeHex } from "ethers";

import { DIGITAL, FINANCE, setup } from "../helpers/fixtures.js";

const t = await setup();
const { cast, networkHelpers } = t;
const { time } = networkHelpers;

/** ERC-165 ids: XOR of the function selectors of an interface. */
const interfaceId = (signatures: string[]): string =>
  toBeHex(signatures.map((sig) => BigInt(keccakId(sig).slice(0, 10))).reduce((a, b) => a ^ b, 0n), 4);
const IERC6372_ID = interfaceId(["clock()", "CLOCK_MODE()"]);
const IVOTES_ID = interfaceId([
  "getVotes(address)",
  "getPastVotes(address,uint256)",
  "getPastTotalSupply(uint256)",
  "delegates(address)",
  "delegate(address)",
  "delegateBySig(address,uint256,uint256,uint8,bytes32,bytes32)",
]);

/** Storage slot of OfficialSeats._lastSeatId (after _seats, _seatIds, _pastTerms, _totalCheckpoints). */
const LAST_SEAT_ID_SLOT = 4;

describe("OfficialSeats", function () {
  describe("genesis council", function () {
    it("seats the founding officials with ids 1..3, one vote each", async function () {
      const { seats } = await t.loadSystem();
      for (const [i, official] of cast.officials.entries()) {
        const seatId = BigInt(i + 1);
        expect(await seats.seatIdOf(official.address)).to.equal(seatId);
        expect(await seats.ownerOf(seatId)).to.equal(official.address);
        expect(await seats.balanceOf(official.address)).to.equal(1n);
        expect(await seats.getVotes(official.address)).to.equal(1n);
      }
      const third = await seats.seat(3);
      expect(third.holder).to.equal(cast.officials[2].address);
      expect(third.agencyId).to.equal(DIGITAL);
      expect(third.position).to.equal(1);
      expect(third.since).to.be.greaterThan(0n);
      expect(await seats.totalSupply()).to.equal(3n);
      expect(await seats.seatIdCount()).to.equal(3n);
    });
  });

  describe("issue", function () {
    it("seats an official, counting the vote from that second on", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const official = cast.candidates[0].address;
      await expect(s.seats.connect(timelock).issue(official, FINANCE, 3))
        .to.emit(s.seats, "Transfer")
        .withArgs(ZeroAddress, official, 4n)
        .and.to.emit(s.seats, "SeatIssued")
        .withArgs(4n, official, FINANCE, 3)
        .and.to.emit(s.seats, "DelegateVotesChanged")
        .withArgs(official, 0n, 1n)
        .and.to.emit(s.seats, "TotalSeatsChanged")
        .withArgs(3n, 4n);
      const seatedAt = BigInt(await time.latest());
      await time.increase(1);
      expect(await s.seats.getPastVotes(official, seatedAt - 1n)).to.equal(0n);
      expect(await s.seats.getPastVotes(official, seatedAt)).to.equal(1n);
      expect(await s.seats.pastSeatId(official, seatedAt)).to.equal(4n);
      expect(await s.seats.getPastTotalSupply(seatedAt - 1n)).to.equal(3n);
      expect(await s.seats.getPastTotalSupply(seatedAt)).to.equal(4n);
    });

    for (const who of ["stranger", "official", "registrar", "deployer"] as const) {
      it(`reverts when a ${who} issues a seat`, async function () {
        const s = await t.loadSystem();
        const caller = {
          stranger: cast.stranger,
          official: cast.officials[0],
          registrar: cast.financeRegistrar,
          deployer: cast.deployer,
        }[who];
        await expect(s.seats.connect(caller).issue(cast.candidates[0].address, FINANCE, 1))
          .to.be.revertedWithCustomError(s.seats, "NotTimelock")
          .withArgs(caller.address);
        expect(await s.seats.totalSupply()).to.equal(3n);
      });
    }

    it("reverts for the zero address", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      await expect(s.seats.connect(timelock).issue(ZeroAddress, FINANCE, 1)).to.be.revertedWithCustomError(
        s.seats,
        "ZeroAddress",
      );
    });

    it("reverts for an unknown or inactive agency", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      await expect(s.seats.connect(timelock).issue(cast.candidates[0].address, 99, 1))
        .to.be.revertedWithCustomError(s.seats, "InactiveAgency")
        .withArgs(99);
      await s.agencies.connect(timelock).setAgencyActive(DIGITAL, false);
      await expect(s.seats.connect(timelock).issue(cast.candidates[0].address, DIGITAL, 1))
        .to.be.revertedWithCustomError(s.seats, "InactiveAgency")
        .withArgs(DIGITAL);
      expect(await s.seats.seatIdOf(cast.candidates[0].address)).to.equal(0n);
    });

    it("reverts when the official already holds a seat", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      await expect(s.seats.connect(timelock).issue(cast.officials[0].address, DIGITAL, 1))
        .to.be.revertedWithCustomError(s.seats, "AlreadySeated")
        .withArgs(cast.officials[0].address);
      expect((await s.seats.seat(1)).agencyId).to.equal(FINANCE);
    });

    it("reverts with SeatLimitReached past the 24-bit seat id space", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const max = await s.seats.MAX_SEAT_ID();
      await networkHelpers.setStorageAt(s.seats.target as string, LAST_SEAT_ID_SLOT, toBeHex(max, 32));
      await expect(
        s.seats.connect(timelock).issue(cast.candidates[0].address, FINANCE, 1),
      ).to.be.revertedWithCustomError(s.seats, "SeatLimitReached");
    });
  });

  describe("revoke", function () {
    it("ends the term: the vote stays in past snapshots and is gone from later ones", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const official = cast.officials[1].address;
      await time.increase(10);
      const before = BigInt(await time.latest());
      await expect(s.seats.connect(timelock).revoke(official))
        .to.emit(s.seats, "Transfer")
        .withArgs(official, ZeroAddress, 2n)
        .and.to.emit(s.seats, "SeatRevoked")
        .withArgs(2n, official)
        .and.to.emit(s.seats, "DelegateVotesChanged")
        .withArgs(official, 1n, 0n)
        .and.to.emit(s.seats, "TotalSeatsChanged")
        .withArgs(3n, 2n);
      const revokedAt = BigInt(await time.latest());
      await time.increase(1);
      expect(await s.seats.getPastVotes(official, before)).to.equal(1n);
      expect(await s.seats.getPastVotes(official, revokedAt)).to.equal(0n);
      expect(await s.seats.getVotes(official)).to.equal(0n);
      expect(await s.seats.balanceOf(official)).to.equal(0n);
      await expect(s.seats.ownerOf(2)).to.be.revertedWithCustomError(s.seats, "ERC721NonexistentToken").withArgs(2n);
      const terms = await s.seats.pastTerms(2);
      expect(terms.length).to.equal(1);
      expect(terms[0]?.end).to.equal(revokedAt);
    });

    it("reverts when the account holds no seat", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      await expect(s.seats.connect(timelock).revoke(cast.stranger.address))
        .to.be.revertedWithCustomError(s.seats, "NotSeated")
        .withArgs(cast.stranger.address);
      await s.seats.connect(timelock).revoke(cast.officials[0].address);
      await expect(s.seats.connect(timelock).revoke(cast.officials[0].address))
        .to.be.revertedWithCustomError(s.seats, "NotSeated")
        .withArgs(cast.officials[0].address);
    });

    it("reverts when a non-timelock revokes", async function () {
      const s = await t.loadSystem();
      await expect(s.seats.connect(cast.officials[0]).revoke(cast.officials[1].address))
        .to.be.revertedWithCustomError(s.seats, "NotTimelock")
        .withArgs(cast.officials[0].address);
    });

    it("gives a re-seated official the same seat id and keeps every term in the vote history", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const official = cast.officials[2].address;
      const firstTerm = BigInt(await time.latest());
      await time.increase(100);
      await s.seats.connect(timelock).revoke(official);
      const gap = BigInt(await time.latest()) + 50n;
      await time.increase(100);
      await s.seats.connect(timelock).issue(official, FINANCE, 2);
      const secondTerm = BigInt(await time.latest());
      await time.increase(100);
      await s.seats.connect(timelock).revoke(official);
      await time.increase(100);
      await s.seats.connect(timelock).issue(official, DIGITAL, 1);
      const thirdTerm = BigInt(await time.latest());
      await time.increase(1);

      expect(await s.seats.seatIdOf(official)).to.equal(3n);
      expect(await s.seats.getPastVotes(official, firstTerm)).to.equal(1n);
      expect(await s.seats.getPastVotes(official, gap)).to.equal(0n);
      expect(await s.seats.getPastVotes(official, secondTerm)).to.equal(1n);
      expect(await s.seats.getPastVotes(official, thirdTerm - 1n)).to.equal(0n);
      expect(await s.seats.getPastVotes(official, thirdTerm)).to.equal(1n);
      expect(await s.seats.pastSeatId(official, secondTerm)).to.equal(3n);
      expect(await s.seats.pastSeatId(official, gap)).to.equal(0n);
      expect((await s.seats.pastTerms(3)).length).to.equal(2);
      expect(await s.seats.seatIdCount()).to.equal(3n);
    });
  });

  describe("reassign", function () {
    it("moves a seated official to another agency and position without ending the term", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      const official = cast.officials[0].address;
      const since = (await s.seats.seat(1)).since;
      await expect(s.seats.connect(timelock).reassign(official, DIGITAL, 5))
        .to.emit(s.seats, "SeatReassigned")
        .withArgs(1n, official, DIGITAL, 5);
      const seat = await s.seats.seat(1);
      expect([seat.agencyId, seat.position, seat.since]).to.deep.equal([BigInt(DIGITAL), 5n, since]);
    });

    it("reverts for an account without a seat, an inactive agency or a non-timelock caller", async function () {
      const s = await t.loadSystem();
      const timelock = await t.asTimelock(s);
      await expect(s.seats.connect(timelock).reassign(cast.stranger.address, DIGITAL, 1))
        .to.be.revertedWithCustomError(s.seats, "NotSeated")
        .withArgs(cast.stranger.address);
      await expect(s.seats.connect(timelock).reassign(cast.officials[0].address, 42, 1))
        .to.be.revertedWithCustomError(s.seats, "InactiveAgency")
        .withArgs(42);
      await expect(s.seats.connect(cast.stranger).reassign(cast.officials[0].address, DIGITAL, 1))
        .to.be.revertedWithCustomError(s.seats, "NotTimelock")
        .withArgs(cast.stranger.address);
      expect((await s.seats.seat(1)).agencyId).to.equal(FINANCE);
    });
  });

  describe("ERC-5805 votes", function () {
    it("uses the timestamp clock", async function () {
      const { seats } = await t.loadSystem();
      expect(await seats.CLOCK_MODE()).to.equal("mode=timestamp");
      await networkHelpers.mine();
      expect(await seats.clock()).to.equal(BigInt(await time.latest()));
    });

    it("reverts lookups that are not in the past", async function () {
      const { seats } = await t.loadSystem();
      const now = await seats.clock();
      for (const lookup of [
        () => seats.getPastVotes(cast.officials[0].address, now),
        () => seats.getPastTotalSupply(now + 10n),
        () => seats.pastSeatId(cast.officials[0].address, now),
      ]) {
        await expect(lookup()).to.be.revertedWithCustomError(seats, "ERC5805FutureLookup");
      }
    });

    it("has no votes and no seat id for an account never seated", async function () {
      const { seats } = await t.loadSystem();
      const past = (await seats.clock()) - 1n;
      expect(await seats.getVotes(cast.stranger.address)).to.equal(0n);
      expect(await seats.getPastVotes(cast.stranger.address, past)).to.equal(0n);
      expect(await seats.pastSeatId(cast.stranger.address, past)).to.equal(0n);
      expect(await seats.seatIdOf(cast.stranger.address)).to.equal(0n);
    });

    it("makes every account its own delegate and refuses delegation", async function () {
      const { seats } = await t.loadSystem();
      expect(await seats.delegates(cast.officials[0].address)).to.equal(cast.officials[0].address);
      await expect(seats.connect(cast.officials[0]).delegate(cast.officials[1].address)).to.be.revertedWithCustomError(
        seats,
        "SeatVotesNotDelegable",
      );
      await expect(
        seats.delegateBySig(cast.officials[1].address, 0, 0, 27, keccakId("r"), keccakId("s")),
      ).to.be.revertedWithCustomError(seats, "SeatVotesNotDelegable");
    });
  });

  describe("soulbound ERC-721", function () {
    it("reverts every transfer and approval", async function () {
      const { seats } = await t.loadSystem();
      const [a, b] = [cast.officials[0], cast.stranger];
      const attempts = [
        seats.connect(a).transferFrom(a.address, b.address, 1),
        seats.connect(a)["safeTransferFrom(address,address,uint256)"](a.address, b.address, 1),
        seats.connect(a)["safeTransferFrom(address,address,uint256,bytes)"](a.address, b.address, 1, "0x"),
        seats.connect(a).approve(b.address, 1),
        seats.connect(a).setApprovalForAll(b.address, true),
      ];
      for (const attempt of attempts) {
        await expect(attempt).to.be.revertedWithCustomError(seats, "SoulboundTokenNotTransferable");
      }
      expect(await seats.ownerOf(1)).to.equal(a.address);
    });

    it("reports no approvals and rejects queries about nothing", async function () {
      const { seats } = await t.loadSystem();
      expect(await seats.getApproved(1)).to.equal(ZeroAddress);
      expect(await seats.isApprovedForAll(cast.officials[0].address, cast.stranger.address)).to.equal(false);
      await expect(seats.getApproved(77)).to.be.revertedWithCustomError(seats, "ERC721NonexistentToken").withArgs(77n);
      await expect(seats.balanceOf(ZeroAddress))
        .to.be.revertedWithCustomError(seats, "ERC721InvalidOwner")
        .withArgs(ZeroAddress);
      expect(await seats.balanceOf(cast.stranger.address)).to.equal(0n);
    });

    it("names itself and describes a seat without personal data", async function () {
      const { seats } = await t.loadSystem();
      expect(await seats.name()).to.equal("Government DAO Seat");
      expect(await seats.symbol()).to.equal("SEAT");
      const uri = await seats.tokenURI(3);
      const prefix = "data:application/json;base64,";
      expect(uri.startsWith(prefix)).to.equal(true);
      const json = JSON.parse(Buffer.from(uri.slice(prefix.length), "base64").toString("utf8")) as {
        name: string;
        attributes: { trait_type: string; value: number }[];
      };
      expect(json.name).to.equal("Seat #3");
      expect(json.attributes.map((a) => [a.trait_type, a.value]).slice(0, 2)).to.deep.equal([
        ["agency", DIGITAL],
        ["position", 1],
      ]);
      await expect(seats.tokenURI(9)).to.be.revertedWithCustomError(seats, "ERC721NonexistentToken");
    });

    it("supports ERC-165 for ERC-721, its metadata and ERC-5805", async function () {
      const { seats } = await t.loadSystem();
      expect(await seats.supportsInterface("0x80ac58cd")).to.equal(true);
      expect(await seats.supportsInterface("0x5b5e139f")).to.equal(true);
      expect(await seats.supportsInterface("0x01ffc9a7")).to.equal(true);
      expect(await seats.supportsInterface(IVOTES_ID)).to.equal(true);
      expect(await seats.supportsInterface(IERC6372_ID)).to.equal(true);
      expect(await seats.supportsInterface("0xffffffff")).to.equal(false);
      expect(await seats.supportsInterface("0x00000000")).to.equal(false);
    });
  });

  describe("deployment", function () {
    it("reverts with ZeroAddress for a missing timelock or agency registry", async function () {
      const s = await t.loadSystem();
      const factory = await t.ethers.getContractFactory("OfficialSeats");
      await expect(factory.deploy(ZeroAddress, s.agencies.target, [])).to.be.revertedWithCustomError(
        factory,
        "ZeroAddress",
      );
      await expect(factory.deploy(s.timelock.target, ZeroAddress, [])).to.be.revertedWithCustomError(
        factory,
        "ZeroAddress",
      );
    });
  });
});
