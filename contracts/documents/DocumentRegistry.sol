// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";
import {TimelockGoverned} from "../access/TimelockGoverned.sol";
import {IAgencyRegistry} from "../governance/IAgencyRegistry.sol";
import {SoulboundERC721} from "../token/SoulboundERC721.sol";
import {CidV1} from "./CidV1.sol";
import {IDocumentRegistry} from "./IDocumentRegistry.sol";

/**
 * @title DocumentRegistry
 * @notice The public register of official documents: decrees, laws and budgets enacted by proposal, and orders,
 * certificates and notices issued by agency registrars. Each document is a soulbound ERC-721 token whose id is
 * the sha-256 of the document file, so anyone holding the file can check it with {verify}.
 *
 * @dev The chain stores hashes, ids and times only; titles and bodies live in the metadata JSON whose sha-256 is
 * stored and whose CID is the token URI. Amendments mint a new token linked both ways to the old one, which stays
 * readable as Amended; revocations keep the token and record the reason in an event. Bulk registries (thousands of
 * certificates) are anchored as one Merkle root (OpenZeppelin StandardMerkleTree, leaf = the content hash as
 * `bytes32`) and verified with a proof.
 *
 * Acts of the Timelock take precedence. A pending decree's, law's, budget's or amendment's file hash is public for the
 * whole vote (in `ProposalCreated`), and ids are content hashes, first come first served. So that no registrar can
 * block a passed act (its execution failing on {DocumentExists}) or shadow it (`verify(file)` showing the
 * registrar's entry), a document the Timelock issues or amends to takes its content hash from an entry a registrar
 * issued first: that entry's token is burned, its record is kept as {displacedEntry} and {DocumentDisplaced} is
 * emitted. This was chosen over reserving ids when a proposal is made because it needs no coupling between the
 * Governor and the registry, costs nothing on the common path, and keeps both entries in history. A Timelock entry is
 * never displaced. Batches are keyed by agency and root, so no agency can anchor another's root first, and a batch
 * member whose file is also registered as a document reports that document's Revoked or Amended status.
 */
