// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IGovernor} from "@openzeppelin/contracts/governance/IGovernor.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {TimelockGoverned} from "../access/TimelockGoverned.sol";
import {IDocumentRegistry} from "../documents/IDocumentRegistry.sol";
import {IAgencyRegistry} from "../governance/IAgencyRegistry.sol";
import {IAppeals} from "./IAppeals.sol";
import {WorkingDayCalendar} from "./WorkingDayCalendar.sol";

/**
 * @title Appeals
 * @notice A citizen contests a document or a proposal; the responsible body must answer by a due date counted in
 * working days, with a reasoned answer, in public. Encodes Kazakhstan's Administrative Procedural and Process Code:
 * registration on receipt with a number and a time (art. 63), 15 working days to answer, one reasoned extension up
 * to 2 months (art. 76), forwarding by a body that is not competent within 3 working days (art. 65). The day counts
 * are {Terms} that governance changes within fixed bounds; holidays are data in {WorkingDayCalendar}.
 *
 * @dev The responsible body is derived on chain: a document's agency, and the council (the Timelock, answering
 * through a proposal) for central acts (agency 0) and proposals. A body's registrars act for it; the Timelock may
 * act for any body, as the higher authority. Citizens need no gas: they sign EIP-712 requests with a key made for
 * the appeal, and anyone (a relayer) submits them; each request carries the filer's nonce and a deadline, so none
 * can be replayed, and the domain names the chain and this contract. Only digests and ids are stored: texts live
 * in the content store, and the filer is a pseudonymous key, never a name.
 */
