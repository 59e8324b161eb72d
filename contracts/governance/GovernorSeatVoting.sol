// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Governor} from "@openzeppelin/contracts/governance/Governor.sol";
import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {GovernorVotes} from "@openzeppelin/contracts/governance/extensions/GovernorVotes.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {IOfficialSeats} from "./IOfficialSeats.sol";

/**
 * @title GovernorSeatVoting
 * @notice Vote counting for one-seat-one-vote councils: simple counting (against / for / abstain), late-quorum
 * protection and on-chain proposal enumeration.
 *
 * @dev Feature for feature this is OpenZeppelin's GovernorCountingSimple + GovernorPreventLateQuorum +
 * GovernorStorage's enumeration, rewritten around a single storage slot per proposal:
 *
 * | bits    | field                  | meaning                                                            |
 * |---------|------------------------|--------------------------------------------------------------------|
 * | 0–71    | against, for, abstain  | tallies (24 bits each: seat ids, and so votes, are capped at 2^24−1) |
 * | 72–95   | quorum                 | seats needed, cached at the first vote (the snapshot is then past) |
 * | 96–143  | quorumDeadline         | 0 until quorum is reached; then clock + extension (late quorum)    |
 * | 144–255 | votedSeats             | one "has voted" bit for each of seat ids 1…112                     |
 *
 * Measured against OpenZeppelin's extensions (see bench/): a vote writes one warm-able slot instead of a fresh
 * `hasVoted` slot plus a tally slot (−22k gas on every vote), reaching quorum costs no extra slot (−20k), and
 * queue/execute read the tallies and the quorum from that one slot instead of recomputing the quorum from two
 * checkpoint histories (−10k). Seat ids above 112 fall back to a bitmap of 256 seats per word.
 *
 * Proposal details (targets, values, calldatas) are not copied to storage as GovernorStorage does (+225k gas per
 * proposal): they are in the {ProposalCreated} event, and anyone can check them against the stored proposal id,
 * which is their hash ({hashProposal}).
 */
