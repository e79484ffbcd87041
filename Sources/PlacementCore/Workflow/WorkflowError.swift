import Foundation

/// Why a workflow change (notice, call, hold, placement) was refused. One line, record ids only:
/// these texts reach terminals and logs, so they never carry a child's name or a note's contents.
public enum WorkflowError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownProvider(String)
    case unknownChild(String)
    case unknownVacancy(String)
    case unknownPlacement(String)
    /// A notice or call names a vacancy that belongs to a different provider.
    case vacancyOfAnotherProvider(vacancyID: String, providerID: String)
    /// A field the kind of notice (or call outcome) needs was not given ("child", "reason", "effective time"…).
    case missing(field: String, for: String)
    /// A field was given that means nothing here (a decline reason on an offer).
    case notApplicable(field: String, for: String)
    case effectiveBeforeReceived
    case noOpenPlacement(childID: String, providerID: String)
    /// The ending (or new start) falls before the placement it ends began.
    case endsBeforeStart(placementID: String)
    case vacancyAlreadyExists(String)
    case nothingToChange(vacancyID: String)
    case invalidVacancy(vacancyID: String, issue: String)
    case vacancyNotOpen(vacancyID: String, status: VacancyStatus)
    case noBedsLeft(vacancyID: String)
    case heldByAnother(vacancyID: String, officer: String, until: Date)
    case heldByColleague(vacancyID: String, officer: String, until: Date)
    case notHeld(vacancyID: String)
    case notHolder(vacancyID: String, officer: String, until: Date)
    case holdMustEndInFuture
    case holdTooLong(days: Int)
    case childAlreadyPlaced(childID: String)
    case unsuitable(vacancyID: String, childID: String, reasons: [String])
    case cannotLocate(recordID: String)
    /// A placement needs an approval (reg 12(3), reg 11, exceptional reason) that was not given.
    case approvalMissing(kind: ApprovalKind, why: String)
    case alreadyUndone(placementID: String)
    /// Only a placement made today (Welsh time) can be undone.
    case notMadeToday(placementID: String)
    /// The placement has ended, or the child's record has moved on since: undo would lose that.
    case builtUpon(placementID: String)
    /// Optimistic concurrency: the record changed since the officer looked at it.
    case changedBy(officer: String, at: Date?)
    case callBackBeforeCall
    case unknownNotice(String)
    case unknownContact(String)
    /// Only the current record of a chain can be corrected: `id` was replaced by `by`.
    case alreadyCorrected(id: String, by: String)
    case noticeWithdrawn(String)
    case nothingToAmend(String)
    /// A referral or a response to one refused (already referred, answered, deadline passed…): the sentence says why.
    case referral(String)

    /// The refusal in English (`description(_:)` for either language).
    public var description: String { description(.en) }

    /// The refusal in `language`, one line. Words the workflow passed as English phrases (a field, a kind of
    /// record, an approval's reason) are catalogued (`core.phrase.*`) and said in the same language.
    public func description(_ language: Language) -> String {
        let p = { (english: String) in Catalogue.phrase(english, language) }
        let clock = { (date: Date) in WorkflowTime.clock(date) }
        let said: (message: Message, values: [String: String]) = switch self {
        case .unknownProvider(let id): (.coreWorkflowUnknownProvider, ["id": id])
        case .unknownChild(let id): (.coreWorkflowUnknownChild, ["id": id])
        case .unknownVacancy(let id): (.coreWorkflowUnknownVacancy, ["id": id])
        case .unknownPlacement(let id): (.coreWorkflowUnknownPlacement, ["id": id])
        case .vacancyOfAnotherProvider(let v, let provider): (.coreWorkflowVacancyOfAnotherProvider, ["vacancy": v, "provider": provider])
        case .missing(let field, let what): (.coreWorkflowMissing, ["field": p(field), "what": p(what)])
        case .notApplicable(let field, let what): (.coreWorkflowNotApplicable, ["field": p(field), "what": p(what)])
        case .effectiveBeforeReceived: (.coreWorkflowEffectiveBeforeReceived, [:])
        case .noOpenPlacement(let c, let provider): (.coreWorkflowNoOpenPlacement, ["child": c, "provider": provider])
        case .endsBeforeStart(let id): (.coreWorkflowEndsBeforeStart, ["id": id])
        case .vacancyAlreadyExists(let id): (.coreWorkflowVacancyAlreadyExists, ["id": id])
        case .nothingToChange(let id): (.coreWorkflowNothingToChange, ["id": id])
        case .invalidVacancy(let id, let issue): (.coreWorkflowInvalidVacancy, ["id": id, "issue": p(issue)])
        case .vacancyNotOpen(let id, let status):
            (.coreWorkflowVacancyNotOpen, ["id": id, "status": language == .en ? status.rawValue : status.label(language)])
        case .noBedsLeft(let id): (.coreWorkflowNoBedsLeft, ["id": id])
        case .heldByAnother(let id, let officer, let until): (.coreWorkflowHeldByAnother, ["id": id, "officer": officer, "time": clock(until)])
        case .heldByColleague(let id, let officer, let until):
            (.coreWorkflowHeldByColleague, ["id": id, "officer": officer, "time": clock(until)])
        case .notHeld(let id): (.coreWorkflowNotHeld, ["id": id])
        case .notHolder(let id, let officer, let until): (.coreWorkflowNotHolder, ["id": id, "officer": officer, "time": clock(until)])
        case .holdMustEndInFuture: (.coreWorkflowHoldMustEndInFuture, [:])
        case .holdTooLong(let days): (.coreWorkflowHoldTooLong, ["days": String(days)])
        case .childAlreadyPlaced(let id): (.coreWorkflowChildAlreadyPlaced, ["id": id])
        case .unsuitable(let v, let c, let reasons):
            (.coreWorkflowUnsuitable, ["vacancy": v, "child": c, "reasons": reasons.map(p).joined(separator: "; ")])
        case .cannotLocate(let id): (.coreWorkflowCannotLocate, ["id": id])
        case .approvalMissing(let kind, let why): (.coreWorkflowApprovalMissing, ["what": kind.what(language), "why": p(why)])
        case .alreadyUndone(let id): (.coreWorkflowAlreadyUndone, ["id": id])
        case .notMadeToday(let id): (.coreWorkflowNotMadeToday, ["id": id])
        case .builtUpon(let id): (.coreWorkflowBuiltUpon, ["id": id])
        case .changedBy(let officer, let at):
            if let at { (.coreWorkflowChangedByAt, ["officer": officer, "time": clock(at)]) } else { (.coreWorkflowChangedBy, ["officer": officer]) }
        case .callBackBeforeCall: (.coreWorkflowCallBackBeforeCall, [:])
        case .unknownNotice(let id): (.coreWorkflowUnknownNotice, ["id": id])
        case .unknownContact(let id): (.coreWorkflowUnknownContact, ["id": id])
        case .alreadyCorrected(let id, let by): (.coreWorkflowAlreadyCorrected, ["id": id, "by": by])
        case .noticeWithdrawn(let id): (.coreWorkflowNoticeWithdrawn, ["id": id])
        case .nothingToAmend(let id): (.coreWorkflowNothingToAmend, ["id": id])
        case .referral(let why): (.coreWorkflowReferral, ["why": p(why)])
        }
        return said.message.text(language, said.values)
    }
}