contract DocumentRegistry is IDocumentRegistry, SoulboundERC721, TimelockGoverned {
    /// @notice Longest reason accepted for an amendment or a revocation, in bytes of UTF-8.
    uint256 public constant MAX_REASON_LENGTH = 1024;

    /// @dev One slot per document: 160 + 8 + 8 + 32 + 48 = 256 bits.
    /// @param issuer The issuing account, also the token's holder.
    /// @param docType Kind of document.
    /// @param status Current status.
    /// @param agencyId Issuing agency (0 = central government).
    /// @param issuedAt Block time of issue (seconds); 0 means no such document.
    struct Record {
        address issuer;
        DocumentType docType;
        Status status;
        uint32 agencyId;
        uint48 issuedAt;
    }

    /// @dev Written only for amendments.
    /// @param supersedes The token this one amends, or 0.
    /// @param supersededBy The token that amends this one, or 0.
    struct Links {
        uint256 supersedes;
        uint256 supersededBy;
    }

    /// @notice The registry of agencies and registrars.
    IAgencyRegistry public immutable agencies;

    mapping(uint256 tokenId => Record) private _records;
    mapping(uint256 tokenId => bytes32) private _metadataDigests;
    mapping(uint256 tokenId => bytes32) private _coSignatureDigests;
    mapping(uint256 tokenId => Links) private _links;
    mapping(address issuer => uint256) private _balances;
    mapping(uint256 tokenId => Document) private _displaced;
    mapping(uint32 agencyId => mapping(bytes32 root => Batch)) private _batches;
    mapping(uint32 agencyId => mapping(bytes32 root => mapping(bytes32 contentHash => bool))) private _revokedMembers;

    /// @notice Deploys an empty register.
    /// @param timelock_ The governance Timelock (enacts decrees, laws and budgets; may act for any agency).
    /// @param agencies_ The agency registry that names each agency's registrars.
    constructor(address timelock_, IAgencyRegistry agencies_) TimelockGoverned(timelock_) {
        if (address(agencies_) == address(0)) revert ZeroAddress();
        agencies = agencies_;
    }

    // ─── Issue, amend, revoke ────────────────────────────────────────────────────────────────────────────────

    /// @notice Issues a document. Decree, Law and Budget: only the Timelock; other types: registrars of the
    /// agency (or the Timelock).
    /// @dev Any agency other than 0 must be active. Reverts with {UnauthorizedIssuer}, {EmptyContentHash},
    /// {EmptyMetadata}, {InactiveAgency} or {DocumentExists}. The caller becomes the token's holder. The Timelock's
    /// document displaces a registrar's entry of the same content hash (see the contract's notes).
    /// @param docType Kind of document.
    /// @param agencyId Issuing agency; 0 is allowed for decrees, laws and budgets of the central government.
    /// @param contentHash sha-256 of the document file; becomes the token id.
    /// @param metadataDigest sha-256 of the metadata JSON.
    /// @param coSignatureDigest sha-256 of the agency's ML-DSA co-signature, or 0.
    /// @return tokenId The new token id (= `contentHash`).
    function issue(
        DocumentType docType,
        uint32 agencyId,
        bytes32 contentHash,
        bytes32 metadataDigest,
        bytes32 coSignatureDigest
    ) external returns (uint256 tokenId) {
        _authorize(docType, agencyId);
        return _issue(docType, agencyId, contentHash, metadataDigest, coSignatureDigest);
    }

    /// @notice Issues a new version of an Active document. The old one becomes Amended and points to the new one.
    /// @dev The new version keeps the old one's type and agency, and the caller must be allowed to issue it (see
    /// {issue}); a document the Timelock issued is amended only by the Timelock. Reverts with {UnknownDocument}, {UnauthorizedIssuer}, {DocumentNotActive}, {InvalidReason} or any
    /// error of {issue}.
    /// @param oldTokenId The document being amended.
    /// @param contentHash sha-256 of the new version.
    /// @param metadataDigest sha-256 of the new version's metadata JSON.
    /// @param coSignatureDigest sha-256 of the agency's ML-DSA co-signature of the new version, or 0.
    /// @param reason Why the document is amended (public; 1 to {MAX_REASON_LENGTH} bytes).
    /// @return tokenId The new version's token id (= `contentHash`).
    function amend(
        uint256 oldTokenId,
        bytes32 contentHash,
        bytes32 metadataDigest,
        bytes32 coSignatureDigest,
        string calldata reason
    ) external returns (uint256 tokenId) {
        Record storage old = _existing(oldTokenId);
        DocumentType docType = old.docType;
        uint32 agencyId = old.agencyId;
        _authorizeChange(old);
        if (old.status != Status.Active) revert DocumentNotActive(oldTokenId, old.status);
        if (contentHash == bytes32(oldTokenId)) revert DocumentExists(oldTokenId);
        _checkReason(reason);

        tokenId = _issue(docType, agencyId, contentHash, metadataDigest, coSignatureDigest);
        old.status = Status.Amended;
        _links[oldTokenId].supersededBy = tokenId;
        _links[tokenId].supersedes = oldTokenId;
        emit DocumentAmended(oldTokenId, tokenId, reason);
    }

    /// @notice Revokes a document (Active or Amended). The token stays, with status Revoked.
    /// @dev The caller must be allowed to issue documents of its type and agency (see {issue}); a document the
    /// Timelock issued is revoked only by the Timelock. Reverts with
    /// {UnknownDocument}, {UnauthorizedIssuer}, {DocumentAlreadyRevoked} or {InvalidReason}.
    /// @param tokenId The document.
    /// @param reason Why it is revoked (public, required; 1 to {MAX_REASON_LENGTH} bytes).
    function revoke(uint256 tokenId, string calldata reason) external {
        Record storage record = _existing(tokenId);
        _authorizeChange(record);
        if (record.status == Status.Revoked) revert DocumentAlreadyRevoked(tokenId);
        _checkReason(reason);
        record.status = Status.Revoked;
        emit DocumentRevoked(tokenId, msg.sender, reason);
    }

    // ─── Batches ─────────────────────────────────────────────────────────────────────────────────────────────

    /// @notice Anchors a batch of agency documents by the root of their StandardMerkleTree (leaf: `bytes32`
    /// content hash). One slot for the whole batch.
    /// @dev Authorised as for a Certificate of `agencyId`. Reverts with {UnauthorizedIssuer}, {InactiveAgency},
    /// {EmptyBatch}, {EmptyMetadata} or {BatchExists}. `count` is declared, not checked against the tree. The batch is
    /// keyed by agency and root: another agency anchoring the same root first does not stop this one.
    /// @param agencyId Issuing agency; the caller must be its registrar (or the Timelock).
    /// @param root Merkle root.
    /// @param count Number of documents in the batch (non-zero).
    /// @param metadataDigest sha-256 of the batch's metadata JSON (emitted, not stored); must be non-zero.
    function anchorBatch(uint32 agencyId, bytes32 root, uint32 count, bytes32 metadataDigest) external {
        _authorize(DocumentType.Certificate, agencyId);
        if (!agencies.isActive(agencyId)) revert InactiveAgency(agencyId);
        if (root == bytes32(0) || count == 0) revert EmptyBatch();
        if (metadataDigest == bytes32(0)) revert EmptyMetadata();
        if (_batches[agencyId][root].anchoredAt != 0) revert BatchExists(agencyId, root);

        _batches[agencyId][root] = Batch({agencyId: agencyId, count: count, anchoredAt: uint48(block.timestamp), revoked: false});
        emit BatchAnchored(root, agencyId, msg.sender, count, metadataDigest);
    }

    /// @notice Revokes every document of a batch.
    /// @dev Authorised as for a Certificate of the batch's agency. Reverts with {UnknownBatch},
    /// {UnauthorizedIssuer}, {BatchAlreadyRevoked} or {InvalidReason}.
    /// @param agencyId The batch's agency.
    /// @param root The batch's Merkle root.
    /// @param reason Why it is revoked (public; 1 to {MAX_REASON_LENGTH} bytes).
    function revokeBatch(uint32 agencyId, bytes32 root, string calldata reason) external {
        Batch storage entry = _existingBatch(agencyId, root);
        _authorize(DocumentType.Certificate, agencyId);
        if (entry.revoked) revert BatchAlreadyRevoked(root, bytes32(0));
        _checkReason(reason);
        entry.revoked = true;
        emit BatchRevoked(root, agencyId, msg.sender, reason);
    }

    /// @notice Revokes one document of a batch, proven a member by `proof`.
    /// @dev Authorised as for a Certificate of the batch's agency. Reverts with {UnknownBatch},
    /// {UnauthorizedIssuer}, {InvalidBatchProof}, {BatchAlreadyRevoked} (also if the whole batch is revoked) or
    /// {InvalidReason}.
    /// @param agencyId The batch's agency.
    /// @param root The batch's Merkle root.
    /// @param contentHash The member's content hash (the leaf value).
    /// @param proof StandardMerkleTree proof of `contentHash` under `root`.
    /// @param reason Why it is revoked (public; 1 to {MAX_REASON_LENGTH} bytes).
    function revokeBatchMember(
        uint32 agencyId,
        bytes32 root,
        bytes32 contentHash,
        bytes32[] calldata proof,
        string calldata reason
    ) external {
        Batch storage entry = _existingBatch(agencyId, root);
        _authorize(DocumentType.Certificate, agencyId);
        if (!MerkleProof.verifyCalldata(proof, root, _leaf(contentHash))) revert InvalidBatchProof(root, contentHash);
        mapping(bytes32 => bool) storage revokedMembers = _revokedMembers[agencyId][root];
        if (entry.revoked || revokedMembers[contentHash]) revert BatchAlreadyRevoked(root, contentHash);
        _checkReason(reason);
        revokedMembers[contentHash] = true;
        emit BatchMemberRevoked(root, contentHash, msg.sender, agencyId, reason);
    }

    /// @notice The batch anchored by `agencyId` under `root` (`anchoredAt` is 0 if none).
    /// @param agencyId The batch's agency.
    /// @param root The Merkle root.
    /// @return The batch as stored; all fields zero if there is none.
    function batch(uint32 agencyId, bytes32 root) external view returns (Batch memory) {
        return _batches[agencyId][root];
    }

    /// @notice Whether `contentHash` belongs to the batch (`agencyId`, `root`) according to `proof`, and whether it is
    /// still current.
    /// @dev Never reverts: an unknown batch or an invalid proof gives (false, false, false). A batch can contain any
    /// hash, so if the same file is also registered as a document, that document's status wins: a Revoked one is
    /// reported revoked and an Amended one superseded, never current.
    /// @param agencyId The batch's agency.
    /// @param root The batch's Merkle root.
    /// @param contentHash sha-256 of the document file.
    /// @param proof StandardMerkleTree proof of `contentHash` under `root`.
    /// @return member True if the batch exists and the proof is valid.
    /// @return revoked True if the member is, and the batch or this member was revoked, or the file is registered as
    /// a Revoked document.
    /// @return superseded True if the member is, and the file is registered as an Amended document.
    function verifyBatchMember(
        uint32 agencyId,
        bytes32 root,
        bytes32 contentHash,
        bytes32[] calldata proof
    ) external view returns (bool member, bool revoked, bool superseded) {
        Batch storage b = _batches[agencyId][root];
        member = b.anchoredAt != 0 && MerkleProof.verifyCalldata(proof, root, _leaf(contentHash));
        if (!member) return (false, false, false);
        Record storage registered = _records[uint256(contentHash)];
        bool isRegistered = registered.issuedAt != 0;
        revoked =
            b.revoked ||
            _revokedMembers[agencyId][root][contentHash] ||
            (isRegistered && registered.status == Status.Revoked);
        superseded = isRegistered && registered.status == Status.Amended;
    }

    // ─── Reading ─────────────────────────────────────────────────────────────────────────────────────────────

    /// @inheritdoc IDocumentRegistry
    function verify(bytes32 contentHash) public view returns (Document memory doc) {
        uint256 tokenId = uint256(contentHash);
        Record memory record = _records[tokenId];
        if (record.issuedAt == 0) return doc;
        Links memory links = _links[tokenId];
        doc = Document({
            found: true,
            tokenId: tokenId,
            docType: record.docType,
            status: record.status,
            agencyId: record.agencyId,
            issuedAt: record.issuedAt,
            issuer: record.issuer,
            metadataDigest: _metadataDigests[tokenId],
            coSignatureDigest: _coSignatureDigests[tokenId],
            supersedes: links.supersedes,
            supersededBy: links.supersededBy
        });
    }

    /// @inheritdoc IDocumentRegistry
    function statusOf(uint256 tokenId) external view returns (DocumentType docType, Status status) {
        Record storage record = _existing(tokenId);
        return (record.docType, record.status);
    }

    /// @inheritdoc IDocumentRegistry
    function currentVersion(uint256 tokenId) external view returns (uint256 currentId, Status status) {
        _existing(tokenId);
        currentId = tokenId;
        uint256 next = _links[currentId].supersededBy;
        while (next != 0) {
            currentId = next;
            next = _links[currentId].supersededBy;
        }
        status = _records[currentId].status;
    }

    /// @notice The registrar's entry that an act of the Timelock displaced from content hash `tokenId`, as it was
    /// just before (see {DocumentDisplaced}).
    /// @param tokenId The content hash.
    /// @return The displaced entry; `found` is false if none was displaced.
    function displacedEntry(uint256 tokenId) external view returns (Document memory) {
        return _displaced[tokenId];
    }

    /// @notice The document `tokenId`; reverts with {UnknownDocument} if there is none.
    /// @param tokenId The token id (= the sha-256 content hash).
    /// @return doc The document's record and links.
    function document(uint256 tokenId) external view returns (Document memory doc) {
        doc = verify(bytes32(tokenId));
        if (!doc.found) revert UnknownDocument(tokenId);
    }

    /// @notice The ERC-721 collection name.
    /// @return "Government DAO Document".
    function name() external pure returns (string memory) {
        return "Government DAO Document";
    }

    /// @notice The ERC-721 collection symbol.
    /// @return "GOVDOC".
    function symbol() external pure returns (string memory) {
        return "GOVDOC";
    }

    /// @notice `ipfs://` + the CIDv1 of the document's metadata JSON.
    /// @dev Also for Amended and Revoked documents. Reverts with {UnknownDocument} if there is none.
    /// @param tokenId The token id.
    /// @return The `ipfs://bafkrei…` URI of the metadata JSON.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        _existing(tokenId);
        return string.concat("ipfs://", CidV1.fromSha256(_metadataDigests[tokenId]));
    }

    // ─── Internals ───────────────────────────────────────────────────────────────────────────────────────────

    /// @dev Checks and mints a document to `msg.sender`; see {issue}. Callers must run {_authorize} first.
    function _issue(
        DocumentType docType,
        uint32 agencyId,
        bytes32 contentHash,
        bytes32 metadataDigest,
        bytes32 coSignatureDigest
    ) private returns (uint256 tokenId) {
        if (contentHash == bytes32(0)) revert EmptyContentHash();
        if (metadataDigest == bytes32(0)) revert EmptyMetadata();
        // Central-government documents may name no agency (0); any named agency must be active.
        if ((agencyId != 0 || docType > DocumentType.Budget) && !agencies.isActive(agencyId)) {
            revert InactiveAgency(agencyId);
        }
        tokenId = uint256(contentHash);
        Record storage existing = _records[tokenId];
        if (existing.issuedAt != 0) {
            if (msg.sender != timelock || existing.issuer == timelock) revert DocumentExists(tokenId);
            _displace(tokenId);
        }

        _records[tokenId] = Record({
            issuer: msg.sender,
            docType: docType,
            status: Status.Active,
            agencyId: agencyId,
            issuedAt: uint48(block.timestamp)
        });
        _metadataDigests[tokenId] = metadataDigest;
        if (coSignatureDigest != bytes32(0)) _coSignatureDigests[tokenId] = coSignatureDigest;
        unchecked {
            // Bounded by the number of distinct 256-bit hashes.
            _balances[msg.sender] += 1;
        }

        emit Transfer(address(0), msg.sender, tokenId);
        emit DocumentIssued(tokenId, docType, agencyId, msg.sender, metadataDigest, coSignatureDigest);
    }

    /// @dev Moves a registrar's entry out of `tokenId` so that an act of the Timelock can take it: keeps the entry in
    /// {displacedEntry}, burns its token, unlinks the documents it amended or was amended by (their links would
    /// otherwise point at the act) and emits {DocumentDisplaced}.
    function _displace(uint256 tokenId) private {
        Document memory entry = verify(bytes32(tokenId));
        _displaced[tokenId] = entry;
        if (entry.supersedes != 0) _links[entry.supersedes].supersededBy = 0;
        if (entry.supersededBy != 0) _links[entry.supersededBy].supersedes = 0;
        delete _links[tokenId];
        delete _coSignatureDigests[tokenId];
        unchecked {
            // The entry was counted in its issuer's balance when issued.
            _balances[entry.issuer] -= 1;
        }
        emit Transfer(entry.issuer, address(0), tokenId);
        emit DocumentDisplaced(tokenId, entry.issuer, entry.docType, entry.agencyId);
    }

    /// @dev Decree, Law, Budget: Timelock only. Other types: the Timelock or a registrar of the (active) agency.
    function _authorize(DocumentType docType, uint32 agencyId) private view {
        if (msg.sender == timelock) return;
        if (docType <= DocumentType.Budget || !agencies.isRegistrar(agencyId, msg.sender)) {
            revert UnauthorizedIssuer(msg.sender, docType, agencyId);
        }
    }

    /// @dev Who may amend or revoke an existing document: as for issuing it (see {_authorize}), except that a document
    /// the Timelock issued is changed only by the Timelock. Otherwise an agency's registrar could amend or revoke an act
    /// of the council of its agency first, while a proposal to amend or revoke it is pending, and make it fail.
    function _authorizeChange(Record storage record) private view {
        if (record.issuer == timelock && msg.sender != timelock) {
            revert UnauthorizedIssuer(msg.sender, record.docType, record.agencyId);
        }
        _authorize(record.docType, record.agencyId);
    }

    /// @dev The stored record of `tokenId`; reverts with {UnknownDocument} if there is none.
    function _existing(uint256 tokenId) private view returns (Record storage record) {
        record = _records[tokenId];
        if (record.issuedAt == 0) revert UnknownDocument(tokenId);
    }

    /// @dev The stored batch (`agencyId`, `root`); reverts with {UnknownBatch} if there is none.
    function _existingBatch(uint32 agencyId, bytes32 root) private view returns (Batch storage b) {
        b = _batches[agencyId][root];
        if (b.anchoredAt == 0) revert UnknownBatch(agencyId, root);
    }

    /// @dev Reverts with {InvalidReason} unless `reason` has 1 to {MAX_REASON_LENGTH} bytes.
    function _checkReason(string calldata reason) private pure {
        if (bytes(reason).length == 0 || bytes(reason).length > MAX_REASON_LENGTH) revert InvalidReason();
    }

    /// @dev StandardMerkleTree leaf of the single value `contentHash` (type bytes32): double-hashed.
    function _leaf(bytes32 contentHash) private pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(contentHash))));
    }

    /// @dev The issuer holds the token; the zero address if there is no such document.
    function _ownerOf(uint256 tokenId) internal view override returns (address) {
        return _records[tokenId].issuer;
    }

    /// @dev Number of documents `owner` issued (revoked and amended ones included).
    function _balanceOf(address owner) internal view override returns (uint256) {
        return _balances[owner];
    }
}
