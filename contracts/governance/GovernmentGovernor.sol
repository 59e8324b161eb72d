// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {GovernorProposalGuardian} from "@openzeppelin/contracts/governance/extensions/GovernorProposalGuardian.sol";
import {GovernorSettings} from "@openzeppelin/contracts/governance/extensions/GovernorSettings.sol";
import {GovernorTimelockControl} from "@openzeppelin/contracts/governance/extensions/GovernorTimelockControl.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {GovernmentTimelock} from "./GovernmentTimelock.sol";
import {GovernorSeatQuorum} from "./GovernorSeatQuorum.sol";
import {GovernorSeatVoting} from "./GovernorSeatVoting.sol";
import {GovernorSettingsBounds} from "./GovernorSettingsBounds.sol";
import {IOfficialSeats} from "./IOfficialSeats.sol";

/**
 * @title GovernmentGovernor
 * @notice The council of officials: one seat, one vote; every passed proposal runs through the Timelock.
 * @dev Composition: OpenZeppelin Governor + Settings + Votes + TimelockControl + ProposalGuardian, with this
 * project's GovernorSeatVoting (simple counting, late-quorum protection, enumeration on one packed slot) and
 * GovernorSeatQuorum (quorum in seats, rounded up). The clock is the timestamp, read directly instead of through
 * the seat contract (the constructor checks the two agree), which saves an external call on every vote.
 * Proposing needs a seat (threshold of one vote, counted at the previous second).
 *
 * No passed proposal can freeze the council: the proposal threshold is fixed at one seat, the voting delay and period
 * stay within bounds fixed at deployment (GovernorSettingsBounds), the late-quorum extension within the voting
 * period, the quorum between 1 % and 100 % (GovernorSeatQuorum) and the Timelock's delay within its own bounds
 * (GovernmentTimelock). A queued proposal not executed within the Timelock's grace period is Expired, and anyone may
 * cancel a proposal whose proposer no longer holds a seat (as GovernorBravo).
 *
 * The proposal guardian can cancel any proposal except a *guardian recall*: a proposal whose every action is
 * `setProposalGuardian` on this Governor with no value. A compromised guardian therefore cannot stop the council
 * from replacing it (or from removing the role with `setProposalGuardian(address(0))`); its proposer may still
 * withdraw it while pending, as with any proposal.
 */
