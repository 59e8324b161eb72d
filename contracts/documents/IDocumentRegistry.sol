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
    /// @param tokenId The new token id (= the sha-256 content hash).
    /// @param docType Kind of document.
    /// @param agencyId Issuing agency (0 = central government).
    /// @param issuer The account that issued it and holds the token.
    /// @param metadataDigest sha-256 of the metadata JSON.
    /// @param coSignatureDigest sha-256 of the agency's ML-DSA co-signature, or 0 if none.
    event DocumentIssued(
        uint256 indexed tokenId,
        DocumentType indexed docType,
        uint32 indexed agencyId,
        address issuer,
        bytes32 metadataDigest,
        bytes32 coSignatureDigest
    );
    /// @notice `newTokenId` amends (supersedes) `oldTokenId`.
    /// @param oldTokenId The superseded document, now Amended.
    /// @param newTokenId The new version, Active.
    /// @param reason Why the document was amended.
    event DocumentAmended(uint256 indexed oldTokenId, uint256 indexed newTokenId, string reason);
    /// @notice A document was revoked.
    /// @param tokenId The document.
    /// @param revokedBy The caller (the Timelock or a registrar).
    /// @param reason Why it was revoked.
    event DocumentRevoked(uint256 indexed tokenId, address indexed revokedBy, string reason);
    /// @notice A batch of `count` documents was anchored by its Merkle root.
    /// @param root The StandardMerkleTree root.
    /// @param agencyId Issuing agency.
    /// @param issuer The caller (the Timelock or a registrar).
    /// @param count Number of documents declared.
    /// @param metadataDigest sha-256 of the batch's metadata JSON.
    event BatchAnchored(
        bytes32 indexed root,
        uint32 indexed agencyId,
        address indexed issuer,
        uint32 count,
        bytes32 metadataDigest
    );
    /// @notice A whole batch was revoked.
    /// @param root The batch's Merkle root.
    /// @param agencyId The batch's agency (batches are keyed by agency and root).
    /// @param revokedBy The caller (the Timelock or a registrar).
    /// @param reason Why it was revoked.
    event BatchRevoked(bytes32 indexed root, uint32 indexed agencyId, address indexed revokedBy, string reason);
    /// @notice One member of a batch was revoked.
    /// @param root The batch's Merkle root.
    /// @param contentHash The revoked member's content hash.
    /// @param revokedBy The caller (the Timelock or a registrar).
    /// @param agencyId The batch's agency.
    /// @param reason Why it was revoked.
    event BatchMemberRevoked(
        bytes32 indexed root,
        bytes32 indexed contentHash,
        address indexed revokedBy,
        uint32 agencyId,
        string reason
    );
    /// @notice An act of the Timelock took the content hash of an entry a registrar had issued before it. The
    /// registrar's entry stays readable through `displacedEntry`; the id now belongs to the act.
    /// @param tokenId The content hash both carry.
    /// @param previousIssuer The registrar whose entry was displaced (its token is burned: `Transfer` to zero).
    /// @param previousType The displaced entry's type.
    /// @param previousAgencyId The displaced entry's agency.
    event DocumentDisplaced(
        uint256 indexed tokenId,
        address indexed previousIssuer,
        DocumentType previousType,
        uint32 previousAgencyId
    );

    /// @notice The content hash is zero.
    error EmptyContentHash();
    /// @notice The metadata digest is zero.
    error EmptyMetadata();
    /// @notice A document with this content hash already exists.
    /// @param tokenId The existing token id.
    error DocumentExists(uint256 tokenId);
    /// @notice No document with this id.
    /// @param tokenId The id requested.
    error UnknownDocument(uint256 tokenId);
    /// @notice The caller may not issue, amend or revoke documents of this type and agency.
    /// @param caller The caller.
    /// @param docType Kind of document.
    /// @param agencyId The document's agency.
    error UnauthorizedIssuer(address caller, DocumentType docType, uint32 agencyId);
    /// @notice The agency does not exist or is inactive.
    /// @param agencyId The agency.
    error InactiveAgency(uint32 agencyId);
    /// @notice Only an Active document can be amended.
    /// @param tokenId The document.
    /// @param status Its current status.
    error DocumentNotActive(uint256 tokenId, Status status);
    /// @notice The document is already revoked.
    /// @param tokenId The document.
    error DocumentAlreadyRevoked(uint256 tokenId);
    /// @notice The reason is empty or longer than {MAX_REASON_LENGTH} bytes.
    error InvalidReason();
    /// @notice The Merkle root is zero or the batch declares no documents.
    error EmptyBatch();
    /// @notice The agency already has a batch with this root.
    /// @param agencyId The agency.
    /// @param root The Merkle root.
    error BatchExists(uint32 agencyId, bytes32 root);
    /// @notice The agency has no batch with this root.
    /// @param agencyId The agency.
    /// @param root The Merkle root.
    error UnknownBatch(uint32 agencyId, bytes32 root);
    /// @notice The batch (or the member) is already revoked.
    /// @param root The batch's Merkle root.
    /// @param contentHash The member's content hash, or 0 when the whole batch was to be revoked.
    error BatchAlreadyRevoked(bytes32 root, bytes32 contentHash);
    /// @notice The Merkle proof does not show the content hash is in the batch.
    /// @param root The batch's Merkle root.
    /// @param contentHash The content hash.
    error InvalidBatchProof(bytes32 root, bytes32 contentHash);

    /// @notice The current status of document `tokenId` (one storage read, for contracts that cite documents).
    /// @dev Reverts with {UnknownDocument} if there is none.
    /// @param tokenId The token id (= the sha-256 content hash).
    /// @return docType Its kind.
    /// @return status Its current status.
    function statusOf(uint256 tokenId) external view returns (DocumentType docType, Status status);

    /// @notice The version in force of document `tokenId`: the document itself, or the end of its amendment chain.
    /// @dev Follows `supersededBy` from `tokenId` to the newest version. Reverts with {UnknownDocument} if there is
    /// none. Each step is an amendment, which the document's issuer made, so the chain's length is theirs to choose.
    /// @param tokenId Any version of the document.
    /// @return currentId The newest version's id (`tokenId` itself if never amended).
    /// @return status The newest version's status (Active, or Revoked).
    function currentVersion(uint256 tokenId) external view returns (uint256 currentId, Status status);

    /// @notice The document with content hash `contentHash`; `found` is false if there is none.
    /// @dev Never reverts for an unknown hash. Amended and revoked documents are found, with their status.
    /// @param contentHash sha-256 of the document file.
    /// @return The document's record and links; all fields zero if there is none.
    function verify(bytes32 contentHash) external view returns (Document memory);
}
