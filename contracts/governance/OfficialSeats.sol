// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC6372} from "@openzeppelin/contracts/interfaces/IERC6372.sol";
import {IVotes} from "@openzeppelin/contracts/governance/utils/IVotes.sol";
import {Base64} from "@openzeppelin/contracts/utils/Base64.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";
import {Checkpoints} from "@openzeppelin/contracts/utils/structs/Checkpoints.sol";
import {TimelockGoverned} from "../access/TimelockGoverned.sol";
import {SoulboundERC721} from "../token/SoulboundERC721.sol";
import {IAgencyRegistry} from "./IAgencyRegistry.sol";
import {IOfficialSeats} from "./IOfficialSeats.sol";

/**
 * @title OfficialSeats
 * @notice Soulbound ERC-721 voting seats with ERC-5805 votes on a timestamp clock. One seat per address, one
 * vote per seat; issued and revoked only by the governance Timelock.
 *
 * @dev Written lean rather than composed from OpenZeppelin's ERC721 + ERC721Votes, because a seat never moves:
 * - a holder's votes are 1 while seated and 0 otherwise, so the vote history is the list of terms of office
 *   instead of a checkpoint array per delegate (saves two fresh slots, ≈ 44k gas, per new official);
 * - votes are always the holder's own ({delegates} returns the holder; delegation reverts), so there is no
 *   delegatee slot and no delegate transaction (≈ 22k gas);
 * - `balanceOf` is derived from the seat (no balance counter, ≈ 22k gas).
 * The seat id of an address is permanent: a re-seated official gets the same id back, which is what lets the
 * Governor record "has voted" as one bit per seat id.
 */
