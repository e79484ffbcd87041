import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

/// A store written by a v5 Placefinder (calls without notes or scope, no corrections) migrates to v6: declines
/// keep the reach the engine gave them, the new columns read as empty, and the tables become append-only.
@Suite struct MigrationV6Tests {
    @Test func aV5StoreMigratesKeepingEveryDeclinesReach() throws {
        let folder = try TempFolder()
        let path = folder.file("v5.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v5")
        try queue.write { db in
            // Placements are written with today's columns (v7 onwards), so none go into this v5 file.
            var batch = WorkflowWorld.batch
            batch.placements = []
            try LegacyStore.insertBeforeV10(batch, in: db)
            for (id, vacancy, outcome, reason) in [("K1", "V1", "declined", "age mix"), ("K2", nil, "declined", "full"),
                                                   ("K3", "V3", "offered", nil)] as [(String, String?, String, String?)] {
                try db.execute(sql: """
                    INSERT INTO contacts (id, child_id, provider_id, vacancy_id, at, outcome, decline_reason, by)
                    VALUES (?, 'C2', ?, ?, ?, ?, ?, 'alice')
                    """, arguments: [id, id == "K3" ? "P1" : "P2", vacancy, WorkflowWorld.now, outcome, reason])
            }
            try db.execute(sql: """
                INSERT INTO notices (id, received_at, logged_by, provider_id, kind, vacancy_id, text)
                VALUES ('N0007', ?, 'alice', 'P2', 'vacancy_filled', 'V1', '')
                """, arguments: [WorkflowWorld.now])
        }
        try queue.close()

        let store = try PlacementDatabase(path: path)
        #expect(try store.appliedMigrations().suffix(6) == ["v8", "v9", "v10", "v11", "v12", "v13"])
        let calls = try store.contacts()
        #expect(calls.map(\.declineScope) == [.vacancy, .provider, nil])
        #expect(calls.allSatisfy { $0.note.isEmpty && $0.callBackAt == nil && $0.correction == nil })
        #expect(try store.notices().map(\.correction) == [nil])

        // Append-only from now on: a change or a deletion is refused; a correction is a new row.
        #expect(throws: (any Error).self) { try store.pool.write { db in try db.execute(sql: "UPDATE contacts SET note = 'x'") } }
        #expect(throws: (any Error).self) { try store.pool.write { db in try db.execute(sql: "DELETE FROM notices") } }
        let amended = try store.amendContact(id: "K1", ContactAmendment(note: "manager away"), reason: "note missed",
                                             officer: "bea", now: WorkflowWorld.now)
        #expect(amended.id == "K0004" && amended.correction?.corrects == "K1" && amended.declineScope == .vacancy)
        #expect(try store.contacts().count == 4)
        #expect(try store.integrityCheck() == ["ok"])
    }
}
