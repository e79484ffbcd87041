import Foundation
import Testing
import PlacementCore
import TerminalUI
@testable import PlacefinderApp

/// The Reports tab as a commissioner reads it on a regional server: the server's figures for the period, a
/// figure on fewer than 5 children shown as `*` (and the next smallest beside it), no shares in that table.
@Suite struct CommissionerReportsTests {
    /// Residential nights by sector: other councils' rest on 2 children, so they and the next smallest
    /// (not-for-profit, 6 children) are hidden; the rest and the total are shown.
    static func report(_ query: ReportQuery) -> ReportSet {
        var cells = [(0, 1_204.0, 9), (1, 40, 2), (2, 610, 6), (3, 915, 7)].map { sector, nights, children in
            AggregateCell(panel: .residentialNights, table: 0, row: sector, column: 0, value: nights, children: children)
        }
        cells.append(AggregateCell(panel: .residentialNights, table: 1, row: 0, column: 0, value: 2_769, children: 24))
        for month in 0..<12 {
            cells.append(AggregateCell(panel: .residentialNights, table: -1, row: month, column: 0, value: Double(200 + 7 * month), children: 12))
        }
        let figures = AggregateFigures(children: [.init(authority: Fixtures.authority, status: .needsPlacement, emergency: true, children: 3),
                                                  .init(authority: Fixtures.authority, status: .needsPlacement, emergency: false, children: 11)])
        return AggregateReports.compute(figures, cells: cells, area: query.area, period: query.period)
    }

    static func model(width: Int, height: Int, language: Language) -> Model {
        var m = Fixtures.model(width: width, height: height, tab: .dashboard)
        m.language = language
        m.press(.char("6"))
        if let query = m.reports.pending { _ = update(&m, .reportsReady(report(query))) }
        return m
    }

    @Test func aSmallFigureAndTheNextSmallestAreHiddenAndTheRestShown() {
        let m = Self.model(width: 80, height: 24, language: .en)
        let text = m.screenText
        #expect(text.contains("1,204") && text.contains("915") && text.contains("2,769"))
        let sectors = m.reports.result?.panel(.residentialNights)?.tables[0]
        #expect(sectors?.rows.map { $0.figure(0) } == ["1,204", "*", "*", "915"])
        #expect(sectors?.rows.allSatisfy { $0.share == nil } == true)
        // Panel 8: 3 children waiting in an emergency is hidden, and so the 11 beside it.
        let waiting = m.reports.result?.panel(.unmetNeed)?.tables[0]
        #expect(waiting?.rows.map { $0.figure(0) } == ["*", "*"])
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func goldens(size: (Int, Int)) throws {
        try Golden.check("reports-commissioner", Self.model(width: size.0, height: size.1, language: .en))
        try Golden.check("cy-reports-commissioner", Self.model(width: size.0, height: size.1, language: .cy))
    }
}
