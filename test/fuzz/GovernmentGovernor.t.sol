// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "forge-std/Test.sol";
import {GovernmentTimelock} from "../../contracts/governance/GovernmentTimelock.sol";
import {GovernorSettingsBounds} from "../../contracts/governance/GovernorSettingsBounds.sol";
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
        GovernmentTimelock timelock_,
        Config memory config,
        SettingsBounds memory bounds
    ) GovernmentGovernor(seats, timelock_, config, bounds) {}

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
        GovernmentTimelock timelock = new GovernmentTimelock(
            0,
            new address[](0),
            new address[](0),
            address(this),
            0,
            30 days,
            14 days
        );
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
            }),
            GovernorSettingsBounds.SettingsBounds(1, 7 days, 600, 14 days)
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

/// @notice A record the ordinary proposal of {GovernmentGovernorSettingsFuzzTest} writes, to prove it ran.
contract Noticeboard {
    uint256 public notices;

    function post() external {
        ++notices;
    }
}

/**
 * @notice Issue 15: after any sequence of passed settings changes, the council can still pass an ordinary proposal.
 * A fully wired council of three (Timelock with the Governor as proposer and canceller, open executor), then seven
 * settings changes with random values (in and far out of bounds) in random order, then propose → vote → queue →
 * execute must reach Executed.
 *
 * The Timelock's own settings (delay, grace period) are applied with `vm.prank(timelock)`, exactly as the Timelock
 * calls itself. The Governor's settings are `onlyGovernance`, which accepts a call from the Timelock only while it
 * executes a proposal containing that very call (a bare `vm.prank(timelock)` call is refused with an empty executor
 * queue), so each of those is passed as a proposal of its own: that is also how a real bad value would arrive, and it
 * lets every earlier change (delay, period, extension, quorum, Timelock delay) act on the later proposals. A change
 * that is out of bounds reverts (its execution fails) and is ignored.
 */
