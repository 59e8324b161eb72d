// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/**
 * @title IAgencyRegistry
 * @notice Government agencies (ministries, committees) and the registrars who may issue their documents.
 */
interface IAgencyRegistry {
    /// @notice An agency as the registry stores it.
    /// @param name Public name of the agency (no personal data).
    /// @param active Whether the agency may currently issue documents and hold seats.
    /// @param pqKeyHash sha-256 of the agency's ML-DSA (FIPS 204) public key, used for co-signatures.
    /// @param registrarCount How many registrars the agency has now.
    struct Agency {
        string name;
        bool active;
        bytes32 pqKeyHash;
        uint32 registrarCount;
    }

    /// @notice An agency to create at deployment (the genesis set) or by proposal.
    /// @param id The agency id, chosen by the proposer; must be non-zero and unused.
    /// @param name Public name of the agency (1 to `MAX_NAME_LENGTH` bytes).
    /// @param pqKeyHash sha-256 of the agency's ML-DSA public key; must be non-zero.
    /// @param registrars The agency's first registrars (non-zero, no duplicates); may be empty.
    struct AgencyInit {
        uint32 id;
        string name;
        bytes32 pqKeyHash;
        address[] registrars;
    }

    /// @notice An agency was added.
    /// @param agencyId The new agency's id.
    /// @param name Its public name.
    /// @param pqKeyHash sha-256 of its ML-DSA public key.
    event AgencyAdded(uint32 indexed agencyId, string name, bytes32 pqKeyHash);
    /// @notice An agency was renamed.
    /// @param agencyId The agency.
    /// @param name Its new name.
    event AgencyRenamed(uint32 indexed agencyId, string name);
    /// @notice An agency was activated or deactivated.
    /// @param agencyId The agency.
    /// @param active The new state.
    event AgencyActiveSet(uint32 indexed agencyId, bool active);
    /// @notice An agency's ML-DSA public key was rotated.
    /// @param agencyId The agency.
    /// @param oldKeyHash sha-256 of the replaced public key.
    /// @param newKeyHash sha-256 of the new public key.
    event AgencyKeyRotated(uint32 indexed agencyId, bytes32 oldKeyHash, bytes32 newKeyHash);
    /// @notice A registrar was authorised for an agency.
    /// @param agencyId The agency.
    /// @param account The new registrar.
    event RegistrarAdded(uint32 indexed agencyId, address indexed account);
    /// @notice A registrar's authorisation for an agency was withdrawn.
    /// @param agencyId The agency.
    /// @param account The former registrar.
    event RegistrarRemoved(uint32 indexed agencyId, address indexed account);

    /// @notice Agency id 0 is reserved (it means "the central government" in documents).
    error AgencyIdZero();
    /// @notice An agency with this id already exists.
    /// @param agencyId The id requested.
    error AgencyExists(uint32 agencyId);
    /// @notice No agency has this id.
    /// @param agencyId The id requested.
    error UnknownAgency(uint32 agencyId);
    /// @notice The name is empty or longer than {MAX_NAME_LENGTH} bytes.
    error InvalidAgencyName();
    /// @notice The ML-DSA public key hash is zero.
    error EmptyKeyHash();
    /// @notice The agency is already in the requested active state.
    /// @param agencyId The agency.
    /// @param active The state requested (and current).
    error AgencyActiveUnchanged(uint32 agencyId, bool active);
    /// @notice The account is already a registrar of the agency.
    /// @param agencyId The agency.
    /// @param account The account.
    error RegistrarExists(uint32 agencyId, address account);
    /// @notice The account is not a registrar of the agency.
    /// @param agencyId The agency.
    /// @param account The account.
    error NotRegistrar(uint32 agencyId, address account);

    /// @notice Whether `agencyId` exists and is active.
    /// @param agencyId The agency id.
    /// @return True if the agency exists and is active; false for an unknown id (including 0).
    function isActive(uint32 agencyId) external view returns (bool);

    /// @notice Whether `account` is a registrar of the active agency `agencyId`.
    /// @param agencyId The agency id.
    /// @param account The account to check.
    /// @return True if `account` is a registrar of `agencyId` and the agency is active; false otherwise.
    function isRegistrar(uint32 agencyId, address account) external view returns (bool);
}
