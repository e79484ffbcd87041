import Foundation

/// The records a notice may touch, as they stand before it is logged.
public struct NoticeRecords: Sendable, Hashable {
    public var provider: Provider?
    public var child: Child?
    /// The child's placements (any provider); the open one with the notice's provider is the one ending.
    public var placements: [Placement]
    public var vacancy: Vacancy?

    public init(provider: Provider?, child: Child? = nil, placements: [Placement] = [], vacancy: Vacancy? = nil) {
        self.provider = provider
        self.child = child
        self.placements = placements
        self.vacancy = vacancy
    }
}

/// What logging a notice changes: the notice itself plus the records it moves, already updated.
public struct NoticeEffects: Sendable, Hashable {
    public var notice: ProviderNotice
    /// An ending: the placement with its planned end set, and the child now `noticeReceived`.
    public var placement: Placement?
    public var child: Child?
    /// A vacancy notice: the vacancy after the notice (new when `vacancyCreated`).
    public var vacancy: Vacancy?
    public var vacancyCreated: Bool

    public init(notice: ProviderNotice, placement: Placement? = nil, child: Child? = nil, vacancy: Vacancy? = nil,
                vacancyCreated: Bool = false) {
        self.notice = notice
        self.placement = placement
        self.child = child
        self.vacancy = vacancy
        self.vacancyCreated = vacancyCreated
    }
}

