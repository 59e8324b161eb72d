// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/**
 * @title GovernmentTimelock
 * @notice OpenZeppelin's TimelockController with a bounded delay and a grace period: a queued operation that is not
 * executed within the grace period after it became ready expires and can never run.
 *
 * @dev Two changes to the TimelockController, both from Compound's Timelock (GovernorBravo):
 * - {updateDelay} accepts only values within bounds fixed at deployment. A delay of years, once passed, would make
 *   every later proposal (including the one restoring a sane delay) wait years: unrecoverable.
 * - {execute} and {executeBatch} revert with {TimelockOperationExpired} once `readyAt + gracePeriod` has passed, so a
 *   months-old operation cannot be executed by anyone at a moment that suits them. The grace period is a setting
 *   changed through the Timelock itself ({updateGracePeriod}), within {MIN_GRACE_PERIOD} and {MAX_GRACE_PERIOD}.
 *   Expiry is final: a change applies to operations still alive, and raising the grace period never revives an
 *   operation that had already expired (the changes are kept, so each operation's expiry can be replayed).
 * The Governor reports such a proposal as Expired (see GovernmentGovernor.state).
 */
contract GovernmentTimelock is TimelockController {
    /// @notice Shortest grace period any proposal may set.
    uint256 public constant MIN_GRACE_PERIOD = 1 days;
    /// @notice Longest grace period any proposal may set.
    uint256 public constant MAX_GRACE_PERIOD = 365 days;
    /// @dev The ready-time marker TimelockController writes for executed operations.
    uint256 private constant _DONE_TIMESTAMP = 1;

    /// @notice Shortest delay {updateDelay} accepts (seconds), fixed at deployment.
    uint256 public immutable minDelayBound;
    /// @notice Longest delay {updateDelay} accepts (seconds), fixed at deployment.
    uint256 public immutable maxDelayBound;

    /// @dev One value of the grace period and when it took effect (seconds).
    struct GraceChange {
        uint48 since;
        uint208 gracePeriod;
    }

    /// @dev Every value the grace period has had, oldest first (the first set at construction); never empty.
    GraceChange[] private _graceHistory;

    /// @notice The grace period changed.
    /// @param oldGracePeriod The previous grace period (seconds; 0 at construction).
    /// @param newGracePeriod The new grace period (seconds).
    event GracePeriodChange(uint256 oldGracePeriod, uint256 newGracePeriod);

    /// @notice The delay bounds given at deployment are reversed, or the initial delay is outside them.
    /// @param minDelay The initial delay (seconds).
    /// @param minBound The shortest delay given.
    /// @param maxBound The longest delay given.
    error TimelockInvalidDelayBounds(uint256 minDelay, uint256 minBound, uint256 maxBound);
    /// @notice A delay outside the deployment's bounds.
    /// @param delay The value refused (seconds).
    /// @param min The shortest allowed.
    /// @param max The longest allowed.
    error TimelockDelayOutOfBounds(uint256 delay, uint256 min, uint256 max);
    /// @notice A grace period outside {MIN_GRACE_PERIOD} … {MAX_GRACE_PERIOD}.
    /// @param gracePeriod The value refused (seconds).
    error TimelockGracePeriodOutOfBounds(uint256 gracePeriod);
    /// @notice The operation was ready but not executed within the grace period; it can never be executed.
    /// @param id The operation id.
    /// @param expiredAt When it expired: its ready time plus the grace period (seconds).
    error TimelockOperationExpired(bytes32 id, uint256 expiredAt);

    /// @notice Deploys the Timelock.
    /// @dev Reverts with {TimelockInvalidDelayBounds} if `minDelayBound_ > maxDelayBound_` or `minDelay` is outside
    /// them, and with {TimelockGracePeriodOutOfBounds} for an initial grace period out of range.
    /// @param minDelay Initial delay between queue and execute (seconds).
    /// @param proposers Accounts granted the proposer and canceller roles.
    /// @param executors Accounts granted the executor role (the zero address: anyone).
    /// @param admin Optional temporary admin (the zero address: none).
    /// @param minDelayBound_ Shortest delay ever accepted.
    /// @param maxDelayBound_ Longest delay ever accepted.
    /// @param gracePeriod_ Initial grace period (seconds).
    constructor(
        uint256 minDelay,
        address[] memory proposers,
        address[] memory executors,
        address admin,
        uint256 minDelayBound_,
        uint256 maxDelayBound_,
        uint256 gracePeriod_
    ) TimelockController(minDelay, proposers, executors, admin) {
        if (minDelayBound_ > maxDelayBound_ || minDelay < minDelayBound_ || minDelay > maxDelayBound_) {
            revert TimelockInvalidDelayBounds(minDelay, minDelayBound_, maxDelayBound_);
        }
        minDelayBound = minDelayBound_;
        maxDelayBound = maxDelayBound_;
        _setGracePeriod(gracePeriod_);
    }

    /// @notice How long after it became ready an operation can still be executed.
    /// @return The grace period, in seconds.
    function gracePeriod() public view virtual returns (uint256) {
        return _graceHistory[_graceHistory.length - 1].gracePeriod;
    }

    /// @notice Whether operation `id` was ready but not executed within the grace period.
    /// @param id The operation id.
    /// @return True if it is still pending and has expired (see {expiryOf}).
    function isOperationExpired(bytes32 id) public view virtual returns (bool) {
        uint256 readyAt = getTimestamp(id);
        return readyAt > _DONE_TIMESTAMP && expiryOf(readyAt) != 0;
    }

    /// @notice When an operation that became ready at `readyAt` expired, replaying the grace period's changes: it
    /// expires at `readyAt + grace` under the grace period in force, or at once when a shorter one takes effect after
    /// that moment; once expired, a later, longer grace period does not revive it.
    /// @param readyAt The operation's ready time (seconds).
    /// @return expiredAt When it expired (seconds), or 0 if it has not expired by now.
    function expiryOf(uint256 readyAt) public view virtual returns (uint256 expiredAt) {
        uint256 n = _graceHistory.length;
        // The last change in force at readyAt (changes before it only shaped the grace it started with).
        uint256 i = n - 1;
        while (i > 0 && _graceHistory[i].since > readyAt) --i;
        uint256 deadline = readyAt + _graceHistory[i].gracePeriod;
        for (++i; i < n; ++i) {
            GraceChange memory change = _graceHistory[i];
            if (change.since > deadline) return deadline; // it had expired before this change
            deadline = readyAt + change.gracePeriod;
            if (deadline < change.since) return change.since; // a shorter grace period ended it at once
        }
        return block.timestamp > deadline ? deadline : 0;
    }

    /// @notice Changes the delay for future operations, within the deployment's bounds. Only through the Timelock.
    /// @dev Reverts with {TimelockUnauthorizedCaller} for any other caller and {TimelockDelayOutOfBounds} for a
    /// value out of range. Emits {MinDelayChange}.
    /// @param newDelay The new delay (seconds).
    function updateDelay(uint256 newDelay) public virtual override {
        if (msg.sender == address(this) && (newDelay < minDelayBound || newDelay > maxDelayBound)) {
            revert TimelockDelayOutOfBounds(newDelay, minDelayBound, maxDelayBound);
        }
        super.updateDelay(newDelay);
    }

    /// @notice Changes the grace period. Only through the Timelock.
    /// @dev Applies at once, also to operations already queued. Reverts with {TimelockUnauthorizedCaller} or
    /// {TimelockGracePeriodOutOfBounds}. Emits {GracePeriodChange}.
    /// @param newGracePeriod The new grace period (seconds).
    function updateGracePeriod(uint256 newGracePeriod) external virtual {
        if (msg.sender != address(this)) revert TimelockUnauthorizedCaller(msg.sender);
        _setGracePeriod(newGracePeriod);
    }

    /// @inheritdoc TimelockController
    /// @dev Reverts with {TimelockOperationExpired} after the grace period.
    function execute(
        address target,
        uint256 value,
        bytes calldata payload,
        bytes32 predecessor,
        bytes32 salt
    ) public payable virtual override {
        _checkNotExpired(hashOperation(target, value, payload, predecessor, salt));
        super.execute(target, value, payload, predecessor, salt);
    }

    /// @inheritdoc TimelockController
    /// @dev Reverts with {TimelockOperationExpired} after the grace period.
    function executeBatch(
        address[] calldata targets,
        uint256[] calldata values,
        bytes[] calldata payloads,
        bytes32 predecessor,
        bytes32 salt
    ) public payable virtual override {
        _checkNotExpired(hashOperationBatch(targets, values, payloads, predecessor, salt));
        super.executeBatch(targets, values, payloads, predecessor, salt);
    }

    /// @dev Reverts with {TimelockOperationExpired} if operation `id` has expired.
    function _checkNotExpired(bytes32 id) private view {
        uint256 readyAt = getTimestamp(id);
        if (readyAt <= _DONE_TIMESTAMP) return; // unset or done: TimelockController refuses it itself
        uint256 expiredAt = expiryOf(readyAt);
        if (expiredAt != 0) revert TimelockOperationExpired(id, expiredAt);
    }

    /// @dev Sets the grace period within its bounds, records the change and emits {GracePeriodChange}.
    function _setGracePeriod(uint256 newGracePeriod) private {
        if (newGracePeriod < MIN_GRACE_PERIOD || newGracePeriod > MAX_GRACE_PERIOD) {
            revert TimelockGracePeriodOutOfBounds(newGracePeriod);
        }
        uint256 old = _graceHistory.length == 0 ? 0 : gracePeriod();
        // Bounded above, so the cast is safe.
        _graceHistory.push(GraceChange(uint48(block.timestamp), uint208(newGracePeriod)));
        emit GracePeriodChange(old, newGracePeriod);
    }
}