contract OfficialSeats is IOfficialSeats, SoulboundERC721, TimelockGoverned {
    using Checkpoints for Checkpoints.Trace208;

    /// @notice Highest seat id: the Governor packs per-seat vote bits and tallies in 24-bit fields.
    uint256 public constant MAX_SEAT_ID = type(uint24).max;

    /// @notice A finished term of office.
    /// @dev Votes were 1 during [start, end).
    /// @param start When the term began (seconds).
    /// @param end When the seat was revoked (seconds).
    struct Term {
        uint48 start;
        uint48 end;
    }

    /// @notice The registry of agencies a seat must belong to.
    IAgencyRegistry public immutable agencies;

    mapping(uint256 seatId => Seat) private _seats;
    mapping(address account => uint256) private _seatIds;
    mapping(uint256 seatId => Term[]) private _pastTerms;
    Checkpoints.Trace208 private _totalCheckpoints;
    uint256 private _lastSeatId;

    /// @notice Deploys the seats and seats the genesis council.
    /// @param timelock_ The governance Timelock, sole issuer and revoker of seats.
    /// @param agencies_ The agency registry.
    /// @param genesis The founding council, seated at deployment so that the first proposal can be made. Each
    /// entry is checked as in {issue}; may be empty.
    constructor(address timelock_, IAgencyRegistry agencies_, SeatInit[] memory genesis) TimelockGoverned(timelock_) {
        if (address(agencies_) == address(0)) revert ZeroAddress();
        agencies = agencies_;
        for (uint256 i = 0; i < genesis.length; ++i) {
            _issue(genesis[i].official, genesis[i].agencyId, genesis[i].position);
        }
    }

    // ─── Governance ──────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Seats `official` in agency `agencyId` at `position`. The vote counts from this timestamp on.
    /// @dev Only the Timelock. An official seated before gets the same seat id back. Reverts with {ZeroAddress},
    /// {InactiveAgency}, {AlreadySeated} or {SeatLimitReached}.
    /// @param official The account to seat.
    /// @param agencyId An active agency.
    /// @param position A position code (labels live off chain).
    /// @return seatId The official's permanent seat id (also the ERC-721 token id).
    function issue(address official, uint32 agencyId, uint16 position) external onlyTimelock returns (uint256 seatId) {
        return _issue(official, agencyId, position);
    }

    /// @notice Ends the term of `official`. Votes already cast stay counted; later snapshots see no vote.
    /// @dev Only the Timelock. Reverts with {NotSeated}. The seat id stays bound to `official`.
    /// @param official A seated official.
    function revoke(address official) external onlyTimelock {
        uint256 seatId = _seatIds[official];
        Seat storage record = _seats[seatId];
        uint48 since = record.since;
        if (since == 0) revert NotSeated(official);

        uint48 now_ = clock();
        record.since = 0;
        _pastTerms[seatId].push(Term(since, now_));
        _pushTotal(now_, _totalCheckpoints.latest() - 1);

        emit Transfer(official, address(0), seatId);
        emit SeatRevoked(seatId, official);
        emit DelegateVotesChanged(official, 1, 0);
    }

    /// @notice Moves a seated official to another agency or position without interrupting the term.
    /// @dev Only the Timelock. Reverts with {NotSeated} or {InactiveAgency}. Votes and term start are unchanged.
    /// @param official A seated official.
    /// @param agencyId The new agency; must be active.
    /// @param position The new position code.
    function reassign(address official, uint32 agencyId, uint16 position) external onlyTimelock {
        uint256 seatId = _seatIds[official];
        Seat storage record = _seats[seatId];
        if (record.since == 0) revert NotSeated(official);
        if (!agencies.isActive(agencyId)) revert InactiveAgency(agencyId);
        record.agencyId = agencyId;
        record.position = position;
        emit SeatReassigned(seatId, official, agencyId, position);
    }

    // ─── Seats ───────────────────────────────────────────────────────────────────────────────────────────────

    /// @notice The seat `seatId` (vacant seats have `since == 0`).
    /// @param seatId The seat id.
    /// @return The seat as stored; all fields zero for an id never assigned.
    function seat(uint256 seatId) external view returns (Seat memory) {
        return _seats[seatId];
    }

    /// @inheritdoc IOfficialSeats
    function seatIdOf(address account) external view returns (uint256) {
        return _seatIds[account];
    }

    /// @inheritdoc IOfficialSeats
    function pastSeatId(address account, uint256 timepoint) external view returns (uint256) {
        _checkPast(timepoint);
        return _seatAt(account, timepoint);
    }

    /// @notice Number of seat ids ever assigned (seated or not).
    /// @return The highest seat id assigned, 0 if none (ids run from 1).
    function seatIdCount() external view returns (uint256) {
        return _lastSeatId;
    }

    /// @notice The finished terms of office of seat `seatId`, oldest first.
    /// @param seatId The seat id.
    /// @return The finished terms (the current term, if any, is not included); empty if none.
    function pastTerms(uint256 seatId) external view returns (Term[] memory) {
        return _pastTerms[seatId];
    }

    // ─── ERC-5805 votes ──────────────────────────────────────────────────────────────────────────────────────

    /// @inheritdoc IERC6372
    /// @return The block timestamp, in seconds.
    function clock() public view returns (uint48) {
        return uint48(block.timestamp);
    }

    /// @inheritdoc IERC6372
    /// @return "mode=timestamp".
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=timestamp";
    }

    /// @inheritdoc IVotes
    /// @param account Any account.
    /// @return 1 while `account` is seated, 0 otherwise.
    function getVotes(address account) external view returns (uint256) {
        return _seats[_seatIds[account]].since == 0 ? 0 : 1;
    }

    /// @inheritdoc IVotes
    /// @dev Reverts with {ERC5805FutureLookup} unless `timepoint` is in the past.
    /// @param account Any account.
    /// @param timepoint A past clock time (seconds).
    /// @return 1 if `account` was seated at `timepoint`, 0 otherwise.
    function getPastVotes(address account, uint256 timepoint) external view returns (uint256) {
        _checkPast(timepoint);
        return _seatAt(account, timepoint) == 0 ? 0 : 1;
    }

    /// @inheritdoc IVotes
    /// @dev Reverts with {ERC5805FutureLookup} unless `timepoint` is in the past.
    /// @param timepoint A past clock time (seconds).
    /// @return The number of officials seated at `timepoint`.
    function getPastTotalSupply(uint256 timepoint) external view returns (uint256) {
        _checkPast(timepoint);
        return _totalCheckpoints.upperLookupRecent(uint48(timepoint));
    }

    /// @notice Number of officials seated now.
    /// @return The current total of votes (one per seated official).
    function totalSupply() external view returns (uint256) {
        return _totalCheckpoints.latest();
    }

    /// @notice Votes are never delegated: every account is its own delegate.
    /// @param account Any account.
    /// @return `account` itself.
    function delegates(address account) external pure returns (address) {
        return account;
    }

    /// @notice Always reverts: a seat's vote belongs to its holder.
    /// @dev The parameter (delegatee) is ignored; reverts with {SeatVotesNotDelegable}.
    function delegate(address) external pure {
        revert SeatVotesNotDelegable();
    }

    /// @notice Always reverts: a seat's vote belongs to its holder.
    /// @dev Parameters (delegatee, nonce, expiry, v, r, s) are ignored; reverts with {SeatVotesNotDelegable}.
    function delegateBySig(address, uint256, uint256, uint8, bytes32, bytes32) external pure {
        revert SeatVotesNotDelegable();
    }

    // ─── ERC-721 metadata ────────────────────────────────────────────────────────────────────────────────────

    /// @notice The ERC-721 collection name.
    /// @return "Government DAO Seat".
    function name() external pure returns (string memory) {
        return "Government DAO Seat";
    }

    /// @notice The ERC-721 collection symbol.
    /// @return "SEAT".
    function symbol() external pure returns (string memory) {
        return "SEAT";
    }

    /// @notice On-chain JSON metadata of a held seat: seat id, agency id, position code, term start. No names.
    /// @dev Reverts with {ERC721NonexistentToken} if the seat is vacant or was never assigned.
    /// @param seatId The seat id (token id).
    /// @return A `data:application/json;base64,` URI.
    function tokenURI(uint256 seatId) external view returns (string memory) {
        ownerOf(seatId);
        Seat memory s = _seats[seatId];
        // JSON needs double quotes inside the literals, so these literals are single-quoted.
        // solhint-disable quotes
        bytes memory json = abi.encodePacked(
            '{"name":"Seat #',
            Strings.toString(seatId),
            '","attributes":[{"trait_type":"agency","value":',
            Strings.toString(s.agencyId),
            '},{"trait_type":"position","value":',
            Strings.toString(s.position),
            '},{"trait_type":"since","display_type":"date","value":',
            Strings.toString(s.since),
            "}]}"
        );
        // solhint-enable quotes
        return string.concat("data:application/json;base64,", Base64.encode(json));
    }

    /// @notice ERC-165: ERC-721, its metadata, and the two halves of ERC-5805 (IVotes and IERC6372).
    /// @dev `type(IERC5805).interfaceId` is 0 (it declares no function of its own), so each half is listed.
    /// @param interfaceId The ERC-165 interface id.
    /// @return True if the interface is supported.
    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        return
            interfaceId == type(IVotes).interfaceId ||
            interfaceId == type(IERC6372).interfaceId ||
            super.supportsInterface(interfaceId);
    }

    // ─── Internals ───────────────────────────────────────────────────────────────────────────────────────────

    /// @dev Seats `official`, assigning a new seat id on the first term; see {issue}.
    function _issue(address official, uint32 agencyId, uint16 position) private returns (uint256 seatId) {
        if (official == address(0)) revert ZeroAddress();
        if (!agencies.isActive(agencyId)) revert InactiveAgency(agencyId);

        seatId = _seatIds[official];
        if (seatId == 0) {
            seatId = ++_lastSeatId;
            if (seatId > MAX_SEAT_ID) revert SeatLimitReached();
            _seatIds[official] = seatId;
        } else if (_seats[seatId].since != 0) {
            revert AlreadySeated(official);
        }

        uint48 now_ = clock();
        _seats[seatId] = Seat({holder: official, agencyId: agencyId, position: position, since: now_});
        _pushTotal(now_, _totalCheckpoints.latest() + 1);

        emit Transfer(address(0), official, seatId);
        emit SeatIssued(seatId, official, agencyId, position);
        emit DelegateVotesChanged(official, 0, 1);
    }

    /// @dev Checkpoints the number of seated officials at `now_` and emits {TotalSeatsChanged}.
    function _pushTotal(uint48 now_, uint256 total) private {
        (uint256 oldTotal, uint256 newTotal) = _totalCheckpoints.push(now_, uint208(total));
        // The total is the sum of every seat's votes; tooling that follows supply reads this standard-shaped event.
        emit TotalSeatsChanged(oldTotal, newTotal);
    }

    /// @dev Seat id of `account` if it was seated at `timepoint` (a past clock time), else 0.
    function _seatAt(address account, uint256 timepoint) private view returns (uint256 seatId) {
        seatId = _seatIds[account];
        if (seatId == 0) return 0;
        uint48 since = _seats[seatId].since;
        if (since != 0 && since <= timepoint) return seatId;

        // Earlier terms, newest first: terms are ordered and disjoint, so stop at the first that ended by then.
        Term[] storage terms = _pastTerms[seatId];
        for (uint256 i = terms.length; i > 0; --i) {
            Term memory term = terms[i - 1];
            if (term.end <= timepoint) return 0;
            if (term.start <= timepoint) return seatId;
        }
        return 0;
    }

    /// @dev Reverts with {ERC5805FutureLookup} unless `timepoint` is before the current clock.
    function _checkPast(uint256 timepoint) private view {
        uint48 now_ = clock();
        if (timepoint >= now_) revert ERC5805FutureLookup(timepoint, now_);
    }

    /// @dev The holder of a held seat; the zero address if it is vacant or was never assigned.
    function _ownerOf(uint256 seatId) internal view override returns (address) {
        Seat storage s = _seats[seatId];
        return s.since == 0 ? address(0) : s.holder;
    }

    /// @dev 1 while `owner` is seated, 0 otherwise.
    function _balanceOf(address owner) internal view override returns (uint256) {
        return _seats[_seatIds[owner]].since == 0 ? 0 : 1;
    }
}