contract GovernmentGovernor is
    Governor,
    GovernorSettingsBounds,
    GovernorSettings,
    GovernorVotes,
    GovernorSeatQuorum,
    GovernorSeatVoting,
    GovernorTimelockControl,
    GovernorProposalGuardian
{
    /// @notice Timing and quorum of the council.
    /// @param votingDelay Seconds between proposing and the snapshot / start of voting.
    /// @param votingPeriod Seconds voting stays open.
    /// @param quorumPercent Quorum in percent of the seats at the snapshot, rounded up (1 to 100).
    /// @param lateQuorumExtension Seconds voting stays open after quorum is reached.
    struct Config {
        uint48 votingDelay;
        uint32 votingPeriod;
        uint256 quorumPercent;
        uint48 lateQuorumExtension;
    }

    /// @notice The seat contract does not use the timestamp clock this Governor assumes.
    error GovernorClockModeMismatch();

    /// @dev Proposals whose every action is `setProposalGuardian` on this Governor (see {isGuardianRecall}).
    mapping(uint256 proposalId => bool) private _guardianRecalls;

    /// @notice Deploys the council's Governor with a proposal threshold of one seat.
    /// @dev Reverts with {GovernorClockModeMismatch} unless `seats` reports `mode=timestamp`, and with the bounds'
    /// errors if `config` is outside `bounds`.
    /// @param seats The officials' seats (ERC-5805 votes, timestamp clock).
    /// @param timelock_ The Timelock that executes passed proposals and holds every privileged role.
    /// @param config Timing and quorum.
    /// @param bounds The ranges the voting delay and period may take for the life of this Governor.
    constructor(
        IOfficialSeats seats,
        GovernmentTimelock timelock_,
        Config memory config,
        SettingsBounds memory bounds
    )
        Governor("Government DAO")
        GovernorSettingsBounds(bounds)
        GovernorSettings(config.votingDelay, config.votingPeriod, PROPOSAL_THRESHOLD)
        GovernorVotes(seats)
        GovernorSeatQuorum(config.quorumPercent)
        GovernorSeatVoting(config.lateQuorumExtension)
        GovernorTimelockControl(timelock_)
    {
        if (keccak256(bytes(seats.CLOCK_MODE())) != keccak256("mode=timestamp")) revert GovernorClockModeMismatch();
    }

    /// @notice The timestamp (ERC-6372), as the seats use.
    /// @return The current block timestamp, in seconds.
    function clock() public view override(Governor, GovernorVotes) returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @notice The clock mode (ERC-6372).
    /// @return "mode=timestamp".
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() public pure override(Governor, GovernorVotes) returns (string memory) {
        return "mode=timestamp";
    }

    /// @notice Whether a proposal only replaces (or removes) the proposal guardian, so the guardian cannot cancel it.
    /// @dev Fixed when the proposal is created, from its calls: every target is this Governor, every value is zero and
    /// every calldata is `setProposalGuardian(address)` (selector and one 32-byte argument).
    /// @param proposalId The proposal.
    /// @return True for a guardian recall; false otherwise, including for unknown proposals.
    function isGuardianRecall(uint256 proposalId) public view returns (bool) {
        return _guardianRecalls[proposalId];
    }

    // ─── Overrides required by Solidity ──────────────────────────────────────────────────────────────────────

    /// @inheritdoc Governor
    /// @dev A Queued proposal whose Timelock operation outlived the Timelock's grace period is Expired: the Timelock
    /// refuses to execute it (GovernmentTimelock), and so does this Governor.
    /// @param proposalId The proposal; reverts with {GovernorNonexistentProposal} if unknown.
    /// @return The proposal's current state.
    function state(
        uint256 proposalId
    ) public view override(Governor, GovernorTimelockControl) returns (ProposalState) {
        ProposalState current = super.state(proposalId);
        if (current == ProposalState.Queued) {
            // The proposal's ETA is the Timelock operation's ready time (both block.timestamp + delay at queueing).
            if (GovernmentTimelock(payable(timelock())).expiryOf(proposalEta(proposalId)) != 0) return ProposalState.Expired;
        }
        return current;
    }

    /// @inheritdoc GovernorSeatVoting
    function proposalDeadline(uint256 proposalId) public view override(Governor, GovernorSeatVoting) returns (uint256) {
        return super.proposalDeadline(proposalId);
    }

    /// @inheritdoc Governor
    /// @param proposalId The proposal.
    /// @return Always true: every proposal is queued in the Timelock.
    function proposalNeedsQueuing(
        uint256 proposalId
    ) public view override(Governor, GovernorTimelockControl) returns (bool) {
        return super.proposalNeedsQueuing(proposalId);
    }

    /// @inheritdoc Governor
    /// @return Votes (seats) needed to propose: 1 at deployment, changeable by {setProposalThreshold}.
    function proposalThreshold() public view override(Governor, GovernorSettings) returns (uint256) {
        return super.proposalThreshold();
    }

    /// @inheritdoc GovernorSeatQuorum
    function quorum(uint256 timepoint) public view override(Governor, GovernorSeatQuorum) returns (uint256) {
        return super.quorum(timepoint);
    }

    /// @dev Bounded: see {GovernorSettingsBounds}.
    function _setVotingDelay(uint48 newVotingDelay) internal override {
        _checkVotingDelay(newVotingDelay);
        super._setVotingDelay(newVotingDelay);
    }

    /// @dev Bounded: see {GovernorSettingsBounds}.
    function _setVotingPeriod(uint32 newVotingPeriod) internal override {
        _checkVotingPeriod(newVotingPeriod);
        super._setVotingPeriod(newVotingPeriod);
    }

    /// @dev Fixed at one seat: see {GovernorSettingsBounds}.
    function _setProposalThreshold(uint256 newProposalThreshold) internal override {
        _checkProposalThreshold(newProposalThreshold);
        super._setProposalThreshold(newProposalThreshold);
    }

    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal override(Governor, GovernorSeatVoting) returns (uint256 proposalId) {
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        if (_onlyRecallsGuardian(targets, values, calldatas)) _guardianRecalls[proposalId] = true;
    }

    function _tallyUpdated(uint256 proposalId) internal override(Governor, GovernorSeatVoting) {
        super._tallyUpdated(proposalId);
    }

    function _queueOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint48) {
        return super._queueOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _executeOperations(
        uint256 proposalId,
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) {
        super._executeOperations(proposalId, targets, values, calldatas, descriptionHash);
    }

    function _cancel(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        bytes32 descriptionHash
    ) internal override(Governor, GovernorTimelockControl) returns (uint256) {
        return super._cancel(targets, values, calldatas, descriptionHash);
    }

    function _executor() internal view override(Governor, GovernorTimelockControl) returns (address) {
        return super._executor();
    }

    function _validateCancel(
        uint256 proposalId,
        address caller
    ) internal view override(Governor, GovernorProposalGuardian) returns (bool) {
        // Anyone may cancel a proposal whose proposer no longer holds a seat (GovernorBravo's rule): otherwise an
        // unseated official's proposal could only be voted down.
        if (_proposerUnseated(proposalId)) return true;
        // The guardian cannot stop its own recall: for such a proposal it has only the rights any caller has.
        if (_guardianRecalls[proposalId] && caller == proposalGuardian()) {
            return Governor._validateCancel(proposalId, caller);
        }
        return super._validateCancel(proposalId, caller);
    }

    /// @dev Whether the proposal's proposer now has fewer votes than the threshold (no seat). False for an unknown
    /// proposal, whose cancellation then fails on its state.
    function _proposerUnseated(uint256 proposalId) private view returns (bool) {
        address proposer = proposalProposer(proposalId);
        return proposer != address(0) && token().getVotes(proposer) < proposalThreshold();
    }

    /// @dev Whether every call is `setProposalGuardian(address)` on this Governor with no value. `_propose` has
    /// already checked that the three arrays have the same, non-zero length.
    function _onlyRecallsGuardian(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas
    ) private view returns (bool) {
        for (uint256 i = 0; i < targets.length; ++i) {
            bytes memory data = calldatas[i];
            if (targets[i] != address(this) || values[i] != 0 || data.length != 36) return false;
            if (bytes4(data) != this.setProposalGuardian.selector) return false;
        }
        return true;
    }
}
