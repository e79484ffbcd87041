import Foundation
import Testing
@testable import PlacementStore

/// The PostgreSQL store's schema and audit trail against a real server (skipped without one).
@Suite(.enabled(if: TestPostgres.isConfigured, TestPostgres.unsetReason))
struct PostgresSchemaTests {
    @Test func aNewStoreIsAtTheBaselineAndLaterStepsAndOpensAgain() throws {
        let url = try TestPostgres.freshDatabaseURL()
        let location = try #require(PostgresLocation(url: url, defaultUser: "x"))
        let created = try PostgresStore(location, create: true)
        #expect(try created.appliedMigrations() == ["v8", "v9", "v10", "v11", "v12", "pg11", "pg12", "pg13", "pg14", "pg15", "pg16", "pg17"])
        #expect(PostgresSchema.known == ["v8", "v9", "v10", "v11", "v12", "pg11", "pg12", "pg13", "pg14", "pg15", "pg16", "pg17"])
        try created.close()
        let reopened = try PostgresStore(location)
        #expect(try reopened.counts() == StoreCounts(children: 0, providers: 0, openVacancies: 0, placements: 0, postcodes: 0))
    }

    @Test func anEmptyDatabaseIsNotTakenForAStoreAndAStoreIsNotCreatedTwice() throws {
        let location = try #require(PostgresLocation(url: try TestPostgres.freshDatabaseURL(), defaultUser: "x"))
        #expect(throws: StoreError.missingStore(path: location.display)) { try PostgresStore(location) }
        _ = try PostgresStore(location, create: true)
        #expect(throws: StoreError.storeExists(path: location.display)) { try PostgresStore(location, create: true) }
    }

    @Test func aSchemaFromANewerBuildIsRefused() throws {
        let store = try TestPostgres.freshStore()
        try store.write { tx in try tx.execute("INSERT INTO placefinder_migrations (identifier) VALUES ('v99')") }
        try store.close()
        #expect(throws: StoreError.newerSchema(found: "v99", known: "v12")) { try PostgresStore(store.location) }
    }

    @Test func theAuditTrailTakesOnlyNewEntriesAtItsEnd() throws {
        let store = try TestPostgres.freshStore()
        try store.audit(action: "store.init", recordType: "store", recordID: nil, detail: nil, user: "ann")
        try store.audit(action: "match", recordType: "child", recordID: "C1", detail: "policy: default", user: "bob")
        #expect(try store.auditEntries(AuditQuery()).map(\.action) == ["store.init", "match"])
        #expect(try store.auditEntries(AuditQuery(user: "bob")).map(\.recordID) == ["C1"])
        #expect(try store.auditChainBreak() == nil)
        for statement in ["UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log",
                          "INSERT INTO audit_log (id, at, os_user, action, record_type, hash) VALUES (1, '2000-01-01 00:00:00.000', 'm', 'a', 'b', repeat('0', 64))"] {
            #expect(throws: StoreError.self) { try store.write { tx in try tx.execute(statement) } }
        }
        #expect(try store.auditEntries(AuditQuery()).count == 2)
    }

    @Test func aRewrittenEntryBreaksTheChain() throws {
        let store = try TestPostgres.freshStore()
        for n in 1...3 { try store.audit(action: "match", recordType: "child", recordID: "C\(n)", detail: nil, user: "ann") }
        // The server's superuser can switch the triggers off; the hash chain still tells.
        try store.write { tx in
            try tx.execute("ALTER TABLE audit_log DISABLE TRIGGER USER")
            try tx.execute("UPDATE audit_log SET record_id = 'C9' WHERE id = 2")
            try tx.execute("ALTER TABLE audit_log ENABLE TRIGGER USER")
        }
        #expect(try store.auditChainBreak() == AuditChainBreak(entryID: 2, reason: .hashMismatch))
    }

    @Test func bothBackendsChainTheSameEntriesToTheSameHashes() throws {
        let folder = try TempFolder()
        let sqlite = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let postgres = try TestPostgres.freshStore()
        let at = Date(timeIntervalSince1970: 1_750_000_000)
        for store in [sqlite as any PlacementStoring, postgres] {
            try store.insert(RecordBatch(), audit: AuditEntry(at: at, user: "ann", action: "import", recordType: "providers", detail: "3 rows"))
        }
        let sqliteHash = try sqlite.auditHead()?.hash
        let postgresHash = try postgres.read { tx in try tx.one(String.self, "SELECT hash FROM audit_log WHERE id = 1") }
        #expect(sqliteHash != nil && sqliteHash == postgresHash)
    }
}
