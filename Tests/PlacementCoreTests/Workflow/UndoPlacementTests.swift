import Foundation
import Testing
@testable import PlacementCore

/// Undoing a placement made today: a correction that keeps the original.
@Suite struct UndoPlacementTests {
    /// C1 moved from PL1 to PL2 this morning, by alice.
    static func placed() throws -> PlaceEffects {
        try Workflow.place(WF.placeRecords(), id: "PL2", start: WF.today, approvals: WF.panel, officer: "alice", now: WF.now)
    }

    static func records(_ e: PlaceEffects) -> UndoRecords {
        UndoRecords(placement: e.placement, placements: e.ended + [e.placement], child: e.child, vacancy: e.vacancy)
    }

    @Test func undoingPutsEverythingBackAndKeepsTheOriginalMarked() throws {
        let placed = try Self.placed()
        let later = WF.now.addingTimeInterval(3600)
        let undo = try Workflow.undoPlacement(Self.records(placed), officer: "bob", reason: "wrong child selected", now: later)
        #expect(undo.undone.id == "PL2" && undo.undone.isUndone && undo.undone.undone == PlacementUndo(by: "bob", at: later, reason: "wrong child selected"))
        #expect(undo.undone.approvals == WF.panel && undo.undone.placedBy == "alice")
        #expect(!undo.undone.isOpen && undo.undone.issues.isEmpty)
        #expect(undo.reopened == [WF.current])
        #expect(undo.vacancy?.beds == 1 && undo.vacancy?.status == .open)
        #expect(undo.child.status == .noticeReceived)
    }

    @Test func undoIsRefusedWithoutAReasonAfterTheDayOrOnceBuiltUpon() throws {
        let placed = try Self.placed()
        #expect(throws: WorkflowError.missing(field: "a reason", for: "undoing a placement")) {
            try Workflow.undoPlacement(Self.records(placed), officer: "bob", reason: " ", now: WF.now)
        }
        #expect(throws: WorkflowError.notMadeToday(placementID: "PL2")) {
            try Workflow.undoPlacement(Self.records(placed), officer: "bob", reason: "late", now: WF.time("2026-11-26T08:00:00Z"))
        }
        var undone = Self.records(placed)
        undone.placement.undone = PlacementUndo(by: "bob", at: WF.now, reason: "x")
        #expect(throws: WorkflowError.alreadyUndone(placementID: "PL2")) {
            try Workflow.undoPlacement(undone, officer: "bob", reason: "again", now: WF.now)
        }
        var noticed = Self.records(placed)
        noticed.child.status = .noticeReceived
        #expect(throws: WorkflowError.builtUpon(placementID: "PL2")) {
            try Workflow.undoPlacement(noticed, officer: "bob", reason: "x", now: WF.now)
        }
        // Imported history says nothing of when it was made: not undoable.
        #expect(throws: WorkflowError.notMadeToday(placementID: "PL1")) {
            try Workflow.undoPlacement(UndoRecords(placement: WF.current, placements: [WF.current], child: WF.child(), vacancy: nil),
                                       officer: "bob", reason: "x", now: WF.now)
        }
    }
}