contract GovernmentGovernorSettingsFuzzTest is Test {
    uint256 internal constant COUNCIL = 3;

    GovernmentGovernor internal governor;
    GovernmentTimelock internal timelock;
    Noticeboard internal board;
    address[] internal officials;
    uint256 internal proposals;

    /// @notice How many settings changes took effect in the run (for the log).
    uint256 public applied;

    function setUp() public {
        vm.warp(1_800_000_000);
        timelock = new GovernmentTimelock(300, new address[](0), new address[](1), address(this), 60, 30 days, 14 days);
        IAgencyRegistry.AgencyInit[] memory agencies = new IAgencyRegistry.AgencyInit[](1);
        agencies[0] = IAgencyRegistry.AgencyInit(1, "Council", keccak256("key"), new address[](0));
        AgencyRegistry registry = new AgencyRegistry(address(timelock), agencies);
        IOfficialSeats.SeatInit[] memory genesis = new IOfficialSeats.SeatInit[](COUNCIL);
        for (uint256 i = 0; i < COUNCIL; ++i) {
            officials.push(address(uint160(0x20000 + i)));
            genesis[i] = IOfficialSeats.SeatInit(officials[i], 1, uint16(i + 1));
        }
        OfficialSeats seats = new OfficialSeats(address(timelock), registry, genesis);
        governor = new GovernmentGovernor(
            seats,
            timelock,
            GovernmentGovernor.Config({votingDelay: 60, votingPeriod: 3600, quorumPercent: 50, lateQuorumExtension: 600}),
            GovernorSettingsBounds.SettingsBounds(1, 7 days, 600, 14 days)
        );
        timelock.grantRole(timelock.PROPOSER_ROLE(), address(governor));
        timelock.grantRole(timelock.CANCELLER_ROLE(), address(governor));
        timelock.renounceRole(timelock.DEFAULT_ADMIN_ROLE(), address(this));
        board = new Noticeboard();
        vm.warp(block.timestamp + 1);
    }

    /// @dev Proposes `call` on `target`, every official votes for, then queue and execute once ready. Returns
    /// whether the execution succeeded; a proposal that cannot even be made or queued fails the test.
    function _pass(address target, bytes memory call) internal returns (uint256 id, bool executed) {
        address[] memory targets = new address[](1);
        targets[0] = target;
        uint256[] memory values = new uint256[](1);
        bytes[] memory calldatas = new bytes[](1);
        calldatas[0] = call;
        string memory description = string.concat("proposal ", vm.toString(++proposals));
        bytes32 descriptionHash = keccak256(bytes(description));

        vm.prank(officials[0]);
        id = governor.propose(targets, values, calldatas, description);
        vm.warp(governor.proposalSnapshot(id) + 1);
        for (uint256 i = 0; i < COUNCIL; ++i) {
            vm.prank(officials[i]);
            governor.castVote(id, 1);
        }
        vm.warp(governor.proposalDeadline(id) + 1);
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Succeeded), "did not succeed");
        governor.queue(targets, values, calldatas, descriptionHash);
        vm.warp(governor.proposalEta(id));
        try governor.execute(targets, values, calldatas, descriptionHash) {
            executed = true;
        } catch {
            executed = false;
        }
    }

    /// @dev A value that is either anywhere in the type's range or close to the edges of `lo` … `hi`.
    function _value(uint256 raw, uint256 lo, uint256 hi, uint256 max) internal pure returns (uint256) {
        if (raw % 3 == 0) return raw % (max == type(uint256).max ? max : max + 1);
        uint256 from = lo > 2 ? lo - 2 : 0;
        return bound(raw, from, hi + 2);
    }

    /// @dev Applies change `which` (0–6) with a value drawn from random input `raw`.
    function _apply(uint256 which, uint256 raw) internal {
        uint256 value;
        if (which == 0) value = _value(raw, 1, 7 days, type(uint48).max);
        else if (which == 1) value = _value(raw, 600, 14 days, type(uint32).max);
        else if (which == 2) value = _value(raw, 1, 1, type(uint256).max);
        else if (which == 3) value = _value(raw, 0, governor.votingPeriod(), type(uint48).max);
        else if (which == 4) value = _value(raw, 1, 100, type(uint256).max);
        else if (which == 5) value = _value(raw, 60, 30 days, type(uint256).max);
        else value = _value(raw, 1 days, 365 days, type(uint256).max);
        if (_applyValue(which, value)) ++applied;
    }

    /// @dev Applies change `which` (0–6) with `value`, as the Timelock would; returns whether it took effect.
    function _applyValue(uint256 which, uint256 value) internal returns (bool ok) {
        if (which == 0) {
            (, ok) = _pass(address(governor), abi.encodeCall(governor.setVotingDelay, (uint48(value))));
        } else if (which == 1) {
            (, ok) = _pass(address(governor), abi.encodeCall(governor.setVotingPeriod, (uint32(value))));
        } else if (which == 2) {
            (, ok) = _pass(address(governor), abi.encodeCall(governor.setProposalThreshold, (value)));
        } else if (which == 3) {
            (, ok) = _pass(address(governor), abi.encodeCall(governor.setLateQuorumVoteExtension, (uint48(value))));
        } else if (which == 4) {
            (, ok) = _pass(address(governor), abi.encodeCall(governor.updateQuorumNumerator, (value)));
        } else if (which == 5) {
            vm.prank(address(timelock));
            try timelock.updateDelay(value) {
                ok = true;
            } catch {}
        } else {
            vm.prank(address(timelock));
            try timelock.updateGracePeriod(value) {
                ok = true;
            } catch {}
        }
    }

    /// @dev The harness is not vacuous: values at the edges of the bounds all take effect ...
    function test_changesAtTheBoundsTakeEffect() public {
        uint256[7] memory values = [uint256(7 days), 14 days, 1, 14 days, 100, 30 days, 365 days];
        for (uint256 i = 0; i < 7; ++i) assertTrue(_applyValue(i, values[i]), vm.toString(i));
        assertEq(governor.votingDelay(), 7 days);
        assertEq(governor.votingPeriod(), 14 days);
        assertEq(governor.lateQuorumVoteExtension(), 14 days);
        assertEq(governor.quorumNumerator(), 100);
        assertEq(timelock.getMinDelay(), 30 days);
        assertEq(timelock.gracePeriod(), 365 days);
        (, bool executed) = _pass(address(board), abi.encodeCall(board.post, ()));
        assertTrue(executed);
    }

    /// @dev ... and the freezing values of issue 15 all fail, leaving the council able to pass proposals.
    function test_freezingChangesAllFail() public {
        uint256[7] memory values = [
            uint256(type(uint48).max),
            type(uint32).max,
            2,
            type(uint48).max,
            0,
            100 * 365 days,
            0
        ];
        for (uint256 i = 0; i < 7; ++i) assertFalse(_applyValue(i, values[i]), vm.toString(i));
        assertEq(governor.votingDelay(), 60);
        assertEq(governor.votingPeriod(), 3600);
        assertEq(governor.proposalThreshold(), 1);
        assertEq(governor.lateQuorumVoteExtension(), 600);
        assertEq(governor.quorumNumerator(), 50);
        assertEq(timelock.getMinDelay(), 300);
        assertEq(timelock.gracePeriod(), 14 days);
        (, bool executed) = _pass(address(board), abi.encodeCall(board.post, ()));
        assertTrue(executed);
    }

    /// @dev After any sequence of passed settings changes the council can still pass an ordinary proposal.
    function testFuzz_councilStillPassesAfterAnySettingsChanges(uint256[7] memory raws, uint256 orderSeed) public {
        uint256[7] memory order = [uint256(0), 1, 2, 3, 4, 5, 6];
        for (uint256 i = 6; i > 0; --i) {
            uint256 j = uint256(keccak256(abi.encode(orderSeed, i))) % (i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        for (uint256 i = 0; i < 7; ++i) _apply(order[i], raws[order[i]]);

        // Every setting is still within its bounds.
        GovernorSettingsBounds.SettingsBounds memory b = governor.settingsBounds();
        assertGe(governor.votingDelay(), b.minVotingDelay);
        assertLe(governor.votingDelay(), b.maxVotingDelay);
        assertGe(governor.votingPeriod(), b.minVotingPeriod);
        assertLe(governor.votingPeriod(), b.maxVotingPeriod);
        assertEq(governor.proposalThreshold(), 1);
        assertLe(governor.lateQuorumVoteExtension(), b.maxVotingPeriod);
        assertGe(governor.quorumNumerator(), 1);
        assertLe(governor.quorumNumerator(), 100);
        assertGe(timelock.getMinDelay(), timelock.minDelayBound());
        assertLe(timelock.getMinDelay(), timelock.maxDelayBound());
        assertGe(timelock.gracePeriod(), timelock.MIN_GRACE_PERIOD());
        assertLe(timelock.gracePeriod(), timelock.MAX_GRACE_PERIOD());

        (uint256 id, bool executed) = _pass(address(board), abi.encodeCall(board.post, ()));
        assertTrue(executed, "the ordinary proposal's execution failed");
        assertEq(uint8(governor.state(id)), uint8(IGovernor.ProposalState.Executed));
        assertEq(board.notices(), 1);
    }
}
