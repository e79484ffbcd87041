import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld


/// The audit trail, reports and the dashboard's snapshot read through the store interface by each role's own
/// login (issue 12): what each gets, and that a commissioner never gets a child's record. Skipped without a server.
@Suite(.enabled(if: TestPostgres.isConfigured, TestPostgres.unsetReason))
struct PostgresRegionalReadTests {
    /// Cardiff holds a Swansea bed for C2 and places C3; Swansea holds V2 for S1 and rings P1 about S2.
    static func busyRegion() throws -> PostgresPrivacyTests.Region {
        let region = try PostgresPrivacyTests.Region()
        let (ann, sian) = (region.cardiff.location.user, region.swansea.location.user)
        try region.cardiff.hold(vacancyID: "V1", childID: "C2", officer: ann, now: W.now)
        try region.cardiff.place(childID: "C3", vacancyID: "V3", start: W.today, officer: ann, now: W.now, approvals: W.panel)
        try region.swansea.hold(vacancyID: "V2", childID: "S1", officer: sian, now: W.now)
        try region.swansea.recordContact(ContactDraft(childID: "S2", providerID: "P1", at: W.now, outcome: .noAnswer), officer: sian, now: W.now)
        try region.admin.logNotice(NoticeDraft(providerID: "P1", kind: .vacancyOpened, receivedAt: W.now,
                                               newVacancy: VacancyDraft(setting: .foster, ageRange: 0...5, availableFrom: W.today, weeklyFee: 800)),
                                   officer: "admin", now: W.now)
        return region
    }

    static let swanseaRecords: Set<String> = ["S1", "S2"]

    @Test func eachLoginKnowsWhatItMayRead() throws {
        let region = try PostgresPrivacyTests.Region()
        #expect(try region.admin.readerScope() == .everything)
        #expect(try region.cardiff.readerScope() == .authority("W06000015"))
        #expect(try region.cardiffManager.readerScope() == .authority("W06000015"))
        #expect(try region.westGlamorgan.readerScope() == .aggregates(.board(.westGlamorgan)))
        #expect(try region.wales.readerScope() == .aggregates(.wales))
    }

    @Test func anOfficersAuditListingHoldsOnlyTheirAuthoritysChildren() throws {
        let region = try Self.busyRegion()
        let cardiff = try region.cardiff.auditEntries(AuditQuery())
        let childEntries = cardiff.filter { ["child", "vacancy", "placement", "contact"].contains($0.recordType) }
        #expect(!childEntries.isEmpty)
        // Cardiff's holds and placing are listed; Swansea's hold, call and children are not, by id or detail.
        #expect(cardiff.contains { $0.action == "vacancy.hold" && $0.recordID == "V1" })
        #expect(!cardiff.contains { $0.recordID == "V2" || Self.swanseaRecords.contains($0.recordID ?? "") })
        #expect(!cardiff.contains { entry in Self.swanseaRecords.contains { entry.detail?.contains($0) == true } })
        #expect(try region.cardiff.auditEntries(AuditQuery(childID: "S1")).isEmpty)
        #expect(try !region.swansea.auditEntries(AuditQuery(childID: "S2")).isEmpty)
        // The head covers every authority's chain, so it is the administrator's to record: an officer, who reads
        // only their authority's entries, is refused rather than given a head they could not check.
        let head = try #require(try region.admin.auditHead())
        #expect(throws: StoreError.self) { try region.cardiff.auditHead() }
        #expect(try region.admin.auditHeadProblem(head) == nil)
        #expect(try region.admin.isKnownOfficer(region.swansea.location.user))
        #expect(try !region.cardiff.isKnownOfficer("no_such_login_\(UUID().uuidString.prefix(6).lowercased())"))
    }

