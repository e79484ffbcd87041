import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

/// A commissioner's panels 1-5, 9 and 10, computed by the server (migration pg16, issue 12): the figures are
/// the administrator's own for the same area and period wherever they are shown, small numbers are hidden,
/// and the functions give no row about a child and nothing outside the login's cover, whatever SQL is sent.
/// Skipped without a server.
@Suite(.enabled(if: TestPostgres.isConfigured, TestPostgres.unsetReason))
struct PostgresAggregateTests {
    static let secretReason = "gwen's history of fire setting"
    static let serverKinds = ReportPanelKind.allCases.filter { AggregateReports.computedByServer.contains($0) }
    static let westGlamorgan = ["W06000011", "W06000012"]

    /// 120 West Glamorgan children and eight in Cardiff with a year and a half of placements, calls and
    /// notices across four providers of every sector; one child's declines carry a reason about them alone.
    static func market() -> RecordBatch {
        var seed: UInt64 = 12
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var providers = [Fixtures.provider("Q1", authority: "W06000011"), Fixtures.provider("Q2", authority: "W06000012"),
                         Fixtures.provider("Q3", authority: "W06000011"), Fixtures.provider("Q4", authority: "W06000015")]
        providers[0].sector = .localAuthority
        providers[1].sector = .localAuthority
        providers[3].sector = .private
        let types: [PlacementType] = [.K1, .K2, .K2, .R1, .U4, .U4, .U5, .U1, .H5]
        let reasons = ["no vacancy", "needs too high", "too far"]
        var children: [Child] = [], placements: [Placement] = [], contacts: [Contact] = [], notices: [ProviderNotice] = []
        for i in 0..<128 {
            let id = String(format: "A%03d", i)
            var start = Day(iso: "2025-05-01")!.adding(days: next(300))
            var open = false
            for k in 0..<(1 + next(3)) {
                let ended = k < 2 && next(3) > 0
                let end: Day? = ended ? start.adding(days: 20 + next(200)) : nil
                if let end, end > W.today { break }
                let weekly = [nil, 900, 1_800, 4_200][next(4)]
                let cost = weekly.map { AgreedCost(weekly: $0, changes: next(2) == 0 ? [] : [CostChange(from: start.adding(days: 30), weeklyCost: $0 + 150)]) }
                placements.append(Placement(
                    id: "\(id)-\(k)", childID: id, providerID: providers[next(4)].id, start: start, actualEnd: end,
                    noticeHours: end == nil ? nil : [nil, 12, 48, 400][next(4)], placementType: types[next(types.count)],
                    localityTier: next(6), milesFromHome: Double(next(60)), cost: cost,
                    purpose: next(3) == 0 ? nil : PlacementPurpose.allCases[next(PlacementPurpose.allCases.count)],
                    purchase: [nil, .framework, .spot][next(3)]))
                if let end {
                    if next(2) == 0 {
                        notices.append(ProviderNotice(id: "N\(id)\(k)", receivedAt: W.time("\(end.adding(days: -2).iso)T10:00:00Z"),
                                                      loggedBy: "ann", providerID: placements.last!.providerID, kind: .placementEnding,
                                                      childID: id))
                    }
                    start = end.adding(days: next(3) == 0 ? 5 : 0)
                } else {
                    open = true
                    break
                }
            }
            var child = W.child(id, status: open ? .placed : .needsPlacement)
            child.placingAuthority = i < 120 ? westGlamorgan[i % 2] : "W06000015"
            children.append(child)
            for n in 0..<(i == 7 ? 3 : next(3) == 0 ? 0 : 1 + next(5)) {
                let declined = i == 7 || next(2) == 0
                let reason = i == 7 ? secretReason : reasons[next(3)]
                contacts.append(Contact(id: "K\(id)\(n)", childID: id, providerID: providers[next(4)].id,
                                        at: W.now.addingTimeInterval(-Double(next(330)) * 86_400),
                                        outcome: declined ? .declined : .noAnswer, declineReason: declined ? reason : nil, by: "ann"))
            }
        }
        return RecordBatch(providers: providers, children: children, placements: placements, notices: notices, contacts: contacts)
    }

    static func region() throws -> PostgresPrivacyTests.Region {
        let region = try PostgresPrivacyTests.Region()
        try region.admin.insert(market())
        return region
    }

