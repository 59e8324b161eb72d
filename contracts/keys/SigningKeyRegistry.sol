// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TimelockGoverned} from "../access/TimelockGoverned.sol";
import {ISigningKeyRegistry} from "./ISigningKeyRegistry.sol";

/**
 * @title SigningKeyRegistry
 * @notice The government services' signing keys, registered and retired by governance only, with validity periods.
 * @dev The service that signs (the public API) is the party a citizen wants to check, so its key must not come from
 * it: a verifier reads the key's hash and period here. Rotation registers the new key, then retires the old one;
 * what the old key signed before its retirement keeps verifying. A compromised key is retired as compromised, which
 * voids everything it signed. Keys are append-only; ids start at 1.
 */
contract SigningKeyRegistry is ISigningKeyRegistry, TimelockGoverned {
    /// @notice One entry of the genesis set (registered at deployment, valid from the deployment's block).
    /// @param purpose What the key signs.
    /// @param keyHash sha-256 of the raw public key; must be non-zero and not repeated.
    struct KeyInit {
        KeyPurpose purpose;
        bytes32 keyHash;
    }

    SigningKey[] private _keys;
    mapping(bytes32 keyHash => uint256 keyId) private _idOf;

    /// @notice Deploys the registry with the services' first keys (so that the first extracts are verifiable).
    /// @param timelock_ The governance Timelock.
    /// @param genesis Keys valid from deployment.
    constructor(address timelock_, KeyInit[] memory genesis) TimelockGoverned(timelock_) {
        for (uint256 i = 0; i < genesis.length; ++i) {
            _register(genesis[i].purpose, genesis[i].keyHash);
        }
    }

    /// @notice Registers a key, valid from this block on.
    /// @dev Only the Timelock. Reverts with {EmptySigningKeyHash} or {SigningKeyExists}.
    /// @param purpose What the key signs.
    /// @param keyHash sha-256 of the raw ML-DSA-65 public key.
    /// @return keyId The new key's id.
    function registerKey(KeyPurpose purpose, bytes32 keyHash) external onlyTimelock returns (uint256 keyId) {
        return _register(purpose, keyHash);
    }

    /// @notice Retires a key: from this block on it signs nothing valid; if `compromised`, nothing it ever signed is
    /// valid.
    /// @dev Only the Timelock. Reverts with {UnknownSigningKey}, or {SigningKeyRetired} if the key is already retired
    /// (a key retired by rotation may still be declared compromised later; the period only ever shrinks). Cannot be
    /// undone: a key retired by mistake is replaced by a new key pair.
    /// @param keyId The key.
    /// @param compromised True after a leak (void everything it signed), false for a planned rotation.
    function retireKey(uint256 keyId, bool compromised) external onlyTimelock {
        SigningKey storage entry = _existing(keyId);
        uint64 validUntil = entry.validUntil;
        if (validUntil != 0 && (!compromised || validUntil == entry.validFrom)) revert SigningKeyRetired(keyId);
        uint64 until = compromised ? entry.validFrom : uint64(block.timestamp);
        entry.validUntil = until;
        emit KeyRetired(keyId, until, compromised);
    }

    /// @notice The key `keyId`; reverts with {UnknownSigningKey} if there is none.
    /// @param keyId A key id.
    /// @return The key as stored.
    function key(uint256 keyId) external view returns (SigningKey memory) {
        return _existing(keyId);
    }

    /// @notice The id of the key whose public key hashes to `keyHash`, or 0 if it is not registered.
    /// @param keyHash sha-256 of a public key.
    /// @return The key id, 0 if none.
    function keyIdOf(bytes32 keyHash) external view returns (uint256) {
        return _idOf[keyHash];
    }

    /// @notice Number of keys ever registered (retired ones included); ids run from 1 to this number.
    /// @return The key count.
    function keyCount() external view returns (uint256) {
        return _keys.length;
    }

    /// @inheritdoc ISigningKeyRegistry
    function isValidAt(uint256 keyId, KeyPurpose purpose, uint64 timestamp) external view returns (bool) {
        if (keyId == 0 || keyId > _keys.length) return false;
        SigningKey storage entry = _keys[keyId - 1];
        if (entry.purpose != purpose || timestamp < entry.validFrom) return false;
        return entry.validUntil == 0 || timestamp < entry.validUntil;
    }

    /// @dev Validates and appends a key valid from this block; see {registerKey}.
    function _register(KeyPurpose purpose, bytes32 keyHash) private returns (uint256 keyId) {
        if (keyHash == bytes32(0)) revert EmptySigningKeyHash();
        uint256 existing = _idOf[keyHash];
        if (existing != 0) revert SigningKeyExists(keyHash, existing);
        uint64 validFrom = uint64(block.timestamp);
        _keys.push(SigningKey({purpose: purpose, keyHash: keyHash, validFrom: validFrom, validUntil: 0}));
        keyId = _keys.length;
        _idOf[keyHash] = keyId;
        emit KeyRegistered(keyId, purpose, keyHash, validFrom);
    }

    /// @dev The stored key `keyId`; reverts with {UnknownSigningKey} if there is none.
    function _existing(uint256 keyId) private view returns (SigningKey storage) {
        if (keyId == 0 || keyId > _keys.length) revert UnknownSigningKey(keyId);
        return _keys[keyId - 1];
    }
}
