// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/**
 * @title CidV1
 * @notice Builds the text form of an IPFS CIDv1 (multibase base32, codec raw, multihash sha2-256) from a
 * sha-256 digest, so that `tokenURI` can return `ipfs://bafkrei…` while the chain stores only 32 bytes.
 * @dev The binary CID is 0x01 (version 1) · 0x55 (raw) · 0x12 (sha2-256) · 0x20 (32 bytes) · digest, 36 bytes,
 * written as "b" + RFC 4648 base32, lower case, no padding (58 characters). Matches `multiformats`' CID.toString().
 */
library CidV1 {
    bytes private constant _ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    bytes4 private constant _PREFIX = 0x01551220;

    /// @notice The CIDv1 string ("b…", 59 characters) of raw content whose sha-256 is `digest`.
    /// @param digest sha-256 of the content (any value, including 0, is encoded).
    /// @return The CID text, without an `ipfs://` prefix.
    function fromSha256(bytes32 digest) internal pure returns (string memory) {
        bytes memory data = abi.encodePacked(_PREFIX, digest); // 36 bytes = 288 bits → 58 base32 digits
        bytes memory out = new bytes(59);
        out[0] = "b";
        uint256 buffer;
        uint256 bits;
        uint256 j = 1;
        for (uint256 i = 0; i < data.length; ++i) {
            buffer = (buffer << 8) | uint8(data[i]);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[j++] = _ALPHABET[(buffer >> bits) & 31];
            }
        }
        // 288 = 57 × 5 + 3: the last 3 bits are padded with zeros to a full digit.
        out[j] = _ALPHABET[(buffer << (5 - bits)) & 31];
        return string(out);
    }
}
