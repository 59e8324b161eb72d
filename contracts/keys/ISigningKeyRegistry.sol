// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/**
 * @title ISigningKeyRegistry
 * @notice The public keys with which the government's services sign what they hand out (today: the public API's
 * citizen extracts), each pinned on chain by its sha-256, with the period in which it may sign.
 * @dev A verifier reads the key by the id the signed file names, compares the hash of the public key the file
 * carries, and accepts the signature only for a block time inside the key's validity period. Keys are never
 * deleted: a retired key keeps verifying what it signed while it was valid.
 */
interface ISigningKeyRegistry {
    /// @notice What a key may sign. A key is registered for one purpose only.
    /// @dev `Extract`: citizen extracts of the public API (one document, its status and history, at a block).
    enum KeyPurpose {
        Extract
    }

    /// @notice A registered key.
    /// @param purpose What the key signs.
    /// @param keyHash sha-256 of the raw ML-DSA-65 (FIPS 204) public key.
    /// @param validFrom Block time from which the key may sign (its registration).
    /// @param validUntil Block time from which it may no longer sign; 0 while it is in use. A key retired as
    /// compromised has `validUntil == validFrom`: nothing it ever signed is valid.
    struct SigningKey {
        KeyPurpose purpose;
        bytes32 keyHash;
        uint64 validFrom;
        uint64 validUntil;
    }

    /// @notice A key was registered.
    /// @param keyId Its id (1, 2, …), which signed files name.
    /// @param purpose What it signs.
    /// @param keyHash sha-256 of its public key.
    /// @param validFrom Block time from which it may sign.
    event KeyRegistered(uint256 indexed keyId, KeyPurpose indexed purpose, bytes32 keyHash, uint64 validFrom);

    /// @notice A key was retired: it signs nothing from `validUntil` on.
    /// @param keyId The key.
    /// @param validUntil Block time from which it is no longer valid (its validFrom if compromised).
    /// @param compromised Whether everything it signed is void (true) or only what it would sign from now (false).
    event KeyRetired(uint256 indexed keyId, uint64 validUntil, bool compromised);

    /// @notice The key hash is zero.
    error EmptySigningKeyHash();
    /// @notice This public key is already registered (for any purpose): a key serves one purpose, once.
    /// @param keyHash The hash given.
    /// @param keyId The id it is registered under.
    error SigningKeyExists(bytes32 keyHash, uint256 keyId);
    /// @notice No key has this id.
    /// @param keyId The id given.
    error UnknownSigningKey(uint256 keyId);
    /// @notice The key is already retired.
    /// @param keyId The key.
    error SigningKeyRetired(uint256 keyId);

    /// @notice Whether key `keyId` may have signed, for `purpose`, something dated at block time `timestamp`.
    /// @param keyId A key id (an unknown id gives false).
    /// @param purpose The purpose the signed file claims.
    /// @param timestamp The block time the signed file names.
    /// @return True if the key exists, serves `purpose`, and `validFrom <= timestamp` and (it is not retired or
    /// `timestamp < validUntil`).
    function isValidAt(uint256 keyId, KeyPurpose purpose, uint64 timestamp) external view returns (bool);
}
