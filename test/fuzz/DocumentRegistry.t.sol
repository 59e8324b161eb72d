// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {Test} from "forge-std/Test.sol";
import {StdInvariant} from "forge-std/StdInvariant.sol";
import {CommonBase} from "forge-std/Base.sol";
import {StdCheats} from "forge-std/StdCheats.sol";
import {StdUtils} from "forge-std/StdUtils.sol";
import {AgencyRegistry} from "../../contracts/governance/AgencyRegistry.sol";
import {IAgencyRegistry} from "../../contracts/governance/IAgencyRegistry.sol";
import {DocumentRegistry} from "../../contracts/documents/DocumentRegistry.sol";
import {IDocumentRegistry} from "../../contracts/documents/IDocumentRegistry.sol";

/// @dev Shared deployment: the caller of `_deploy` is the Timelock of both registries; two genesis agencies with
/// one registrar each.
abstract contract DocumentRegistryDeployment is CommonBase {
    uint32 internal constant FINANCE = 1;
    uint32 internal constant DIGITAL = 2;
    uint32 internal constant UNKNOWN_AGENCY = 3;

    address internal financeRegistrar = address(0xF1);
    address internal digitalRegistrar = address(0xD1);
    address internal stranger = address(0x5157);

    AgencyRegistry public agencies;
    DocumentRegistry public documents;

    function _deploy() internal {
        IAgencyRegistry.AgencyInit[] memory genesis = new IAgencyRegistry.AgencyInit[](2);
        address[] memory finance = new address[](1);
        finance[0] = financeRegistrar;
        address[] memory digital = new address[](1);
        digital[0] = digitalRegistrar;
        genesis[0] = IAgencyRegistry.AgencyInit(FINANCE, "Ministry of Finance", keccak256("finance key"), finance);
        genesis[1] = IAgencyRegistry.AgencyInit(DIGITAL, "Ministry of Digital Development", keccak256("digital key"), digital);
        agencies = new AgencyRegistry(address(this), genesis);
        documents = new DocumentRegistry(address(this), agencies);
        vm.label(address(agencies), "AgencyRegistry");
        vm.label(address(documents), "DocumentRegistry");
        vm.label(financeRegistrar, "financeRegistrar");
        vm.label(digitalRegistrar, "digitalRegistrar");
        vm.label(stranger, "stranger");
    }

    /// @dev StandardMerkleTree leaf of one `bytes32` value.
    function _leaf(bytes32 value) internal pure returns (bytes32) {
        return keccak256(bytes.concat(keccak256(abi.encode(value))));
    }
}

/**
 * @dev Acts as the Timelock and drives issue / amend / revoke / agency (de)activation with random inputs. It keeps a
 * model of the registry (ghost variables), predicts the outcome of every call (success or the exact custom error)
 * and counts any difference, and any illegal status transition it observes after each call. An act of the Timelock
 * (issue or amend-to) on a hash a registrar issued first displaces that entry: the model moves it to `displaced`,
 * unlinks its neighbours and takes it off its issuer's count.
 */
