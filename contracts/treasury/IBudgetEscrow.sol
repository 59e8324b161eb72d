// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/**
 * @title IBudgetEscrow
 * @notice The treasury's escrow: deposits in, allocations with milestones out, only by passed proposals.
 */
interface IBudgetEscrow {
    /// @notice Milestone life cycle: Pending → Released, or Pending → Cancelled (with its allocation).
    enum MilestoneStatus {
        Pending,
        Released,
        Cancelled
    }

    /// @notice A milestone as proposed.
    /// @param amount Amount released when the milestone is met (token units).
    /// @param deadline When the milestone is due (clock time); overdue after it while Pending.
    /// @param descriptionHash sha-256 of the milestone's description (text lives off chain).
    struct MilestoneInit {
        uint128 amount;
        uint48 deadline;
        bytes32 descriptionHash;
    }

    /// @notice A milestone as stored.
    /// @param amount Amount paid when the milestone is released (token units, e.g. tiyn).
    /// @param deadline When the milestone is due (seconds).
    /// @param status Pending, Released or Cancelled.
    /// @param descriptionHash sha-256 of the milestone's description.
    struct Milestone {
        uint128 amount;
        uint48 deadline;
        MilestoneStatus status;
        bytes32 descriptionHash;
    }

    /// @notice An allocation of budget to a recipient.
    /// @param recipient Who receives released funds.
    /// @param token The ERC-20 paid out, or the zero address for the native coin.
    /// @param createdAt Block time of creation (0: no such allocation).
    /// @param cancelled Whether the unreleased rest was cancelled.
    /// @param budgetDocumentId The Budget document (DocumentRegistry token id) the allocation executes.
    /// @param total Sum of the milestones (token units).
    /// @param released Amount released so far (token units).
    struct Allocation {
        address recipient;
        uint48 createdAt;
        bool cancelled;
        address token;
        uint256 budgetDocumentId;
        uint128 total;
        uint128 released;
    }

    /// @notice Per-token running totals. Invariants: released ≤ allocated ≤ deposited, and the escrow's balance is
    /// at least deposited − released − withdrawn ≥ reserved. Funds that arrive without a deposit (a plain token
    /// transfer, a forced native transfer) are not spendable until {sync} records them as a deposit.
    /// @param deposited Everything deposited or recorded by {sync} (token units).
    /// @param allocated Totals of allocations, less what cancellations freed.
    /// @param released Paid out to recipients by released milestones.
    /// @param withdrawn Sent out by governance with {withdraw}.
    /// @param reserved Promised to Pending milestones and not yet paid.
    /// @param owed Released to recipients whose payment failed, held for them to {claim}.
    struct Totals {
        uint256 deposited;
        uint256 allocated;
        uint256 released;
        uint256 withdrawn;
        uint256 reserved;
        uint256 owed;
    }

    /// @notice `amount` of `token` (zero address: native coin) was deposited by `from`.
    /// @param token The ERC-20, or the zero address for the native coin.
    /// @param from The depositor.
    /// @param amount The amount that actually arrived (token units).
    event Deposited(address indexed token, address indexed from, uint256 amount);
    /// @notice An allocation was created and its total reserved.
    /// @param allocationId The new allocation's id.
    /// @param recipient Who receives released funds.
    /// @param token The ERC-20 paid out, or the zero address for the native coin.
    /// @param budgetDocumentId The Budget document the allocation executes.
    /// @param total Amount reserved: the sum of the milestones (token units).
    /// @param milestoneCount Number of milestones, each announced by a {MilestoneAdded} event.
    event AllocationCreated(
        uint256 indexed allocationId,
        address indexed recipient,
        address indexed token,
        uint256 budgetDocumentId,
        uint256 total,
        uint256 milestoneCount
    );
    /// @notice A milestone of a new allocation.
    /// @param allocationId The allocation.
    /// @param index The milestone's 0-based index.
    /// @param amount Amount paid on release (token units).
    /// @param deadline When the milestone is due (seconds).
    /// @param descriptionHash sha-256 of the milestone's description.
    event MilestoneAdded(
        uint256 indexed allocationId,
        uint256 indexed index,
        uint256 amount,
        uint48 deadline,
        bytes32 descriptionHash
    );
    /// @notice A milestone was paid to the allocation's recipient.
    /// @param allocationId The allocation.
    /// @param index The milestone's 0-based index.
    /// @param recipient Who was paid.
    /// @param token The ERC-20 paid, or the zero address for the native coin.
    /// @param amount Amount paid (token units).
    event MilestoneReleased(
        uint256 indexed allocationId,
        uint256 indexed index,
        address indexed recipient,
        address token,
        uint256 amount
    );
    /// @notice An allocation was cancelled; `unreleased` went back to the free balance.
    /// @param allocationId The allocation.
    /// @param unreleased Amount no longer reserved (token units; 0 if everything had been released).
    /// @param reason Why it was cancelled (public).
    event AllocationCancelled(uint256 indexed allocationId, uint256 unreleased, string reason);
    /// @notice Unreserved funds were sent out by governance.
    /// @param token The ERC-20, or the zero address for the native coin.
    /// @param to The receiver.
    /// @param amount Amount sent (token units).
    event Withdrawn(address indexed token, address indexed to, uint256 amount);
    /// @notice A released milestone could not be paid to its recipient (a refusing contract, a blocked account): the
    /// amount is held for the recipient, who takes it with {claim}.
    /// @param recipient Who is owed.
    /// @param token The ERC-20, or the zero address for the native coin.
    /// @param amount Amount now owed (token units).
    event PaymentDeferred(address indexed recipient, address indexed token, uint256 amount);
    /// @notice A recipient took what it was owed.
    /// @param recipient Who was owed.
    /// @param token The ERC-20, or the zero address for the native coin.
    /// @param to Where the recipient had it sent.
    /// @param amount Amount paid (token units).
    event Claimed(address indexed recipient, address indexed token, address to, uint256 amount);
    /// @notice Governance allowed or disallowed an ERC-20 for deposits and new allocations.
    /// @param token The ERC-20.
    /// @param allowed Whether it may now be deposited and allocated.
    event TokenAllowanceSet(address indexed token, bool allowed);
    /// @notice Funds that had arrived without a deposit were recorded as deposited (by {sync}).
    /// @param token The ERC-20, or the zero address for the native coin.
    /// @param amount Amount recorded (token units).
    event InflowRecorded(address indexed token, uint256 amount);

