// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "forge-std/Test.sol";
import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {AgencyRegistry} from "../../contracts/governance/AgencyRegistry.sol";
import {GovernmentGovernor} from "../../contracts/governance/GovernmentGovernor.sol";
import {IAgencyRegistry} from "../../contracts/governance/IAgencyRegistry.sol";
import {IOfficialSeats} from "../../contracts/governance/IOfficialSeats.sol";
import {OfficialSeats} from "../../contracts/governance/OfficialSeats.sol";

/// @dev Exposes the guardian setter so that a fuzzed guardian can be installed without a full proposal cycle.
contract GuardianSettableGovernor is GovernmentGovernor {
    constructor(
        IOfficialSeats seats,
        TimelockController timelock_,
        Config memory config
    ) GovernmentGovernor(seats, timelock_, config) {}

    function installGuardian(address guardian) external {
        _setProposalGuardian(guardian);
    }
}

/// @notice Fuzzed councils of 1–150 seats (across the 112 packed vote bits) voting at random: tallies, the
/// has-voted bits and the rounded-up quorum always match a plain recount.
contract GovernmentGovernorFuzzTest is Test {
    uint48 internal constant DELAY = 60;
    uint32 internal constant PERIOD = 3600;

    function _deploy(uint256 n, uint256 quorumPercent)
        internal
        returns (GovernmentGovernor governor, address[] memory officials)
    {
        vm.warp(1_800_000_000);
        TimelockController timelock = new TimelockController(0, new address[](0), new address[](0), address(this));
        IAgencyRegistry.AgencyInit[] memory agencies = new IAgencyRegistry.AgencyInit[](1);
        agencies[0] = IAgencyRegistry.AgencyInit(1, "Council", keccak256("key"), new address[](0));
        AgencyRegistry registry = new AgencyRegistry(address(timelock), agencies);
        officials = new address[](n);
        IOfficialSeats.SeatInit[] memory genesis = new IOfficialSeats.SeatInit[](n);
        for (uint256 i = 0; i < n; ++i) {
            officials[i] = address(uint160(0x10000 + i));
            genesis[i] = IOfficialSeats.SeatInit(officials[i], 1, 1);
        }
        OfficialSeats seats = new OfficialSeats(address(timelock), registry, genesis);
        governor = new GuardianSettableGovernor(
            seats,
            timelock,
            GovernmentGovernor.Config({
                votingDelay: DELAY,
                votingPeriod: PERIOD,
                quorumPercent: quorumPercent,
                lateQuorumExtension: 0
            })
        );
        vm.warp(block.timestamp + 1);
    }

    function _propose(GovernmentGovernor governor, address proposer) internal returns (uint256 id) {
        address[] memory targets = new address[](1);
        targets[0] = address(governor);
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = abi.encodeCall(governor.setLateQuorumVoteExtension, (1));
        vm.prank(proposer);
        id = governor.propose(targets, values, calldatas, "fuzz");
        vm.warp(block.timestamp + DELAY + 1);
    }

    /// @dev Every official votes at random (a quarter stay away); each second attempt must revert.
    function _voteAtRandom(
        GovernmentGovernor governor,
        address[] memory officials,
        uint256 id,
        uint256 seed
    ) internal returns (uint256[3] memory counts) {
        for (uint256 i = 0; i < officials.length; ++i) {
            uint256 r = uint256(keccak256(abi.encode(seed, i)));
            if (r % 4 == 3) continue;
            uint8 support = uint8(r % 3);
            vm.prank(officials[i]);
            governor.castVote(id, support);
            counts[support] += 1;
            assertTrue(governor.hasVoted(id, officials[i]));
            vm.prank(officials[i]);
            vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorAlreadyCastVote.selector, officials[i]));
            governor.castVote(id, support);
        }
    }

    function testFuzz_talliesMatchARecount(uint8 rawN, uint8 rawPercent, uint256 seed) public {
        uint256 n = bound(rawN, 1, 150);
        uint256 percent = bound(rawPercent, 1, 100);
        (GovernmentGovernor governor, address[] memory officials) = _deploy(n, percent);
        uint256 id = _propose(governor, officials[0]);
        uint256[3] memory counts = _voteAtRandom(governor, officials, id, seed);

        (uint256 against, uint256 forVotes, uint256 abstain) = governor.proposalVotes(id);
        assertEq(against, counts[0]);
        assertEq(forVotes, counts[1]);
        assertEq(abstain, counts[2]);

        uint256 quorum = governor.quorum(governor.proposalSnapshot(id));
        assertEq(quorum, (n * percent + 99) / 100);
        assertGt(quorum, 0);

        vm.warp(governor.proposalDeadline(id) + 1);
        bool passes = forVotes + abstain >= quorum && forVotes > against;
        assertEq(
            uint8(governor.state(id)),
            uint8(passes ? IGovernor.ProposalState.Succeeded : IGovernor.ProposalState.Defeated)
        );
    }

    /// @dev The fuzzed proposal's calls (kept in storage: too many values for the stack otherwise).
    address[] internal _targets;
    uint256[] internal _values;
    bytes[] internal _calldatas;

    /// @dev 1–4 calls of `setProposalGuardian(random)` on `governor`; with `poisoned`, the one at `rawPoisonAt` is
    /// another of its functions.
    function _buildRecall(GovernmentGovernor governor, uint8 rawCalls, uint8 rawPoisonAt, bool poisoned, uint256 seed) internal {
        uint256 calls = bound(rawCalls, 1, 4);
        uint256 poisonAt = bound(rawPoisonAt, 0, calls - 1);
        for (uint256 i = 0; i < calls; ++i) {
            address next = address(uint160(uint256(keccak256(abi.encode(seed, i)))));
            _targets.push(address(governor));
            _values.push(0);
            _calldatas.push(
                poisoned && i == poisonAt
                    ? abi.encodeCall(governor.setLateQuorumVoteExtension, (1))
                    : abi.encodeCall(governor.setProposalGuardian, (next))
            );
        }
    }

    /// @dev The guardian tries to cancel: reverts for a recall, succeeds otherwise. The state is restored after.
    function _guardianTriesToCancel(GovernmentGovernor governor, address guardian, uint256 id, bool recall) internal {
        uint256 snapshot = vm.snapshotState();
        vm.prank(guardian);
        if (recall) vm.expectRevert(abi.encodeWithSelector(IGovernor.GovernorUnableToCancel.selector, id, guardian));
        governor.cancel(_targets, _values, _calldatas, keccak256("recall"));
        if (!recall) assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Canceled));
        vm.revertToState(snapshot);
    }

    /// @dev A compromised guardian never cancels a pure recall (every call `setProposalGuardian`, any arguments,
    /// 1–4 calls), pending or active; one other call anywhere in the bundle makes it an ordinary proposal again.
    function testFuzz_guardianCannotCancelItsRecall(
        address guardian,
        uint8 rawCalls,
        uint8 rawPoisonAt,
        bool poisoned,
        uint256 seed
    ) public {
        (GovernmentGovernor governor, address[] memory officials) = _deploy(3, 50);
        vm.assume(guardian != address(0) && guardian != officials[0]);
        GuardianSettableGovernor(payable(address(governor))).installGuardian(guardian);
        _buildRecall(governor, rawCalls, rawPoisonAt, poisoned, seed);
        vm.prank(officials[0]);
        uint256 id = governor.propose(_targets, _values, _calldatas, "recall");
        assertEq(governor.isGuardianRecall(id), !poisoned);

        _guardianTriesToCancel(governor, guardian, id, !poisoned); // pending
        vm.warp(block.timestamp + DELAY + 1);
        _guardianTriesToCancel(governor, guardian, id, !poisoned); // active
    }
}
