import Foundation

/// One figure of a report panel as a regional server computes it for a commissioner (migration pg16): where it
/// goes (panel, table, row, column; table -1 is the panel's trend, a row per month), the row's label when the
/// server chooses the rows (reasons, providers), and how many children the figure rests on.
public struct AggregateCell: Sendable, Hashable {
    public var panel: ReportPanelKind
    public var table: Int
    public var row: Int
    public var column: Int
    public var label: String?
    public var value: Double
    public var children: Int

    public init(panel: ReportPanelKind, table: Int, row: Int, column: Int, label: String? = nil, value: Double, children: Int) {
        self.panel = panel
        self.table = table
        self.row = row
        self.column = column
        self.label = label
        self.value = value
        self.children = children
    }
}

/// Panels 1-5, 9 and 10 from the server's figures: laid out exactly as the records would lay them out (the
/// same panel code run on no records gives titles, rows, baselines and notes), filled with the server's
/// figures, then small numbers hidden (`SmallNumbers`).
enum ServerPanels {
    static let kinds: Set<ReportPanelKind> = [.residentialNights, .residentialLocality, .residentialSettings, .fosterWeeks,
                                              .stability, .ringRound, .spend]
    static let trendTable = -1
    static let note = "Counted by the server for the period; no child's record is read."
    static let hiddenNote = "* hides a figure on fewer than 5 children, or one that would give it away."
    static let trendHiddenNote = "The trend by month is not shown: a month rests on fewer than 5 children."

    static let aboutOneChildNote = "Not shown: most calls for one child, reasons given about under 5 children."
    /// Figures about one child alone, which the server never gives: shown hidden.
    static let aboutOneChild: [(panel: ReportPanelKind, table: Int, row: Int, column: Int)] = [(.ringRound, 0, 3, 0)]
    /// Tables whose figures do not add up (calls, calls per child; spend beside nights).
    static let notAdditive: [(panel: ReportPanelKind, table: Int)] = [(.ringRound, 0), (.spend, 4)]

    static func panel(_ kind: ReportPanelKind, cells: [AggregateCell], area: ReportArea, period: ReportPeriod) -> ReportPanel {
        let today = period.end
        let none = ReportData(children: [], providers: [], vacancies: [], placements: [], today: today,
                              now: Date(timeIntervalSince1970: Double(today.daysSinceEpoch) * 86_400))
        var panel = Reports.compute(none, area: area, period: period, panels: [kind]).panels[0]
        guard !panel.tables.isEmpty else { return panel }
        let mine = cells.filter { $0.panel == kind }
        // Rows the server chose (reasons, providers) come in its order; the others are the panel's own.
        var serverRows: [Int: [Int]] = [:]
        for t in panel.tables.indices where panel.tables[t].rows.isEmpty {
            let rows = Set(mine.filter { $0.table == t }.map(\.row)).sorted()
            serverRows[t] = rows
            panel.tables[t].rows = rows.map { r in
                ReportRow(label: mine.first { $0.table == t && $0.row == r }?.label ?? "",
                          values: [Double](repeating: 0, count: panel.tables[t].columns.count))
            }
        }
        var children = panel.tables.map { table in table.rows.map { $0.values.map { _ in 0 } } }
        for cell in mine where panel.tables.indices.contains(cell.table) {
            let t = cell.table
            let r: Int? = if let rows = serverRows[t] { rows.firstIndex(of: cell.row) } else { cell.row }
            guard let r, panel.tables[t].rows.indices.contains(r), panel.tables[t].rows[r].values.indices.contains(cell.column) else { continue }
            panel.tables[t].rows[r].values[cell.column] = cell.value
            children[t][r][cell.column] = cell.children
        }
        for one in aboutOneChild where one.panel == kind && children.indices.contains(one.table)
            && children[one.table].indices.contains(one.row) {
            children[one.table][one.row][one.column] = 1
        }
        var hidden = false
        for t in panel.tables.indices {
            panel.tables[t].reshare()
            let additive = !notAdditive.contains { $0.panel == kind && $0.table == t }
            panel.tables[t] = SmallNumbers.apply(panel.tables[t], children: children[t], additive: additive)
            hidden = hidden || panel.tables[t].rows.contains { $0.suppressed != nil }
        }
        if var trend = panel.trend {
            let months = mine.filter { $0.table == trendTable }
            for cell in months where trend.values.indices.contains(cell.row) { trend.values[cell.row] = cell.value }
            if months.contains(where: { $0.children > 0 && $0.children < SmallNumbers.threshold }) {
                panel.trend = nil
                panel.notes.append(trendHiddenNote)
            } else {
                panel.trend = trend
            }
        }
        panel.notes.append(note)
        if kind == .ringRound { panel.notes.append(aboutOneChildNote) }
        if hidden { panel.notes.append(hiddenNote) }
        return panel
    }
}
