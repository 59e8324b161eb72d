// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/**
 * @title IDocumentRegistry
 * @notice Official documents as soulbound tokens whose id is the sha-256 of the document file.
 */
interface IDocumentRegistry {
    /// @notice Kinds of document. Decree, Law and Budget are enacted only by a passed proposal (the Timelock);
    /// the others are issued by the registrars of an agency.
    enum DocumentType {
        Decree,
        Law,
        Budget,
        Order,
        Certificate,
        Notice
    }

    /// @notice Life cycle: Active → Amended (a newer version supersedes it) and Active/Amended → Revoked.
    enum Status {
        Active,
        Amended,
        Revoked
    }

    /// @notice Everything a verifier needs about one document.
    /// @param found Whether a document with this content hash was ever issued (all other fields are zero if not).
    /// @param tokenId The token id, equal to the sha-256 content hash.
    /// @param docType Kind of document.
    /// @param status Current status.
    /// @param agencyId Issuing agency (0 = central government, for decrees, laws and budgets).
    /// @param issuedAt Block time of issue.
    /// @param issuer The account that issued it (the Timelock or a registrar); also its ERC-721 holder.
    /// @param metadataDigest sha-256 of the metadata JSON (its CID is `tokenURI`).
    /// @param coSignatureDigest sha-256 of the agency's ML-DSA co-signature, or 0 if none was anchored.
    /// @param supersedes The token this one amends, or 0.
    /// @param supersededBy The token that amends this one, or 0.
    struct Document {
        bool found;
        uint256 tokenId;
        DocumentType docType;
        Status status;
        uint32 agencyId;
        uint48 issuedAt;
        address issuer;
        bytes32 metadataDigest;
        bytes32 coSignatureDigest;
        uint256 supersedes;
        uint256 supersededBy;
    }

    /// @notice A Merkle-anchored batch of documents (bulk registries such as certificates).
    /// @param agencyId Issuing agency.
    /// @param count Number of documents the issuer declared in the batch.
    /// @param anchoredAt Block time of anchoring (0 if no such batch).
    /// @param revoked Whether the whole batch was revoked.
    struct Batch {
        uint32 agencyId;
        uint32 count;
        uint48 anchoredAt;
        bool revoked;
    }

    /// @notice A document was issued (minted). Its metadata is at CIDv1(raw, sha-256 `metadataDigest`).
    event DocumentIssued(
        uint256 indexed tokenId,
        DocumentType indexed docType,
        uint32 indexed agencyId,
        address issuer,
        bytes32 metadataDigest,
        bytes32 coSignatureDigest
    );
    /// @notice `newTokenId` amends (supersedes) `oldTokenId`.
    event DocumentAmended(uint256 indexed oldTokenId, uint256 indexed newTokenId, string reason);
    /// @notice A document was revoked.
    event DocumentRevoked(uint256 indexed tokenId, address indexed revokedBy, string reason);
    /// @notice A batch of `count` documents was anchored by its Merkle root.
    event BatchAnchored(
        bytes32 indexed root,
        uint32 indexed agencyId,
        address indexed issuer,
        uint32 count,
        bytes32 metadataDigest
    );
    /// @notice A whole batch was revoked.
    event BatchRevoked(bytes32 indexed root, address indexed revokedBy, string reason);
    /// @notice One member of a batch was revoked.
    event BatchMemberRevoked(bytes32 indexed root, bytes32 indexed contentHash, address indexed revokedBy, string reason);

    /// @notice The content hash is zero.
    error EmptyContentHash();
    /// @notice The metadata digest is zero.
    error EmptyMetadata();
    /// @notice A document with this content hash already exists.
    error DocumentExists(uint256 tokenId);
    /// @notice No document with this id.
    error UnknownDocument(uint256 tokenId);
    /// @notice The caller may not issue, amend or revoke documents of this type and agency.
    error UnauthorizedIssuer(address caller, DocumentType docType, uint32 agencyId);
    /// @notice The agency does not exist or is inactive.
    error InactiveAgency(uint32 agencyId);
    /// @notice Only an Active document can be amended.
    error DocumentNotActive(uint256 tokenId, Status status);
    /// @notice The document is already revoked.
    error DocumentAlreadyRevoked(uint256 tokenId);
    /// @notice The reason is empty or longer than {MAX_REASON_LENGTH} bytes.
    error InvalidReason();
    /// @notice The Merkle root is zero or the batch declares no documents.
    error EmptyBatch();
    /// @notice A batch with this root already exists.
    error BatchExists(bytes32 root);
    /// @notice No batch with this root.
    error UnknownBatch(bytes32 root);
    /// @notice The batch (or the member) is already revoked.
    error BatchAlreadyRevoked(bytes32 root, bytes32 contentHash);
    /// @notice The Merkle proof does not show the content hash is in the batch.
    error InvalidBatchProof(bytes32 root, bytes32 contentHash);

    /// @notice The document with content hash `contentHash`; `found` is false if there is none.
    function verify(bytes32 contentHash) external view returns (Document memory);
}