contract DocumentRegistryHandler is DocumentRegistryDeployment, StdCheats, StdUtils {
    /// @dev The model of one document.
    struct Ghost {
        bool issued;
        IDocumentRegistry.DocumentType docType;
        IDocumentRegistry.Status status;
        uint32 agencyId;
        address issuer;
        uint256 supersedes;
        uint256 supersededBy;
    }

    uint256[] public tokens;
    mapping(uint256 tokenId => Ghost) internal _ghosts;
    mapping(uint256 tokenId => IDocumentRegistry.Status) internal _observed;
    mapping(uint256 tokenId => address) internal _observedIssuer;
    /// @dev Ids whose registrar entry an act of the Timelock displaced, and that entry as the model had it.
    uint256[] public displacedIds;
    mapping(uint256 tokenId => Ghost) internal _displacedGhosts;
    mapping(address issuer => uint256) public issuedBy;
    mapping(uint32 agencyId => bool) public ghostActive;
    mapping(address account => uint32) internal _registrarOf;

    /// @notice Calls whose outcome (success, or the exact revert data) differed from the model.
    uint256 public unexpectedOutcomes;
    /// @notice Status changes of one document other than Active→Amended, Active→Revoked, Amended→Revoked, and
    /// changes of holder other than an act of the Timelock (Active) taking the id from a registrar's entry.
    uint256 public illegalTransitions;
    /// @notice Successful acts of the Timelock after which `verify(hash)` did not show the act (issuer, type, Active).
    uint256 public actsNotShown;
    /// @notice Displacements whose `displacedEntry` differed from the registrar's entry as the model had it.
    uint256 public badDisplacedEntries;
    /// @notice Successful calls, by kind (to show the run exercised something).
    uint256 public issued;
    uint256 public amended;
    uint256 public revoked;
    uint256 public displacements;
    uint256 public expectedReverts;

    constructor() {
        _deploy();
        ghostActive[FINANCE] = true;
        ghostActive[DIGITAL] = true;
        _registrarOf[financeRegistrar] = FINANCE;
        _registrarOf[digitalRegistrar] = DIGITAL;
    }

    // ─── Actions ─────────────────────────────────────────────────────────────────────────────────────────────

    function issue(
        uint256 actorSeed,
        uint256 typeSeed,
        uint256 agencySeed,
        bytes32 contentHash,
        bytes32 metadataDigest,
        bytes32 coSignatureDigest
    ) external {
        address caller = _actor(actorSeed);
        IDocumentRegistry.DocumentType docType = IDocumentRegistry.DocumentType(typeSeed % 6);
        uint32 agencyId = uint32(agencySeed % 4); // 0, FINANCE, DIGITAL or an unknown agency
        // Registrars mostly try what they may do (their agency's types), so that documents accumulate.
        if (_registrarOf[caller] != 0 && agencySeed % 8 < 6) {
            agencyId = _registrarOf[caller];
            docType = IDocumentRegistry.DocumentType(3 + (typeSeed % 3));
        }
        // Reuse an issued hash one time in five; the Timelock, one time in two, and then mostly a registrar's entry,
        // so that displacements happen.
        if (caller == address(this) && tokens.length > 0 && (typeSeed >> 8) % 2 == 0) {
            contentHash = bytes32(_pickToken(typeSeed >> 16, (typeSeed >> 12) % 4 != 0));
        } else if (tokens.length > 0 && (typeSeed >> 8) % 5 == 0) {
            contentHash = bytes32(tokens[(typeSeed >> 16) % tokens.length]);
        }

        bytes memory expected = _authError(caller, docType, agencyId);
        if (expected.length == 0) expected = _issueError(caller, docType, agencyId, contentHash, metadataDigest);

        if (caller != address(this)) vm.prank(caller);
        try documents.issue(docType, agencyId, contentHash, metadataDigest, coSignatureDigest) returns (uint256 id) {
            if (expected.length != 0 || id != uint256(contentHash)) ++unexpectedOutcomes;
            else _recordIssue(id, docType, agencyId, caller);
        } catch (bytes memory err) {
            _checkRevert(expected, err);
        }
        _observe();
    }

    function amend(
        uint256 indexSeed,
        uint256 actorSeed,
        bytes32 contentHash,
        bytes32 metadataDigest,
        bytes32 coSignatureDigest,
        uint256 reasonSeed
    ) external {
        if (tokens.length == 0) return;
        uint256 oldId = tokens[indexSeed % tokens.length];
        Ghost memory old = _ghosts[oldId];
        address caller = _actorFor(old, actorSeed);
        if ((reasonSeed >> 8) % 6 == 0) contentHash = bytes32(tokens[(reasonSeed >> 16) % tokens.length]);
        string memory reason = _reason(reasonSeed);

        bytes memory expected = _changeError(caller, old);
        if (expected.length == 0 && old.status != IDocumentRegistry.Status.Active) {
            expected = abi.encodeWithSelector(IDocumentRegistry.DocumentNotActive.selector, oldId, old.status);
        }
        // Amending a document to its own hash is refused before the reason is read (the Timelock would otherwise
        // displace the very entry it amends).
        if (expected.length == 0 && contentHash == bytes32(oldId)) {
            expected = abi.encodeWithSelector(IDocumentRegistry.DocumentExists.selector, oldId);
        }
        if (expected.length == 0) expected = _reasonError(reason);
        if (expected.length == 0) expected = _issueError(caller, old.docType, old.agencyId, contentHash, metadataDigest);

        if (caller != address(this)) vm.prank(caller);
        try documents.amend(oldId, contentHash, metadataDigest, coSignatureDigest, reason) returns (uint256 id) {
            if (expected.length != 0 || id != uint256(contentHash)) {
                ++unexpectedOutcomes;
            } else {
                _recordIssue(id, old.docType, old.agencyId, caller);
                _ghosts[oldId].status = IDocumentRegistry.Status.Amended;
                _ghosts[oldId].supersededBy = id;
                _ghosts[id].supersedes = oldId;
                ++amended;
            }
        } catch (bytes memory err) {
            _checkRevert(expected, err);
        }
        _observe();
    }

    function revoke(uint256 indexSeed, uint256 actorSeed, uint256 reasonSeed) external {
        if (tokens.length == 0) return;
        uint256 id = tokens[indexSeed % tokens.length];
        Ghost memory doc = _ghosts[id];
        address caller = _actorFor(doc, actorSeed);
        string memory reason = _reason(reasonSeed);

        bytes memory expected = _changeError(caller, doc);
        if (expected.length == 0 && doc.status == IDocumentRegistry.Status.Revoked) {
            expected = abi.encodeWithSelector(IDocumentRegistry.DocumentAlreadyRevoked.selector, id);
        }
        if (expected.length == 0) expected = _reasonError(reason);

        if (caller != address(this)) vm.prank(caller);
        try documents.revoke(id, reason) {
            if (expected.length != 0) {
                ++unexpectedOutcomes;
            } else {
                _ghosts[id].status = IDocumentRegistry.Status.Revoked;
                ++revoked;
            }
        } catch (bytes memory err) {
            _checkRevert(expected, err);
        }
        _observe();
    }

    /// @dev As the Timelock: reactivates FINANCE or DIGITAL, or (one time in four) deactivates it.
    function toggleAgency(uint256 agencySeed) external {
        uint32 agencyId = agencySeed % 2 == 0 ? FINANCE : DIGITAL;
        if (ghostActive[agencyId] && (agencySeed >> 8) % 4 != 0) return;
        agencies.setAgencyActive(agencyId, !ghostActive[agencyId]);
        ghostActive[agencyId] = !ghostActive[agencyId];
        _observe();
    }

    // ─── Views for the invariants ────────────────────────────────────────────────────────────────────────────

    function tokenCount() external view returns (uint256) {
        return tokens.length;
    }

    function ghost(uint256 tokenId) external view returns (Ghost memory) {
        return _ghosts[tokenId];
    }

    function displacedCount() external view returns (uint256) {
        return displacedIds.length;
    }

    /// @notice The registrar's entry the model displaced from `tokenId`.
    function displacedGhost(uint256 tokenId) external view returns (Ghost memory) {
        return _displacedGhosts[tokenId];
    }

    /// @notice Every account that may have issued a document.
    function issuers() external view returns (address[4] memory) {
        return [address(this), financeRegistrar, digitalRegistrar, stranger];
    }

    // ─── Model ───────────────────────────────────────────────────────────────────────────────────────────────

    /// @dev An issued token from position `seed`; if `registrars`, the first one from there a registrar holds (if any).
    function _pickToken(uint256 seed, bool registrars) private view returns (uint256) {
        uint256 n = tokens.length;
        uint256 start = seed % n;
        if (registrars) {
            for (uint256 k = 0; k < n; ++k) {
                uint256 id = tokens[(start + k) % n];
                if (_ghosts[id].issuer != address(this)) return id;
            }
        }
        return tokens[start];
    }

    /// @dev 0: the Timelock (this), 1: FINANCE's registrar, 2: DIGITAL's registrar, 3: a stranger.
    function _actor(uint256 seed) private view returns (address) {
        uint256 pick = seed % 4;
        if (pick == 0) return address(this);
        if (pick == 1) return financeRegistrar;
        if (pick == 2) return digitalRegistrar;
        return stranger;
    }

    /// @dev Mostly someone with authority over `doc` (its agency's registrar, or the Timelock), sometimes anyone.
    function _actorFor(Ghost memory doc, uint256 seed) private view returns (address) {
        if (seed % 3 != 0) return _actor(seed >> 8);
        if (doc.docType <= IDocumentRegistry.DocumentType.Budget || doc.agencyId == 0) return address(this);
        return doc.agencyId == FINANCE ? financeRegistrar : digitalRegistrar;
    }

    function _reason(uint256 seed) private pure returns (string memory) {
        uint256 pick = seed % 12;
        if (pick == 0) return "";
        if (pick == 1) return string(new bytes(1025));
        if (pick == 2) return string(new bytes(1024));
        return "reason";
    }

    /// @dev As {_authError}, for amending or revoking `doc`: a document the Timelock issued is changed only by it.
    function _changeError(address caller, Ghost memory doc) private view returns (bytes memory) {
        if (doc.issuer == address(this) && caller != address(this)) {
            return abi.encodeWithSelector(IDocumentRegistry.UnauthorizedIssuer.selector, caller, doc.docType, doc.agencyId);
        }
        return _authError(caller, doc.docType, doc.agencyId);
    }

    function _authError(
        address caller,
        IDocumentRegistry.DocumentType docType,
        uint32 agencyId
    ) private view returns (bytes memory) {
        if (caller == address(this)) return "";
        bool registrar = _registrarOf[caller] == agencyId && agencyId != 0 && ghostActive[agencyId];
        if (docType <= IDocumentRegistry.DocumentType.Budget || !registrar) {
            return abi.encodeWithSelector(IDocumentRegistry.UnauthorizedIssuer.selector, caller, docType, agencyId);
        }
        return "";
    }

    function _issueError(
        address caller,
        IDocumentRegistry.DocumentType docType,
        uint32 agencyId,
        bytes32 contentHash,
        bytes32 metadataDigest
    ) private view returns (bytes memory) {
        if (contentHash == bytes32(0)) return abi.encodeWithSelector(IDocumentRegistry.EmptyContentHash.selector);
        if (metadataDigest == bytes32(0)) return abi.encodeWithSelector(IDocumentRegistry.EmptyMetadata.selector);
        if ((agencyId != 0 || docType > IDocumentRegistry.DocumentType.Budget) && !ghostActive[agencyId]) {
            return abi.encodeWithSelector(IDocumentRegistry.InactiveAgency.selector, agencyId);
        }
        // Only an act of the Timelock takes an issued hash, and only from a registrar's entry.
        Ghost storage existing = _ghosts[uint256(contentHash)];
        if (existing.issued && (caller != address(this) || existing.issuer == address(this))) {
            return abi.encodeWithSelector(IDocumentRegistry.DocumentExists.selector, uint256(contentHash));
        }
        return "";
    }

    function _reasonError(string memory reason) private pure returns (bytes memory) {
        uint256 length = bytes(reason).length;
        if (length == 0 || length > 1024) return abi.encodeWithSelector(IDocumentRegistry.InvalidReason.selector);
        return "";
    }

    function _checkRevert(bytes memory expected, bytes memory actual) private {
        if (expected.length == 0 || keccak256(expected) != keccak256(actual)) ++unexpectedOutcomes;
        else ++expectedReverts;
    }

    function _recordIssue(
        uint256 id,
        IDocumentRegistry.DocumentType docType,
        uint32 agencyId,
        address caller
    ) private {
        Ghost storage g = _ghosts[id];
        if (g.issued) {
            _recordDisplacement(id);
        } else {
            tokens.push(id);
        }
        g.issued = true;
        g.docType = docType;
        g.status = IDocumentRegistry.Status.Active;
        g.agencyId = agencyId;
        g.issuer = caller;
        g.supersedes = 0;
        g.supersededBy = 0;
        ++issuedBy[caller];
        ++issued;
        if (caller == address(this)) {
            // Displacement or not, the Timelock's act is what verify(hash) shows.
            IDocumentRegistry.Document memory shown = documents.verify(bytes32(id));
            if (
                !shown.found ||
                shown.issuer != address(this) ||
                shown.docType != docType ||
                shown.status != IDocumentRegistry.Status.Active ||
                documents.ownerOf(id) != address(this)
            ) ++actsNotShown;
        }
    }

    /// @dev The model of {DocumentRegistry-_displace}: keeps the registrar's entry, unlinks its neighbours, and takes
    /// it off its issuer's count; checks `displacedEntry` against it.
    function _recordDisplacement(uint256 id) private {
        Ghost memory previous = _ghosts[id];
        _displacedGhosts[id] = previous;
        displacedIds.push(id);
        if (previous.supersedes != 0) _ghosts[previous.supersedes].supersededBy = 0;
        if (previous.supersededBy != 0) _ghosts[previous.supersededBy].supersedes = 0;
        --issuedBy[previous.issuer];
        ++displacements;
        IDocumentRegistry.Document memory kept = documents.displacedEntry(id);
        if (
            !kept.found ||
            kept.tokenId != id ||
            kept.issuer != previous.issuer ||
            kept.docType != previous.docType ||
            kept.status != previous.status ||
            kept.agencyId != previous.agencyId ||
            kept.supersedes != previous.supersedes ||
            kept.supersededBy != previous.supersededBy
        ) ++badDisplacedEntries;
    }

    /// @dev Reads every document's status and holder and counts transitions the life cycle does not allow. While the
    /// holder stays, the status only moves forward; the holder changes only when an act of the Timelock displaces a
    /// registrar's entry, and the act then starts Active (and the entry is kept, with the status last observed).
    function _observe() private {
        for (uint256 i = 0; i < tokens.length; ++i) {
            uint256 id = tokens[i];
            IDocumentRegistry.Document memory doc = documents.verify(bytes32(id));
            IDocumentRegistry.Status current = doc.status;
            IDocumentRegistry.Status previous = _observed[id];
            address previousIssuer = _observedIssuer[id];
            _observed[id] = current;
            _observedIssuer[id] = doc.issuer;
            if (previousIssuer != address(0) && doc.issuer != previousIssuer) {
                bool displaced = previousIssuer != address(this) &&
                    doc.issuer == address(this) &&
                    current == IDocumentRegistry.Status.Active &&
                    documents.displacedEntry(id).issuer == previousIssuer &&
                    documents.displacedEntry(id).status == previous;
                if (!displaced) ++illegalTransitions;
                continue;
            }
            if (current == previous) continue;
            bool legal = (previous == IDocumentRegistry.Status.Active && current != IDocumentRegistry.Status.Active) ||
                (previous == IDocumentRegistry.Status.Amended && current == IDocumentRegistry.Status.Revoked);
            if (!legal) ++illegalTransitions;
        }
    }
}

