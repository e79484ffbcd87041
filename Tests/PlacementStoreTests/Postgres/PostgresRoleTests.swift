import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

/// Row-level security with each officer's own login, raw SQL included (skipped without a server).
@Suite(.enabled(if: TestPostgres.isConfigured, TestPostgres.unsetReason))
struct PostgresRoleTests {
    /// A server store holding Cardiff's C1–C3 (the workflow world) and Swansea's S1 with a placement and a call,
    /// and two officers: one of each authority.
    static func twoAuthorities() throws -> (admin: PostgresStore, cardiff: PostgresStore, swansea: PostgresStore) {
        let url = try TestPostgres.freshDatabaseURL()
        let admin = try PostgresStore.initServer(url: url, defaultUser: "x")
        try admin.insert(W.batch)
        var swanseaChild = W.child("S1", status: .placed)
        swanseaChild.placingAuthority = "W06000011"
        try admin.insert(RecordBatch(children: [swanseaChild],
                                     placements: [Placement(id: "PL9", childID: "S1", providerID: "P2", start: W.today,
                                                            placementType: .K2, localityTier: 0, milesFromHome: 1)],
                                     contacts: [Contact(id: "K9", childID: "S1", providerID: "P1", at: W.now, outcome: .noAnswer, by: "sian")]))
        let suffix = String(UUID().uuidString.prefix(8)).lowercased().filter { $0.isLetter || $0.isNumber }
        let (ann, sian) = ("ann_" + suffix, "sian_" + suffix)
        try admin.addOfficer(ann, authority: "W06000015", role: .officer)
        try admin.addOfficer(sian, authority: "W06000011", role: .officer)
        func login(_ role: String) throws -> PostgresStore {
            var location = admin.location
            location.user = role
            return try PostgresStore(location)
        }
        return (admin, try login(ann), try login(sian))
    }

    @Test func eachAuthoritySeesOnlyItsOwnChildrenButOneMarket() throws {
        let (_, cardiff, swansea) = try Self.twoAuthorities()
        #expect(try cardiff.children().map(\.id) == ["C1", "C2", "C3"])
        #expect(try swansea.children().map(\.id) == ["S1"])
        #expect(try cardiff.placements().map(\.id) == ["PL1"])
        #expect(try swansea.placements().map(\.id) == ["PL9"])
        #expect(try cardiff.contacts().isEmpty && swansea.contacts().map(\.id) == ["K9"])
        // The market is shared.
        #expect(try cardiff.vacancies().map(\.id) == swansea.vacancies().map(\.id))
        #expect(try cardiff.vacancies().count == 3)
    }

    @Test func rawSQLWithAnOfficersOwnLoginCannotCrossTheLine() throws {
        let (_, cardiff, _) = try Self.twoAuthorities()
        let seen = try cardiff.read { tx -> [Int?] in
            [try tx.one(Int.self, "SELECT COUNT(*) FROM children WHERE placing_authority = 'W06000011'"),
             try tx.one(Int.self, "SELECT COUNT(*) FROM placements WHERE child_id = 'S1'"),
             try tx.one(Int.self, "SELECT COUNT(*) FROM contacts")]
        }
        #expect(seen == [0, 0, 0])
        // Nor write a child into another authority, nor change the audit trail.
        var stranger = W.child("S2", status: .needsPlacement)
        stranger.placingAuthority = "W06000011"
        #expect(throws: StoreError.self) { try cardiff.insert(RecordBatch(children: [stranger])) }
        try cardiff.audit(action: "match", recordType: "child", recordID: "C2", detail: nil, user: "ann")
        #expect(throws: StoreError.rejected(reason: "your database role may not do this")) {
            try cardiff.write { tx in try tx.execute("UPDATE audit_log SET detail = 'x'") }
        }
        #expect(throws: StoreError.rejected(reason: "your database role may not do this")) {
            try cardiff.write { tx in try tx.execute("DELETE FROM audit_log") }
        }
    }

    @Test func anOfficerPlacesTheirOwnChildAndTheTrailNamesTheirLogin() throws {
        let (admin, cardiff, swansea) = try Self.twoAuthorities()
        #expect(throws: WorkflowError.unknownChild("C2")) {
            try swansea.hold(vacancyID: "V1", childID: "C2", officer: "sian", now: W.now)
        }
        try cardiff.place(childID: "C2", vacancyID: "V1", start: W.today, officer: "ann", now: W.now, approvals: W.panel)
        #expect(try swansea.vacancies().first { $0.id == "V1" }?.status == .filled)
        let logins = try admin.read { tx in try tx.rows("SELECT DISTINCT db_user FROM audit_log WHERE action = 'placement.start'").map { $0[0] as String } }
        #expect(logins == [cardiff.location.user])
    }
}
