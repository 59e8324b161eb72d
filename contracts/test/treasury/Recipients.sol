// SPDX-License-Identifier: MIT
// solhint-disable one-contract-per-file
pragma solidity 0.8.28;

/// @dev The escrow's claim, as the test recipients call it.
interface IClaimable {
    function claim(address token, address to) external;
}

/**
 * @title RefusingRecipient
 * @notice TEST ONLY. A recipient contract that refuses the native coin while `refusing` is set (reverting with
 * {Refused}) and can claim what the escrow owes it, to itself or to another address.
 */
contract RefusingRecipient {
    /// @notice Whether native-coin transfers to this contract revert.
    bool public refusing = true;

    /// @notice Thrown on a native-coin transfer while refusing.
    error Refused(address sender, uint256 value);

    /// @notice Starts or stops refusing the native coin.
    function setRefusing(bool refusing_) external {
        refusing = refusing_;
    }

    /// @notice Claims what `escrow` owes this contract in `token`, sent to `to`.
    function claimFrom(IClaimable escrow, address token, address to) external {
        escrow.claim(token, to);
    }

    /// @notice Reverts while refusing, accepts otherwise.
    receive() external payable {
        if (refusing) revert Refused(msg.sender, msg.value);
    }
}

/**
 * @title GasBurningRecipient
 * @notice TEST ONLY. A recipient contract whose `receive` writes `rounds` fresh storage slots (about 22 100 gas
 * each), to use more gas than a payment may forward; it can claim what the escrow owes it.
 */
contract GasBurningRecipient {
    /// @notice Fresh slots written per native-coin transfer received.
    uint256 public rounds;
    /// @notice Slots written so far (each receive writes `rounds` new ones).
    uint256 public written;
    mapping(uint256 => uint256) private _burnt;

    /// @param rounds_ Fresh storage slots to write on each receive (3 already need more than 50 000 gas).
    constructor(uint256 rounds_) {
        rounds = rounds_;
    }

    /// @notice Changes how much gas a receive uses (0: almost none).
    function setRounds(uint256 rounds_) external {
        rounds = rounds_;
    }

    /// @notice Claims what `escrow` owes this contract in `token`, sent to `to`.
    function claimFrom(IClaimable escrow, address token, address to) external {
        escrow.claim(token, to);
    }

    /// @notice Burns gas by writing fresh slots, then accepts.
    // solhint-disable-next-line no-complex-fallback
    receive() external payable {
        uint256 start = written;
        uint256 end = start + rounds;
        for (uint256 i = start; i < end; ++i) _burnt[i] = i + 1;
        written = end;
    }
}