contract Appeals is IAppeals, WorkingDayCalendar, EIP712, Nonces {
    /// @notice The respondent id of the council (central acts and proposals).
    uint32 public constant COUNCIL = 0;
    /// @notice Bounds of {Terms.considerationDays} (working days).
    uint16 public constant MIN_CONSIDERATION_DAYS = 1;
    /// @notice Upper bound of {Terms.considerationDays}.
    uint16 public constant MAX_CONSIDERATION_DAYS = 30;
    /// @notice Lower bound of {Terms.forwardDays} (working days).
    uint16 public constant MIN_FORWARD_DAYS = 1;
    /// @notice Upper bound of {Terms.forwardDays}.
    uint16 public constant MAX_FORWARD_DAYS = 10;
    /// @notice Lower bound of {Terms.extensionLimitDays} (calendar days).
    uint16 public constant MIN_EXTENSION_LIMIT_DAYS = 30;
    /// @notice Upper bound of {Terms.extensionLimitDays}.
    uint16 public constant MAX_EXTENSION_LIMIT_DAYS = 92;

    /// @notice EIP-712 type of a filing.
    bytes32 public constant FILE_TYPEHASH =
        keccak256("FileAppeal(uint8 kind,uint256 subject,bytes32 bodyDigest,uint256 nonce,uint256 deadline)");
    /// @notice EIP-712 type of a withdrawal.
    bytes32 public constant WITHDRAW_TYPEHASH = keccak256("WithdrawAppeal(uint256 appealId,uint256 nonce,uint256 deadline)");
    /// @notice EIP-712 type of a follow-up message.
    bytes32 public constant FOLLOW_UP_TYPEHASH =
        keccak256("FollowUpAppeal(uint256 appealId,bytes32 bodyDigest,uint256 nonce,uint256 deadline)");

    /// @notice The registry of agencies and registrars.
    IAgencyRegistry public immutable agencies;
    /// @notice The document registry whose documents may be contested.
    IDocumentRegistry public immutable documents;
    /// @notice The Governor whose proposals may be contested.
    IGovernor public immutable governor;

    /// @notice Number of appeals filed; appeal numbers run from 1 to this.
    uint256 public appealCount;

    Terms private _terms;
    mapping(uint256 appealId => Appeal) private _appeals;

    /// @notice Binds the appeals to the system and sets the first terms and holidays.
    /// @param timelock_ The governance Timelock.
    /// @param agencies_ The agency registry.
    /// @param documents_ The document registry.
    /// @param governor_ The Governor.
    /// @param terms_ The first day counts (within their bounds).
    /// @param holidays Public holidays declared from the start (day numbers, today or later).
    constructor(
        address timelock_,
        IAgencyRegistry agencies_,
        IDocumentRegistry documents_,
        IGovernor governor_,
        Terms memory terms_,
        uint32[] memory holidays
    ) TimelockGoverned(timelock_) WorkingDayCalendar(holidays) EIP712("GovernmentDAO Appeals", "1") {
        if (address(agencies_) == address(0) || address(documents_) == address(0) || address(governor_) == address(0)) {
            revert ZeroAddress();
        }
        agencies = agencies_;
        documents = documents_;
        governor = governor_;
        _setTerms(terms_);
    }

    /**
     * @notice Files the appeal `filer` signed. Anyone may submit it; the filer pays nothing.
     * @dev Emits {AppealFiled}. Reverts with {EmptyDigest}, {SignatureExpired}, {InvalidSignature} (also on replay)
     * and {UnknownSubject}.
     * @param kind What is contested.
     * @param subject The document's token id or the proposal's id.
     * @param bodyDigest sha-256 of the appeal's text in the content store.
     * @param filer The citizen's key that signed.
     * @param deadline Last second the signature is valid.
     * @param signature The filer's EIP-712 signature of {FILE_TYPEHASH} with its current nonce.
     * @return appealId The appeal's number.
     */
    function file(
        SubjectKind kind,
        uint256 subject,
        bytes32 bodyDigest,
        address filer,
        uint256 deadline,
        bytes calldata signature
    ) external returns (uint256 appealId) {
        if (bodyDigest == bytes32(0)) revert EmptyDigest();
        bytes32 request = keccak256(abi.encode(FILE_TYPEHASH, kind, subject, bodyDigest, _useNonce(filer), deadline));
        _checkSignature(filer, request, deadline, signature);
        uint32 respondent = _respondentOf(kind, subject);
        uint48 dueAt = uint48(workingDaysAfter(block.timestamp, _terms.considerationDays));
        appealId = ++appealCount;
        Appeal storage a = _appeals[appealId];
        a.kind = kind;
        a.state = State.Filed;
        a.respondent = respondent;
        a.filer = filer;
        a.filedAt = uint48(block.timestamp);
        a.receivedAt = uint48(block.timestamp);
        a.dueAt = dueAt;
        a.subject = subject;
        a.bodyDigest = bodyDigest;
        emit AppealFiled(appealId, kind, subject, filer, respondent, bodyDigest, dueAt);
    }

    /**
     * @notice Withdraws a pending appeal, as its filer signed.
     * @dev Emits {AppealWithdrawn}. Reverts with {UnknownAppeal}, {InvalidState}, {SignatureExpired} and
     * {InvalidSignature}.
     * @param appealId The appeal.
     * @param deadline Last second the signature is valid.
     * @param signature The filer's EIP-712 signature of {WITHDRAW_TYPEHASH} with its current nonce.
     */
    function withdraw(uint256 appealId, uint256 deadline, bytes calldata signature) external {
        Appeal storage a = _pending(appealId);
        bytes32 request = keccak256(abi.encode(WITHDRAW_TYPEHASH, appealId, _useNonce(a.filer), deadline));
        _checkSignature(a.filer, request, deadline, signature);
        a.state = State.Withdrawn;
        a.answeredAt = uint48(block.timestamp);
        emit AppealWithdrawn(appealId);
    }

    /**
     * @notice Adds the filer's signed message (more facts, a reply) to a pending appeal.
     * @dev Emits {AppealFollowedUp}. Reverts as {withdraw} does, and with {EmptyDigest}.
     * @param appealId The appeal.
     * @param bodyDigest sha-256 of the message in the content store.
     * @param deadline Last second the signature is valid.
     * @param signature The filer's EIP-712 signature of {FOLLOW_UP_TYPEHASH} with its current nonce.
     */
    function followUp(uint256 appealId, bytes32 bodyDigest, uint256 deadline, bytes calldata signature) external {
        Appeal storage a = _pending(appealId);
        if (bodyDigest == bytes32(0)) revert EmptyDigest();
        bytes32 request = keccak256(abi.encode(FOLLOW_UP_TYPEHASH, appealId, bodyDigest, _useNonce(a.filer), deadline));
        _checkSignature(a.filer, request, deadline, signature);
        emit AppealFollowedUp(appealId, bodyDigest);
    }

    /**
     * @notice Forwards a newly filed appeal to the competent body, within {Terms.forwardDays} of receipt. The due
     * date is counted again from now, and never moves earlier.
     * @dev Emits {AppealForwarded}. Only the respondent's registrars or the Timelock. Reverts with
     * {NotRespondent}, {InvalidState} (already forwarded, extended or ended), {EmptyDigest}, {ForwardTooLate} and
     * {InvalidForward}.
     * @param appealId The appeal.
     * @param to The competent body: an active agency, or {COUNCIL}.
     * @param reasonDigest sha-256 of the reasons.
     */
    function forward(uint256 appealId, uint32 to, bytes32 reasonDigest) external {
        Appeal storage a = _pending(appealId);
        uint32 from = a.respondent;
        _authorizeRespondent(from);
        if (a.state != State.Filed) revert InvalidState(appealId, a.state);
        if (reasonDigest == bytes32(0)) revert EmptyDigest();
        uint256 forwardBy = workingDaysAfter(a.receivedAt, _terms.forwardDays);
        if (block.timestamp > forwardBy) revert ForwardTooLate(appealId, forwardBy);
        if (to == from || (to != COUNCIL && !agencies.isActive(to))) revert InvalidForward(to);
        uint256 recounted = workingDaysAfter(block.timestamp, _terms.considerationDays);
        uint48 dueAt = recounted > a.dueAt ? uint48(recounted) : a.dueAt;
        a.state = State.Forwarded;
        a.respondent = to;
        a.receivedAt = uint48(block.timestamp);
        a.dueAt = dueAt;
        emit AppealForwarded(appealId, from, to, reasonDigest, dueAt);
    }

    /**
     * @notice Extends the term once, with reasons, before it ends, to at most {Terms.extensionLimitDays} calendar
     * days after receipt.
     * @dev Emits {AppealExtended}. Only the respondent's registrars or the Timelock. Reverts with {NotRespondent},
     * {InvalidState} (already extended or ended), {EmptyDigest}, {ExtensionTooLate} and {InvalidExtension}.
     * @param appealId The appeal.
     * @param dueAt The new due date (a timestamp later than the current one).
     * @param reasonDigest sha-256 of the reasons.
     */
    function extend(uint256 appealId, uint48 dueAt, bytes32 reasonDigest) external {
        Appeal storage a = _pending(appealId);
        _authorizeRespondent(a.respondent);
        if (a.state == State.Extended) revert InvalidState(appealId, a.state);
        if (reasonDigest == bytes32(0)) revert EmptyDigest();
        uint48 previous = a.dueAt;
        if (block.timestamp > previous) revert ExtensionTooLate(appealId, previous);
        uint256 max = uint256(a.receivedAt) + uint256(_terms.extensionLimitDays) * 1 days;
        if (dueAt <= previous || dueAt > max) revert InvalidExtension(dueAt, previous, max);
        a.state = State.Extended;
        a.dueAt = dueAt;
        emit AppealExtended(appealId, reasonDigest, previous, dueAt);
    }

    /**
     * @notice Answers a pending appeal with a verdict and a reasoned answer (art. 79). An answer after the due
     * date is still accepted, and recorded as late.
     * @dev Emits {AppealAnswered}, and {AppealRemedyLinked} with a remedy. Only the respondent's registrars or the
     * Timelock. Reverts with {NotRespondent}, {InvalidState}, {MissingOutcome}, {EmptyDigest} and {InvalidRemedy}.
     * @param appealId The appeal.
     * @param outcome The verdict.
     * @param answerDigest sha-256 of the reasoned answer in the content store.
     * @param remedy The document that amends or revokes the contested act, or 0 (it can be linked later).
     */
    function answer(uint256 appealId, Outcome outcome, bytes32 answerDigest, uint256 remedy) external {
        Appeal storage a = _pending(appealId);
        uint32 respondent = a.respondent;
        _authorizeRespondent(respondent);
        if (outcome == Outcome.None) revert MissingOutcome();
        if (answerDigest == bytes32(0)) revert EmptyDigest();
        if (remedy != 0) _checkRemedy(a, outcome, remedy);
        bool onTime = block.timestamp <= a.dueAt;
        a.state = State.Answered;
        a.outcome = outcome;
        a.answerDigest = answerDigest;
        a.answeredAt = uint48(block.timestamp);
        a.remedy = remedy;
        emit AppealAnswered(appealId, respondent, outcome, answerDigest, onTime);
        if (remedy != 0) emit AppealRemedyLinked(appealId, remedy);
    }

    /**
     * @notice Links the act that remedies an upheld appeal, once, after the answer.
     * @dev Emits {AppealRemedyLinked}. Only the respondent's registrars or the Timelock. Reverts with
     * {UnknownAppeal}, {NotRespondent}, {InvalidState} (not answered, or a remedy already linked) and {InvalidRemedy}.
     * @param appealId The appeal.
     * @param remedy The document that amends or revokes the contested act.
     */
    function linkRemedy(uint256 appealId, uint256 remedy) external {
        Appeal storage a = _existing(appealId);
        _authorizeRespondent(a.respondent);
        if (a.state != State.Answered || a.remedy != 0) revert InvalidState(appealId, a.state);
        _checkRemedy(a, a.outcome, remedy);
        a.remedy = remedy;
        emit AppealRemedyLinked(appealId, remedy);
    }

    /**
     * @notice Changes the day counts. Only the Timelock, through a passed proposal; filed appeals keep their dates.
     * @dev Emits {TermsSet}. Reverts with {TermsOutOfBounds}.
     * @param terms_ The new terms.
     */
    function setTerms(Terms calldata terms_) external onlyTimelock {
        _setTerms(terms_);
    }

    /// @notice The current day counts.
    /// @return The terms.
    function terms() external view returns (Terms memory) {
        return _terms;
    }

    /// @notice Appeal `appealId`. Reverts with {UnknownAppeal} if there is none.
    /// @param appealId The appeal's number.
    /// @return The appeal.
    function appeal(uint256 appealId) external view returns (Appeal memory) {
        return _existing(appealId);
    }

    /// @notice Whether appeal `appealId` is still pending after its due date.
    /// @param appealId The appeal's number.
    /// @return True if overdue.
    function isOverdue(uint256 appealId) external view returns (bool) {
        Appeal storage a = _existing(appealId);
        return _isPending(a.state) && block.timestamp > a.dueAt;
    }

    function _setTerms(Terms memory terms_) private {
        if (
            terms_.considerationDays < MIN_CONSIDERATION_DAYS ||
            terms_.considerationDays > MAX_CONSIDERATION_DAYS ||
            terms_.forwardDays < MIN_FORWARD_DAYS ||
            terms_.forwardDays > MAX_FORWARD_DAYS ||
            terms_.extensionLimitDays < MIN_EXTENSION_LIMIT_DAYS ||
            terms_.extensionLimitDays > MAX_EXTENSION_LIMIT_DAYS
        ) revert TermsOutOfBounds(terms_);
        _terms = terms_;
        emit TermsSet(terms_);
    }

    function _checkSignature(address filer, bytes32 request, uint256 deadline, bytes calldata signature) private view {
        if (block.timestamp > deadline) revert SignatureExpired(deadline);
        if (!SignatureChecker.isValidSignatureNow(filer, _hashTypedDataV4(request), signature)) {
            revert InvalidSignature(filer);
        }
    }

    /// @dev The body that must answer: a document's agency (0 for central acts), the council for proposals.
    function _respondentOf(SubjectKind kind, uint256 subject) private view returns (uint32) {
        if (kind == SubjectKind.Document) {
            IDocumentRegistry.Document memory d = documents.verify(bytes32(subject));
            if (!d.found) revert UnknownSubject(kind, subject);
            return d.agencyId;
        }
        if (governor.proposalSnapshot(subject) == 0) revert UnknownSubject(kind, subject);
        return COUNCIL;
    }

    /// @dev The Timelock acts for any body; an agency's registrars act for their agency.
    function _authorizeRespondent(uint32 respondent) private view {
        if (msg.sender == timelock) return;
        if (respondent == COUNCIL || !agencies.isRegistrar(respondent, msg.sender)) {
            revert NotRespondent(msg.sender, respondent);
        }
    }

    /// @dev A remedy fits an upheld (or partly upheld) appeal: for a document, the revoked document itself or a
    /// document that amends it; for a proposal, any registered document.
    function _checkRemedy(Appeal storage a, Outcome outcome, uint256 remedy) private view {
        if (outcome == Outcome.Rejected) revert InvalidRemedy(remedy);
        IDocumentRegistry.Document memory d = documents.verify(bytes32(remedy));
        if (!d.found) revert InvalidRemedy(remedy);
        if (a.kind == SubjectKind.Document) {
            bool revokesIt = remedy == a.subject && d.status == IDocumentRegistry.Status.Revoked;
            if (!revokesIt && d.supersedes != a.subject) revert InvalidRemedy(remedy);
        }
    }

    function _existing(uint256 appealId) private view returns (Appeal storage a) {
        a = _appeals[appealId];
        if (a.state == State.None) revert UnknownAppeal(appealId);
    }

    function _pending(uint256 appealId) private view returns (Appeal storage a) {
        a = _existing(appealId);
        if (!_isPending(a.state)) revert InvalidState(appealId, a.state);
    }

    function _isPending(State state) private pure returns (bool) {
        return state == State.Filed || state == State.Forwarded || state == State.Extended;
    }
}
