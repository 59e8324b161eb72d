// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/**
 * @title BlocklistToken
 * @notice TEST ONLY. An ERC-20 with a blocklist, as USDC and USDT have: any transfer from or to a blocked account
 * reverts with {Blocked}. Anyone may block or unblock (tests only).
 */
contract BlocklistToken is ERC20 {
    /// @notice Whether an account is blocked.
    mapping(address account => bool) public blocked;

    /// @notice A transfer touched a blocked account.
    error Blocked(address account);

    /// @param holder Receives the initial supply.
    /// @param supply Amount minted to `holder`.
    constructor(address holder, uint256 supply) ERC20("Blocklist Token", "BLOCK") {
        _mint(holder, supply);
    }

    /// @notice Blocks or unblocks `account`.
    function setBlocked(address account, bool blocked_) external {
        blocked[account] = blocked_;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (blocked[from]) revert Blocked(from);
        if (blocked[to]) revert Blocked(to);
        super._update(from, to, value);
    }
}