abstract contract GovernorSeatVoting is GovernorVotes {
    /// @dev Matches OpenZeppelin's GovernorCountingSimple.
    enum VoteType {
        Against,
        For,
        Abstain
    }

    /// @dev The single storage slot of a proposal (see the table above).
    /// @param againstVotes Seats that voted against.
    /// @param forVotes Seats that voted for.
    /// @param abstainVotes Seats that abstained.
    /// @param quorum Seats needed for quorum, cached at the first vote; 0 before it.
    /// @param quorumDeadline 0 until quorum is reached; then the clock at that vote plus the extension (seconds).
    /// @param votedSeats One "has voted" bit per seat id 1…112 (bit `seatId - 1`).
    struct ProposalTally {
        uint24 againstVotes;
        uint24 forVotes;
        uint24 abstainVotes;
        uint24 quorum;
        uint48 quorumDeadline;
        uint112 votedSeats;
    }

    /// @dev Seat ids whose "has voted" bit lives in the tally slot.
    uint256 private constant _PACKED_SEATS = 112;

    mapping(uint256 proposalId => ProposalTally) private _tallies;
    mapping(uint256 proposalId => mapping(uint256 word => uint256)) private _votedSeatsOverflow;
    uint256[] private _proposalIds;
    uint48 private _voteExtension;

    /// @notice A proposal's voting period was extended because quorum was reached late (as OpenZeppelin's).
    /// @param proposalId The proposal.
    /// @param extendedDeadline The new voting deadline (seconds).
    event ProposalExtended(uint256 indexed proposalId, uint64 extendedDeadline);
    /// @notice The late-quorum vote extension changed (as OpenZeppelin's).
    /// @param oldVoteExtension The previous extension (seconds; 0 at construction).
    /// @param newVoteExtension The new extension (seconds).
    event LateQuorumVoteExtensionSet(uint64 oldVoteExtension, uint64 newVoteExtension);

    /// @notice The account held no seat at the proposal's snapshot.
    /// @param account The voter.
    error GovernorNotAnOfficial(address account);
    /// @notice The late-quorum extension would be longer than the voting period (as OpenZeppelin's).
    /// @param newVoteExtension The value refused (seconds).
    /// @param maxVoteExtension The longest allowed: the voting period (seconds).
    error GovernorPreventLateQuorumVoteExtensionTooLarge(uint256 newVoteExtension, uint256 maxVoteExtension);
    /// @notice No proposal at this enumeration index.
    /// @param index The index requested (0-based).
    error GovernorProposalIndexOutOfRange(uint256 index);

    /// @notice Sets the initial late-quorum vote extension.
    /// @param initialVoteExtension Minimum time voting stays open after quorum is reached, in seconds.
    constructor(uint48 initialVoteExtension) {
        _setLateQuorumVoteExtension(initialVoteExtension);
    }

    // ─── Counting ────────────────────────────────────────────────────────────────────────────────────────────

    /// @inheritdoc IGovernor
    /// @return "support=bravo&quorum=for,abstain": against / for / abstain, and quorum counts for and abstain votes.
    // solhint-disable-next-line func-name-mixedcase
    function COUNTING_MODE() public pure virtual override returns (string memory) {
        return "support=bravo&quorum=for,abstain";
    }

    /// @inheritdoc IGovernor
    /// @dev Looked up by the account's permanent seat id; always false for an account that never held a seat.
    /// @param proposalId The proposal.
    /// @param account The account.
    /// @return True if the seat of `account` has voted on `proposalId`.
    function hasVoted(uint256 proposalId, address account) public view virtual override returns (bool) {
        uint256 seatId = _seats().seatIdOf(account);
        if (seatId == 0) return false;
        if (seatId <= _PACKED_SEATS) return _tallies[proposalId].votedSeats & uint112(1 << (seatId - 1)) != 0;
        return _votedSeatsOverflow[proposalId][seatId >> 8] & (1 << (seatId & 0xff)) != 0;
    }

    /// @notice The tallies of a proposal, in seats.
    /// @param proposalId The proposal (all zero for an unknown id).
    /// @return againstVotes Seats that voted against.
    /// @return forVotes Seats that voted for.
    /// @return abstainVotes Seats that abstained.
    function proposalVotes(
        uint256 proposalId
    ) public view virtual returns (uint256 againstVotes, uint256 forVotes, uint256 abstainVotes) {
        ProposalTally memory tally = _tallies[proposalId];
        return (tally.againstVotes, tally.forVotes, tally.abstainVotes);
    }

    /// @inheritdoc Governor
    function _quorumReached(uint256 proposalId) internal view virtual override returns (bool) {
        // Set by {_tallyUpdated} on the vote that reaches quorum; votes only ever add, so it stays true.
        return _tallies[proposalId].quorumDeadline != 0;
    }

    /// @inheritdoc Governor
    function _voteSucceeded(uint256 proposalId) internal view virtual override returns (bool) {
        ProposalTally memory tally = _tallies[proposalId];
        return tally.forVotes > tally.againstVotes;
    }

    /// @dev Records the vote of a seat holder: one vote per seat, whatever `totalWeight` a subclass computes.
    function _countVote(
        uint256 proposalId,
        address account,
        uint8 support,
        uint256 totalWeight,
        bytes memory // params
    ) internal virtual override returns (uint256) {
        if (totalWeight == 0) revert GovernorNotAnOfficial(account);
        uint256 seatId = _seats().seatIdOf(account);

        ProposalTally memory tally = _tallies[proposalId];
        if (seatId <= _PACKED_SEATS) {
            uint112 bit = uint112(1 << (seatId - 1));
            if (tally.votedSeats & bit != 0) revert GovernorAlreadyCastVote(account);
            tally.votedSeats |= bit;
        } else {
            mapping(uint256 => uint256) storage words = _votedSeatsOverflow[proposalId];
            uint256 bit = 1 << (seatId & 0xff);
            uint256 word = words[seatId >> 8];
            if (word & bit != 0) revert GovernorAlreadyCastVote(account);
            words[seatId >> 8] = word | bit;
        }

        if (support == uint8(VoteType.Against)) {
            tally.againstVotes += 1;
        } else if (support == uint8(VoteType.For)) {
            tally.forVotes += 1;
        } else if (support == uint8(VoteType.Abstain)) {
            tally.abstainVotes += 1;
        } else {
            revert GovernorInvalidVoteType();
        }
        _tallies[proposalId] = tally;
        return 1;
    }

    // ─── Late quorum ─────────────────────────────────────────────────────────────────────────────────────────

    /// @notice The voting deadline, extended if quorum was reached less than {lateQuorumVoteExtension} before it.
    /// @param proposalId The proposal.
    /// @return The deadline (seconds): the later of the original deadline and the late-quorum deadline; 0 for an
    /// unknown proposal.
    function proposalDeadline(uint256 proposalId) public view virtual override returns (uint256) {
        return Math.max(super.proposalDeadline(proposalId), _tallies[proposalId].quorumDeadline);
    }

    /// @notice Minimum time voting stays open after quorum is reached.
    /// @return The extension, in seconds.
    function lateQuorumVoteExtension() public view virtual returns (uint48) {
        return _voteExtension;
    }

    /// @notice Changes the late-quorum vote extension. Only through a proposal.
    /// @dev Applies to proposals that reach quorum after the change. Reverts with
    /// {GovernorPreventLateQuorumVoteExtensionTooLarge} above the voting period. Emits {LateQuorumVoteExtensionSet}.
    /// @param newVoteExtension The new extension, in seconds (0 disables the extension; at most {votingPeriod}).
    function setLateQuorumVoteExtension(uint48 newVoteExtension) public virtual onlyGovernance {
        _setLateQuorumVoteExtension(newVoteExtension);
    }

    /// @dev On the vote that reaches quorum, records it and extends voting if the deadline is too close.
    function _tallyUpdated(uint256 proposalId) internal virtual override {
        super._tallyUpdated(proposalId);
        ProposalTally storage tally = _tallies[proposalId];
        if (tally.quorumDeadline != 0) return;

        uint256 quorumSeats = tally.quorum;
        if (quorumSeats == 0) {
            // First vote: the snapshot is in the past, so this value is final. Cache it.
            quorumSeats = quorum(proposalSnapshot(proposalId));
            tally.quorum = SafeCast.toUint24(quorumSeats);
        }
        if (uint256(tally.forVotes) + tally.abstainVotes >= quorumSeats) {
            uint48 extendedDeadline = clock() + lateQuorumVoteExtension();
            if (extendedDeadline > proposalDeadline(proposalId)) {
                emit ProposalExtended(proposalId, extendedDeadline);
            }
            tally.quorumDeadline = extendedDeadline;
        }
    }

    /// @dev Sets the extension without access control and emits {LateQuorumVoteExtensionSet}. As OpenZeppelin's, the
    /// value is bounded by {_maxLateQuorumVoteExtension}: an unbounded one made `clock() + extension` overflow on every
    /// vote reaching quorum (no proposal could pass again), or kept such proposals Active for a century.
    function _setLateQuorumVoteExtension(uint48 newVoteExtension) internal virtual {
        uint256 maxVoteExtension = _maxLateQuorumVoteExtension();
        if (newVoteExtension > maxVoteExtension) {
            revert GovernorPreventLateQuorumVoteExtensionTooLarge(newVoteExtension, maxVoteExtension);
        }
        emit LateQuorumVoteExtensionSet(_voteExtension, newVoteExtension);
        _voteExtension = newVoteExtension;
    }

    /// @dev Upper bound of {lateQuorumVoteExtension} when it is set: the voting period, as OpenZeppelin's. The voting
    /// period itself is bounded (GovernorSettingsBounds), so `clock() + extension` cannot overflow.
    function _maxLateQuorumVoteExtension() internal view virtual returns (uint256) {
        return votingPeriod();
    }

    // ─── Enumeration ─────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Number of proposals ever created.
    /// @return The count, including cancelled and defeated proposals; 0 if none.
    function proposalCount() public view virtual returns (uint256) {
        return _proposalIds.length;
    }

    /// @notice The id of the `index`-th proposal (0-based, in creation order).
    /// @dev Reverts with {GovernorProposalIndexOutOfRange} if `index` is not below {proposalCount}.
    /// @param index 0-based position in creation order.
    /// @return The proposal id.
    function proposalIdAt(uint256 index) public view virtual returns (uint256) {
        if (index >= _proposalIds.length) revert GovernorProposalIndexOutOfRange(index);
        return _proposalIds[index];
    }

    /// @dev Records every new proposal for enumeration.
    function _propose(
        address[] memory targets,
        uint256[] memory values,
        bytes[] memory calldatas,
        string memory description,
        address proposer
    ) internal virtual override returns (uint256 proposalId) {
        proposalId = super._propose(targets, values, calldatas, description, proposer);
        _proposalIds.push(proposalId);
    }

    /// @dev The voting token, seen as the seat contract.
    function _seats() private view returns (IOfficialSeats) {
        return IOfficialSeats(address(token()));
    }
}
