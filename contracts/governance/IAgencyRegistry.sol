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
    struct AgencyInit {
        uint32 id;
        string name;
        bytes32 pqKeyHash;
        address[] registrars;
    }

    /// @notice An agency was added.
    event AgencyAdded(uint32 indexed agencyId, string name, bytes32 pqKeyHash);
    /// @notice An agency was renamed.
    event AgencyRenamed(uint32 indexed agencyId, string name);
    /// @notice An agency was activated or deactivated.
    event AgencyActiveSet(uint32 indexed agencyId, bool active);
    /// @notice An agency's ML-DSA public key was rotated.
    event AgencyKeyRotated(uint32 indexed agencyId, bytes32 oldKeyHash, bytes32 newKeyHash);
    /// @notice A registrar was authorised for an agency.
    event RegistrarAdded(uint32 indexed agencyId, address indexed account);
    /// @notice A registrar's authorisation for an agency was withdrawn.
    event RegistrarRemoved(uint32 indexed agencyId, address indexed account);

    /// @notice Agency id 0 is reserved (it means "the central government" in documents).
    error AgencyIdZero();
    /// @notice An agency with this id already exists.
    error AgencyExists(uint32 agencyId);
    /// @notice No agency has this id.
    error UnknownAgency(uint32 agencyId);
    /// @notice The agency exists but is not active.
    error AgencyInactive(uint32 agencyId);
    /// @notice The name is empty or longer than {MAX_NAME_LENGTH} bytes.
    error InvalidAgencyName();
    /// @notice The ML-DSA public key hash is zero.
    error EmptyKeyHash();
    /// @notice The agency is already in the requested active state.
    error AgencyActiveUnchanged(uint32 agencyId, bool active);
    /// @notice The account is already a registrar of the agency.
    error RegistrarExists(uint32 agencyId, address account);
    /// @notice The account is not a registrar of the agency.
    error NotRegistrar(uint32 agencyId, address account);

    /// @notice Whether `agencyId` exists and is active.
    function isActive(uint32 agencyId) external view returns (bool);

    /// @notice Whether `account` is a registrar of the active agency `agencyId`.
    function isRegistrar(uint32 agencyId, address account) external view returns (bool);
}
