import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

/// Each consistency rule is broken on purpose, with raw SQL as a faulty writer or a hand edit would,
/// and `consistencyReport` must name that rule and the record, and nothing else.
@Suite struct ConsistencyTests {
    /// Before every hold in the fixtures expires.
    static let now = Fixtures.time(0)

    /// A store holding one of everything that passes every rule.
    static func cleanStore(_ folder: TempFolder) throws -> PlacementDatabase {
        let store = try PlacementDatabase(path: folder.file("store/s.sqlite"), create: true)
        try store.insert(Fixtures.fullBatch())
        // The fixture's C2 is "placed" with no placement; make it a child awaiting one.
        try store.pool.write { db in try db.execute(sql: "UPDATE children SET status = 'needs_placement' WHERE id = 'C2'") }
        return store
    }

    static func breaches(_ store: PlacementDatabase) throws -> [String: [String]] {
        let report = try store.consistencyReport(now: now)
        #expect(report.storageProblems.isEmpty)
        return Dictionary(uniqueKeysWithValues: report.rules.filter { !$0.breaches.isEmpty }.map { ($0.rule.id, $0.breaches) })
    }

    @Test func theCleanStorePassesEveryRule() throws {
        let folder = try TempFolder()
        let store = try Self.cleanStore(folder)
        let report = try store.consistencyReport(now: Self.now)
        #expect(report.isClean, "\(report.text)")
        #expect(report.text.hasSuffix("No problems found."))
        #expect(report.rules.count == ConsistencyRule.all.count)
    }

    @Test func everyRuleHasAPlainDescriptionAndAUniqueID() {
        let ids = ConsistencyRule.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in ConsistencyRule.all {
            #expect(!rule.rule.isEmpty && !rule.rule.contains("SELECT"))
            #expect(rule.breach("X1").contains("X1"))
        }
    }

    /// (rule id, SQL that breaks it, the record id the breach must name)
    static let breakages: [(String, String, String)] = [
        ("beds-not-negative", "UPDATE vacancies SET beds = -1 WHERE id = 'V1'", "V1"),
        ("one-open-placement-per-child", """
            UPDATE placements SET actual_end = NULL, ending = NULL, end_reason = NULL WHERE id = 'PL1';
            INSERT INTO placements (id, child_id, provider_id, start, placement_type, locality_tier, miles_from_home)
            VALUES ('PL2', 'C1', 'P1', '2024-07-01', 'K2', 0, 1.0);
            """, "C1"),
        ("placed-child-has-placement", "UPDATE children SET status = 'placed' WHERE id = 'C2'", "C2"),
        ("no-expired-hold", "UPDATE vacancies SET hold_expires_at = '2000-01-01 00:00:00.000' WHERE id = 'V2'", "V2"),
        ("held-vacancy-has-hold", "UPDATE vacancies SET status = 'held' WHERE id = 'V1'", "V1"),
        ("placement-ends-after-start", "UPDATE placements SET actual_end = '2023-01-01' WHERE id = 'PL1'", "PL1"),
        ("undone-placement-closed", "UPDATE placements SET undone_by = 'bob', undone_at = '2026-11-25 10:00:00.000', undo_reason = '' WHERE id = 'PL1'", "PL1"),
        ("notice-received-has-notice", """
            UPDATE children SET status = 'notice_received' WHERE id = 'C2';
            """, "C2"),
        // A code from before a reorganisation nobody listed: named, so its rung is never guessed.
        ("known-authority-codes", "UPDATE providers SET authority_code = 'E07000999' WHERE id = 'P1'", "E07000999"),
    ]

    @Test(arguments: 0..<9) func eachRuleCatchesItsBreach(_ n: Int) throws {
        let (ruleID, sql, record) = Self.breakages[n]
        let folder = try TempFolder()
        let store = try Self.cleanStore(folder)
        try store.pool.write { db in try db.execute(sql: sql) }
        let found = try Self.breaches(store)
        let breaches = try #require(found[ruleID], "\(ruleID) not reported; found \(found)")
        #expect(breaches.count == 1 && breaches[0].contains(record), "\(breaches)")
        // Only the rule broken (two open placements also make the child's count wrong only if placed).
        #expect(Set(found.keys) == [ruleID], "\(found)")
        let report = try store.consistencyReport(now: Self.now)
        #expect(!report.isClean)
        #expect(report.text.contains("PROBLEM  "))
    }

