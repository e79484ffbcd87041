import Foundation

/// Everything undoing a placement reads.
public struct UndoRecords: Sendable, Hashable {
    public var placement: Placement
    /// The child's placements (the ones this placement ended are re-opened).
    public var placements: [Placement]
    public var child: Child
    /// The placement's vacancy, if it still exists: its bed is returned.
    public var vacancy: Vacancy?

    public init(placement: Placement, placements: [Placement], child: Child, vacancy: Vacancy?) {
        self.placement = placement
        self.placements = placements
        self.child = child
        self.vacancy = vacancy
    }
}

/// What undoing a placement changes: a correction, not an erasure.
public struct UndoEffects: Sendable, Hashable {
    /// The placement, kept and marked undone (ended on its start day, with no ending of its own).
    public var undone: Placement
    /// The placements it had ended, open again as they were.
    public var reopened: [Placement]
    /// The bed returned (nil if the vacancy no longer exists).
    public var vacancy: Vacancy?
    /// The child with the status they had before the placement.
    public var child: Child
}

extension Workflow {
    /// Undoes a placement made by mistake, the same day it was made (Welsh time). Any officer may undo
    /// (the store is one authority's, and the placing officer may have gone home), always with a reason;
    /// the audit trail says who. Refused once the day is over, once a later placement or notice has
    /// built on it, and for history imported from elsewhere (no record of when it was made).
    public static func undoPlacement(_ records: UndoRecords, officer: String, reason: String,
                                     now: Date) throws(WorkflowError) -> UndoEffects {
        let p = records.placement
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw .missing(field: WorkflowPhrase.reason.english(), for: WorkflowPhrase.undoingAPlacement.english()) }
        if p.isUndone { throw .alreadyUndone(placementID: p.id) }
        guard let placedAt = p.placedAt, WorkflowTime.day(of: placedAt) == WorkflowTime.day(of: now) else {
            throw .notMadeToday(placementID: p.id)
        }
        guard p.isOpen, records.child.id == p.childID, records.child.status == .placed else {
            throw .builtUpon(placementID: p.id)
        }
        var undone = p
        undone.actualEnd = p.start
        undone.undone = PlacementUndo(by: officer, at: now, reason: why)
        let reopened = records.placements.filter { $0.endedBy == p.id && $0.childID == p.childID }.map { ended -> Placement in
            var open = ended
            open.actualEnd = nil
            open.endReason = nil
            open.noticeHours = nil
            open.ending = nil
            open.endedBy = nil
            return open
        }
        var vacancy = records.vacancy
        if var v = vacancy, v.id == p.vacancyID {
            v.beds += 1
            if v.status == .filled { v.status = .open }
            vacancy = v
        } else {
            vacancy = nil
        }
        var child = records.child
        child.status = p.childStatusBefore ?? (reopened.isEmpty ? .needsPlacement : .placed)
        return UndoEffects(undone: undone, reopened: reopened, vacancy: vacancy, child: child)
    }
}
