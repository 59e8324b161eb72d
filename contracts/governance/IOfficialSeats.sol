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
    struct SeatInit {
        address official;
        uint32 agencyId;
        uint16 position;
    }

    /// @notice A seat was issued to `official` (a new term begins).
    event SeatIssued(uint256 indexed seatId, address indexed official, uint32 indexed agencyId, uint16 position);
    /// @notice The seat of `official` was revoked (the term ends).
    event SeatRevoked(uint256 indexed seatId, address indexed official);
    /// @notice A seated official moved to another agency or position.
    event SeatReassigned(uint256 indexed seatId, address indexed official, uint32 indexed agencyId, uint16 position);

    /// @notice The number of seated officials changed (the ERC-5805 total supply).
    event TotalSeatsChanged(uint256 previousTotal, uint256 newTotal);

    /// @notice A lookup asked for a timepoint that is not yet in the past.
    error ERC5805FutureLookup(uint256 timepoint, uint48 clock);
    /// @notice The account already holds a seat.
    error AlreadySeated(address official);
    /// @notice The account holds no seat.
    error NotSeated(address official);
    /// @notice The agency does not exist or is inactive.
    error InactiveAgency(uint32 agencyId);
    /// @notice Seats are personal: votes cannot be delegated.
    error SeatVotesNotDelegable();
    /// @notice Every seat id the packing allows has been used.
    error SeatLimitReached();

    /// @notice The permanent seat id of `account`, or 0 if it never held a seat.
    function seatIdOf(address account) external view returns (uint256);

    /// @notice The seat id of `account` if it held a seat at `timepoint`, else 0.
    function pastSeatId(address account, uint256 timepoint) external view returns (uint256);
}
