import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

/// The privacy rules, each proved with raw SQL under each role's own login (skipped without a server).
@Suite(.enabled(if: TestPostgres.isConfigured, TestPostgres.unsetReason))
struct PostgresPrivacyTests {
    /// Cardiff's C1–C3 (the workflow world: V1, V2 in a Swansea home P2, V3 at P1), Swansea's S1 and S2, and
    /// a login for each role: Cardiff's officer and manager, Swansea's officer, a West Glamorgan commissioner
    /// (given Swansea's code) and a Wales commissioner.
    struct Region {
        let admin: PostgresStore, cardiff: PostgresStore, swansea: PostgresStore, cardiffManager: PostgresStore
        let westGlamorgan: PostgresStore, wales: PostgresStore

        init() throws {
            admin = try PostgresStore.initServer(url: try TestPostgres.freshDatabaseURL(), defaultUser: "x")
            try admin.insert(W.batch)
            let swanseaChildren = ["S1", "S2"].map { id in
                var child = W.child(id, status: .needsPlacement)
                child.placingAuthority = "W06000011"
                return child
            }
            try admin.insert(RecordBatch(children: swanseaChildren))
            let suffix = String(UUID().uuidString.prefix(8)).lowercased()
            let admin = self.admin
            func login(_ name: String, _ authority: String, _ role: OfficerRole) throws -> PostgresStore {
                try admin.addOfficer(name + "_" + suffix, authority: authority, role: role)
                return try admin.asLogin(name + "_" + suffix)
            }
            cardiff = try login("ann", "W06000015", .officer)
            swansea = try login("sian", "W06000011", .officer)
            cardiffManager = try login("mari", "W06000015", .manager)
            westGlamorgan = try login("cai", "W06000011", .commissioner)
            wales = try login("wyn", PostgresPrivacy.wales, .commissioner)
        }
    }

    static func strings(_ store: PostgresStore, _ sql: String) throws -> [[String?]] {
        try store.read { tx in
            // Rows hold a fixed number of columns, the unused ones unnamed (OrderedRow).
            try tx.rows(sql).map { row in row.columnNames.enumerated().filter { !$0.element.isEmpty }.map { i, _ in row[i].map { "\($0)" } } }
        }
    }

    static let refused = StoreError.rejected(reason: "your database role may not do this")

    // MARK: holds

    @Test func aHoldShowsWhichAuthorityHoldsTheBedAndUntilWhenButNotWhichChild() throws {
        let region = try Region()
        let ann = region.cardiff.location.user
        try region.cardiff.hold(vacancyID: "V1", childID: "C2", officer: ann, now: W.now)
        let sql = "SELECT hold_child_id, hold_officer, hold_expires_at IS NOT NULL, updated_by FROM vacancies WHERE id = 'V1'"
        #expect(try Self.strings(region.cardiff, sql) == [["C2", ann, "1", ann]])
        #expect(try Self.strings(region.swansea, sql) == [["another authority", "W06000015", "1", "another authority"]])
        // The store's own reads see the same: a hold, for "another authority", by Cardiff.
        let seen = try #require(try region.swansea.vacancies().first { $0.id == "V1" }?.hold)
        #expect(seen.childID == "another authority" && seen.officer == "W06000015")
        // The table under the view is out of reach.
        #expect(throws: Self.refused) { try Self.strings(region.swansea, "SELECT hold_child_id FROM public.vacancies") }
    }