/// @dev Invariants of the document life cycle under random issue / amend / revoke / agency (de)activation.
contract DocumentRegistryInvariantTest is StdInvariant, Test {
    DocumentRegistryHandler internal handler;
    DocumentRegistry internal documents;

    function setUp() public {
        handler = new DocumentRegistryHandler();
        documents = handler.documents();
        bytes4[] memory selectors = new bytes4[](4);
        selectors[0] = DocumentRegistryHandler.issue.selector;
        selectors[1] = DocumentRegistryHandler.amend.selector;
        selectors[2] = DocumentRegistryHandler.revoke.selector;
        selectors[3] = DocumentRegistryHandler.toggleAgency.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// @notice Every call succeeded or reverted exactly as the model predicted (including DocumentExists on duplicates).
    function invariant_everyOutcomeMatchesTheModel() public view {
        assertEq(handler.unexpectedOutcomes(), 0, "outcome differs from the model");
    }

    /// @notice A document's status only moves Active→Amended, Active→Revoked or Amended→Revoked, and equals the
    /// model's; an id changes hands only when an act of the Timelock displaces a registrar's entry.
    function invariant_statusOnlyMovesForward() public view {
        assertEq(handler.illegalTransitions(), 0, "illegal status transition");
        uint256 n = handler.tokenCount();
        for (uint256 i = 0; i < n; ++i) {
            uint256 id = handler.tokens(i);
            assertEq(uint8(documents.verify(bytes32(id)).status), uint8(handler.ghost(id).status), "status differs");
        }
    }

    /// @notice supersedes / supersededBy point at each other, the superseded one is no longer Active.
    function invariant_linksAreConsistentBothWays() public view {
        uint256 n = handler.tokenCount();
        for (uint256 i = 0; i < n; ++i) {
            uint256 id = handler.tokens(i);
            IDocumentRegistry.Document memory doc = documents.verify(bytes32(id));
            DocumentRegistryHandler.Ghost memory g = handler.ghost(id);
            assertEq(doc.supersedes, g.supersedes, "supersedes differs from the model");
            assertEq(doc.supersededBy, g.supersededBy, "supersededBy differs from the model");
            if (doc.supersedes != 0) {
                IDocumentRegistry.Document memory older = documents.verify(bytes32(doc.supersedes));
                assertTrue(older.found, "supersedes an unknown document");
                assertEq(older.supersededBy, id, "older version does not point back");
                assertTrue(older.status != IDocumentRegistry.Status.Active, "superseded version still Active");
                assertEq(uint8(older.docType), uint8(doc.docType), "amendment changed the type");
                assertEq(older.agencyId, doc.agencyId, "amendment changed the agency");
            }
            if (doc.supersededBy != 0) {
                IDocumentRegistry.Document memory newer = documents.verify(bytes32(doc.supersededBy));
                assertTrue(newer.found, "superseded by an unknown document");
                assertEq(newer.supersedes, id, "newer version does not point back");
                assertTrue(doc.status != IDocumentRegistry.Status.Active, "superseded document still Active");
            }
        }
    }

    /// @notice verify(hash) finds every issued document under tokenId == uint256(hash), held by its issuer.
    function invariant_tokenIdIsTheContentHash() public view {
        uint256 n = handler.tokenCount();
        for (uint256 i = 0; i < n; ++i) {
            uint256 id = handler.tokens(i);
            IDocumentRegistry.Document memory doc = documents.verify(bytes32(id));
            assertTrue(doc.found, "issued document not found");
            assertEq(doc.tokenId, id, "tokenId is not the content hash");
            assertEq(doc.issuer, handler.ghost(id).issuer, "issuer differs from the model");
            assertEq(documents.ownerOf(id), handler.ghost(id).issuer, "owner is not the issuer");
        }
    }

    /// @notice After every act of the Timelock, verify(hash) showed the act (displacement always yields the act), and
    /// every id the model gives the Timelock still shows it: a Timelock entry is never displaced.
    function invariant_timelockActIsWhatVerifyShows() public view {
        assertEq(handler.actsNotShown(), 0, "an act of the Timelock is not what verify shows");
        uint256 n = handler.tokenCount();
        for (uint256 i = 0; i < n; ++i) {
            uint256 id = handler.tokens(i);
            if (handler.ghost(id).issuer != address(handler)) continue;
            assertEq(documents.verify(bytes32(id)).issuer, address(handler), "a Timelock entry was displaced");
        }
    }

    /// @notice Every displaced id now holds an act of the Timelock, and displacedEntry keeps the registrar's entry
    /// as it was (issuer, type, agency, status; links checked at the time of displacement).
    function invariant_displacedEntriesAreKept() public view {
        assertEq(handler.badDisplacedEntries(), 0, "displacedEntry differs from the displaced entry");
        uint256 n = handler.displacedCount();
        for (uint256 i = 0; i < n; ++i) {
            uint256 id = handler.displacedIds(i);
            IDocumentRegistry.Document memory kept = documents.displacedEntry(id);
            DocumentRegistryHandler.Ghost memory g = handler.displacedGhost(id);
            assertTrue(kept.found, "displaced entry lost");
            assertEq(kept.issuer, g.issuer, "displaced issuer");
            assertTrue(kept.issuer != address(handler), "a Timelock entry was displaced");
            assertEq(uint8(kept.docType), uint8(g.docType), "displaced type");
            assertEq(kept.agencyId, g.agencyId, "displaced agency");
            assertEq(uint8(kept.status), uint8(g.status), "displaced status");
            assertEq(documents.verify(bytes32(id)).issuer, address(handler), "a displaced id is not the act's");
        }
    }

    /// @notice balanceOf(issuer) equals the number of documents issued by that account and not displaced.
    function invariant_balanceIsIssuedCount() public view {
        address[4] memory issuers = handler.issuers();
        uint256 total;
        for (uint256 i = 0; i < issuers.length; ++i) {
            assertEq(documents.balanceOf(issuers[i]), handler.issuedBy(issuers[i]), "balance differs from issued count");
            total += handler.issuedBy(issuers[i]);
        }
        assertEq(total, handler.tokenCount(), "issued counts do not add up");
        assertEq(handler.issuedBy(address(0x5157)), 0, "a stranger issued a document");
    }
}

/// @dev Property tests with the test contract as the Timelock.
contract DocumentRegistryFuzzTest is DocumentRegistryDeployment, Test {
    bytes32 internal constant META = keccak256("metadata");

    function setUp() public {
        _deploy();
    }

    function _agencyTypeFor(uint8 seed) internal pure returns (IDocumentRegistry.DocumentType) {
        return IDocumentRegistry.DocumentType(3 + (seed % 3));
    }

    /// @notice Any non-zero hash can be issued and is found under tokenId == uint256(hash) with every field.
    function testFuzz_IssueRecordsEveryField(
        bytes32 contentHash,
        bytes32 metadataDigest,
        bytes32 coSignatureDigest,
        uint8 typeSeed
    ) public {
        vm.assume(contentHash != bytes32(0) && metadataDigest != bytes32(0));
        IDocumentRegistry.DocumentType docType = IDocumentRegistry.DocumentType(typeSeed % 6);
        bool governance = docType <= IDocumentRegistry.DocumentType.Budget;
        address issuer = governance ? address(this) : financeRegistrar;
        uint32 agencyId = governance && typeSeed % 2 == 0 ? 0 : FINANCE;

        vm.expectEmit(address(documents));
        emit IDocumentRegistry.DocumentIssued(uint256(contentHash), docType, agencyId, issuer, metadataDigest, coSignatureDigest);
        vm.prank(issuer);
        uint256 id = documents.issue(docType, agencyId, contentHash, metadataDigest, coSignatureDigest);

        assertEq(id, uint256(contentHash));
        IDocumentRegistry.Document memory doc = documents.verify(contentHash);
        assertTrue(doc.found);
        assertEq(doc.tokenId, uint256(contentHash));
        assertEq(uint8(doc.docType), uint8(docType));
        assertEq(uint8(doc.status), uint8(IDocumentRegistry.Status.Active));
        assertEq(doc.agencyId, agencyId);
        assertEq(doc.issuedAt, block.timestamp);
        assertEq(doc.issuer, issuer);
        assertEq(doc.metadataDigest, metadataDigest);
        assertEq(doc.coSignatureDigest, coSignatureDigest);
        assertEq(doc.supersedes, 0);
        assertEq(doc.supersededBy, 0);
        assertEq(documents.ownerOf(id), issuer);
        assertEq(documents.balanceOf(issuer), 1);
    }

    /// @notice A registrar's hash is first come first served among registrars: any registrar issuing it again
    /// reverts with DocumentExists, and so does the Timelock issuing a hash it issued itself.
    function testFuzz_DuplicateHashReverts(bytes32 contentHash, bytes32 otherMetadata, uint8 typeSeed) public {
        vm.assume(contentHash != bytes32(0) && otherMetadata != bytes32(0));
        bytes32 actHash = keccak256(abi.encode(contentHash));
        vm.prank(digitalRegistrar);
        documents.issue(_agencyTypeFor(typeSeed), DIGITAL, contentHash, META, bytes32(0));
        documents.issue(IDocumentRegistry.DocumentType(typeSeed % 6), FINANCE, actHash, META, bytes32(0));
        IDocumentRegistry.Document memory before = documents.verify(contentHash);
        IDocumentRegistry.Document memory actBefore = documents.verify(actHash);

        bytes memory exists = abi.encodeWithSelector(IDocumentRegistry.DocumentExists.selector, uint256(contentHash));
        vm.expectRevert(exists);
        vm.prank(digitalRegistrar);
        documents.issue(_agencyTypeFor(typeSeed), DIGITAL, contentHash, otherMetadata, bytes32(0));
        vm.expectRevert(exists);
        vm.prank(financeRegistrar);
        documents.issue(_agencyTypeFor(typeSeed >> 2), FINANCE, contentHash, otherMetadata, bytes32(0));

        bytes memory actExists = abi.encodeWithSelector(IDocumentRegistry.DocumentExists.selector, uint256(actHash));
        vm.expectRevert(actExists);
        documents.issue(IDocumentRegistry.DocumentType(typeSeed % 3), 0, actHash, otherMetadata, bytes32(0));
        vm.expectRevert(actExists);
        vm.prank(financeRegistrar);
        documents.issue(_agencyTypeFor(typeSeed >> 4), FINANCE, actHash, otherMetadata, bytes32(0));

        assertEq(keccak256(abi.encode(documents.verify(contentHash))), keccak256(abi.encode(before)), "changed");
        assertEq(keccak256(abi.encode(documents.verify(actHash))), keccak256(abi.encode(actBefore)), "act changed");
        assertFalse(documents.displacedEntry(uint256(contentHash)).found);
        assertFalse(documents.displacedEntry(uint256(actHash)).found);
        assertEq(documents.balanceOf(digitalRegistrar), 1);
        assertEq(documents.balanceOf(financeRegistrar), 0);
        assertEq(documents.balanceOf(address(this)), 1);
    }

    /// @notice Whatever a registrar did with a hash first (issued it as any of its types, revoked it, amended it, or
    /// made it an amendment of another entry), an act of the Timelock of any type on that hash succeeds, verify shows
    /// the act, displacedEntry keeps the registrar's entry, its neighbours are unlinked and the balances move.
    function testFuzz_TimelockActTakesAnyRegistrarsHash(
        bytes32 contentHash,
        uint8 squatSeed,
        uint8 historySeed,
        uint8 actSeed,
        bytes32 metadataDigest
    ) public {
        vm.assume(contentHash != bytes32(0) && metadataDigest != bytes32(0));
        vm.assume(_before(contentHash) != contentHash && _after(contentHash) != contentHash);
        (address registrar, uint32 agencyId) = squatSeed % 2 == 0 ? (financeRegistrar, FINANCE) : (digitalRegistrar, DIGITAL);
        uint256 history = historySeed % 4; // 0: as issued, 1: revoked, 2: an amendment of `before`, 3: amended to `after`
        _squat(registrar, agencyId, _agencyTypeFor(squatSeed >> 1), contentHash, history, (historySeed >> 2) % 2 == 0);
        IDocumentRegistry.Document memory squat = documents.verify(contentHash);
        uint256 registrarBalance = documents.balanceOf(registrar);

        // The act: any type; governance types with agency 0 or FINANCE, agency types for FINANCE or DIGITAL.
        IDocumentRegistry.DocumentType actType = IDocumentRegistry.DocumentType(actSeed % 6);
        uint32 actAgency = actType <= IDocumentRegistry.DocumentType.Budget
            ? ((actSeed >> 3) % 2 == 0 ? 0 : FINANCE)
            : ((actSeed >> 3) % 2 == 0 ? FINANCE : DIGITAL);
        vm.expectEmit(address(documents));
        emit IDocumentRegistry.DocumentDisplaced(uint256(contentHash), registrar, squat.docType, agencyId);
        documents.issue(actType, actAgency, contentHash, metadataDigest, bytes32(0));

        _assertAct(contentHash, actType, actAgency, metadataDigest);
        assertEq(keccak256(abi.encode(documents.displacedEntry(uint256(contentHash)))), keccak256(abi.encode(squat)));
        assertEq(documents.balanceOf(registrar), registrarBalance - 1);
        assertEq(documents.balanceOf(address(this)), 1);
        if (history == 2) assertEq(documents.verify(_before(contentHash)).supersededBy, 0, "before points at the act");
        if (history == 3) assertEq(documents.verify(_after(contentHash)).supersedes, 0, "after points at the act");

        // The act is never displaced in turn.
        vm.expectRevert(abi.encodeWithSelector(IDocumentRegistry.DocumentExists.selector, uint256(contentHash)));
        documents.issue(IDocumentRegistry.DocumentType.Decree, 0, contentHash, META, bytes32(0));
    }

    function _before(bytes32 contentHash) internal pure returns (bytes32) {
        return keccak256(abi.encode(contentHash, "before"));
    }

    function _after(bytes32 contentHash) internal pure returns (bytes32) {
        return keccak256(abi.encode(contentHash, "after"));
    }

    /// @dev `registrar` registers `contentHash` as `docType` of `agencyId` and takes it along `history`.
    function _squat(
        address registrar,
        uint32 agencyId,
        IDocumentRegistry.DocumentType docType,
        bytes32 contentHash,
        uint256 history,
        bool revokeToo
    ) internal {
        vm.startPrank(registrar);
        if (history == 2) {
            documents.issue(docType, agencyId, _before(contentHash), META, bytes32(0));
            documents.amend(uint256(_before(contentHash)), contentHash, META, keccak256("cosig"), "squat");
        } else {
            documents.issue(docType, agencyId, contentHash, META, keccak256("cosig"));
        }
        if (history == 1) documents.revoke(uint256(contentHash), "revoked squat");
        if (history == 3) documents.amend(uint256(contentHash), _after(contentHash), META, bytes32(0), "amended squat");
        if (revokeToo && history != 1) documents.revoke(uint256(contentHash), "revoked as well");
        vm.stopPrank();
    }

    /// @dev verify, ownerOf and statusOf show the Timelock's act under `contentHash`, with no links and no co-signature.
    function _assertAct(
        bytes32 contentHash,
        IDocumentRegistry.DocumentType actType,
        uint32 actAgency,
        bytes32 metadataDigest
    ) internal view {
        IDocumentRegistry.Document memory act = documents.verify(contentHash);
        assertTrue(act.found);
        assertEq(act.issuer, address(this), "verify does not show the act");
        assertEq(uint8(act.docType), uint8(actType));
        assertEq(act.agencyId, actAgency);
        assertEq(uint8(act.status), uint8(IDocumentRegistry.Status.Active));
        assertEq(act.metadataDigest, metadataDigest);
        assertEq(act.coSignatureDigest, bytes32(0), "the squat's co-signature leaked into the act");
        assertEq(act.supersedes, 0);
        assertEq(act.supersededBy, 0);
        assertEq(documents.ownerOf(uint256(contentHash)), address(this));
        (IDocumentRegistry.DocumentType statusType, IDocumentRegistry.Status status) = documents.statusOf(uint256(contentHash));
        assertEq(uint8(statusType), uint8(actType));
        assertEq(uint8(status), uint8(IDocumentRegistry.Status.Active));
    }

    /// @notice The Timelock's amendment to a hash a registrar issued first succeeds and links the amended document
    /// to the act.
    function testFuzz_TimelockAmendmentTakesARegistrarsHash(bytes32 oldHash, bytes32 newHash, uint8 typeSeed) public {
        vm.assume(oldHash != bytes32(0) && newHash != bytes32(0) && oldHash != newHash);
        IDocumentRegistry.DocumentType docType = IDocumentRegistry.DocumentType(typeSeed % 3);
        documents.issue(docType, 0, oldHash, META, bytes32(0));
        vm.prank(financeRegistrar);
        documents.issue(_agencyTypeFor(typeSeed >> 2), FINANCE, newHash, META, bytes32(0));

        documents.amend(uint256(oldHash), newHash, META, bytes32(0), "amendment");
        IDocumentRegistry.Document memory act = documents.verify(newHash);
        assertEq(act.issuer, address(this));
        assertEq(uint8(act.docType), uint8(docType));
        assertEq(act.supersedes, uint256(oldHash));
        assertEq(documents.verify(oldHash).supersededBy, uint256(newHash));
        assertEq(uint8(documents.verify(oldHash).status), uint8(IDocumentRegistry.Status.Amended));
        assertEq(documents.displacedEntry(uint256(newHash)).issuer, financeRegistrar);
        assertEq(documents.balanceOf(financeRegistrar), 0);
    }

    /// @notice A chain of amendments of random length links every version both ways; only the last is Active.
    function testFuzz_AmendChainKeepsLinks(bytes32 seed, uint8 lengthSeed, bool byRegistrar) public {
        uint256 length = bound(lengthSeed, 1, 24);
        address actor = byRegistrar ? financeRegistrar : address(this);
        IDocumentRegistry.DocumentType docType = byRegistrar
            ? IDocumentRegistry.DocumentType.Order
            : IDocumentRegistry.DocumentType.Law;
        uint32 agencyId = byRegistrar ? FINANCE : 0;

        bytes32[] memory versions = new bytes32[](length + 1);
        for (uint256 i = 0; i <= length; ++i) {
            versions[i] = keccak256(abi.encode(seed, i));
        }
        vm.prank(actor);
        documents.issue(docType, agencyId, versions[0], META, bytes32(0));
        for (uint256 i = 1; i <= length; ++i) {
            vm.expectEmit(address(documents));
            emit IDocumentRegistry.DocumentAmended(uint256(versions[i - 1]), uint256(versions[i]), "amendment");
            vm.prank(actor);
            documents.amend(uint256(versions[i - 1]), versions[i], META, bytes32(0), "amendment");
        }

        for (uint256 i = 0; i <= length; ++i) {
            IDocumentRegistry.Document memory doc = documents.verify(versions[i]);
            assertEq(doc.supersedes, i == 0 ? 0 : uint256(versions[i - 1]), "supersedes");
            assertEq(doc.supersededBy, i == length ? 0 : uint256(versions[i + 1]), "supersededBy");
            assertEq(
                uint8(doc.status),
                uint8(i == length ? IDocumentRegistry.Status.Active : IDocumentRegistry.Status.Amended),
                "status"
            );
            assertEq(uint8(doc.docType), uint8(docType), "type inherited");
            assertEq(doc.agencyId, agencyId, "agency inherited");
        }
        // Walking back from the latest version reaches the first in `length` steps.
        uint256 cursor = uint256(versions[length]);
        for (uint256 i = 0; i < length; ++i) cursor = documents.verify(bytes32(cursor)).supersedes;
        assertEq(cursor, uint256(versions[0]));
        assertEq(documents.verify(bytes32(cursor)).supersedes, 0);
        assertEq(documents.balanceOf(actor), length + 1);

        // No earlier version can be amended again.
        if (length > 0) {
            uint256 middle = uint256(versions[uint256(seed) % length]);
            vm.expectRevert(
                abi.encodeWithSelector(
                    IDocumentRegistry.DocumentNotActive.selector,
                    middle,
                    IDocumentRegistry.Status.Amended
                )
            );
            vm.prank(actor);
            documents.amend(middle, keccak256("fork"), META, bytes32(0), "fork");
        }
    }

    /// @notice Nobody but the Timelock and the agency's registrars may issue; governance types only the Timelock.
    function testFuzz_StrangerCannotIssue(address caller, uint8 typeSeed, uint32 agencyId, bytes32 contentHash) public {
        vm.assume(caller != address(this));
        IDocumentRegistry.DocumentType docType = IDocumentRegistry.DocumentType(typeSeed % 6);
        bool registrar = (caller == financeRegistrar && agencyId == FINANCE) ||
            (caller == digitalRegistrar && agencyId == DIGITAL);
        vm.assume(docType <= IDocumentRegistry.DocumentType.Budget || !registrar);

        vm.expectRevert(
            abi.encodeWithSelector(IDocumentRegistry.UnauthorizedIssuer.selector, caller, docType, agencyId)
        );
        vm.prank(caller);
        documents.issue(docType, agencyId, contentHash, META, bytes32(0));
        assertFalse(documents.verify(contentHash).found);
    }

    /// @notice Reasons of 1..1024 bytes are accepted; 0 or more than 1024 bytes revert with InvalidReason.
    function testFuzz_ReasonLength(uint16 lengthSeed) public {
        uint256 length = bound(lengthSeed, 0, 2048);
        string memory reason = string(new bytes(length));
        bytes32 hash = keccak256("decree");
        documents.issue(IDocumentRegistry.DocumentType.Decree, 0, hash, META, bytes32(0));
        bool valid = length > 0 && length <= 1024;
        if (!valid) vm.expectRevert(IDocumentRegistry.InvalidReason.selector);
        documents.revoke(uint256(hash), reason);
        assertEq(
            uint8(documents.verify(hash).status),
            uint8(valid ? IDocumentRegistry.Status.Revoked : IDocumentRegistry.Status.Active)
        );
    }

    /// @dev The root of the StandardMerkleTree of two `bytes32` values.
    function _twoLeafRoot(bytes32 a, bytes32 b) internal pure returns (bytes32) {
        bytes32 leafA = _leaf(a);
        bytes32 leafB = _leaf(b);
        return leafA < leafB ? keccak256(abi.encodePacked(leafA, leafB)) : keccak256(abi.encodePacked(leafB, leafA));
    }

    function _proof(bytes32 sibling) internal pure returns (bytes32[] memory proof) {
        proof = new bytes32[](1);
        proof[0] = _leaf(sibling);
    }

    /// @notice The registry's leaf and proof check match OpenZeppelin's StandardMerkleTree for a two-leaf tree, and
    /// a batch belongs to its agency: another agency's batch of the same root is separate.
    function testFuzz_TwoLeafBatchMembership(bytes32 a, bytes32 b, bytes32 outsider) public {
        vm.assume(a != b && outsider != a && outsider != b);
        bytes32 root = _twoLeafRoot(a, b);
        // DIGITAL's registrar anchors FINANCE's root first; FINANCE still anchors it.
        vm.prank(digitalRegistrar);
        documents.anchorBatch(DIGITAL, root, 2, META);
        vm.prank(financeRegistrar);
        documents.anchorBatch(FINANCE, root, 2, META);
        vm.expectRevert(abi.encodeWithSelector(IDocumentRegistry.BatchExists.selector, FINANCE, root));
        vm.prank(financeRegistrar);
        documents.anchorBatch(FINANCE, root, 2, META);

        bytes32[] memory proofA = _proof(b);
        bytes32[] memory proofB = _proof(a);
        (bool member, bool isRevoked, bool superseded) = documents.verifyBatchMember(FINANCE, root, a, proofA);
        assertTrue(member && !isRevoked && !superseded, "a");
        (member, isRevoked, superseded) = documents.verifyBatchMember(FINANCE, root, b, proofB);
        assertTrue(member && !isRevoked && !superseded, "b");
        (member, , ) = documents.verifyBatchMember(FINANCE, root, outsider, proofA);
        assertFalse(member, "outsider");
        (member, , ) = documents.verifyBatchMember(UNKNOWN_AGENCY, root, a, proofA);
        assertFalse(member, "an agency that anchored nothing");

        vm.prank(financeRegistrar);
        documents.revokeBatchMember(FINANCE, root, a, proofA, "revoked");
        (member, isRevoked, ) = documents.verifyBatchMember(FINANCE, root, a, proofA);
        assertTrue(member && isRevoked, "a revoked");
        (member, isRevoked, ) = documents.verifyBatchMember(FINANCE, root, b, proofB);
        assertTrue(member && !isRevoked, "b untouched");
        (member, isRevoked, ) = documents.verifyBatchMember(DIGITAL, root, a, proofA);
        assertTrue(member && !isRevoked, "the other agency's batch untouched");
        vm.expectRevert(abi.encodeWithSelector(IDocumentRegistry.InvalidBatchProof.selector, root, outsider));
        vm.prank(financeRegistrar);
        documents.revokeBatchMember(FINANCE, root, outsider, proofA, "not a member");
        vm.expectRevert(
            abi.encodeWithSelector(IDocumentRegistry.UnauthorizedIssuer.selector, digitalRegistrar, IDocumentRegistry.DocumentType.Certificate, FINANCE)
        );
        vm.prank(digitalRegistrar);
        documents.revokeBatch(FINANCE, root, "not yours");
    }

    /// @notice A batch member whose file is also a registered document reports that document's status: Revoked →
    /// revoked, Amended → superseded, Active → current; whoever issued it and whenever its status changed.
    function testFuzz_BatchMemberReportsTheRegisteredStatus(bytes32 a, bytes32 b, uint8 pathSeed, bool byTimelock) public {
        vm.assume(a != bytes32(0) && a != b);
        vm.assume(keccak256(abi.encode(a, "amendment")) != b);
        bytes32 root = _twoLeafRoot(a, b);
        if (pathSeed % 2 == 0) _anchorFinance(root); // anchored before the document is registered, or after
        uint256 path = (pathSeed >> 1) % 4; // 0: Active, 1: Revoked, 2: Amended, 3: Amended then Revoked
        _registerAlong(a, path, byTimelock);
        if (pathSeed % 2 == 1) _anchorFinance(root);

        (bool member, bool isRevoked, bool superseded) = documents.verifyBatchMember(FINANCE, root, a, _proof(b));
        assertTrue(member);
        assertEq(isRevoked, path == 1 || path == 3, "revoked");
        assertEq(superseded, path == 2, "superseded");
        (, IDocumentRegistry.Status status) = documents.statusOf(uint256(a));
        assertEq(isRevoked, status == IDocumentRegistry.Status.Revoked);
        assertEq(superseded, status == IDocumentRegistry.Status.Amended);
        _assertCurrentMember(root, b, a);
    }

    /// @dev `value` (sibling `sibling`) is a current member of FINANCE's batch `root`.
    function _assertCurrentMember(bytes32 root, bytes32 value, bytes32 sibling) internal view {
        (bool member, bool isRevoked, bool superseded) = documents.verifyBatchMember(FINANCE, root, value, _proof(sibling));
        assertTrue(member && !isRevoked && !superseded, "not a current member");
    }

    function _anchorFinance(bytes32 root) internal {
        vm.prank(financeRegistrar);
        documents.anchorBatch(FINANCE, root, 2, META);
    }

    /// @dev Registers `a` (a Timelock decree or a DIGITAL certificate) and takes it along `path`.
    function _registerAlong(bytes32 a, uint256 path, bool byTimelock) internal {
        address issuer = byTimelock ? address(this) : digitalRegistrar;
        vm.startPrank(issuer);
        documents.issue(
            byTimelock ? IDocumentRegistry.DocumentType.Decree : IDocumentRegistry.DocumentType.Certificate,
            byTimelock ? 0 : DIGITAL,
            a,
            META,
            bytes32(0)
        );
        if (path >= 2) documents.amend(uint256(a), keccak256(abi.encode(a, "amendment")), META, bytes32(0), "amended");
        if (path == 1 || path == 3) documents.revoke(uint256(a), "revoked");
        vm.stopPrank();
    }
}