    @Test func theBreakagesCoverEveryRule() {
        #expect(Set(Self.breakages.map(\.0)) == Set(ConsistencyRule.all.map(\.id)))
    }

    @Test func aNoticeReceivedChildWithAnEndingNoticePasses() throws {
        let folder = try TempFolder()
        let store = try Self.cleanStore(folder)
        // The fixture notice N1 is a placement-ending notice about C1.
        try store.pool.write { db in try db.execute(sql: "UPDATE children SET status = 'notice_received' WHERE id = 'C1'") }
        #expect(try Self.breaches(store).isEmpty)
    }

    @Test func aHoldIsFineUntilItExpires() throws {
        let folder = try TempFolder()
        let store = try Self.cleanStore(folder)
        let expiry = Fixtures.time(86_400.75)
        #expect(try store.consistencyReport(now: expiry.addingTimeInterval(-1)).isClean)
        let after = try store.consistencyReport(now: expiry.addingTimeInterval(1))
        #expect(after.rules.first { $0.rule.id == "no-expired-hold" }?.breaches.count == 1)
    }

    @Test func foreignKeyBreachesAreReportedAsStorageProblems() throws {
        let folder = try TempFolder()
        let store = try Self.cleanStore(folder)
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            // Contacts are append-only (v6): a broken reference arrives as a new row.
            try db.execute(sql: "INSERT INTO contacts (id, child_id, provider_id, at, outcome, by) SELECT 'K9', child_id, 'NOPE', at, outcome, by FROM contacts WHERE id = 'K1'")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let report = try store.consistencyReport(now: Self.now)
        #expect(!report.isClean)
        #expect(report.storageProblems.contains(.brokenReference(table: "contacts", row: 2, parent: "providers")), "\(report.storageProblems)")
        #expect(report.text.contains("PROBLEM  the file has broken references (SQLite's foreign key check failed)\n"
                                     + "         - contacts row 2 refers to a missing providers record\n"), "\(report.text)")
        #expect(!report.text.contains("the file is damaged"), "only the check that failed is named")
        #expect(report.text(.cy).contains("PROBLEM  mae gan y ffeil gyfeiriadau toredig (methodd gwiriad allweddi estron SQLite)\n"
                                          + "         - mae rhes 2 o contacts yn cyfeirio at gofnod providers sydd ar goll\n"), "\(report.text(.cy))")
    }
}

extension ConsistencyTests {
    /// SQLite's own integrity lines stay SQLite's words, quoted under a line in the officer's language naming the check.
    @Test func integrityLinesAreQuotedUnderALineSayingWhichCheckFailed() {
        let report = ConsistencyReport(storageProblems: [.integrity("Page 5: btreeInitPage() returns error code 11"),
                                                         .brokenReference(table: "holds", row: nil, parent: "vacancies")],
                                       rules: [], auditChain: nil)
        let welsh = report.text(.cy).split(separator: "\n").map(String.init)
        #expect(welsh == [
            "PROBLEM  mae'r ffeil wedi'i difrodi (methodd gwiriad cywirdeb SQLite)",
            "         - mae gwiriad cywirdeb SQLite yn adrodd: “Page 5: btreeInitPage() returns error code 11”",
            "PROBLEM  mae gan y ffeil gyfeiriadau toredig (methodd gwiriad allweddi estron SQLite)",
            "         - mae rhes ? o holds yn cyfeirio at gofnod vacancies sydd ar goll",
            "iawn     mae'r trywydd archwilio'n ddi-dor (mae stwnsh pob cofnod yn cysylltu â'r un o'i flaen)",
            "2 problem.",
        ], "\(welsh)")
        #expect(report.text.hasPrefix("PROBLEM  the file is damaged (SQLite's integrity check failed)\n"
                                      + "         - SQLite's integrity check reports: “Page 5: btreeInitPage() returns error code 11”\n"))
    }
}