    /// Every figure the commissioner is shown against the administrator's exact one: equal wherever shown.
    @discardableResult
    static func compare(_ exact: ReportSet, _ shown: ReportSet) -> (shown: Int, hidden: Int) {
        var counts = (shown: 0, hidden: 0)
        #expect(shown.panels.map(\.kind) == exact.panels.map(\.kind))
        for (e, s) in zip(exact.panels, shown.panels) {
            #expect(s.tables.map(\.title) == e.tables.map(\.title), "\(e.kind)")
            for (et, st) in zip(e.tables, s.tables) {
                if et.title == "Declines by reason" {
                    // Reasons are free text: named only when given about 5 children or more, the rest together.
                    for row in st.rows where row.label != "other reasons" && row.suppressed == nil {
                        #expect(et.rows.first { $0.label == row.label }?.values == row.values, "\(row.label)")
                    }
                    #expect(st.rows.reduce(0) { $0 + $1.values[0] } <= et.rows.reduce(0) { $0 + $1.values[0] })
                    continue
                }
                #expect(st.rows.map(\.label) == et.rows.map(\.label), "\(e.kind) \(et.title)")
                for (er, sr) in zip(et.rows, st.rows) {
                    for c in er.values.indices {
                        if sr.suppressed?.contains(c) == true {
                            counts.hidden += 1
                        } else {
                            #expect(abs(er.values[c] - sr.values[c]) < 0.011, "\(e.kind) \(et.title) \(er.label) column \(c)")
                            counts.shown += 1
                        }
                    }
                }
            }
            if let trend = s.trend { #expect(trend == e.trend, "\(e.kind)") }
        }
        return counts
    }

    @Test func aCommissionersPanelsAreTheAdministratorsFiguresWithSmallNumbersHidden() throws {
        let region = try Self.region()
        for area in [ReportArea.board(.westGlamorgan), .authority("W06000011")] {
            for period in [ReportPeriod(.last12Months, today: W.today), ReportPeriod(.financialYear(2025), today: W.today),
                           ReportPeriod(.today, today: W.today)] {
                let data = try region.admin.reportData(today: W.today, now: W.now, area: area, matching: false)
                let exact = Reports.compute(data, area: area, period: period, panels: Self.serverKinds)
                let cells = try region.westGlamorgan.aggregateCells(area: area, period: period, panels: Self.serverKinds)
                let shown = AggregateReports.compute(try region.westGlamorgan.aggregateFigures(), cells: cells, area: area,
                                                     period: period, panels: Self.serverKinds)
                let counts = Self.compare(exact, shown)
                if period.kind == .last12Months && area == .board(.westGlamorgan) {
                    #expect(counts.shown > 80 && counts.hidden > 10, "\(counts)")
                }
                // The Wales commissioner gets the same figures for the same area.
                let wales = try region.wales.aggregateCells(area: area, period: period, panels: Self.serverKinds)
                #expect(Set(wales) == Set(cells))
            }
        }
    }

    @Test func aCommissionersReportNamesNoChildAndNoReasonAboutOneChild() throws {
        let region = try Self.region()
        let area = ReportArea.board(.westGlamorgan), period = ReportPeriod(.last12Months, today: W.today)
        let cells = try region.westGlamorgan.aggregateCells(area: area, period: period)
        let report = AggregateReports.compute(try region.westGlamorgan.aggregateFigures(), cells: cells, area: area, period: period)
        let text = ReportExport.json(report) + ReportExport.text(report)
        #expect(!text.contains(Self.secretReason) && !text.contains("Gwen") && !text.contains("Prys") && !text.contains("2012-05-01"))
        #expect(!text.contains("\"A0") && !text.contains(" A0"))
        // The administrator's exact report does name the reason: the server left it out, not the fixture.
        let exact = Reports.compute(try region.admin.reportData(today: W.today, now: W.now, area: area, matching: false),
                                    area: area, period: period)
        #expect(ReportExport.text(exact).contains(Self.secretReason))
        // "Most calls for one child" is about one child: always hidden.
        let calls = try #require(report.panel(.ringRound)?.tables.first)
        #expect(calls.rows[3].suppressed == [0] && calls.rows[3].values == [0])
    }

    /// Raw SQL as the commissioner: each function gives figures only, grouped; the per-placement helpers
    /// and the tables under them are refused; an area outside the cover is refused.
    @Test func aCommissionersRawSQLGetsFiguresOnlyAndOnlyInsideTheirCover() throws {
        let region = try Self.region()
        let sql = { (function: String, codes: [String]) in
            "SELECT * FROM \(function)(ARRAY[\(codes.map { "'\($0)'" }.joined(separator: ", "))], 20000, 20600)"
        }
        let ids = Set(Self.market().children.map(\.id))
        for function in PostgresAggregates.functions {
            let rows = try PostgresPrivacyTests.strings(region.westGlamorgan, sql(function, Self.westGlamorgan))
            #expect(!rows.isEmpty, "\(function)")
            for row in rows {
                #expect(row.count == 7, "\(function): \(row)")
                let label = row[4] ?? ""
                #expect(!ids.contains(label) && !label.contains("Gwen") && label != Self.secretReason, "\(function): \(label)")
            }
            // Outside the cover: Cardiff is another board's.
            #expect(throws: PostgresPrivacyTests.refused, "\(function)") {
                try PostgresPrivacyTests.strings(region.westGlamorgan, sql(function, ["W06000011", "W06000015"]))
            }
            // Officers and managers do not call them: they read their own records.
            #expect(throws: PostgresPrivacyTests.refused) { try PostgresPrivacyTests.strings(region.cardiff, sql(function, ["W06000015"])) }
            #expect(throws: PostgresPrivacyTests.refused) { try PostgresPrivacyTests.strings(region.cardiffManager, sql(function, ["W06000015"])) }
        }
        // The Wales commissioner covers Cardiff too.
        #expect(try !PostgresPrivacyTests.strings(region.wales, sql("placefinder_report_stability", ["W06000015"])).isEmpty)
        // A row per placement is nobody's to read but the functions'.
        for helper in ["placefinder_report_placements(ARRAY['W06000011'])",
                       "placefinder_report_spans(ARRAY['W06000011'], 20000, 20600, 'all')",
                       "placefinder_report_area(ARRAY['W06000011'])"] {
            #expect(throws: PostgresPrivacyTests.refused, "\(helper)") { try PostgresPrivacyTests.strings(region.westGlamorgan, "SELECT * FROM \(helper)") }
        }
        // Through the store, the same refusal for an area outside the cover.
        #expect(throws: PostgresPrivacyTests.refused) {
            try region.westGlamorgan.aggregateCells(area: .authority("W06000015"), period: ReportPeriod(.last12Months, today: W.today))
        }
    }
}
