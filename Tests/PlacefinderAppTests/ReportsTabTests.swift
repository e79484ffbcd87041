import Foundation
import Testing
import PlacementCore
import TerminalUI
@testable import PlacefinderApp

extension Fixtures {
    /// The panels the runtime would compute for `query` from the fixture records, unmet need from the real engine.
    static func reports(_ query: ReportQuery) -> ReportSet {
        let resolver = PostcodeResolver { _ in nil }
        let locate = { (raw: String, fallback: String?) -> GeoLocation? in Postcode(raw).flatMap { resolver.locate($0, fallbackAuthority: fallback) } }
        let index = CandidateIndex(vacancies: vacancies, providers: providers, placements: placements, today: today, locate: locate)
        let engine = MatchEngine(index: index)
        var suitable: [String: SuitableVacancies] = [:]
        for child in children where child.status != .placed {
            if let request = try? MatchRequest.resolving(children: [child], today: today, now: now, contacts: contacts,
                                                         history: placements, locate: locate).get() {
                suitable[child.id] = SuitableVacancies(engine.rank(request, explainTop: 0))
            }
        }
        let data = ReportData(children: children, providers: providers, vacancies: vacancies, placements: placements,
                              notices: notices, contacts: contacts, bedAuthority: vacancyAuthority, suitable: suitable,
                              today: today, now: now)
        return Reports.compute(data, area: query.area, period: query.period)
    }
}

extension Model {
    /// Plays the runtime's part for `.runReports`: answers the pending query at once.
    mutating func answerReports() {
        guard let query = reports.pending else { return }
        _ = update(&self, .reportsReady(Fixtures.reports(query)))
    }
}

@Suite struct ReportsTabTests {
    @Test func openingTheTabAsksForTheOfficersAuthorityOverTheLast12Months() {
        var m = Fixtures.model(tab: .dashboard)
        let commands = m.press(.char("6"))
        let period = ReportPeriod(.last12Months, today: Fixtures.today)
        #expect(commands == [.runReports(area: .authority(Fixtures.authority), period: period)])
        #expect(m.screenText.contains("Computing the reports"))
        m.answerReports()
        #expect(m.screenText.contains("1. Residential nights by sector"))
        #expect(m.screenText.contains("Table 4.2, Gwynedd"))
        // Back to the tab with the same choice shown: nothing to compute again.
        m.press(.char("1"))
        #expect(m.press(.char("6")) == [])
    }

    @Test func areaKeysMoveFromAuthorityToRegionToWalesAndPeriodKeysCycle() {
        var m = Fixtures.model(tab: .dashboard)
        m.press(.char("6"))
        m.answerReports()
        let year = ReportPeriod(.last12Months, today: Fixtures.today)
        #expect(m.press(.char("a")) == [.runReports(area: .board(.northWales), period: year)])
        #expect(m.press(.right) == [.runReports(area: .board(.westWales), period: year)])
        #expect(m.press(.char("a")) == [.runReports(area: .wales, period: year)])
        #expect(m.press(.right) == [])
        #expect(m.press(.char("a")) == [.runReports(area: .authority(Fixtures.authority), period: year)])
        #expect(m.press(.left) == [.runReports(area: .authority("W06000001"), period: year)])
        #expect(m.press(.char("p")) == [.runReports(area: .authority("W06000001"), period: ReportPeriod(.financialYear(2025), today: Fixtures.today))])
        #expect(m.press(.char("p")) == [.runReports(area: .authority("W06000001"), period: ReportPeriod(.financialYear(2024), today: Fixtures.today))])
        #expect(m.press(.char("p")) == [.runReports(area: .authority("W06000001"), period: ReportPeriod(.today, today: Fixtures.today))])
    }

    @Test func aLateAnswerForAnEarlierChoiceIsIgnored() {
        var m = Fixtures.model(tab: .dashboard)
        m.press(.char("6"))
        let first = m.reports.pending!
        m.press(.char("a"))
        _ = update(&m, .reportsReady(Fixtures.reports(first)))
        #expect(m.reports.result == nil && m.screenText.contains("Computing"))
        m.answerReports()
        #expect(m.reports.result?.area == .board(.northWales))
        #expect(m.screenText.contains("North Wales (regional partnership board)"))
        _ = update(&m, .reportsFailed("store busy"))
        #expect(!m.screenText.contains("Could not"))
    }

