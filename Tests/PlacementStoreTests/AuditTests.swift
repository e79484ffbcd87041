import Foundation
import GRDB
import Testing
@testable import PlacementStore

@Suite struct AuditTests {
    @Test func entriesAreAppendedAndFiltered() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.audit(action: "view", recordType: "child", recordID: "C1", detail: nil, user: "alice")
        try store.audit(action: "hold", recordType: "vacancy", recordID: "V1", detail: "status open→held", user: "bob")
        try store.audit(action: "view", recordType: "child", recordID: "C1", detail: nil, user: "bob")

        #expect(try store.auditEntries().map(\.user) == ["alice", "bob", "bob"])
        #expect(try store.auditEntries(recordID: "C1").map(\.user) == ["alice", "bob"])
        #expect(try store.auditEntries(recordID: "C1", user: "bob").count == 1)
        let held = try #require(try store.auditEntries(recordID: "V1").first)
        #expect(held.action == "hold" && held.recordType == "vacancy" && held.detail == "status open→held")
        #expect(held.id != nil)
        #expect(try store.auditEntries(since: Date().addingTimeInterval(3_600)).isEmpty)
        #expect(try store.auditEntries(since: Date().addingTimeInterval(-3_600)).count == 3)
    }

    @Test func auditLogRefusesUpdateAndDelete() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.audit(action: "view", recordType: "child", recordID: "C1", detail: nil, user: "alice")

        // Straight SQL, as someone with the file and the sqlite3 tool would try.
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "UPDATE audit_log SET os_user = 'mallory'") }
        }
        #expect(throws: DatabaseError.self) {
            try store.pool.write { db in try db.execute(sql: "DELETE FROM audit_log") }
        }
        // Through the store's own error mapping, the trigger's message comes back as one line.
        let mapped = StoreError.from(DatabaseError(resultCode: .SQLITE_CONSTRAINT_TRIGGER, message: "the audit log cannot be changed"))
        #expect((mapped as? StoreError)?.description == "the store refused the change: the audit log cannot be changed")
        #expect(try store.auditEntries().map(\.user) == ["alice"])
    }
}
