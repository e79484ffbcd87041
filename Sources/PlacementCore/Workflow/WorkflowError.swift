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

    public var description: String {
        switch self {
        case .unknownProvider(let id): "no provider with id \(id)"
        case .unknownChild(let id): "no child with id \(id)"
        case .unknownVacancy(let id): "no vacancy with id \(id)"
        case .unknownPlacement(let id): "no placement with id \(id)"
        case .vacancyOfAnotherProvider(let v, let p): "vacancy \(v) does not belong to provider \(p)"
        case .missing(let field, let what): "\(what) needs \(field)"
        case .notApplicable(let field, let what): "\(field) does not apply to \(what)"
        case .effectiveBeforeReceived: "the effective time is before the notice was received"
        case .noOpenPlacement(let c, let p): "\(c) has no open placement with provider \(p)"
        case .endsBeforeStart(let id): "placement \(id) would end before it started"
        case .vacancyAlreadyExists(let id): "a vacancy with id \(id) already exists"
        case .nothingToChange(let id): "no change given for vacancy \(id) (beds, fee, available from, ages or emergencies)"
        case .invalidVacancy(let id, let issue): "vacancy \(id): \(issue)"
        case .vacancyNotOpen(let id, let status): "vacancy \(id) is \(status.rawValue), not open"
        case .noBedsLeft(let id): "vacancy \(id) has no bed left"
        case .heldByAnother(let id, let officer, let until):
            "vacancy \(id) is held by \(officer) for another child until \(WorkflowTime.clock(until))"
        case .heldByColleague(let id, let officer, let until):
            "vacancy \(id) is already held for this child by \(officer) until \(WorkflowTime.clock(until))"
        case .notHeld(let id): "vacancy \(id) is not held"
        case .notHolder(let id, let officer, let until):
            "vacancy \(id) is held by \(officer) until \(WorkflowTime.clock(until)); only they can release it before then"
        case .holdMustEndInFuture: "a hold must end in the future"
        case .holdTooLong(let days): "a hold can last at most \(days) days; hold again nearer the time"
        case .childAlreadyPlaced(let id):
            "\(id) is placed and no notice has been received; say whether it is a planned move or a breakdown"
        case .unsuitable(let v, let c, let reasons): "vacancy \(v) does not suit \(c): \(reasons.joined(separator: "; "))"
        case .cannotLocate(let id): "cannot locate \(id) (postcode and authority unknown)"
        case .approvalMissing(let kind, let why): "needs \(kind.what): \(why)"
        case .alreadyUndone(let id): "placement \(id) is already undone"
        case .notMadeToday(let id): "placement \(id) was not made today; only a placement made today can be undone"
        case .builtUpon(let id): "placement \(id) has ended or the child's record has changed since; it cannot be undone"
        case .changedBy(let officer, let at):
            if let at { "changed by \(officer) at \(WorkflowTime.clock(at)) — press r to reload" } else { "changed by \(officer) — press r to reload" }
        case .callBackBeforeCall: "the call-back time is before the call"
        case .unknownNotice(let id): "no notice with id \(id)"
        case .unknownContact(let id): "no call with id \(id)"
        case .alreadyCorrected(let id, let by): "\(id) has already been corrected by \(by); correct \(by) instead"
        case .noticeWithdrawn(let id): "notice \(id) has been withdrawn"
        case .nothingToAmend(let id): "no change given for \(id)"
        case .referral(let why): why
        }
    }
}
