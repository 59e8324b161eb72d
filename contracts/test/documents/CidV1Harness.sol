// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {CidV1} from "../../documents/CidV1.sol";

/**
 * @title CidV1Harness
 * @notice Test-only wrapper that exposes the internal library {CidV1} so that tests can check it against
 * `multiformats` for any digest, including those the registry refuses (zero).
 */
contract CidV1Harness {
    /// @notice {CidV1.fromSha256} of `digest`.
    function fromSha256(bytes32 digest) external pure returns (string memory) {
        return CidV1.fromSha256(digest);
    }
}
