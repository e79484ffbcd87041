import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

/// Approvals stored with a placement, undo as an audited correction, and the v7 migration.
@Suite struct PlacementApprovalStoreTests {
    typealias W = WorkflowWorld

    @Test(arguments: Backend.configured) func aMissingApprovalRefusesAndChangesNothingAsThePreflightSaid(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let plan = try store.placePreflight(childID: "C2", vacancyID: "V1", start: W.today, officer: "alice", now: W.now)
        #expect(plan.refusal == nil && plan.required.map(\.kind) == [.panel] && !plan.willSucceed(with: .none))
        let before = try store.auditEntries().count
        #expect(throws: WorkflowError.approvalMissing(kind: .panel, why: plan.required[0].why)) {
            try store.place(childID: "C2", vacancyID: "V1", start: W.today, officer: "alice", now: W.now)
        }
        #expect(try store.auditEntries().count == before)
        #expect(try store.vacancies().first { $0.id == "V1" }?.beds == 1)
        #expect(try store.placements(childID: "C2").isEmpty)
    }

    @Test(arguments: Backend.configured) func approvalsAreStoredAuditedWithoutTheirTextAndExported(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let effects = try store.place(childID: "C2", vacancyID: "V1", start: W.today, officer: "alice", now: W.now,
                                      approvals: PlacementApprovals(panel: "Panel 24 Nov, minute 7 (chair J. Evans)"))
        let stored = try #require(try store.placements(childID: "C2").first)
        #expect(stored == effects.placement)
        #expect(stored.approvals?.panel == "Panel 24 Nov, minute 7 (chair J. Evans)")
        #expect(stored.placedBy == "alice" && stored.placedAt == W.now && stored.childStatusBefore == .needsPlacement)
        let start = try #require(try store.auditEntries(recordID: stored.id).first { $0.action == "placement.start" })
        #expect(start.detail?.contains("approvals panel") == true && start.detail?.contains("Evans") == false)
        let csv = try store.export(.placements, format: .csv, user: "alice")
        let rows = try Interchange.readPlacements(Data(csv.utf8), file: "placements.csv")
        #expect(rows.first { $0.id == stored.id } == stored)
        let json = try store.export(.placements, format: .json, user: "alice")
        #expect(json.contains("\"panel\" : \"Panel 24 Nov, minute 7 (chair J. Evans)\""))
    }

    @Test(arguments: Backend.configured) func undoKeepsTheRowMarkedReopensThePreviousAndReturnsTheBed(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let placed = try store.place(childID: "C1", vacancyID: "V1", start: W.today, officer: "alice", now: W.now,
                                     move: .planned, approvals: W.panel)
        #expect(placed.ended.map(\.id) == ["PL1"])
        let later = W.now.addingTimeInterval(1800)
        let undo = try store.undoPlacement(id: placed.placement.id, reason: "wrong vacancy", officer: "bob", now: later)
        #expect(undo.reopened.map(\.id) == ["PL1"])

        let history = try store.placements(childID: "C1")
        #expect(history.count == 2)
        let marked = try #require(history.first { $0.id == placed.placement.id })
        #expect(marked.undone == PlacementUndo(by: "bob", at: later, reason: "wrong vacancy") && marked.approvals == W.panel)
        let previous = try #require(history.first { $0.id == "PL1" })
        #expect(previous.isOpen && previous.ending == nil && previous.endedBy == nil)
        #expect(try store.vacancies().first { $0.id == "V1" }.map { ($0.beds, $0.status) } ?? (0, .filled) == (1, .open))
        #expect(try store.child(id: "C1")?.status == .placed)
        #expect(try store.consistencyReport(now: later).isClean)
        let actions = try store.auditEntries(user: "bob").map(\.action)
        #expect(actions == ["placement.undo", "placement.reopen", "vacancy.return_bed", "child.unplace"])
        #expect(try store.auditEntries(user: "bob").allSatisfy { $0.detail?.contains("wrong vacancy") != true })
        // Undone placements count nowhere: stability sees only PL1.
        #expect(try store.providerStability(today: W.today, windowDays: 365)["P2"] == nil)
        // Twice is refused, and so is the next day.
        #expect(throws: WorkflowError.alreadyUndone(placementID: placed.placement.id)) {
            try store.undoPlacement(id: placed.placement.id, reason: "again", officer: "bob", now: later)
        }
        let csv = try store.export(.placements, format: .csv, user: "bob")
        #expect(try Interchange.readPlacements(Data(csv.utf8), file: "placements.csv").first { $0.id == marked.id } == marked)
    }

    /// A store written by a build at v5 (before approvals) opens, migrates to v7, reads its placements
    /// back unchanged and places with approvals.
    @Test func aV5StoreMigratesToV7() throws {
        let folder = try TempFolder()
        let path = folder.file("s.sqlite")
        try W.store(in: folder).close()
        // Make the file what v5 wrote: no v7 columns, no v7 in the migrations table.
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            for column in PlacementRow.v7Columns { try db.execute(sql: "ALTER TABLE placements DROP COLUMN \(column)") }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7'")
        }
        try queue.close()

        let store = try PlacementDatabase(path: path)
        #expect(try store.appliedMigrations().last == "v13")
        #expect(try store.placements() == W.batch.placements)
        let effects = try store.place(childID: "C2", vacancyID: "V1", start: W.today, officer: "alice", now: W.now, approvals: W.panel)
        #expect(try store.placements(childID: "C2") == [effects.placement])
        #expect(try store.integrityCheck() == ["ok"])
    }
}
