// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";

/**
 * @title GovernorSeatQuorum
 * @notice Quorum as a percentage of the seats that existed at the proposal's snapshot, rounded up.
 * @dev Like OpenZeppelin's GovernorVotesQuorumFraction (the percentage has a history, so a change never moves
 * the quorum of a proposal whose snapshot is already past), but rounded up: with a council of a handful of seats,
 * 4 % of 10 seats rounds down to 0 in the OpenZeppelin extension and a single vote passes anything. Here the quorum
 * is never zero while a seat exists.
 */
abstract contract GovernorSeatQuorum is GovernorVotes {
    using Checkpoints for Checkpoints.Trace208;

    /// @notice The quorum is expressed in percent of the seats.
    uint256 public constant QUORUM_DENOMINATOR = 100;

    Checkpoints.Trace208 private _quorumNumeratorHistory;

    /// @notice The quorum percentage changed.
    /// @param oldQuorumNumerator The previous percentage (0 at construction).
    /// @param newQuorumNumerator The new percentage.
    event QuorumNumeratorUpdated(uint256 oldQuorumNumerator, uint256 newQuorumNumerator);

    /// @notice The quorum percentage must be between 1 and 100.
    /// @param quorumNumerator The rejected percentage.
    error GovernorInvalidQuorumNumerator(uint256 quorumNumerator);

    /// @notice Sets the initial quorum percentage.
    /// @param quorumNumerator_ Initial quorum in percent of the seats (1 to 100).
    constructor(uint256 quorumNumerator_) {
        _updateQuorumNumerator(quorumNumerator_);
    }

    /// @notice The quorum percentage in force now.
    /// @return The percentage (1 to 100).
    function quorumNumerator() public view returns (uint256) {
        return _quorumNumeratorHistory.latest();
    }

    /// @notice The quorum percentage that was in force at `timepoint`.
    /// @param timepoint A clock time (seconds); a future one gives the current percentage.
    /// @return The percentage, or 0 for a timepoint before deployment.
    function quorumNumerator(uint256 timepoint) public view returns (uint256) {
        (, uint48 key, uint208 value) = _quorumNumeratorHistory.latestCheckpoint();
        // Optimistic path: the percentage rarely changes, so the latest value almost always applies.
        if (key <= timepoint) return value;
        return _quorumNumeratorHistory.upperLookupRecent(SafeCast.toUint48(timepoint));
    }

    /// @notice Seats needed for quorum at `timepoint`: ceil(seats × percentage / 100).
    /// @dev Reverts unless `timepoint` is in the past (the seats' total is looked up then).
    /// @param timepoint A past clock time (seconds), normally a proposal's snapshot.
    /// @return The number of seats; at least 1 if any seat was held at `timepoint`, 0 if none.
    function quorum(uint256 timepoint) public view virtual override returns (uint256) {
        return
            Math.mulDiv(
                token().getPastTotalSupply(timepoint),
                quorumNumerator(timepoint),
                QUORUM_DENOMINATOR,
                Math.Rounding.Ceil
            );
    }

    /// @notice Changes the quorum percentage for proposals whose snapshot is now or later. Only through a proposal.
    /// @dev Reverts with {GovernorInvalidQuorumNumerator}. Emits {QuorumNumeratorUpdated}.
    /// @param newQuorumNumerator The new percentage (1 to 100).
    function updateQuorumNumerator(uint256 newQuorumNumerator) external onlyGovernance {
        _updateQuorumNumerator(newQuorumNumerator);
    }

    /// @dev Checkpoints `newQuorumNumerator` at the current clock, without access control.
    function _updateQuorumNumerator(uint256 newQuorumNumerator) internal {
        if (newQuorumNumerator == 0 || newQuorumNumerator > QUORUM_DENOMINATOR) {
            revert GovernorInvalidQuorumNumerator(newQuorumNumerator);
        }
        uint256 oldQuorumNumerator = quorumNumerator();
        _quorumNumeratorHistory.push(clock(), uint208(newQuorumNumerator));
        emit QuorumNumeratorUpdated(oldQuorumNumerator, newQuorumNumerator);
    }
}