    @Test func aCommissionersSnapshotIsTheSharedMarketWithNoChild() throws {
        let region = try Self.busyRegion()
        let market = try region.westGlamorgan.snapshot()
        let whole = try region.admin.snapshot()
        #expect(market.childRecordsHidden && !whole.childRecordsHidden)
        #expect(market.children?.isEmpty == true && market.placements?.isEmpty == true && market.contacts?.isEmpty == true)
        #expect(market.providers?.map(\.id) == whole.providers?.map(\.id))
        #expect(market.vacancies?.map(\.id) == whole.vacancies?.map(\.id))
        // Every hold shows whose authority holds the bed, never the child, even Swansea's to Swansea's board.
        let holds = (market.vacancies ?? []).compactMap(\.hold)
        #expect(holds.count == 2 && holds.allSatisfy { $0.childID == "another authority" })
        #expect(Set(holds.map(\.officer)) == ["W06000015", "W06000011"])
        // Notices: the vacancy notices every authority shares, none about a child.
        #expect(market.notices?.isEmpty == false)
        #expect(market.notices?.allSatisfy { $0.childID == nil } == true)
        #expect(whole.notices?.count ?? 0 >= market.notices?.count ?? 0)
        // A commissioner still reads no child's table, whatever SQL they send.
        for table in ["children", "placements", "contacts", "notices", "audit_log", "public.vacancies"] {
            #expect(throws: PostgresPrivacyTests.refused, "\(table)") { try PostgresPrivacyTests.strings(region.wales, "SELECT * FROM \(table)") }
        }
    }

    @Test func aCommissionersFiguresAreTheirBoardsCountsAndMatchTheRecords() throws {
        let region = try Self.busyRegion()
        let board = try region.westGlamorgan.aggregateFigures()
        #expect(Set(board.children.map(\.authority)) == ["W06000011"])
        #expect(board.children.reduce(0) { $0 + $1.children } == 2)
        #expect(board.placements.isEmpty)
        // The views group as the store's own count of the records does (here the administrator's, all of Wales).
        #expect(try region.wales.aggregateFigures() == region.admin.aggregateFigures())
        // The report from them names no child.
        let report = AggregateReports.compute(try region.wales.aggregateFigures(), area: .wales, period: ReportPeriod(.last12Months, today: W.today))
        let json = ReportExport.json(report)
        for id in ["C1", "C2", "C3", "S1", "S2"] { #expect(!json.contains("\"\(id)\"") && !json.contains(" \(id) ")) }
        // Three children waiting, two placed: small numbers, so hidden (the zero beside the 3 too, or the
        // column's total would give it back).
        let waiting = try #require(report.panel(.unmetNeed)?.tables.first)
        #expect(waiting.rows.map { $0.figure(0) } == ["*", "*"] && waiting.rows.allSatisfy { $0.values == [0] })
        let living = try #require(report.panel(.whereChildrenLive)?.tables.first)
        #expect(living.rows.contains { $0.figure(0) == SmallNumbers.marker })
        #expect(try region.wales.aggregateFigures().children.filter { $0.status != .placed }.reduce(0) { $0 + $1.children } == 3)
    }

    /// A manager's report on the server is computed from the records row-level security shows them; it equals
    /// the report a store file holding the same records gives for their authority.
    @Test func aManagersReportEqualsTheSameRecordsReportOnAFile() throws {
        let region = try PostgresPrivacyTests.Region()
        let folder = try TempFolder()
        let file = try W.store(in: folder)
        try file.insert(RecordBatch(children: ["S1", "S2"].map { id in
            var child = W.child(id, status: .needsPlacement)
            child.placingAuthority = "W06000011"
            return child
        }))
        let area = ReportArea.authority("W06000015")
        let period = ReportPeriod(.last12Months, today: W.today)
        func report(_ store: any PlacementStoring) throws -> ReportSet {
            Reports.compute(try store.reportData(today: W.today, now: W.now, area: area), area: area, period: period)
        }
        #expect(try report(region.cardiffManager) == report(file))
    }
}
