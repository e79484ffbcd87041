import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

/// Issue 15 §2 on a regional store: a match checks a home against every authority's children living there,
/// other authorities' known only by age, gender and risk codes (pg13), while row-level security still keeps
/// each child's records with its authority. Proved with raw SQL under each role's own login.
@Suite(.enabled(if: TestPostgres.isConfigured, TestPostgres.unsetReason))
struct PostgresResidentsTests {
    /// The workflow world (Cardiff's C1 lives in Cardiff's home P1; V1 and V2 are beds in Swansea's home P2),
    /// with Cardiff's C2 at risk of criminal exploitation, and Swansea's S1 ("Bryn Howells", 14 and two months
    /// on the server's today) living in P2's bed V2, posing that risk and at risk of sexual exploitation.
    /// The function's ages are on the server's today, so the world's dates are set from it.
    struct Region {
        let admin: PostgresStore, cardiff: PostgresStore, cardiffManager: PostgresStore, swansea: PostgresStore
        let wales: PostgresStore

        let serverToday: Day, swanseaBirth: Day
        /// What no Cardiff login may read anywhere: S1's id and placement id, names and date of birth.
        static let swanseaIDs = ["S1", "PL2"]
        var swanseaTraces: [String] { ["Bryn", "Howells", swanseaBirth.iso] }

        init() throws {
            let admin = try PostgresStore.initServer(url: try TestPostgres.freshDatabaseURL(), defaultUser: "x")
            self.admin = admin
            serverToday = Day(daysSinceEpoch: try admin.read { tx in try tx.one(Int.self, PostgresSchemaPG13.todaySQL) } ?? 0)
            // 14 years (at most four leap days among them) and 60 days.
            swanseaBirth = serverToday.adding(days: -(14 * 365 + 4 + 60))
            var batch = W.batch
            batch.children[1].needs = [.init(code: "CCE", level: .important)]
            var s1 = W.child("S1", status: .placed)
            s1.givenName = "Bryn"
            s1.familyName = "Howells"
            s1.dateOfBirth = swanseaBirth
            s1.placingAuthority = "W06000011"
            s1.homePostcode = "SA1 1AA"
            s1.riskToOthers = [.criminal]
            s1.needs = [.init(code: "CSE", level: .important)]
            batch.children.append(s1)
            batch.placements.append(Placement(id: "PL2", childID: "S1", providerID: "P2", vacancyID: "V2", start: W.today.adding(days: -30),
                                              placementType: .K2, localityTier: 0, milesFromHome: 1))
            try admin.insert(batch)
            let suffix = String(UUID().uuidString.prefix(8)).lowercased()
            func login(_ name: String, _ authority: String, _ role: OfficerRole) throws -> PostgresStore {
                try admin.addOfficer(name + "_" + suffix, authority: authority, role: role)
                return try admin.asLogin(name + "_" + suffix)
            }
            cardiff = try login("ann", "W06000015", .officer)
            cardiffManager = try login("mari", "W06000015", .manager)
            swansea = try login("sian", "W06000011", .officer)
            wales = try login("wyn", PostgresPrivacy.wales, .commissioner)
        }
    }

    static func strings(_ store: PostgresStore, _ sql: String) throws -> [[String?]] { try PostgresPrivacyTests.strings(store, sql) }

    static func elsewhere(_ providers: String = "ARRAY['P1', 'P2']") -> String {
        "SELECT * FROM placefinder_residents_elsewhere(\(providers))"
    }

    @Test func anOfficerSeesAnotherAuthoritysResidentByAgeGenderAndRiskCodes() throws {
        let region = try Region()
        #expect(try Self.strings(region.cardiff, Self.elsewhere()) == [["P2", "SA1 1AA", "14", "female", "criminal_exploitation", "sexual_harm"]])
        // The caller's own children are not repeated: Swansea sees Cardiff's C1 in P1 (aged as Day.age counts), not its own S1.
        let c1 = String(Day(iso: "2012-05-01")!.age(on: region.serverToday))
        #expect(try Self.strings(region.swansea, Self.elsewhere()) == [["P1", nil, c1, "female", "", ""]])
        // Only the providers asked about.
        #expect(try Self.strings(region.cardiff, Self.elsewhere("ARRAY['P1']")).isEmpty)
        #expect(try Self.strings(region.cardiffManager, Self.elsewhere()).count == 1)
    }