@Suite struct AuditQueryTests {
    @Test func childFilterFindsTheChildAndTheirRecordsOnly() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("store/s.sqlite"), create: true)
        try store.insert(Fixtures.fullBatch())
        try store.audit(action: "view", recordType: "child", recordID: "C1", detail: nil, user: "alice")
        try store.audit(action: "view", recordType: "child", recordID: "C2", detail: nil, user: "bob")
        try store.audit(action: "end", recordType: "placement", recordID: "PL1", detail: "ended", user: "bob")
        try store.audit(action: "call", recordType: "contact", recordID: "K1", detail: nil, user: "alice")
        try store.audit(action: "log", recordType: "notice", recordID: "N1", detail: nil, user: "alice")
        try store.audit(action: "hold", recordType: "vacancy", recordID: "V1", detail: nil, user: "alice")
        // A vacancy that happens to share an id with the child is not about the child.
        try store.audit(action: "hold", recordType: "vacancy", recordID: "C1", detail: nil, user: "alice")

        let c1 = try store.auditEntries(AuditQuery(childID: "C1"))
        #expect(c1.map(\.recordID) == ["C1", "PL1", "K1", "N1"])
        #expect(try store.auditEntries(AuditQuery(childID: "C1", user: "bob")).map(\.recordID) == ["PL1"])
        #expect(try store.auditEntries(AuditQuery(childID: "C2")).map(\.user) == ["bob"])
        #expect(try store.auditEntries(AuditQuery(recordType: "vacancy")).count == 2)
        #expect(try store.auditEntries(AuditQuery(childID: "C1", since: Date().addingTimeInterval(3_600))).isEmpty)
    }
}

/// umask and modes are process-wide concerns; these run one at a time.
@Suite(.serialized) struct PermissionWarningTests {
    @Test func aPrivateStoreGetsNoWarning() throws {
        let folder = try TempFolder()
        let path = folder.file("store/s.sqlite")
        try PlacementDatabase(path: path, create: true).close()
        #expect(PlacementDatabase.permissionWarning(for: path) == nil)
        #expect(PlacementDatabase.permissionWarning(for: folder.file("store/none.sqlite")) == nil, "missing: nothing to say")
    }

    @Test func aLooseFileOrFolderIsNamedWithTheFix() throws {
        let folder = try TempFolder()
        let path = folder.file("store/s.sqlite")
        try PlacementDatabase(path: path, create: true).close()
        chmod(path, 0o644)
        let file = try #require(PlacementDatabase.permissionWarning(for: path))
        #expect(file.contains(path) && file.contains("0644") && file.contains("chmod 600 \(path)"), "\(file)")
        #expect(!file.contains("\n"))
        chmod(path, 0o600)
        chmod(folder.file("store"), 0o750)
        let dir = try #require(PlacementDatabase.permissionWarning(for: path))
        #expect(dir.contains("chmod 700 \(folder.file("store"))") && !dir.contains("chmod 600"), "\(dir)")
        chmod(path, 0o660)
        let both = try #require(PlacementDatabase.permissionWarning(for: path))
        #expect(both.contains("chmod 600") && both.contains("chmod 700"), "\(both)")
    }

    @Test func aFileOwnedByAnotherAccountIsNamed() throws {
        guard geteuid() == 0 else { return }   // only root can give a file away
        let folder = try TempFolder()
        let path = folder.file("store/s.sqlite")
        try PlacementDatabase(path: path, create: true).close()
        #expect(chown(path, 65_534, 65_534) == 0)
        let warning = try #require(PlacementDatabase.permissionWarning(for: path))
        #expect(warning.contains("another account"), "\(warning)")
    }

    @Test func pathsWithSpacesAreQuotedInTheFix() throws {
        let folder = try TempFolder()
        let path = folder.file("my store/s.sqlite")
        try PlacementDatabase(path: path, create: true).close()
        chmod(path, 0o604)
        let warning = try #require(PlacementDatabase.permissionWarning(for: path))
        #expect(warning.contains("chmod 600 '\(path)'"), "\(warning)")
    }
}
