// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Address} from "@openzeppelin/contracts/utils/Address.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {TimelockGoverned} from "../access/TimelockGoverned.sol";
import {IDocumentRegistry} from "../documents/IDocumentRegistry.sol";
import {IBudgetEscrow} from "./IBudgetEscrow.sol";

/**
 * @title BudgetEscrow
 * @notice Holds the budget (an ERC-20 such as the digital tenge, and the native coin) and pays it out only
 * milestone by milestone, only when a passed proposal says so through the Timelock.
 *
 * @dev Creating an allocation reserves its whole total, so a later allocation can never spend money promised to
 * an earlier one. Only deposited money can be allocated: per token, released ≤ allocated ≤ deposited and
 * reserved ≤ deposited − released − withdrawn ≤ balance. Every payout follows checks-effects-interactions behind a
 * reentrancy guard, with SafeERC20 for tokens that return no value. Deposits count what actually arrived; funds
 * that arrive otherwise wait for {sync}.
 *
 * Only ERC-20s that governance allowed ({setTokenAllowed}; the native coin always) can be deposited or allocated: a
 * fee-on-transfer or negatively rebasing token would leave the escrow holding less than it reserved, so that the last
 * milestones could never be paid. Payments are pushed, and a payment that fails (a recipient contract that
 * refuses, an account the token blocks) never blocks the release: the milestone is released and the amount is held
 * for the recipient to {claim}. A milestone of an allocation whose Budget document was revoked cannot be released.
 */
