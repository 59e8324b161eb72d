// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/**
 * @title DigitalTenge
 * @notice Stand-in for the National Bank's digital tenge on local and development chains only. Two decimals
 * (tiyn). The whole supply is minted once at deployment to `holder`; there is no mint function and no owner.
 * @dev Production deployments point the escrow at the real token instead and never deploy this contract.
 */
contract DigitalTenge is ERC20, ERC20Permit {
    /// @notice Mints the whole, fixed supply to `holder`.
    /// @param holder Receives the fixed supply (the demo treasury account).
    /// @param supply Amount in tiyn (1 tenge = 100).
    constructor(address holder, uint256 supply) ERC20("Digital Tenge", "DKZT") ERC20Permit("Digital Tenge") {
        _mint(holder, supply);
    }

    /// @notice 2: amounts are in tiyn.
    /// @return Always 2 (1 tenge = 100 tiyn).
    function decimals() public pure override returns (uint8) {
        return 2;
    }
}
