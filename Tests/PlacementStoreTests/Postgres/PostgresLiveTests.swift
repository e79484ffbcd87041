import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

/// Live dashboards on a regional store (migration pg11): commits notify other connections, and a stale write
/// names a colleague of the same authority, or else only the authority (skipped without a server).
@Suite(.enabled(if: TestPostgres.isConfigured, TestPostgres.unsetReason))
struct PostgresLiveTests {
    /// Waits (up to 10 s, for a busy machine) until `listener` reports a change; the tables it reported.
    static func tables(from listener: PostgresChangeListener) -> Set<String> {
        let deadline = Date().addingTimeInterval(10)
        var seen: Set<String> = []
        while seen.isEmpty && Date() < deadline {
            seen = listener.take().tables
            if seen.isEmpty { usleep(2_000) }
        }
        return seen
    }

    @Test func aCommitOnOneConnectionReachesAListenerOnAnotherNamingItsTable() throws {
        let writer = try TestPostgres.freshStore()
        try writer.insert(W.batch)
        let dashboard = try PostgresStore(writer.location)
        let listener = try PostgresChangeListener(store: dashboard)
        // The dashboard's own commit is not reported back to it (it reloads after its own writes anyway)…
        try dashboard.hold(vacancyID: "V2", childID: "C2", officer: "ann", now: W.now)
        // …another connection's is, with the tables it changed, once per transaction.
        try writer.recordContact(ContactDraft(childID: "C3", providerID: "P1", at: W.now, outcome: .noAnswer), officer: "bob", now: W.now)
        #expect(Self.tables(from: listener) == ["contacts"])
        // A write rolled back sends nothing: the next one to arrive is the next commit's.
        #expect(throws: WorkflowError.self) { try writer.hold(vacancyID: "V9", childID: "C3", officer: "bob", now: W.now) }
        try writer.insert(RecordBatch(providers: [Fixtures.provider("P3", authority: "W06000015")]))
        #expect(Self.tables(from: listener) == ["providers"])
        listener.close()
        #expect(!listener.isListening)
    }

    @Test func aNewStoreIsAtPg11AndTheMigrationListIsInOrder() throws {
        let store = try TestPostgres.freshStore()
        #expect(try store.appliedMigrations() == ["v8", "v9", "v10", "v11", "v12", "pg11", "pg12", "pg13", "pg14", "pg15", "pg16", "pg17"])
    }

    /// Admin, and three logins: ann and bea place for Cardiff, sian for Swansea (with her child S1).
    static func threeOfficers() throws -> (ann: PostgresStore, bea: PostgresStore, sian: PostgresStore) {
        let admin = try PostgresStore.initServer(url: try TestPostgres.freshDatabaseURL(), defaultUser: "x")
        try admin.insert(W.batch)
        var swanseaChild = W.child("S1", status: .needsPlacement)
        swanseaChild.placingAuthority = "W06000011"
        try admin.insert(RecordBatch(children: [swanseaChild]))
        let suffix = String(UUID().uuidString.prefix(8)).lowercased().filter { $0.isLetter || $0.isNumber }
        func login(_ name: String, _ authority: String) throws -> PostgresStore {
            try admin.addOfficer(name + "_" + suffix, authority: authority, role: .officer)
            var location = admin.location
            location.user = name + "_" + suffix
            return try PostgresStore(location)
        }
        return (try login("ann", "W06000015"), try login("bea", "W06000015"), try login("sian", "W06000011"))
    }

    @Test func aStaleWriteNamesAColleagueButOnlyTheAuthorityOfAnOfficerElsewhere() throws {
        let (ann, bea, sian) = try Self.threeOfficers()
        #expect(try ann.loginAuthority() == "W06000015" && sian.loginAuthority() == "W06000011")
        // All three saw V2 at version 1; ann holds it for her child.
        try ann.hold(vacancyID: "V2", childID: "C2", officer: "ann", now: W.now, until: nil, expectedVersion: 1)
        let later = W.now.addingTimeInterval(60)
        #expect(throws: WorkflowError.changedBy(officer: "ann", at: W.now)) {
            try bea.hold(vacancyID: "V2", childID: "C3", officer: "bea", now: later, until: nil, expectedVersion: 1)
        }
        #expect(throws: WorkflowError.changedBy(officer: "Cardiff", at: W.now)) {
            try sian.hold(vacancyID: "V2", childID: "S1", officer: "sian", now: later, until: nil, expectedVersion: 1)
        }
        #expect(WorkflowError.changedBy(officer: "Cardiff", at: W.now).description.hasPrefix("changed by Cardiff at "))
    }

    @Test func postcodesAddedToAStoreHoldingRecordsLocateThemAgain() throws {
        let store = try TestPostgres.freshStore()
        var batch = W.batch
        batch.postcodes = []   // nothing can be located yet beyond the district
        try store.insert(batch)
        func precisions() throws -> [String?] {
            try store.read { tx in
                try tx.rows("SELECT home_precision FROM children WHERE id = 'C2' UNION ALL SELECT location_precision FROM vacancies WHERE id = 'V1'")
                    .map { $0[0] as String? }
            }
        }
        #expect(try precisions() != ["postcode", "postcode"])
        // A file may repeat a postcode (the last row wins).
        try store.insert(RecordBatch(postcodes: W.batch.postcodes + [W.batch.postcodes[0]]))
        #expect(try precisions() == ["postcode", "postcode"])
        #expect(try store.counts().postcodes == 2)
    }
}

struct ChangeAuthorTests {
    @Test func aColleagueIsNamedAndAnOfficerElsewhereIsTheirAuthority() {
        #expect(ChangeAuthor.shown(officer: "ann", officerAuthority: "W06000015", readerAuthority: "W06000015") == "ann")
        #expect(ChangeAuthor.shown(officer: "ann", officerAuthority: "W06000015", readerAuthority: "W06000011") == "Cardiff")
        // A store without roles, or a row stamped before pg11: the officer, as on SQLite.
        #expect(ChangeAuthor.shown(officer: "ann", officerAuthority: nil, readerAuthority: "W06000011") == "ann")
        #expect(ChangeAuthor.shown(officer: nil, officerAuthority: "W06000015", readerAuthority: "W06000011") == nil)
    }
}
