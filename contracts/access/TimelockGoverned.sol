// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/**
 * @title TimelockGoverned
 * @notice Base for contracts whose privileged functions may be called only by the governance Timelock.
 * @dev The Timelock address is immutable: there is no owner to transfer and no admin left after deployment.
 * Every privileged call therefore passes through a proposal, a vote and the Timelock delay.
 */
abstract contract TimelockGoverned {
    /// @notice The TimelockController that executes passed proposals.
    address public immutable timelock;

    /// @notice The caller is not the governance Timelock.
    /// @param caller The account that made the call.
    error NotTimelock(address caller);

    /// @notice A required address argument is the zero address.
    error ZeroAddress();

    /// @dev Reverts with {NotTimelock} unless the caller is the Timelock.
    modifier onlyTimelock() {
        if (msg.sender != timelock) revert NotTimelock(msg.sender);
        _;
    }

    /// @notice Binds the contract to its governance Timelock for good.
    /// @param timelock_ The TimelockController that will own every privileged function; must not be zero.
    constructor(address timelock_) {
        if (timelock_ == address(0)) revert ZeroAddress();
        timelock = timelock_;
    }
}