    @Test func theFunctionTellsNothingBeyondItsSixColumnsAndRunsPinned() throws {
        let region = try Region()
        let columns: [String]? = try region.cardiff.read { tx in try tx.rows(Self.elsewhere()).first.map { Array($0.columnNames.filter { !$0.isEmpty }) } }
        #expect(columns == ["provider_id", "bed_postcode", "age_years", "gender", "risk_to_others", "at_risk_of"])
        let definition = try Self.strings(region.admin, """
            SELECT pg_get_function_result(p.oid), p.prosecdef, array_to_string(p.proconfig, ';')
            FROM pg_proc p WHERE p.proname = 'placefinder_residents_elsewhere'
            """)
        #expect(definition == [["TABLE(provider_id text, bed_postcode text, age_years bigint, gender text, risk_to_others text, at_risk_of text)",
                                "1", "search_path=public, pg_temp"]])
        let row = try #require(try Self.strings(region.cardiff, Self.elsewhere()).first)
        for trace in Region.swanseaIDs + region.swanseaTraces + ["W06000011", W.today.adding(days: -30).iso] {
            #expect(!row.contains { $0?.contains(trace) == true }, "\(trace)")
        }
    }

    @Test func onlyOfficersManagersAndTheAdministratorMayCallIt() throws {
        let region = try Region()
        #expect(throws: PostgresPrivacyTests.refused) { try Self.strings(region.wales, Self.elsewhere()) }
        // The administrator (no authority) is left out of no one: every child placed there, still without identity.
        #expect(try Self.strings(region.admin, Self.elsewhere()).count == 2)
        let grantees = try Self.strings(region.admin, """
            SELECT COALESCE(r.rolname, 'PUBLIC')
            FROM pg_proc p CROSS JOIN LATERAL aclexplode(p.proacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
            WHERE p.proname = 'placefinder_residents_elsewhere' AND a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner
            ORDER BY 1
            """).map { $0[0] }
        #expect(grantees == ["placefinder_admin", "placefinder_manager", "placefinder_officer"])
    }

    /// Every table and view a Cardiff officer may read, read whole: no cell holds Swansea's child's id, names or
    /// date of birth; and the planner's statistics on the private tables are hidden too.
    @Test func theOfficerStillCannotReadAnotherAuthoritysChildByAnyTableOrView() throws {
        let region = try Region()
        try region.admin.write { tx in try tx.execute("ANALYZE") }
        let relations = try Self.strings(region.cardiff, """
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
              AND n.nspname NOT LIKE 'pg_toast%' AND has_table_privilege(c.oid, 'SELECT')
            ORDER BY 1
            """).compactMap { $0[0] }
        #expect(relations.contains("public.children") && relations.contains("public.placements") && relations.contains("public.beds_filled"))
        for relation in relations {
            for row in try Self.strings(region.cardiff, "SELECT * FROM \(relation)") {
                for cell in row.compactMap({ $0 }) {
                    #expect(!Region.swanseaIDs.contains(cell), "\(relation)")
                    #expect(!region.swanseaTraces.contains { cell.contains($0) }, "\(relation)")
                    #expect(cell != String(region.swanseaBirth.daysSinceEpoch), "\(relation)")
                }
            }
        }
        #expect(try Self.strings(region.cardiff, "SELECT COUNT(*) FROM placements WHERE provider_id = 'P2'") == [["0"]])
        #expect(try Self.strings(region.cardiff, "SELECT COUNT(*) FROM pg_stats WHERE tablename IN ('children', 'placements')") == [["0"]])
        // The store's own reads agree: Cardiff reads no Swansea record.
        #expect(try region.cardiff.children().map(\.id).sorted() == ["C1", "C2", "C3"])
        #expect(try region.cardiff.placements().map(\.id) == ["PL1"])
    }

    @Test func aHomeIsExcludedForAnotherAuthoritysResidentWithAReasonNamingNoOne() throws {
        let region = try Region()
        let engine = try region.cardiff.matchEngine(today: W.today, policy: .default)
        let result = engine.rank(try region.cardiff.matchRequest(childID: "C2", today: W.today, now: W.now))
        let excluded = Dictionary(uniqueKeysWithValues: result.excluded.map { (engine.index.vacancies[$0.index].id, $0.reasons) })
        // S1 in P2 poses the risk C2 is at: both of P2's beds go, with the hard rule's reason.
        #expect(excluded["V1"] == .residentExploitation && excluded["V2"] == .residentExploitation)
        #expect(result.ranked.map { engine.index.vacancies[$0.index].id } == ["V3"])
        let words = (excluded.values.flatMap(\.descriptions) + result.ranked.flatMap { $0.explanation?.reasons ?? [] }).joined(separator: "\n")
        #expect(words.contains("exploitation risk between this child and a child living there"))
        for trace in Region.swanseaIDs + region.swanseaTraces + ["W06000011", "Swansea", "Abertawe"] {
            #expect(!words.contains(trace), "\(trace)")
        }
        // The administrator, who reads every child, gets the same exclusions: nothing was lost without identity.
        let seen = try region.admin.matchEngine(today: W.today, policy: .default)
        let full = seen.rank(try region.admin.matchRequest(childID: "C2", today: W.today, now: W.now))
        #expect(Dictionary(uniqueKeysWithValues: full.excluded.map { (seen.index.vacancies[$0.index].id, $0.reasons) }) == excluded)
    }

    /// Cardiff's engine reads each child once: its own by id, Swansea's without, and the same homes, ages,
    /// genders and risks as the administrator's full read.
    @Test func theOfficersResidentsAreTheAdministratorsLessTheOtherAuthoritysIdentity() throws {
        let region = try Region()
        func residents(_ store: PostgresStore) throws -> [Resident] {
            try store.read { tx in
                let reads = PostgresReads(tx: tx)
                return try reads.residents(today: W.today, bits: reads.needBits(), providerIDs: ["P1", "P2"])
            }
        }
        let officer = try residents(region.cardiff), full = try residents(region.admin)
        #expect(officer.map(\.childID).sorted { ($0 ?? "") < ($1 ?? "") } == [nil, "C1"])
        func seen(_ r: Resident) -> String {
            "\(r.providerID) \(r.bedPostcode ?? "-") \(r.birthDay.age(on: region.serverToday)) \(r.gender) \(r.riskToOthers.map(\.rawValue).sorted()) \(r.atRisk.map(\.rawValue).sorted())"
        }
        #expect(officer.map(seen).sorted() == full.map(seen).sorted())
        #expect(full.count == 2)
    }
}
