// SPDX-License-Identifier: MIT
// solhint-disable one-contract-per-file, const-name-snakecase
pragma solidity 0.8.28;

/**
 * @title NoReturnToken
 * @notice TEST ONLY. A minimal ERC-20 in the style of USDT: `transfer` and `transferFrom` return nothing (not even
 * `bool`), so a caller that decodes a `bool` reverts; SafeERC20 accepts them. Failures revert.
 */
contract NoReturnToken {
    /// @notice Token name.
    string public constant name = "No Return Token";
    /// @notice Token symbol.
    string public constant symbol = "NORET";
    /// @notice Decimals.
    uint8 public constant decimals = 6;
    /// @notice Total supply.
    uint256 public totalSupply;
    /// @notice Balance of each account.
    mapping(address account => uint256) public balanceOf;
    /// @notice Allowance of each spender on each owner.
    mapping(address owner => mapping(address spender => uint256)) public allowance;

    /// @notice ERC-20 Transfer event.
    event Transfer(address indexed from, address indexed to, uint256 value);
    /// @notice ERC-20 Approval event.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice The sender's balance is too low.
    error InsufficientBalance(address account, uint256 balance, uint256 needed);
    /// @notice The spender's allowance is too low.
    error InsufficientAllowance(address spender, uint256 allowance, uint256 needed);

    /// @param holder Receives the initial supply.
    /// @param supply Amount minted to `holder`.
    constructor(address holder, uint256 supply) {
        totalSupply = supply;
        balanceOf[holder] = supply;
        emit Transfer(address(0), holder, supply);
    }

    /// @notice Sets `spender`'s allowance to `value`; returns `true` (only transfers are USDT-style).
    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    /// @notice Moves `value` to `to`. Returns nothing.
    function transfer(address to, uint256 value) external {
        _move(msg.sender, to, value);
    }

    /// @notice Moves `value` from `from` to `to` using the caller's allowance. Returns nothing.
    function transferFrom(address from, address to, uint256 value) external {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed < value) revert InsufficientAllowance(msg.sender, allowed, value);
        if (allowed != type(uint256).max) allowance[from][msg.sender] = allowed - value;
        _move(from, to, value);
    }

    function _move(address from, address to, uint256 value) private {
        uint256 balance = balanceOf[from];
        if (balance < value) revert InsufficientBalance(from, balance, value);
        balanceOf[from] = balance - value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}

/**
 * @title RejectingRecipient
 * @notice TEST ONLY. A contract that refuses the native coin: any plain transfer to it reverts with {Rejected}.
 */
contract RejectingRecipient {
    /// @notice Thrown on every attempt to send native coin here.
    error Rejected(address sender, uint256 value);

    /// @notice Always reverts.
    receive() external payable {
        revert Rejected(msg.sender, msg.value);
    }
}
