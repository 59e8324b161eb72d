// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";

/**
 * @title GovernorSettingsBounds
 * @notice Bounds, fixed at deployment, on the Governor settings whose bad value no later proposal could undo.
 *
 * @dev A passed proposal can change the voting delay, the voting period and the proposal threshold. Without bounds
 * one mistaken or malicious proposal freezes governance for ever: a threshold of 2 seats (every official holds
 * one) or a voting delay or period of years leaves no proposal able to pass again, including the one that would
 * repair it; a threshold of 0 lets anyone propose. Compound's GovernorBravo bounds each of these; this contract
 * does the same with bounds chosen per deployment and readable on chain, so the roles table can name them.
 *
 * It holds the bounds and the checks; the Governor that composes it with OpenZeppelin's GovernorSettings runs the
 * checks from its setters. It must come before GovernorSettings in the inheritance list, so that its constructor
 * (which sets the bounds) runs before GovernorSettings' constructor applies the initial values.
 */
abstract contract GovernorSettingsBounds is Governor {
    /// @notice The one proposal threshold a one-seat-one-vote council can use: one seat.
    uint256 public constant PROPOSAL_THRESHOLD = 1;

    /// @notice The range each timing setting may take (seconds, inclusive).
    /// @param minVotingDelay Shortest voting delay.
    /// @param maxVotingDelay Longest voting delay.
    /// @param minVotingPeriod Shortest voting period (non-zero).
    /// @param maxVotingPeriod Longest voting period.
    struct SettingsBounds {
        uint48 minVotingDelay;
        uint48 maxVotingDelay;
        uint32 minVotingPeriod;
        uint32 maxVotingPeriod;
    }

    uint48 private immutable _minVotingDelay;
    uint48 private immutable _maxVotingDelay;
    uint32 private immutable _minVotingPeriod;
    uint32 private immutable _maxVotingPeriod;

    /// @notice The bounds given at deployment are empty or reversed (or allow a voting period of zero).
    error GovernorInvalidSettingsBounds();
    /// @notice A voting delay outside the deployment's bounds.
    /// @param votingDelay The value refused (seconds).
    /// @param min The shortest allowed.
    /// @param max The longest allowed.
    error GovernorVotingDelayOutOfBounds(uint256 votingDelay, uint256 min, uint256 max);
    /// @notice A voting period outside the deployment's bounds.
    /// @param votingPeriod The value refused (seconds).
    /// @param min The shortest allowed.
    /// @param max The longest allowed.
    error GovernorVotingPeriodOutOfBounds(uint256 votingPeriod, uint256 min, uint256 max);
    /// @notice A proposal threshold other than one seat.
    /// @param threshold The value refused.
    error GovernorInvalidProposalThreshold(uint256 threshold);

    /// @notice Fixes the bounds for the life of the Governor.
    /// @dev Reverts with {GovernorInvalidSettingsBounds} if a minimum exceeds its maximum or the shortest voting
    /// period is zero.
    /// @param bounds The ranges of the voting delay and the voting period.
    constructor(SettingsBounds memory bounds) {
        if (
            bounds.minVotingDelay > bounds.maxVotingDelay ||
            bounds.minVotingPeriod == 0 ||
            bounds.minVotingPeriod > bounds.maxVotingPeriod
        ) revert GovernorInvalidSettingsBounds();
        _minVotingDelay = bounds.minVotingDelay;
        _maxVotingDelay = bounds.maxVotingDelay;
        _minVotingPeriod = bounds.minVotingPeriod;
        _maxVotingPeriod = bounds.maxVotingPeriod;
    }

    /// @notice The bounds fixed at deployment.
    /// @return The ranges of the voting delay and the voting period (seconds, inclusive).
    function settingsBounds() public view virtual returns (SettingsBounds memory) {
        return SettingsBounds(_minVotingDelay, _maxVotingDelay, _minVotingPeriod, _maxVotingPeriod);
    }

    /// @dev Reverts with {GovernorVotingDelayOutOfBounds} unless `votingDelay_` is within the bounds.
    function _checkVotingDelay(uint256 votingDelay_) internal view virtual {
        if (votingDelay_ < _minVotingDelay || votingDelay_ > _maxVotingDelay) {
            revert GovernorVotingDelayOutOfBounds(votingDelay_, _minVotingDelay, _maxVotingDelay);
        }
    }

    /// @dev Reverts with {GovernorVotingPeriodOutOfBounds} unless `votingPeriod_` is within the bounds.
    function _checkVotingPeriod(uint256 votingPeriod_) internal view virtual {
        if (votingPeriod_ < _minVotingPeriod || votingPeriod_ > _maxVotingPeriod) {
            revert GovernorVotingPeriodOutOfBounds(votingPeriod_, _minVotingPeriod, _maxVotingPeriod);
        }
    }

    /// @dev Reverts with {GovernorInvalidProposalThreshold} unless `threshold` is one seat: with one vote per seat,
    /// 0 would let anyone propose and 2 or more would let no one.
    function _checkProposalThreshold(uint256 threshold) internal pure virtual {
        if (threshold != PROPOSAL_THRESHOLD) revert GovernorInvalidProposalThreshold(threshold);
    }
}
