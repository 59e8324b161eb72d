// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/**
 * @title BlockNumberVotes
 * @notice Test helper: a votes source on the block-number clock, which GovernmentGovernor must refuse.
 */
contract BlockNumberVotes {
    /// @notice The block-number clock mode of ERC-6372.
    // solhint-disable-next-line func-name-mixedcase
    function CLOCK_MODE() external pure returns (string memory) {
        return "mode=blocknumber&from=default";
    }

    /// @notice The current block number.
    function clock() external view returns (uint48) {
        return uint48(block.number);
    }
}
