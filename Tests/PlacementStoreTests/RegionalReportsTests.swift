import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

/// What each scope gets from `reports(as:…)`, on a store file (the server's own roles: PostgresRegionalReadTests,
/// PostgresAggregateTests): the rules the command line and the dashboard share.
@Suite struct RegionalReportsTests {
    static let year = ReportPeriod(.last12Months, today: W.today)

    @Test func anOfficerGetsTheirOwnAuthorityAndIsToldWhyNotAnother() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        let own = try store.reports(as: .authority("W06000015"), area: .authority("W06000015"), period: Self.year,
                                    panels: [.residentialNights], now: W.now)
        #expect(own == Reports.compute(try store.reportData(today: W.today, now: W.now, area: .authority("W06000015"), matching: false),
                                       area: .authority("W06000015"), period: Self.year, panels: [.residentialNights]))
        let refusal = RegionalRefusal.ownAuthorityOnly(own: "W06000015", asked: .wales)
        #expect(throws: refusal) {
            try store.reports(as: .authority("W06000015"), area: .wales, period: Self.year, panels: [.stability], now: W.now)
        }
        #expect(refusal.text(.en).contains("your own authority's reports (Cardiff), not Wales"))
        #expect(refusal.text(.cy).contains("(Caerdydd), nid Cymru"))
    }

    @Test func aCommissionerIsRefusedOutsideTheirCoverAndGetsHiddenSmallNumbersInside() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        let refusal = RegionalRefusal.outsideCover(cover: .board(.westGlamorgan), asked: .authority("W06000015"))
        #expect(throws: refusal) {
            try store.reports(as: .aggregates(.board(.westGlamorgan)), area: .authority("W06000015"), period: Self.year,
                              panels: [.unmetNeed], now: W.now)
        }
        #expect(refusal.text(.cy).hasPrefix("dim ond cyfansymiau West Glamorgan (bwrdd partneriaeth rhanbarthol) a welwch chi, nid Caerdydd"))
        // Inside the cover (here all Wales, from the file's counts): two children waiting, so hidden.
        let wales = try store.reports(as: .aggregates(.wales), area: .wales, period: Self.year, panels: [.unmetNeed], now: W.now)
        #expect(wales.panel(.unmetNeed)?.tables.first?.rows.map { $0.figure(0) } == ["*", "*"])
    }

    @Test func anAreaIsSaidInTheOfficersLanguage() {
        #expect(ReportArea.authority("W06000015").said(.cy) == "Caerdydd" && ReportArea.authority("W06000015").said(.en) == "Cardiff")
        #expect(ReportArea.wales.said(.cy) == "Cymru" && ReportArea.board(.westGlamorgan).said(.en) == "West Glamorgan (regional partnership board)")
    }
}
