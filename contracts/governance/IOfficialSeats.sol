// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC5805} from "@openzeppelin/contracts/interfaces/IERC5805.sol";

/**
 * @title IOfficialSeats
 * @notice Voting seats of officials: one non-transferable seat per address, one vote per seat.
 */
interface IOfficialSeats is IERC5805 {
    /// @notice A seat as stored. `since` is 0 while the seat is vacant.
    /// @param holder The official's address (permanently bound to the seat id).
    /// @param agencyId The agency the official serves in.
    /// @param position A position code (e.g. 1 minister, 2 vice-minister); its labels live off chain.
    /// @param since When the current term began (clock time), 0 if vacant.
    struct Seat {
        address holder;
        uint32 agencyId;
        uint16 position;
        uint48 since;
    }

    /// @notice A seat to issue at deployment (the genesis council).
    /// @param official The official to seat (non-zero, not yet seated).
    /// @param agencyId The (active) agency the official serves in.
    /// @param position A position code, as in {Seat}.
    struct SeatInit {
        address official;
        uint32 agencyId;
        uint16 position;
    }

    /// @notice A seat was issued to `official` (a new term begins).
    /// @param seatId The official's permanent seat id (also the ERC-721 token id).
    /// @param official The seated official.
    /// @param agencyId The agency the official serves in.
    /// @param position The position code.
    event SeatIssued(uint256 indexed seatId, address indexed official, uint32 indexed agencyId, uint16 position);
    /// @notice The seat of `official` was revoked (the term ends).
    /// @param seatId The seat id, kept for a later re-seating.
    /// @param official The official whose term ended.
    event SeatRevoked(uint256 indexed seatId, address indexed official);
    /// @notice A seated official moved to another agency or position.
    /// @param seatId The seat id (unchanged).
    /// @param official The seated official.
    /// @param agencyId The new agency.
    /// @param position The new position code.
    event SeatReassigned(uint256 indexed seatId, address indexed official, uint32 indexed agencyId, uint16 position);

    /// @notice The number of seated officials changed (the ERC-5805 total supply).
    /// @param previousTotal Seats held before the change.
    /// @param newTotal Seats held after the change.
    event TotalSeatsChanged(uint256 previousTotal, uint256 newTotal);

    /// @notice A lookup asked for a timepoint that is not yet in the past.
    /// @param timepoint The requested timepoint (seconds).
    /// @param clock The current clock (seconds); `timepoint` must be lower.
    error ERC5805FutureLookup(uint256 timepoint, uint48 clock);
    /// @notice The account already holds a seat.
    /// @param official The seated account.
    error AlreadySeated(address official);
    /// @notice The account holds no seat.
    /// @param official The account without a seat.
    error NotSeated(address official);
    /// @notice The agency does not exist or is inactive.
    /// @param agencyId The agency requested.
    error InactiveAgency(uint32 agencyId);
    /// @notice Seats are personal: votes cannot be delegated.
    error SeatVotesNotDelegable();
    /// @notice Every seat id the packing allows has been used.
    error SeatLimitReached();

    /// @notice The permanent seat id of `account`, or 0 if it never held a seat.
    /// @dev The id survives revocation: a non-zero id does not mean the account is seated now.
    /// @param account The account to look up.
    /// @return The seat id (from 1), or 0 if none was ever assigned.
    function seatIdOf(address account) external view returns (uint256);

    /// @notice The seat id of `account` if it held a seat at `timepoint`, else 0.
    /// @dev Reverts with {ERC5805FutureLookup} unless `timepoint` is in the past.
    /// @param account The account to look up.
    /// @param timepoint A past clock time (seconds).
    /// @return The seat id held at `timepoint`, or 0 if the account was not seated then.
    function pastSeatId(address account, uint256 timepoint) external view returns (uint256);
}