    @Test func scrollingReachesSpendAndStopsAtTheEnd() {
        var m = Fixtures.model(tab: .dashboard)
        m.press(.char("6"))
        m.answerReports()
        m.press(.end)
        // The end of the last panel: spend's note on nights with no agreed cost.
        #expect(m.screenText.contains("nights with no agreed cost are not priced"))
        let bottom = m.reports.scroll
        m.press(.down)
        #expect(m.reports.scroll == bottom)
        m.press(.home)
        #expect(m.reports.scroll == 0)
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func goldens(size: (Int, Int)) throws {
        var m = Fixtures.model(width: size.0, height: size.1, tab: .dashboard)
        m.press(.char("6"))
        m.answerReports()
        try Golden.check("reports", m)
        // Unmet need, with the engine's counts: children by id and initials.
        var unmet = m
        let lines = ReportLines.build(unmet.reports.result)
        unmet.reports.scroll = lines.firstIndex(of: .panel("8. Unmet need"))!
        try Golden.check("reports-unmet-need", unmet)
        var wales = m
        wales.press(.char("a"), .char("a"))
        wales.answerReports()
        try Golden.check("reports-wales", wales)
    }
}

/// Issue 13's "done when": every panel, for the officer's authority, their region and Wales, at both sizes;
/// and the spend panel priced from agreed costs.
@Suite struct ReportsTabEveryPanelTests {
    /// Everything the tab shows from the top to the end of the last panel, page by page.
    static func allPages(_ m: inout Model) -> String {
        m.press(.home)
        var text = m.screenText
        var last = -1
        while m.reports.scroll != last {
            last = m.reports.scroll
            m.press(.pageDown)
            text += "\n" + m.screenText
        }
        return text
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func everyPanelForTheAuthorityTheRegionAndWales(size: (Int, Int)) {
        var m = Fixtures.model(width: size.0, height: size.1, tab: .dashboard)
        m.press(.char("6"))
        for (area, heading, baseline) in [(ReportArea.authority(Fixtures.authority), "Gwynedd │", "Table 4.2, Gwynedd"),
                                          (.board(.northWales), "North Wales (regional partnership board) │", "Table 4.3, Wales"),
                                          (.wales, " Wales │", "Table 4.3, Wales")] {
            m.answerReports()
            #expect(m.reports.result?.area == area)
            let text = Self.allPages(&m)
            #expect(text.contains(heading) && text.contains(baseline), "\(area) at \(size)")
            for kind in ReportPanelKind.allCases {
                #expect(text.contains("\(kind.number). \(kind.title)"), "\(area) at \(size): no panel \(kind.title)")
            }
            // Beside the baseline: Table 4.5 (locality), para 3.19 (stability), para 6.9 (calls).
            for ref in ["Table 4.5, Wales", "para 3.19", "para 6.9"] { #expect(text.contains(ref), "\(area) at \(size): \(ref)") }
            m.press(.char("a"))
        }
    }

    /// The fixture placements with what the place form records: a weekly cost (an uplift from April on every
    /// third), a purpose, framework or spot.
    static func costed() -> [Placement] {
        Fixtures.placements.enumerated().map { i, p in
            var p = p
            let weekly = ReportSetting(p.placementType).isResidential ? 4_200 + 150 * i : 450 + 25 * i
            p.cost = AgreedCost(weekly: weekly, changes: i % 3 == 0 ? [CostChange(from: Day(iso: "2025-04-01")!, weeklyCost: weekly + 100)] : [])
            p.purpose = PlacementPurpose.allCases[i % PlacementPurpose.allCases.count]
            p.purchase = i % 2 == 0 ? .framework : .spot
            return p
        }
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func spendPanelGolden(size: (Int, Int)) throws {
        var m = Fixtures.model(width: size.0, height: size.1, tab: .dashboard)
        m.press(.char("6"))
        let query = try #require(m.reports.pending)
        let data = ReportData(children: Fixtures.children, providers: Fixtures.providers, vacancies: Fixtures.vacancies,
                              placements: Self.costed(), notices: Fixtures.notices, contacts: Fixtures.contacts,
                              bedAuthority: Fixtures.vacancyAuthority, today: Fixtures.today, now: Fixtures.now)
        let set = Reports.compute(data, area: query.area, period: query.period)
        _ = update(&m, .reportsReady(set))
        m.reports.scroll = try #require(ReportLines.build(m.reports.result).firstIndex(of: .panel("10. Spend")))
        let total = try #require(set.panel(.spend)?.tables.last?.rows.first?.values.first)
        #expect(total > 0)
        #expect(m.screenText.contains("Spend by sector"))
        try Golden.check("reports-spend", m)
    }
}

@Suite struct ReportsTabWhileComputingTests {
    @Test func figuresNeverShowUnderAnotherAreasHeading() {
        var m = Fixtures.model(tab: .dashboard)
        m.press(.char("6"))
        m.answerReports()
        #expect(m.screenText.contains("Table 4.2, Gwynedd"))
        m.press(.char("a"))
        #expect(m.screenText.contains("North Wales (regional partnership board)") && !m.screenText.contains("Table 4.2, Gwynedd"))
        // Recomputing the same choice keeps the figures up meanwhile.
        m.answerReports()
        m.press(.char("r"))
        #expect(m.reports.pending != nil && m.screenText.contains("1. Residential nights by sector"))
    }
}
