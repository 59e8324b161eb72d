// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/**
 * @title IAppeals
 * @notice Citizens' appeals against a document or a proposal, and the state's public, dated answers.
 */
interface IAppeals {
    /// @notice What an appeal contests.
    /// @param Document A document of the registry (any status), by its token id.
    /// @param Proposal A proposal of the Governor, by its id.
    enum SubjectKind {
        Document,
        Proposal
    }

    /// @notice Life cycle. Filed → Forwarded (once, to the competent body) → Extended (once) → Answered, and any
    /// pending state → Withdrawn by its filer. States only move forward.
    enum State {
        None,
        Filed,
        Forwarded,
        Extended,
        Answered,
        Withdrawn
    }

    /// @notice The answer's verdict (art. 79: a reasoned decision).
    enum Outcome {
        None,
        Upheld,
        PartlyUpheld,
        Rejected
    }

    /// @notice The day counts of the procedure, changed only by governance within fixed bounds.
    /// @param considerationDays Working days the respondent has to answer, from receipt (art. 76: 15).
    /// @param forwardDays Working days in which a body that is not competent may forward it (art. 65: 3).
    /// @param extensionLimitDays Calendar days from receipt that one extension may reach (art. 76: 2 months).
    struct Terms {
        uint16 considerationDays;
        uint16 forwardDays;
        uint16 extensionLimitDays;
    }

    /// @notice One appeal. The texts (appeal, reasons, answer) live in the content store; only their sha-256 is here.
    /// @param kind What it contests.
    /// @param state Where it is in its life cycle.
    /// @param outcome The answer's verdict, once answered.
    /// @param respondent The body that must answer: an agency id, or 0 for the council (answered by proposal).
    /// @param filer The citizen's key (a pseudonymous key made for the appeal; no personal data).
    /// @param filedAt When it was filed (block time).
    /// @param receivedAt When the current respondent received it (filing, or forwarding).
    /// @param dueAt The last second the respondent may answer in time.
    /// @param answeredAt When it was answered or withdrawn (0 while pending).
    /// @param subject The contested document's token id or proposal's id.
    /// @param bodyDigest sha-256 of the appeal's text (JSON in the content store).
    /// @param answerDigest sha-256 of the reasoned answer (JSON in the content store), once answered.
    /// @param remedy The document that amends or revokes the contested act, once linked (0 if none).
    struct Appeal {
        SubjectKind kind;
        State state;
        Outcome outcome;
        uint32 respondent;
        address filer;
        uint48 filedAt;
        uint48 receivedAt;
        uint48 dueAt;
        uint48 answeredAt;
        uint256 subject;
        bytes32 bodyDigest;
        bytes32 answerDigest;
        uint256 remedy;
    }

