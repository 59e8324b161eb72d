// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/**
 * @title ReentrantToken
 * @notice TEST ONLY. A malicious ERC-20 whose `transfer` and `transferFrom` call back into a target contract (the
 * escrow) after moving the tokens, to attempt reentrancy. The callback fires once per arming.
 * @dev In "swallow" mode the callback's failure is recorded ({lastCallSucceeded}, {lastRevertData}) and the
 * transfer still succeeds, so a test can inspect why the reentrant call failed; in "bubble" mode the callback's
 * revert data is re-thrown and the whole outer call reverts with it.
 */
contract ReentrantToken is ERC20 {
    /// @notice Contract the callback calls (the escrow).
    address public victim;
    /// @notice Call data of the callback (for example `deposit`, `releaseMilestone` or `withdraw`).
    bytes public callData;
    /// @notice Whether a failed callback makes the transfer revert with the callback's revert data.
    bool public bubble;
    /// @notice Whether the next transfer will call back (cleared when it does).
    bool public armed;
    /// @notice How many callbacks were attempted.
    uint256 public attempts;
    /// @notice Whether the last callback succeeded.
    bool public lastCallSucceeded;
    /// @notice Revert data (or return data) of the last callback.
    bytes public lastRevertData;

    /// @param holder Receives the initial supply.
    /// @param supply Amount minted to `holder`.
    constructor(address holder, uint256 supply) ERC20("Reentrant Token", "REENTER") {
        _mint(holder, supply);
    }

    /// @notice Arms the callback: the next `transfer` or `transferFrom` calls `target_` with `data`.
    /// @param target_ Contract to call back.
    /// @param data Call data of the callback.
    /// @param bubble_ Whether a failed callback makes the transfer revert (true) or is only recorded (false).
    function arm(address target_, bytes calldata data, bool bubble_) external {
        victim = target_;
        callData = data;
        bubble = bubble_;
        armed = true;
    }

    /// @notice Moves tokens, then attempts the armed callback.
    function transfer(address to, uint256 value) public override returns (bool) {
        bool ok = super.transfer(to, value);
        _callBack();
        return ok;
    }

    /// @notice Moves tokens with an allowance, then attempts the armed callback.
    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        bool ok = super.transferFrom(from, to, value);
        _callBack();
        return ok;
    }

    function _callBack() private {
        if (!armed) return;
        armed = false;
        ++attempts;
        // solhint-disable-next-line avoid-low-level-calls
        (bool ok, bytes memory data) = victim.call(callData);
        lastCallSucceeded = ok;
        lastRevertData = data;
        if (!ok && bubble) {
            // solhint-disable-next-line no-inline-assembly
            assembly ("memory-safe") {
                revert(add(data, 0x20), mload(data))
            }
        }
    }
}
