// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TimelockGoverned} from "../access/TimelockGoverned.sol";
import {IAgencyRegistry} from "./IAgencyRegistry.sol";

/**
 * @title AgencyRegistry
 * @notice The list of government agencies, their ML-DSA co-signing keys and their registrars.
 * @dev Agency ids are chosen by the proposer (for example the agency's code in the state register), so that a
 * single proposal can add an agency, its registrars and the seats of its officials without guessing an id.
 * Every change goes through the Timelock.
 */
contract AgencyRegistry is IAgencyRegistry, TimelockGoverned {
    /// @notice Longest agency name accepted, in bytes of UTF-8.
    uint256 public constant MAX_NAME_LENGTH = 160;

    mapping(uint32 agencyId => Agency) private _agencies;
    mapping(uint32 agencyId => mapping(address account => bool)) private _registrars;
    uint32[] private _agencyIds;

    /// @notice Deploys the registry with its genesis agencies, each active.
    /// @param timelock_ The governance Timelock.
    /// @param genesis Agencies that exist from deployment (so that the first officials can be seated).
    constructor(address timelock_, AgencyInit[] memory genesis) TimelockGoverned(timelock_) {
        for (uint256 i = 0; i < genesis.length; ++i) {
            _addAgency(genesis[i]);
        }
    }

    /// @notice Adds an agency, active, with its first registrars.
    /// @dev Only the Timelock. Reverts with {AgencyIdZero}, {AgencyExists}, {InvalidAgencyName}, {EmptyKeyHash},
    /// {ZeroAddress} or {RegistrarExists}.
    /// @param init Id, name, ML-DSA public key hash and registrars of the new agency.
    function addAgency(AgencyInit calldata init) external onlyTimelock {
        _addAgency(init);
    }

    /// @notice Renames an agency (ministries are reorganised; the id stays).
    /// @dev Only the Timelock. Reverts with {UnknownAgency} or {InvalidAgencyName}.
    /// @param agencyId An existing agency (active or not).
    /// @param name The new name, 1 to {MAX_NAME_LENGTH} bytes.
    function renameAgency(uint32 agencyId, string calldata name) external onlyTimelock {
        Agency storage entry = _existing(agencyId);
        _checkName(name);
        entry.name = name;
        emit AgencyRenamed(agencyId, name);
    }

    /// @notice Activates or deactivates an agency. An inactive agency issues no documents and gets no new seats.
    /// @dev Only the Timelock. Reverts with {UnknownAgency} or {AgencyActiveUnchanged}. Seats already held and
    /// documents already issued are not affected.
    /// @param agencyId An existing agency.
    /// @param active The new state; must differ from the current one.
    function setAgencyActive(uint32 agencyId, bool active) external onlyTimelock {
        Agency storage entry = _existing(agencyId);
        if (entry.active == active) revert AgencyActiveUnchanged(agencyId, active);
        entry.active = active;
        emit AgencyActiveSet(agencyId, active);
    }

    /// @notice Replaces the hash of the agency's ML-DSA public key (key rotation or compromise).
    /// @dev Only the Timelock. Reverts with {UnknownAgency} or {EmptyKeyHash}.
    /// @param agencyId An existing agency (active or not).
    /// @param newKeyHash sha-256 of the new ML-DSA public key; must be non-zero.
    function rotateAgencyKey(uint32 agencyId, bytes32 newKeyHash) external onlyTimelock {
        Agency storage entry = _existing(agencyId);
        if (newKeyHash == bytes32(0)) revert EmptyKeyHash();
        bytes32 oldKeyHash = entry.pqKeyHash;
        entry.pqKeyHash = newKeyHash;
        emit AgencyKeyRotated(agencyId, oldKeyHash, newKeyHash);
    }

    /// @notice Authorises `account` to issue documents of agency `agencyId`.
    /// @dev Only the Timelock. Reverts with {UnknownAgency}, {ZeroAddress} or {RegistrarExists}. A registrar of an
    /// inactive agency may issue nothing until the agency is reactivated.
    /// @param agencyId An existing agency (active or not).
    /// @param account The new registrar; must be non-zero and not already a registrar of the agency.
    function addRegistrar(uint32 agencyId, address account) external onlyTimelock {
        _addRegistrar(agencyId, _existing(agencyId), account);
    }

    /// @notice Withdraws the authorisation of `account` for agency `agencyId`.
    /// @dev Only the Timelock. Reverts with {UnknownAgency} or {NotRegistrar}.
    /// @param agencyId An existing agency (active or not).
    /// @param account A current registrar of the agency.
    function removeRegistrar(uint32 agencyId, address account) external onlyTimelock {
        Agency storage entry = _existing(agencyId);
        if (!_registrars[agencyId][account]) revert NotRegistrar(agencyId, account);
        _registrars[agencyId][account] = false;
        unchecked {
            entry.registrarCount -= 1;
        }
        emit RegistrarRemoved(agencyId, account);
    }

    /// @notice The agency `agencyId`; reverts with {UnknownAgency} if it does not exist.
    /// @param agencyId The agency id.
    /// @return The agency as stored.
    function agency(uint32 agencyId) external view returns (Agency memory) {
        return _existing(agencyId);
    }

    /// @inheritdoc IAgencyRegistry
    function isActive(uint32 agencyId) public view returns (bool) {
        return _agencies[agencyId].active;
    }

    /// @inheritdoc IAgencyRegistry
    function isRegistrar(uint32 agencyId, address account) external view returns (bool) {
        return _registrars[agencyId][account] && isActive(agencyId);
    }

    /// @notice Number of agencies ever added (active or not).
    /// @return The number of agency ids, 0 if none; agencies are never removed.
    function agencyCount() external view returns (uint256) {
        return _agencyIds.length;
    }

    /// @notice The id of the `index`-th agency added.
    /// @dev Reverts (array out-of-bounds panic) if `index` is not below {agencyCount}.
    /// @param index 0-based position in order of addition.
    /// @return The agency id.
    function agencyIdAt(uint256 index) external view returns (uint32) {
        return _agencyIds[index];
    }

    /// @dev Validates and stores a new active agency, then adds its registrars; see {addAgency}.
    function _addAgency(AgencyInit memory init) private {
        if (init.id == 0) revert AgencyIdZero();
        Agency storage entry = _agencies[init.id];
        if (bytes(entry.name).length != 0) revert AgencyExists(init.id);
        _checkName(init.name);
        if (init.pqKeyHash == bytes32(0)) revert EmptyKeyHash();

        entry.name = init.name;
        entry.active = true;
        entry.pqKeyHash = init.pqKeyHash;
        _agencyIds.push(init.id);
        emit AgencyAdded(init.id, init.name, init.pqKeyHash);

        for (uint256 i = 0; i < init.registrars.length; ++i) {
            _addRegistrar(init.id, entry, init.registrars[i]);
        }
    }

    /// @dev Authorises `account` for `agencyId` (whose record is `entry`) and counts it.
    function _addRegistrar(uint32 agencyId, Agency storage entry, address account) private {
        if (account == address(0)) revert ZeroAddress();
        if (_registrars[agencyId][account]) revert RegistrarExists(agencyId, account);
        _registrars[agencyId][account] = true;
        entry.registrarCount += 1;
        emit RegistrarAdded(agencyId, account);
    }

    /// @dev The stored agency `agencyId`; reverts with {UnknownAgency} if it does not exist (an empty name).
    function _existing(uint32 agencyId) private view returns (Agency storage entry) {
        entry = _agencies[agencyId];
        if (bytes(entry.name).length == 0) revert UnknownAgency(agencyId);
    }

    /// @dev Reverts with {InvalidAgencyName} unless `name` has 1 to {MAX_NAME_LENGTH} bytes.
    function _checkName(string memory name) private pure {
        uint256 length = bytes(name).length;
        if (length == 0 || length > MAX_NAME_LENGTH) revert InvalidAgencyName();
    }
}
