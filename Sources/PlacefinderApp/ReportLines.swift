import PlacementCore
import TerminalUI

/// The Reports tab's panels as lines to scroll through, and how each line is drawn: figures, a bar for
/// each share (`BarGauge`), the baseline and its table, a sparkline for a series.
enum ReportLine: Equatable {
    case panel(String)
    case unavailable(String)
    case tableHeader(ReportTable)
    case row(ReportRow, ReportTable)
    case trend(ReportTrend)
    case note(String)
    case blank
}

enum ReportLines {
    static func build(_ set: ReportSet?, _ l: Language = .en) -> [ReportLine] {
        guard let set else { return [] }
        // Every title, label and note that is a catalogued phrase is said in the officer's language, as the
        // command line's report says it (`ReportExport.text`).
        let say = { (english: String) in Catalogue.phrase(english, l) }
        var lines: [ReportLine] = []
        for panel in set.panels {
            lines.append(.panel("\(panel.kind.number). \(panel.kind.title(l))"))
            if let why = panel.unavailable { lines.append(.unavailable(say(why))) }
            if var trend = panel.trend, !trend.values.isEmpty {
                trend.label = say(trend.label)
                lines.append(.trend(trend))
            }
            for table in panel.tables.map({ $0.said(l) }) {
                lines.append(.tableHeader(table))
                lines += table.rows.map { .row($0, table) }
                if table.rows.isEmpty { lines.append(.note(Message.screensReportsNone.text(l))) }
            }
            lines += panel.notes.map { .note(say($0)) }
            lines.append(.blank)
        }
        return lines
    }

    /// Column widths for a line `width` wide. A table whose figures are wider than 9 (spend in pounds runs
    /// to millions: "6,686,782.9") widens the figure column, up to 13, at the bar's expense, so every figure is
    /// shown whole and the share, baseline and source stay where the other tables have them.
    struct Columns {
        let label: Int, value: Int, bar: Int, share: Int, baseline: Int
        init(width: Int, table: ReportTable? = nil) {
            label = width >= 120 ? 32 : 24
            let widest = table?.rows.map { displayWidth(of: ReportNumber.text($0.values.first ?? 0)) }.max() ?? 0
            value = min(13, max(9, widest + 1))
            bar = (width >= 120 ? 24 : 8) - (value - 9)
            share = 5
            baseline = 8
        }
        /// Where the baseline's source starts on a one-column line.
        var ref: Int { 2 + label + value + 1 + bar + 1 + share + 1 + baseline + 2 }
    }

    static func draw(_ line: ReportLine, in area: Rect, _ l: Language = .en, _ buffer: inout Buffer) {
        let c: Columns = switch line {
        case .tableHeader(let table), .row(_, let table): Columns(width: area.width, table: table)
        default: Columns(width: area.width)
        }
        let right = area.x + area.width
        func put(_ x: Int, _ text: String, _ style: Style = .normal, width: Int? = nil) {
            guard x < right else { return }
            buffer.set(x: x, y: area.y, string: truncate(text, toWidth: min(width ?? .max, right - x)), style: style)
        }
        /// Right-aligned in the `w` columns at `x`; a heading may also take `spare` columns to its left, so a
        /// longer word ("nosweithiau", "cyfran") is shown whole where the line has room.
        func rightAligned(_ x: Int, _ text: String, _ w: Int, _ style: Style = .normal, spare: Int = 0) {
            let shown = truncate(text, toWidth: w + max(0, spare))
            put(x + w - displayWidth(of: shown), shown, style)
        }
        switch line {
        case .panel(let title):
            put(area.x, " " + title, .header)
        case .unavailable(let why):
            put(area.x + 2, Message.screensReportsNotAvailable.text(l, ["why": why]), .warning)
        case .note(let text):
            put(area.x + 2, text, .muted)
        case .blank:
            break
        case .trend(let trend):
            put(area.x + 2, trend.label, .muted, width: c.label)
            let w = min(trend.values.count, max(0, area.width - c.label - 4))
            Sparkline(trend.values).render(in: Rect(x: area.x + 2 + c.label, y: area.y, width: w, height: 1), buffer: &buffer)
        case .tableHeader(let table):
            // A figure's heading longer than its column ("nosweithiau") reaches back over the title's room, the
            // heading first: it says what the figures count. The share's heading reaches back over the bar.
            let single = table.columns.count == 1
            let headingSpare = single ? max(0, displayWidth(of: table.columns[0]) - c.value) : 0
            let title = truncate(table.title, toWidth: c.label - 1 - headingSpare)
            put(area.x + 2, title, .accent)
            if single {
                rightAligned(area.x + 2 + c.label, table.columns[0], c.value, .muted, spare: c.label - displayWidth(of: title) - 1)
                if table.rows.contains(where: { $0.share != nil }) {
                    rightAligned(area.x + 2 + c.label + c.value + 1 + c.bar + 1, Message.screensReportsShare.text(l), c.share, .muted, spare: c.bar)
                }
                if table.rows.contains(where: { $0.baseline != nil }) {
                    rightAligned(area.x + c.ref - c.baseline - 2, "2018-19", c.baseline, .muted)
                    put(area.x + c.ref, Message.screensReportsSource.text(l), .muted)
                }
            } else {
                let w = cellWidth(table, area.width, c)
                for (i, column) in table.columns.enumerated() {
                    rightAligned(area.x + 2 + c.label + i * w, columnName(column, fitting: w - 1, l), w - 1, .muted)
                }
            }
        case .row(let row, let table):
            put(area.x + 4, VisibleText.line(row.label), .normal, width: c.label - 2)
            if table.columns.count == 1 {
                rightAligned(area.x + 2 + c.label, row.figure(0), c.value)
                if let share = row.share {
                    var gauge = BarGauge(value: share / 100)
                    gauge.style = .good
                    gauge.render(in: Rect(x: area.x + 2 + c.label + c.value + 1, y: area.y, width: c.bar, height: 1), buffer: &buffer)
                    rightAligned(area.x + 2 + c.label + c.value + 1 + c.bar + 1, ReportNumber.percent(share), c.share)
                }
                if table.rows.contains(where: { $0.baseline != nil }) {
                    rightAligned(area.x + c.ref - c.baseline - 2, row.baseline?.text ?? "—", c.baseline, .accent)
                    if let ref = row.baseline?.ref { put(area.x + c.ref, ref, .muted) }
                }
            } else {
                let w = cellWidth(table, area.width, c)
                for i in row.values.indices {
                    rightAligned(area.x + 2 + c.label + i * w, row.figure(i), w - 1)
                }
            }
        }
    }

    /// A reg 12 tier too long for its column is shown by its limb: "in-cty", "(a)" … "(e)" (panel 2 spells them out).
    static func columnName(_ column: String, fitting width: Int, _ l: Language = .en) -> String {
        guard displayWidth(of: column) > width,
              let tier = LocalityTier.allCases.first(where: { Catalogue.phrase($0.label, l) == column }) else { return column }
        return tier.regulationReference.map { String($0.dropFirst("reg 12(2)".count)) } ?? "in-cty"
    }

    static func cellWidth(_ table: ReportTable, _ width: Int, _ c: Columns) -> Int {
        max(5, min(22, (width - 2 - c.label) / max(1, table.columns.count)))
    }
}
