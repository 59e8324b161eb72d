// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/**
 * @title FeeOnTransferToken
 * @notice TEST ONLY. An ERC-20 that burns a 1% fee on every transfer between accounts: the receiver gets 99% of
 * the amount sent (rounded in the fee's favour: fee = amount / 100, rounded down).
 */
contract FeeOnTransferToken is ERC20 {
    /// @notice Fee in basis points (1%).
    uint256 public constant FEE_BPS = 100;

    /// @param holder Receives the initial supply.
    /// @param supply Amount minted to `holder`.
    constructor(address holder, uint256 supply) ERC20("Fee Token", "FEE") {
        _mint(holder, supply);
    }

    /// @notice The fee charged on a transfer of `amount`.
    function feeOf(uint256 amount) public pure returns (uint256) {
        return (amount * FEE_BPS) / 10_000;
    }

    /// @dev Transfers (not mints or burns) burn the fee from the sender and deliver the rest.
    function _update(address from, address to, uint256 value) internal override {
        if (from == address(0) || to == address(0)) {
            super._update(from, to, value);
            return;
        }
        uint256 fee = feeOf(value);
        if (fee > 0) super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