/// The placement workflow's rules as pure functions: the store reads the records inside a transaction,
/// asks one of these for the exact changes (or a `WorkflowError`), and writes them. No I/O here.
public enum Workflow {
    /// Logs what a provider rang to say.
    ///
    /// - An ending sets the open placement's planned end to the effective day and puts the child at the
    ///   top of the queue: status `noticeReceived`, urgency `.emergency` when the ending is today (or
    ///   already past), else `.neededBy(effective day)` (seed report 6.11: same-day notices).
    /// - Vacancy notices open (or create), change, fill or withdraw the vacancy, and every one refreshes
    ///   `lastConfirmedAt` to the time the notice was received (never moving it backwards).
    /// - Parameters:
    ///   - id: the notice's id, chosen by the store.
    ///   - newVacancyID: the id for a vacancy created by `vacancyOpened` with `draft.newVacancy`.
    public static func logNotice(_ draft: NoticeDraft, id: String, newVacancyID: String? = nil, officer: String,
                                 records: NoticeRecords, now: Date) throws(WorkflowError) -> NoticeEffects {
        guard let provider = records.provider, provider.id == draft.providerID else {
            throw .unknownProvider(draft.providerID)
        }
        if let effective = draft.effectiveAt, effective < draft.receivedAt { throw .effectiveBeforeReceived }
        var notice = ProviderNotice(id: id, receivedAt: draft.receivedAt, loggedBy: officer, providerID: provider.id,
                                    kind: draft.kind, childID: draft.childID, effectiveAt: draft.effectiveAt,
                                    reason: draft.reason, vacancyID: draft.vacancyID, text: draft.text)
        let what = WorkflowPhrase.noticeOfKind.english(["kind": draft.kind.label])

        if draft.kind == .placementEnding {
            guard let childID = draft.childID else { throw .missing(field: WorkflowPhrase.child.english(), for: what) }
            guard draft.reason != nil else { throw .missing(field: WorkflowPhrase.reason.english(), for: what) }
            guard let effective = draft.effectiveAt else { throw .missing(field: WorkflowPhrase.effectiveTime.english(), for: what) }
            if !draft.changes.isEmpty || draft.newVacancy != nil || draft.filledBy != nil {
                throw .notApplicable(field: WorkflowPhrase.vacancyDetails.english(), for: what)
            }
            guard var child = records.child, child.id == childID else { throw .unknownChild(childID) }
            let open = records.placements.filter { $0.childID == childID && $0.providerID == provider.id && $0.isOpen }
            guard var placement = open.max(by: { ($0.start, $0.id) < ($1.start, $1.id) }) else {
                throw .noOpenPlacement(childID: childID, providerID: provider.id)
            }
            let endDay = WorkflowTime.day(of: effective)
            guard endDay >= placement.start else { throw .endsBeforeStart(placementID: placement.id) }
            if let vacancyID = draft.vacancyID, records.vacancy?.id != vacancyID { throw .unknownVacancy(vacancyID) }
            placement.plannedEnd = endDay
            child.status = .noticeReceived
            child.urgency = endDay <= WorkflowTime.day(of: now) ? .emergency : .neededBy(endDay)
            return NoticeEffects(notice: notice, placement: placement, child: child)
        }

        // Vacancy notices.
        if draft.filledBy != nil && draft.kind != .vacancyFilled { throw .notApplicable(field: WorkflowPhrase.filledBy.english(), for: what) }
        if draft.reason != nil { throw .notApplicable(field: WorkflowPhrase.endReason.english(), for: what) }
        if let childID = draft.childID, records.child?.id != childID { throw .unknownChild(childID) }
        var vacancy: Vacancy
        var created = false
        if let vacancyID = draft.vacancyID {
            guard let found = records.vacancy, found.id == vacancyID else { throw .unknownVacancy(vacancyID) }
            guard found.providerID == provider.id else {
                throw .vacancyOfAnotherProvider(vacancyID: vacancyID, providerID: provider.id)
            }
            if draft.newVacancy != nil { throw .notApplicable(field: WorkflowPhrase.newVacancyDetails.english(), for: WorkflowPhrase.noticeAboutVacancy.english(["id": vacancyID])) }
            vacancy = found
        } else if draft.kind == .vacancyOpened, let details = draft.newVacancy {
            guard let newID = newVacancyID else { throw .missing(field: WorkflowPhrase.newVacancyID.english(), for: what) }
            if records.vacancy?.id == newID { throw .vacancyAlreadyExists(newID) }
            vacancy = details.vacancy(id: newID, providerID: provider.id, confirmedAt: draft.receivedAt)
            created = true
            notice.vacancyID = newID
        } else {
            throw .missing(field: draft.kind == .vacancyOpened ? WorkflowPhrase.vacancyOrNewDetails.english() : WorkflowPhrase.vacancy.english(), for: what)
        }

        let heldLive = vacancy.isHeld(at: now)
        switch draft.kind {
        case .placementEnding:
            break // handled above
        case .vacancyOpened:
            draft.changes.apply(to: &vacancy)
            vacancy.filledBy = nil
            // A live hold survives the provider confirming the bed; anything else becomes open.
            if heldLive { vacancy.status = .held } else { vacancy.status = .open; vacancy.hold = nil }
            if vacancy.beds < 1 { throw .invalidVacancy(vacancyID: vacancy.id, issue: WorkflowPhrase.openVacancyNeedsABed.english()) }
        case .vacancyChanged:
            if draft.changes.isEmpty { throw .nothingToChange(vacancyID: vacancy.id) }
            draft.changes.apply(to: &vacancy)
            if vacancy.beds == 0 && (vacancy.status == .open || vacancy.status == .held) {
                vacancy.status = .filled
                vacancy.hold = nil
            }
        case .vacancyFilled:
            if !draft.changes.isEmpty { throw .notApplicable(field: WorkflowPhrase.vacancyChanges.english(), for: what) }
            vacancy.status = .filled
            vacancy.hold = nil
            vacancy.filledBy = draft.filledBy
        case .vacancyWithdrawn:
            if !draft.changes.isEmpty { throw .notApplicable(field: WorkflowPhrase.vacancyChanges.english(), for: what) }
            vacancy.status = .withdrawn
            vacancy.hold = nil
        }
        if let issue = vacancy.issues().first { throw .invalidVacancy(vacancyID: vacancy.id, issue: issue.description) }
        vacancy.lastConfirmedAt = max(vacancy.lastConfirmedAt, draft.receivedAt)
        return NoticeEffects(notice: notice, vacancy: vacancy, vacancyCreated: created)
    }
}
