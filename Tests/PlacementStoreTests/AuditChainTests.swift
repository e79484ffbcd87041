import Foundation
import GRDB
import Testing
@testable import PlacementStore

/// The audit trail is hash-chained: what the triggers cannot stop, `check` finds.
@Suite struct AuditChainTests {
    static func storeWithThreeEntries(_ folder: TempFolder) throws -> PlacementDatabase {
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        for user in ["alice", "bob", "carol"] {
            try store.audit(action: "view", recordType: "child", recordID: "C1", detail: nil, user: user)
        }
        return store
    }

    /// Raw SQL as someone with the file and the sqlite3 tool would write it.
    static func raw(_ store: PlacementDatabase, _ sql: String, _ arguments: StatementArguments = []) throws {
        try store.pool.writeWithoutTransaction { db in try db.execute(sql: sql, arguments: arguments) }
    }

    @Test func replaceIntoCannotOverwriteAnEntry() throws {
        let folder = try TempFolder()
        let store = try Self.storeWithThreeEntries(folder)
        let hash = String(repeating: "a", count: 64)
        #expect(throws: DatabaseError.self) {
            try Self.raw(store, "REPLACE INTO audit_log (id, at, os_user, action, record_type, hash) VALUES (1, '2030-01-01 00:00:00.000', 'mallory', 'view', 'child', ?)", [hash])
        }
        #expect(try store.auditEntries().map(\.user) == ["alice", "bob", "carol"])
    }

    @Test func onlyNewLastEntriesInTimeOrderWithAHashAreTaken() throws {
        let folder = try TempFolder()
        let store = try Self.storeWithThreeEntries(folder)
        let hash = String(repeating: "b", count: 64)
        let insert = "INSERT INTO audit_log (id, at, os_user, action, record_type, hash) VALUES (?, ?, 'mallory', 'view', 'child', ?)"
        #expect(throws: DatabaseError.self, "an id inside the trail") { try Self.raw(store, insert, [2, "2030-01-01 00:00:00.000", hash]) }
        #expect(throws: DatabaseError.self, "back-dated") { try Self.raw(store, insert, [4, "2001-01-01 00:00:00.000", hash]) }
        #expect(throws: DatabaseError.self, "no hash") { try Self.raw(store, insert, [4, "2030-01-01 00:00:00.000", nil]) }
        #expect(throws: DatabaseError.self, "no id") {
            try Self.raw(store, "INSERT INTO audit_log (at, os_user, action, record_type, hash) VALUES ('2030-01-01 00:00:00.000', 'm', 'v', 'c', ?)", [hash])
        }
        #expect(try store.auditEntries().count == 3)
        #expect(try store.auditChainBreak() == nil)
    }

    @Test func droppingTheTriggersToDeleteOrEditIsFoundByCheck() throws {
        let folder = try TempFolder()
        let deleted = try Self.storeWithThreeEntries(folder)
        #expect(try deleted.consistencyReport(now: Date()).auditChain == nil)
        try Self.raw(deleted, """
            DROP TRIGGER audit_log_no_delete;
            DELETE FROM audit_log WHERE id = 2;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log cannot be deleted from'); END;
            """)
        let report = try deleted.consistencyReport(now: Date())
        #expect(report.auditChain == AuditChainBreak(entryID: 3, reason: .hashMismatch))
        #expect(!report.isClean)
        #expect(report.text.contains("PROBLEM  the audit trail is unbroken"))
        #expect(report.text.contains("audit entry 3 does not match its hash"), "\(report.text)")

        let other = try TempFolder()
        let edited = try Self.storeWithThreeEntries(other)
        try Self.raw(edited, """
            DROP TRIGGER audit_log_no_update;
            UPDATE audit_log SET os_user = 'alice' WHERE id = 2;
            """)
        #expect(try edited.auditChainBreak() == AuditChainBreak(entryID: 2, reason: .hashMismatch))
    }

    /// Cutting entries from the end leaves every remaining hash intact; the id SQLite issued last does not.
    @Test func entriesCutFromTheEndAreFoundByCheck() throws {
        let folder = try TempFolder()
        let store = try Self.storeWithThreeEntries(folder)
        try Self.raw(store, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id >= 2")
        #expect(try store.auditChainBreak() == AuditChainBreak(entryID: 2, reason: .missingAtEnd))

        let other = try TempFolder()
        let emptied = try Self.storeWithThreeEntries(other)
        try Self.raw(emptied, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log")
        #expect(try emptied.auditChainBreak() == AuditChainBreak(entryID: 1, reason: .missingAtEnd))
    }

    @Test func aRewrittenChainIsCaughtByTheHeadRecordedEarlier() throws {
        let folder = try TempFolder()
        let store = try Self.storeWithThreeEntries(folder)
        let head = try #require(try store.auditHead())
        #expect(head.entryID == 3 && head.hash.count == 64)
        #expect(AuditHead(text: head.text) == head)
        #expect(try store.auditHeadProblem(head) == nil)

        // Someone who knows the scheme edits entry 2 and recomputes every hash after it: the chain holds…
        try Self.raw(store, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET os_user = 'alice' WHERE id = 2")
        try store.pool.writeWithoutTransaction { db in
            var previous = AuditChain.genesis
            for row in try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id") {
                previous = AuditChain.hash(of: row, previous: previous)
                try db.execute(sql: "UPDATE audit_log SET hash = ? WHERE id = ?", arguments: [previous, row["id"] as Int64])
            }
        }
        #expect(try store.auditChainBreak() == nil)
        // …but not the head written down before.
        #expect(try store.auditHeadProblem(head)?.contains("audit entry 3") == true)
    }

    @Test func anEntryMadeBeforeWaitingForTheLockKeepsTheTrailInOrder() throws {
        let folder = try TempFolder()
        let store = try Self.storeWithThreeEntries(folder)
        // Made a minute ago (say, queued behind a colleague's import), appended now.
        try store.insert(RecordBatch(), audit: AuditEntry(at: Date().addingTimeInterval(-60), user: "dave", action: "import", recordType: "children"))
        let entries = try store.auditEntries()
        #expect(entries.map(\.user) == ["alice", "bob", "carol", "dave"])
        #expect(entries[3].at >= entries[2].at)
        #expect(try store.auditChainBreak() == nil)
    }
}