contract BudgetEscrow is IBudgetEscrow, TimelockGoverned, ReentrancyGuard {
    using SafeERC20 for IERC20;

    /// @notice The native coin is represented by the zero address.
    address public constant NATIVE = address(0);
    /// @notice Most milestones one allocation may have.
    uint256 public constant MAX_MILESTONES = 32;
    /// @notice Longest cancellation reason, in bytes of UTF-8.
    uint256 public constant MAX_REASON_LENGTH = 1024;
    /// @notice Gas a native-coin payment may use in the recipient before it counts as refused and is deferred: enough
    /// for a wallet contract that records the payment, too little for a recipient to make the release run out of gas.
    uint256 public constant NATIVE_PAYMENT_GAS = 50_000;

    /// @notice The register whose Budget documents allocations cite.
    IDocumentRegistry public immutable documents;

    mapping(uint256 allocationId => Allocation) private _allocations;
    mapping(uint256 allocationId => Milestone[]) private _milestones;
    mapping(address token => Totals) private _totals;
    mapping(address token => bool) private _allowedTokens;
    mapping(address recipient => mapping(address token => uint256)) private _owed;
    uint256 private _allocationCount;

    /// @notice Deploys an empty escrow governed by `timelock_`.
    /// @dev Emits {TokenAllowanceSet} for each of `allowedTokens`.
    /// @param timelock_ The governance Timelock, sole creator, releaser and canceller of allocations.
    /// @param documents_ The document registry (allocations must cite an Active Budget document).
    /// @param allowedTokens The ERC-20s allowed from the start (the national digital currency; the dev DigitalTenge on
    /// local chains).
    constructor(
        address timelock_,
        IDocumentRegistry documents_,
        address[] memory allowedTokens
    ) TimelockGoverned(timelock_) {
        if (address(documents_) == address(0)) revert ZeroAddress();
        documents = documents_;
        for (uint256 i = 0; i < allowedTokens.length; ++i) _setTokenAllowed(allowedTokens[i], true);
    }

    // ─── Deposits (anyone) ───────────────────────────────────────────────────────────────────────────────────

    /// @notice Deposits `amount` of an ERC-20 (approve first). Counts what actually arrives.
    /// @dev Anyone may deposit. Reverts with {ZeroAddress} for the zero token, {TokenNotAllowed} for a token not on
    /// the allow-list, {ZeroAmount} if `amount` is 0 or nothing arrives. Emits {Deposited} with the amount received.
    /// @param token The ERC-20 to deposit (not {NATIVE}).
    /// @param amount Amount to transfer from the caller (token units).
    function deposit(IERC20 token, uint256 amount) public nonReentrant {
        if (address(token) == NATIVE) revert ZeroAddress();
        _checkAllowed(address(token));
        if (amount == 0) revert ZeroAmount();
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - before;
        if (received == 0) revert ZeroAmount();
        _totals[address(token)].deposited += received;
        emit Deposited(address(token), msg.sender, received);
    }

    /// @notice Deposits with an ERC-2612 permit instead of a prior approval. A permit already used (for example
    /// front-run) is ignored, and the deposit still succeeds if the allowance is there.
    /// @dev The permit is for the caller as owner and this escrow as spender. Then as {deposit}.
    /// @param token The ERC-20 with ERC-2612 support (not {NATIVE}).
    /// @param amount Amount to permit and deposit (token units).
    /// @param deadline Permit expiry (seconds).
    /// @param v Permit signature `v`.
    /// @param r Permit signature `r`.
    /// @param s Permit signature `s`.
    function depositWithPermit(
        IERC20Permit token,
        uint256 amount,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        if (address(token) == NATIVE) revert ZeroAddress();
        try token.permit(msg.sender, address(this), amount, deadline, v, r, s) {} catch {} // solhint-disable-line no-empty-blocks
        deposit(IERC20(address(token)), amount);
    }

    /// @notice Deposits native coin.
    /// @dev Anyone may deposit `msg.value` (wei); reverts with {ZeroAmount} if it is 0.
    function depositNative() public payable {
        if (msg.value == 0) revert ZeroAmount();
        _totals[NATIVE].deposited += msg.value;
        emit Deposited(NATIVE, msg.sender, msg.value);
    }

    /// @notice Plain transfers of native coin are deposits.
    receive() external payable {
        depositNative();
    }

    /// @notice Records as deposited any balance that arrived without a deposit (a direct token transfer, a forced
    /// native transfer), so that governance can allocate or withdraw it. Anyone may call it.
    /// @dev Reverts with {TokenNotAllowed} for a token not on the allow-list, {ZeroAmount} if there is nothing to
    /// record.
    /// @param token ERC-20 address, or {NATIVE}.
    /// @return recorded The amount newly recorded as deposited (token units).
    function sync(address token) external nonReentrant returns (uint256 recorded) {
        _checkAllowed(token);
        uint256 held = _held(token);
        uint256 accounted = _accounted(token);
        if (held <= accounted) revert ZeroAmount();
        recorded = held - accounted;
        _totals[token].deposited += recorded;
        emit InflowRecorded(token, recorded);
    }

    // ─── Allocations (Timelock) ──────────────────────────────────────────────────────────────────────────────

    /// @notice Creates an allocation and reserves its total.
    /// @dev Only the Timelock. Reverts with {ZeroAddress}, {InvalidRecipient}, {TokenNotAllowed}, {InvalidMilestoneCount},
    /// {ZeroMilestoneAmount}, {DeadlineInPast}, {MilestonesDoNotAddUp}, {InvalidBudgetDocument} or
    /// {InsufficientFunds} (the total must fit in the free balance, see {available}).
    /// @param recipient Who will receive released funds.
    /// @param token ERC-20 address, or {NATIVE}.
    /// @param budgetDocumentId The Active Budget document this allocation executes.
    /// @param total The declared total (token units); must equal the sum of the milestones.
    /// @param plan The milestones: amounts, deadlines (in the future) and description hashes.
    /// @return allocationId The new allocation's id (from 1).
    function createAllocation(
        address recipient,
        address token,
        uint256 budgetDocumentId,
        uint256 total,
        MilestoneInit[] calldata plan
    ) external onlyTimelock returns (uint256 allocationId) {
        if (recipient == address(0)) revert ZeroAddress();
        if (recipient == address(this)) revert InvalidRecipient(recipient);
        _checkAllowed(token);
        uint256 count = plan.length;
        _checkPlan(plan, total);

        IDocumentRegistry.Document memory budget = documents.verify(bytes32(budgetDocumentId));
        if (
            !budget.found ||
            budget.docType != IDocumentRegistry.DocumentType.Budget ||
            budget.status != IDocumentRegistry.Status.Active
        ) revert InvalidBudgetDocument(budgetDocumentId);

        uint256 free = available(token);
        if (total > free) revert InsufficientFunds(token, free, total);

        Totals storage sums = _totals[token];
        sums.reserved += total;
        sums.allocated += total;

        allocationId = ++_allocationCount;
        _allocations[allocationId] = Allocation({
            recipient: recipient,
            createdAt: uint48(block.timestamp),
            cancelled: false,
            token: token,
            budgetDocumentId: budgetDocumentId,
            total: SafeCast.toUint128(total),
            released: 0
        });
        emit AllocationCreated(allocationId, recipient, token, budgetDocumentId, total, count);

        Milestone[] storage stored = _milestones[allocationId];
        for (uint256 i = 0; i < count; ++i) {
            MilestoneInit calldata m = plan[i];
            stored.push(Milestone(m.amount, m.deadline, MilestoneStatus.Pending, m.descriptionHash));
            emit MilestoneAdded(allocationId, i, m.amount, m.deadline, m.descriptionHash);
        }
    }

    /// @notice Pays milestone `index` of an allocation to its recipient.
    /// @dev Only the Timelock. Milestones may be released in any order, before or after their deadline. Reverts
    /// with {UnknownAllocation}, {AllocationAlreadyCancelled}, {UnknownMilestone}, {MilestoneNotPending} or
    /// {BudgetRevoked} (the allocation's Budget document, or the version of it in force, was revoked since). If the payment fails, the milestone is
    /// still released and the amount is owed to the recipient ({PaymentDeferred}, then {claim}).
    /// @param allocationId The allocation.
    /// @param index The milestone's 0-based index.
    function releaseMilestone(uint256 allocationId, uint256 index) external onlyTimelock nonReentrant {
        Allocation storage entry = _existing(allocationId);
        if (entry.cancelled) revert AllocationAlreadyCancelled(allocationId);
        Milestone[] storage list = _milestones[allocationId];
        if (index >= list.length) revert UnknownMilestone(allocationId, index);
        Milestone storage milestone = list[index];
        if (milestone.status != MilestoneStatus.Pending) {
            revert MilestoneNotPending(allocationId, index, milestone.status);
        }
        // The budget in force: the cited document, or its newest version if it was amended since.
        uint256 budgetDocumentId = entry.budgetDocumentId;
        (, IDocumentRegistry.Status budgetStatus) = documents.currentVersion(budgetDocumentId);
        if (budgetStatus == IDocumentRegistry.Status.Revoked) revert BudgetRevoked(allocationId, budgetDocumentId);

        // Effects
        uint128 amount = milestone.amount;
        address token = entry.token;
        address recipient = entry.recipient;
        milestone.status = MilestoneStatus.Released;
        entry.released += amount;
        Totals storage sums = _totals[token];
        sums.reserved -= amount;
        sums.released += amount;
        emit MilestoneReleased(allocationId, index, recipient, token, amount);

        // Interaction. A refused payment is recorded after the failed call, which changed nothing (and the guard
        // blocks reentry): crediting first and debiting on success would cost two more writes on every release.
        if (!_tryPay(token, recipient, amount)) {
            _owed[recipient][token] += amount;
            sums.owed += amount;
            emit PaymentDeferred(recipient, token, amount);
        }
    }

    /// @notice Pays the caller what it is owed in `token` from payments that failed, to the address it chooses.
    /// @dev Anyone owed may call it. Reverts with {ZeroAddress} for a zero `to`, {NothingOwed} if nothing is owed, or
    /// if the transfer to `to` fails. Emits {Claimed}.
    /// @param token ERC-20 address, or {NATIVE}.
    /// @param to Where to send it (the caller itself, or another of its accounts if it cannot receive).
    function claim(address token, address to) external nonReentrant {
        if (to == address(0)) revert ZeroAddress();
        uint256 amount = _owed[msg.sender][token];
        if (amount == 0) revert NothingOwed(msg.sender, token);
        _owed[msg.sender][token] = 0;
        _totals[token].owed -= amount;
        emit Claimed(msg.sender, token, to, amount);
        _pay(token, to, amount);
    }

    /// @notice Allows or disallows an ERC-20 for deposits and new allocations. Only the Timelock.
    /// @dev Disallowing stops new deposits and allocations; milestones already reserved can still be released. Reverts
    /// with {ZeroAddress} for {NATIVE} (always allowed). Emits {TokenAllowanceSet}.
    /// @param token The ERC-20.
    /// @param allowed Whether it may be deposited and allocated.
    function setTokenAllowed(address token, bool allowed) external onlyTimelock {
        _setTokenAllowed(token, allowed);
    }

    /// @notice Cancels the unreleased rest of an allocation and frees its reservation.
    /// @dev Only the Timelock. Every Pending milestone becomes Cancelled; released ones stay paid. Reverts with
    /// {UnknownAllocation}, {AllocationAlreadyCancelled} or {InvalidReason}.
    /// @param allocationId The allocation.
    /// @param reason Why it is cancelled (public; 1 to {MAX_REASON_LENGTH} bytes).
    function cancelAllocation(uint256 allocationId, string calldata reason) external onlyTimelock {
        Allocation storage entry = _existing(allocationId);
        if (entry.cancelled) revert AllocationAlreadyCancelled(allocationId);
        if (bytes(reason).length == 0 || bytes(reason).length > MAX_REASON_LENGTH) revert InvalidReason();

        Milestone[] storage list = _milestones[allocationId];
        for (uint256 i = 0; i < list.length; ++i) {
            if (list[i].status == MilestoneStatus.Pending) list[i].status = MilestoneStatus.Cancelled;
        }
        uint256 unreleased = entry.total - entry.released;
        entry.cancelled = true;
        Totals storage sums = _totals[entry.token];
        sums.reserved -= unreleased;
        sums.allocated -= unreleased;
        emit AllocationCancelled(allocationId, unreleased, reason);
    }

    /// @notice Sends unreserved funds out (for example, unspent budget back to the treasury).
    /// @dev Only the Timelock. Reverts with {ZeroAddress}, {ZeroAmount} or {InsufficientFunds}.
    /// @param token ERC-20 address, or {NATIVE}.
    /// @param to The receiver (non-zero).
    /// @param amount Amount to send (token units); at most {available}.
    function withdraw(address token, address to, uint256 amount) external onlyTimelock nonReentrant {
        if (to == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
        uint256 free = available(token);
        if (amount > free) revert InsufficientFunds(token, free, amount);
        _totals[token].withdrawn += amount;
        emit Withdrawn(token, to, amount);
        _pay(token, to, amount);
    }

    /// @notice Whether `token` may be deposited and allocated.
    /// @param token ERC-20 address, or {NATIVE} (always allowed).
    /// @return True if allowed.
    function isTokenAllowed(address token) public view returns (bool) {
        return token == NATIVE || _allowedTokens[token];
    }

    /// @notice What `recipient` is owed in `token` from payments that failed.
    /// @param recipient The recipient.
    /// @param token ERC-20 address, or {NATIVE}.
    /// @return The amount it can {claim} (token units).
    function owed(address recipient, address token) external view returns (uint256) {
        return _owed[recipient][token];
    }

    // ─── Reading ─────────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Free balance of `token`: deposited funds still held, minus those reserved for open milestones and those
    /// owed to recipients.
    /// @param token ERC-20 address, or {NATIVE}.
    /// @return The free amount (token units); 0 if the reservations take everything.
    function available(address token) public view returns (uint256) {
        uint256 usable = Math.min(_accounted(token), _held(token));
        Totals storage sums = _totals[token];
        uint256 committed = sums.reserved + sums.owed;
        return usable > committed ? usable - committed : 0;
    }

    /// @notice Running totals of `token`.
    /// @param token ERC-20 address, or {NATIVE}.
    /// @return The totals; all zero for a token never deposited.
    function totals(address token) external view returns (Totals memory) {
        return _totals[token];
    }

    /// @notice Number of allocations ever created (ids run from 1 to this).
    /// @return The count, including cancelled allocations; 0 if none.
    function allocationCount() external view returns (uint256) {
        return _allocationCount;
    }

    /// @notice The allocation `allocationId`; reverts with {UnknownAllocation} if there is none.
    /// @param allocationId The allocation id.
    /// @return The allocation as stored.
    function allocation(uint256 allocationId) external view returns (Allocation memory) {
        return _existing(allocationId);
    }

    /// @notice The milestones of allocation `allocationId`; reverts with {UnknownAllocation} if there is none.
    /// @param allocationId The allocation id.
    /// @return The milestones, in index order.
    function milestones(uint256 allocationId) external view returns (Milestone[] memory) {
        _existing(allocationId);
        return _milestones[allocationId];
    }

    /// @notice Whether milestone `index` is past its deadline and still Pending.
    /// @dev Reverts with {UnknownAllocation} or {UnknownMilestone}.
    /// @param allocationId The allocation id.
    /// @param index The milestone's 0-based index.
    /// @return True if the block time is after the deadline, the milestone is Pending and the allocation is not
    /// cancelled.
    function isOverdue(uint256 allocationId, uint256 index) public view returns (bool) {
        Milestone[] storage list = _milestones[_existingId(allocationId)];
        if (index >= list.length) revert UnknownMilestone(allocationId, index);
        Milestone storage m = list[index];
        return m.status == MilestoneStatus.Pending && block.timestamp > m.deadline && !_allocations[allocationId].cancelled;
    }

    /// @notice Indices of the overdue milestones of an allocation.
    /// @dev Reverts with {UnknownAllocation}.
    /// @param allocationId The allocation id.
    /// @return indices The 0-based indices for which {isOverdue} is true, ascending; empty if none.
    function overdueMilestones(uint256 allocationId) external view returns (uint256[] memory indices) {
        uint256 length = _milestones[_existingId(allocationId)].length;
        uint256 n;
        for (uint256 i = 0; i < length; ++i) {
            if (isOverdue(allocationId, i)) ++n;
        }
        indices = new uint256[](n);
        n = 0;
        for (uint256 i = 0; i < length; ++i) {
            if (isOverdue(allocationId, i)) indices[n++] = i;
        }
    }

    // ─── Internals ───────────────────────────────────────────────────────────────────────────────────────────

    /// @dev Between 1 and MAX_MILESTONES milestones, each non-zero and due in the future, adding up to `total`.
    function _checkPlan(MilestoneInit[] calldata plan, uint256 total) private view {
        uint256 count = plan.length;
        if (count == 0 || count > MAX_MILESTONES) revert InvalidMilestoneCount(count);
        uint256 sum;
        for (uint256 i = 0; i < count; ++i) {
            MilestoneInit calldata m = plan[i];
            if (m.amount == 0) revert ZeroMilestoneAmount(i);
            if (m.deadline <= block.timestamp) revert DeadlineInPast(i, m.deadline);
            sum += m.amount;
        }
        if (sum != total) revert MilestonesDoNotAddUp(sum, total);
    }

    /// @dev What the escrow holds of `token`.
    function _held(address token) private view returns (uint256) {
        return token == NATIVE ? address(this).balance : IERC20(token).balanceOf(address(this));
    }

    /// @dev What the escrow should hold of `token` by its own books: deposited − released − withdrawn + owed (released
    /// but not yet paid out).
    function _accounted(address token) private view returns (uint256) {
        Totals storage sums = _totals[token];
        return sums.deposited + sums.owed - sums.released - sums.withdrawn;
    }

    /// @dev Reverts with {TokenNotAllowed} unless `token` is allowed.
    function _checkAllowed(address token) private view {
        if (!isTokenAllowed(token)) revert TokenNotAllowed(token);
    }

    /// @dev Records and announces whether `token` is allowed; {NATIVE} cannot be listed (it is always allowed).
    function _setTokenAllowed(address token, bool allowed) private {
        if (token == NATIVE) revert ZeroAddress();
        _allowedTokens[token] = allowed;
        emit TokenAllowanceSet(token, allowed);
    }

    /// @dev Sends `amount` of `token` (or native coin) to `to`; false instead of a revert if the transfer fails. The
    /// native coin goes with at most {NATIVE_PAYMENT_GAS}, so a recipient cannot use up the release's gas (the return
    /// data it can produce with that gas is bounded too).
    function _tryPay(address token, address to, uint256 amount) private returns (bool ok) {
        if (token != NATIVE) return IERC20(token).trySafeTransfer(to, amount);
        // solhint-disable-next-line avoid-low-level-calls
        (ok, ) = payable(to).call{value: amount, gas: NATIVE_PAYMENT_GAS}("");
    }

    /// @dev Sends `amount` of `token` (or native coin) to `to`; reverts if the transfer fails.
    function _pay(address token, address to, uint256 amount) private {
        if (token == NATIVE) Address.sendValue(payable(to), amount);
        else IERC20(token).safeTransfer(to, amount);
    }

    /// @dev The stored allocation; reverts with {UnknownAllocation} if there is none.
    function _existing(uint256 allocationId) private view returns (Allocation storage a) {
        a = _allocations[_existingId(allocationId)];
    }

    /// @dev `allocationId` itself; reverts with {UnknownAllocation} if there is no such allocation.
    function _existingId(uint256 allocationId) private view returns (uint256) {
        if (_allocations[allocationId].createdAt == 0) revert UnknownAllocation(allocationId);
        return allocationId;
    }
}