    @Test func anotherAuthoritysWritesToAHeldBedKeepTheHoldAndCannotNameTheirChildren() throws {
        let region = try Region()
        let (ann, sian) = (region.cardiff.location.user, region.swansea.location.user)
        try region.cardiff.hold(vacancyID: "V1", childID: "C2", officer: ann, now: W.now)
        // Swansea changes the held bed's fee: the hold's masked values go back as stored.
        try region.swansea.write { tx in try tx.execute("UPDATE vacancies SET weekly_fee = 4600 WHERE id = 'V1'") }
        #expect(try Self.strings(region.admin, "SELECT hold_child_id, hold_officer, weekly_fee FROM vacancies WHERE id = 'V1'")
                == [["C2", ann, "4600"]])
        // Swansea's own hold through the workflow works, and Cardiff's child cannot be named in one.
        try region.swansea.hold(vacancyID: "V2", childID: "S1", officer: sian, now: W.now)
        #expect(try Self.strings(region.admin, "SELECT hold_child_id FROM vacancies WHERE id = 'V2'") == [["S1"]])
        #expect(throws: StoreError.rejected(reason: "a bed can be held only for a child of your own authority")) {
            try region.swansea.write { tx in try tx.execute("UPDATE vacancies SET hold_child_id = 'C3', hold_officer = 'x' WHERE id = 'V2'") }
        }
        // A new bed from a provider's notice goes in through the view with the table's defaults.
        let created = try region.swansea.logNotice(
            NoticeDraft(providerID: "P2", kind: .vacancyOpened, receivedAt: W.now,
                        newVacancy: VacancyDraft(setting: .foster, ageRange: 0...5, availableFrom: W.today, weeklyFee: 800)),
            officer: sian, now: W.now)
        let id = try #require(created.vacancy?.id)
        #expect(try Self.strings(region.admin, "SELECT version, updated_by, connected_children FROM vacancies WHERE id = '\(id)'")
                == [["1", sian, "[]"]])
    }

    // MARK: calls

    @Test func everyAuthoritySeesThatAProviderWasRungTodayAndByWhomNotAboutWhom() throws {
        let region = try Region()
        let sian = region.swansea.location.user
        let now = Date()
        try region.swansea.recordContact(ContactDraft(childID: "S1", providerID: "P1", at: now, outcome: .noAnswer), officer: sian, now: now)
        try region.swansea.recordContact(ContactDraft(childID: "S2", providerID: "P2", at: W.now, outcome: .noAnswer), officer: sian, now: W.now)
        let columns = try region.cardiff.read { tx in try tx.rows("SELECT * FROM provider_calls_today").first.map { Array($0.columnNames.filter { !$0.isEmpty }) } }
        #expect(columns == ["provider_id", "authority", "at"])
        #expect(try Self.strings(region.cardiff, "SELECT provider_id, authority FROM provider_calls_today") == [["P1", "W06000011"]])
        // The calls themselves stay with Swansea.
        #expect(try Self.strings(region.cardiff, "SELECT COUNT(*) FROM contacts") == [["0"]])
        #expect(try Self.strings(region.swansea, "SELECT COUNT(*) FROM contacts") == [["2"]])
    }

    // MARK: audit

    @Test func auditEntriesAboutAChildStayWithItsAuthority() throws {
        let region = try Region()
        let (ann, sian) = (region.cardiff.location.user, region.swansea.location.user)
        try region.admin.audit([AuditEntry(user: "admin", action: "import", recordType: "providers", detail: "2 rows"),
                                AuditEntry(user: "admin", action: "import", recordType: "children", detail: "5 rows"),
                                AuditEntry(user: "admin", action: "child.edit", recordType: "child", recordID: "S1")])
        try region.cardiff.hold(vacancyID: "V1", childID: "C2", officer: ann, now: W.now)
        try region.swansea.hold(vacancyID: "V2", childID: "S1", officer: sian, now: W.now)
        try region.cardiff.audit(action: "match", recordType: "child", recordID: "C3", detail: nil, user: ann)
        // (Every login also reads the administrator's `officer.add` entries: store-wide, naming no child.)
        let sql = "SELECT action, record_type, COALESCE(record_id, '-') FROM audit_log WHERE record_type != 'officer' ORDER BY id"
        #expect(try Self.strings(region.cardiff, sql) == [["import", "providers", "-"], ["vacancy.hold", "vacancy", "V1"], ["match", "child", "C3"]])
        #expect(try Self.strings(region.swansea, sql) == [["import", "providers", "-"], ["child.edit", "child", "S1"], ["vacancy.hold", "vacancy", "V2"]])
        #expect(try Self.strings(region.cardiff, "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%S1%' OR record_id = 'S1'") == [["0"]])
        // Each appender chained to the true end although it could not see it: the whole trail still holds.
        #expect(try Self.strings(region.admin, "SELECT COUNT(*) = MAX(id), COUNT(*) FILTER (WHERE record_type != 'officer') FROM audit_log") == [["1", "6"]])
        #expect(try region.admin.auditChainBreak() == nil)
        // An officer's partial view would show breaks that are not there: the check is the administrator's.
        #expect(throws: StoreError.rejected(reason: "this login reads only its own authority's records and audit entries: run the check as the server's administrator")) {
            try region.cardiff.auditChainBreak()
        }
        // Nobody writes an entry in another login's name.
        #expect(throws: StoreError.self) {
            try region.cardiff.write { tx in
                try tx.execute("INSERT INTO audit_log (id, at, os_user, action, record_type, hash, db_user) VALUES (7, '2100-01-01 00:00:00.000', 'x', 'x', 'x', repeat('0', 64), 'postgres')")
            }
        }
    }

    // MARK: managers and commissioners

    @Test func aManagerSeesTheirAuthoritysFiguresACommissionerTheirBoardsOrWales() throws {
        let region = try Region()
        let sql = "SELECT authority, SUM(children)::BIGINT FROM report_children GROUP BY authority ORDER BY authority"
        #expect(try Self.strings(region.cardiffManager, sql) == [["W06000015", "3"]])
        #expect(try Self.strings(region.westGlamorgan, sql) == [["W06000011", "2"]])
        #expect(try Self.strings(region.wales, sql) == [["W06000011", "2"], ["W06000015", "3"]])
        #expect(try Self.strings(region.wales, "SELECT authority, placement_type, placements FROM report_placements") == [["W06000015", "K2", "1"]])
        #expect(try Self.strings(region.westGlamorgan, "SELECT SUM(vacancies)::BIGINT FROM report_vacancies WHERE status = 'open'") == [["3"]])
        // Officers have no reports from the server; they read their own records.
        #expect(throws: Self.refused) { try Self.strings(region.cardiff, "SELECT * FROM report_children") }
    }

    /// (Providers, the masked market view and vacancy notices are shared with them since pg15:
    /// PostgresRegionalReadTests.aCommissionersSnapshotIsTheSharedMarketWithNoChild.)
    @Test(arguments: ["children", "placements", "contacts", "notices", "audit_log", "public.vacancies", "provider_calls_today", "beds_filled"])
    func aCommissionerReadsNoRecordOnlyAggregates(_ table: String) throws {
        let region = try Region()
        #expect(throws: Self.refused) { try Self.strings(region.wales, "SELECT * FROM \(table)") }
    }

    // MARK: a child in another authority's home

    @Test func theHostSeesItsBedFilledByAnotherAuthorityNothingMore() throws {
        let region = try Region()
        let ann = region.cardiff.location.user
        // Cardiff places C2 in V1, a bed in Swansea's home P2.
        let placed = try region.cardiff.place(childID: "C2", vacancyID: "V1", start: W.today, officer: ann, now: W.now, approvals: W.panel)
        let placementID = placed.placement.id
        #expect(try Self.strings(region.swansea, "SELECT status, updated_by, hold_child_id FROM vacancies WHERE id = 'V1'")
                == [["filled", "another authority", nil]])
        #expect(try Self.strings(region.swansea, "SELECT filled_by FROM beds_filled WHERE vacancy_id = 'V1'") == [["another authority"]])
        #expect(try Self.strings(region.cardiff, "SELECT filled_by FROM beds_filled WHERE vacancy_id = 'V1'") == [["W06000015"]])
        for probe in ["SELECT COUNT(*) FROM placements WHERE vacancy_id = 'V1' OR provider_id = 'P2'",
                      "SELECT COUNT(*) FROM children WHERE id = 'C2'",
                      "SELECT COUNT(*) FROM notices WHERE child_id IS NOT NULL",
                      "SELECT COUNT(*) FROM contacts",
                      "SELECT COUNT(*) FROM audit_log WHERE record_id IN ('C2', '\(placementID)') OR detail LIKE '%C2%'"] {
            #expect(try Self.strings(region.swansea, probe) == [["0"]], "\(probe)")
        }
        // Provider stability stays one shared figure: Swansea's reading counts Cardiff's placements, naming none.
        let window = 365
        let shared = try region.admin.providerStability(today: W.today, windowDays: window)
        #expect(try region.swansea.providerStability(today: W.today, windowDays: window) == shared)
        #expect(shared["P2"]?.placements == 1)
    }
}
