// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {AgencyRegistry} from "../../contracts/governance/AgencyRegistry.sol";
import {IAgencyRegistry} from "../../contracts/governance/IAgencyRegistry.sol";
import {IOfficialSeats} from "../../contracts/governance/IOfficialSeats.sol";
import {OfficialSeats} from "../../contracts/governance/OfficialSeats.sol";

/// @dev Acts as the Timelock: seats and unseats a fixed pool of accounts at random, and keeps ghost state.
contract SeatsHandler is Test {
    OfficialSeats public seats;
    address[] public actors;
    mapping(address => bool) public seated;
    mapping(address => uint256) public firstSeatId;
    uint256 public seatedCount;
    uint48[] public timepoints;

    function init(OfficialSeats seats_) external {
        require(address(seats) == address(0), "initialised");
        seats = seats_;
        for (uint256 i = 0; i < 12; ++i) actors.push(address(uint160(0x1000 + i)));
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function timepointCount() external view returns (uint256) {
        return timepoints.length;
    }

    function issue(uint256 actorSeed, uint16 position) external {
        address official = actors[actorSeed % actors.length];
        if (seated[official]) {
            vm.expectRevert(abi.encodeWithSelector(IOfficialSeats.AlreadySeated.selector, official));
            seats.issue(official, 1, position);
            return;
        }
        uint256 seatId = seats.issue(official, 1, position);
        if (firstSeatId[official] == 0) firstSeatId[official] = seatId;
        seated[official] = true;
        seatedCount += 1;
        timepoints.push(uint48(block.timestamp));
    }

    function revoke(uint256 actorSeed) external {
        address official = actors[actorSeed % actors.length];
        if (!seated[official]) {
            vm.expectRevert(abi.encodeWithSelector(IOfficialSeats.NotSeated.selector, official));
            seats.revoke(official);
            return;
        }
        seats.revoke(official);
        seated[official] = false;
        seatedCount -= 1;
        timepoints.push(uint48(block.timestamp));
    }

    function warp(uint16 secondsAhead) external {
        vm.warp(block.timestamp + bound(secondsAhead, 1, 3 days));
    }
}

/// @notice Invariants of OfficialSeats: one seat per address, votes = seats (now and at every past timepoint),
/// permanent seat ids.
contract OfficialSeatsInvariantTest is StdInvariant, Test {
    SeatsHandler internal handler;
    OfficialSeats internal seats;

    function setUp() public {
        vm.warp(1_800_000_000);
        handler = new SeatsHandler();
        IAgencyRegistry.AgencyInit[] memory genesis = new IAgencyRegistry.AgencyInit[](1);
        genesis[0] = IAgencyRegistry.AgencyInit(1, "Ministry of Finance", keccak256("key"), new address[](0));
        AgencyRegistry agencies = new AgencyRegistry(address(handler), genesis);
        seats = new OfficialSeats(address(handler), agencies, new IOfficialSeats.SeatInit[](0));
        handler.init(seats);
        targetContract(address(handler));
        bytes4[] memory selectors = new bytes4[](3);
        selectors[0] = SeatsHandler.issue.selector;
        selectors[1] = SeatsHandler.revoke.selector;
        selectors[2] = SeatsHandler.warp.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    function invariant_totalSupplyEqualsSeatedOfficials() public view {
        assertEq(seats.totalSupply(), handler.seatedCount());
    }

    function invariant_oneSeatPerAddressAndVotesEqualSeats() public view {
        for (uint256 i = 0; i < handler.actorCount(); ++i) {
            address actor = handler.actors(i);
            uint256 expected = handler.seated(actor) ? 1 : 0;
            assertEq(seats.balanceOf(actor), expected);
            assertEq(seats.getVotes(actor), expected);
            if (handler.firstSeatId(actor) != 0) assertEq(seats.seatIdOf(actor), handler.firstSeatId(actor));
        }
    }

    function invariant_pastVotesSumToPastSupply() public {
        vm.warp(block.timestamp + 1);
        uint256 n = handler.timepointCount();
        for (uint256 k = n > 4 ? n - 4 : 0; k < n; ++k) {
            uint48 timepoint = handler.timepoints(k);
            uint256 sum;
            for (uint256 i = 0; i < handler.actorCount(); ++i) sum += seats.getPastVotes(handler.actors(i), timepoint);
            assertEq(sum, seats.getPastTotalSupply(timepoint));
        }
    }
}

/// @notice Fuzzed terms of office: any sequence of seat/unseat gaps answers past votes correctly.
contract OfficialSeatsFuzzTest is Test {
    OfficialSeats internal seats;
    address internal constant OFFICIAL = address(0xA11CE);

    function setUp() public {
        vm.warp(1_800_000_000);
        IAgencyRegistry.AgencyInit[] memory genesis = new IAgencyRegistry.AgencyInit[](1);
        genesis[0] = IAgencyRegistry.AgencyInit(1, "Ministry of Finance", keccak256("key"), new address[](0));
        AgencyRegistry agencies = new AgencyRegistry(address(this), genesis);
        seats = new OfficialSeats(address(this), agencies, new IOfficialSeats.SeatInit[](0));
    }

    function testFuzz_termsOfOffice(uint16[8] memory gaps, uint256 probe) public {
        uint256[] memory starts = new uint256[](4);
        uint256[] memory ends = new uint256[](4);
        for (uint256 i = 0; i < 4; ++i) {
            vm.warp(block.timestamp + bound(gaps[2 * i], 1, 10_000));
            seats.issue(OFFICIAL, 1, 1);
            starts[i] = block.timestamp;
            vm.warp(block.timestamp + bound(gaps[2 * i + 1], 1, 10_000));
            seats.revoke(OFFICIAL);
            ends[i] = block.timestamp;
        }
        vm.warp(block.timestamp + 1);
        uint256 t = bound(probe, starts[0] - 5, block.timestamp - 1);
        uint256 expected;
        for (uint256 i = 0; i < 4; ++i) if (t >= starts[i] && t < ends[i]) expected = 1;
        assertEq(seats.getPastVotes(OFFICIAL, t), expected);
        assertEq(seats.pastSeatId(OFFICIAL, t), expected == 1 ? 1 : 0);
        assertEq(seats.getPastTotalSupply(t), expected);
    }
}