    /// @notice The amount is zero.
    error ZeroAmount();
    /// @notice The escrow cannot pay itself.
    /// @param recipient The rejected recipient (the escrow's own address).
    error InvalidRecipient(address recipient);
    /// @notice Not enough free (unreserved) balance.
    /// @param token The ERC-20, or the zero address for the native coin.
    /// @param available Free balance (token units).
    /// @param requested Amount asked for (token units).
    error InsufficientFunds(address token, uint256 available, uint256 requested);
    /// @notice No milestones, or more than {MAX_MILESTONES}.
    /// @param count Number of milestones given.
    error InvalidMilestoneCount(uint256 count);
    /// @notice Milestone `index` has a zero amount.
    /// @param index The milestone's 0-based index.
    error ZeroMilestoneAmount(uint256 index);
    /// @notice Milestone `index` has a deadline that is not in the future.
    /// @param index The milestone's 0-based index.
    /// @param deadline Its deadline (seconds).
    error DeadlineInPast(uint256 index, uint48 deadline);
    /// @notice The milestones add up to `sum`, not the declared `total`.
    /// @param sum Sum of the milestone amounts.
    /// @param total The declared total.
    error MilestonesDoNotAddUp(uint256 sum, uint256 total);
    /// @notice The cited document is not an Active Budget document.
    /// @param documentId The cited document id.
    error InvalidBudgetDocument(uint256 documentId);
    /// @notice No allocation with this id.
    /// @param allocationId The id requested.
    error UnknownAllocation(uint256 allocationId);
    /// @notice No milestone with this index.
    /// @param allocationId The allocation.
    /// @param index The 0-based index requested.
    error UnknownMilestone(uint256 allocationId, uint256 index);
    /// @notice The milestone is not Pending (already released or cancelled).
    /// @param allocationId The allocation.
    /// @param index The milestone's 0-based index.
    /// @param status Its current status.
    error MilestoneNotPending(uint256 allocationId, uint256 index, MilestoneStatus status);
    /// @notice The allocation is already cancelled.
    /// @param allocationId The allocation.
    error AllocationAlreadyCancelled(uint256 allocationId);
    /// @notice The reason is empty or too long.
    error InvalidReason();
    /// @notice The ERC-20 is not on the escrow's allow-list (see {TokenAllowanceSet}).
    /// @param token The ERC-20.
    error TokenNotAllowed(address token);
    /// @notice The allocation's Budget document has been revoked: none of its money may be released.
    /// @param allocationId The allocation.
    /// @param budgetDocumentId The revoked Budget document.
    error BudgetRevoked(uint256 allocationId, uint256 budgetDocumentId);
    /// @notice Nothing is owed to the caller in this token.
    /// @param recipient The caller.
    /// @param token The ERC-20, or the zero address for the native coin.
    error NothingOwed(address recipient, address token);
}