    /// @notice Appeal `appealId` was filed and registered with its number, time and due date (art. 63).
    /// @param appealId The appeal's number (from 1).
    /// @param kind What it contests.
    /// @param subject The contested document's or proposal's id.
    /// @param filer The citizen's key.
    /// @param respondent The body that must answer (0 = the council).
    /// @param bodyDigest sha-256 of the appeal's text.
    /// @param dueAt The answer's due date.
    event AppealFiled(
        uint256 indexed appealId,
        SubjectKind indexed kind,
        uint256 indexed subject,
        address filer,
        uint32 respondent,
        bytes32 bodyDigest,
        uint48 dueAt
    );
    /// @notice The respondent, not competent, forwarded the appeal to body `to` (art. 65).
    /// @param appealId The appeal.
    /// @param from The body that forwarded it.
    /// @param to The body that must now answer (0 = the council).
    /// @param reasonDigest sha-256 of the reasons.
    /// @param dueAt The due date, counted from the new receipt (never earlier than before).
    event AppealForwarded(uint256 indexed appealId, uint32 indexed from, uint32 indexed to, bytes32 reasonDigest, uint48 dueAt);
    /// @notice The respondent extended the term, once, with reasons (art. 76).
    /// @param appealId The appeal.
    /// @param reasonDigest sha-256 of the reasons.
    /// @param previousDueAt The due date before.
    /// @param dueAt The new due date.
    event AppealExtended(uint256 indexed appealId, bytes32 reasonDigest, uint48 previousDueAt, uint48 dueAt);
    /// @notice The respondent answered.
    /// @param appealId The appeal.
    /// @param respondent The body that answered (0 = the council).
    /// @param outcome The verdict.
    /// @param answerDigest sha-256 of the reasoned answer.
    /// @param onTime Whether it was answered by the due date.
    event AppealAnswered(uint256 indexed appealId, uint32 indexed respondent, Outcome outcome, bytes32 answerDigest, bool onTime);
    /// @notice The filer withdrew the appeal.
    /// @param appealId The appeal.
    event AppealWithdrawn(uint256 indexed appealId);
    /// @notice The filer added a message (more facts, a reply) to a pending appeal.
    /// @param appealId The appeal.
    /// @param bodyDigest sha-256 of the message.
    event AppealFollowedUp(uint256 indexed appealId, bytes32 bodyDigest);
    /// @notice The document that amends or revokes the contested act was linked to an upheld appeal.
    /// @param appealId The appeal.
    /// @param remedy The document's token id.
    event AppealRemedyLinked(uint256 indexed appealId, uint256 indexed remedy);
    /// @notice Governance changed the day counts. Appeals already filed keep their due dates.
    /// @param terms The new terms.
    event TermsSet(Terms terms);

    /// @notice No appeal with this number.
    /// @param appealId The number asked for.
    error UnknownAppeal(uint256 appealId);
    /// @notice The contested document or proposal does not exist.
    /// @param kind What it was said to be.
    /// @param subject The id given.
    error UnknownSubject(SubjectKind kind, uint256 subject);
    /// @notice A required digest (appeal text, reasons, answer) is zero.
    error EmptyDigest();
    /// @notice The signed request's deadline has passed.
    /// @param deadline The deadline it carried.
    error SignatureExpired(uint256 deadline);
    /// @notice The signature is not the filer's over this request and the filer's current nonce (or a replay).
    /// @param filer The account the request names.
    error InvalidSignature(address filer);
    /// @notice The caller may not act for the appeal's respondent.
    /// @param caller The caller.
    /// @param respondent The appeal's respondent (0 = the council, whose acts come from the Timelock).
    error NotRespondent(address caller, uint32 respondent);
    /// @notice The appeal is not in a state that allows this step.
    /// @param appealId The appeal.
    /// @param state Its state.
    error InvalidState(uint256 appealId, State state);
    /// @notice The forwarding term has passed.
    /// @param appealId The appeal.
    /// @param forwardBy The last second it could be forwarded.
    error ForwardTooLate(uint256 appealId, uint256 forwardBy);
    /// @notice Forwarding to the same body, or to an agency that does not exist or is inactive.
    /// @param to The body refused.
    error InvalidForward(uint32 to);
    /// @notice The term can no longer be extended: it has already ended.
    /// @param appealId The appeal.
    /// @param dueAt Its due date.
    error ExtensionTooLate(uint256 appealId, uint256 dueAt);
    /// @notice The new due date is not later than the current one, or beyond the extension limit.
    /// @param dueAt The date refused.
    /// @param min The date it must exceed.
    /// @param max The latest date allowed.
    error InvalidExtension(uint256 dueAt, uint256 min, uint256 max);
    /// @notice An answer without a verdict.
    error MissingOutcome();
    /// @notice The remedy is not a document that amends or revokes the contested act, or does not fit the outcome.
    /// @param remedy The token id refused.
    error InvalidRemedy(uint256 remedy);
    /// @notice Terms outside their fixed bounds.
    /// @param terms The terms refused.
    error TermsOutOfBounds(Terms terms);
}
