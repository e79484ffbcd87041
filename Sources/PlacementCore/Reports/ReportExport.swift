import Foundation

/// A report set as text (the terminal's columns), as CSV rows (one figure a line, baseline beside it) and
/// as JSON (the same figures, nested): what `placefinder report` prints.
public enum ReportExport {
    // MARK: text

    /// The report in `language`: headings, table titles, columns, row labels and notes that are catalogued
    /// phrases (`core.phrase.report.*`) are said in it; names, codes and figures stay as they are.
    public static func text(_ set: ReportSet, language: Language = .en) -> String {
        let say = { (english: String) in Catalogue.phrase(english, language) }
        var lines = [Message.coreReportHeading.text(language, ["area": set.areaLabel, "period": say(set.period.label)])]
        for panel in set.panels {
            lines.append("")
            lines.append("\(panel.kind.number). \(panel.kind.title(language))")
            if let why = panel.unavailable {
                lines.append("  " + Message.coreReportNotAvailable.text(language, ["why": say(why)]))
            }
            for table in panel.tables { lines += tableLines(table, language: language) }
            if let trend = panel.trend, !trend.values.isEmpty {
                lines.append("  \(say(trend.label)): " + trend.values.map(ReportNumber.text).joined(separator: " "))
            }
            lines += panel.notes.map { "  " + VisibleText.line(say($0)) }
        }
        return lines.joined(separator: "\n")
    }

    static func tableLines(_ table: ReportTable, language: Language = .en) -> [String] {
        let table = table.said(language)
        let title = table.title
        let columns = table.columns
        let labels = table.rows.map { VisibleText.line($0.label) }
        let labelWidth = max(24, title.count - 2, labels.map(\.count).max() ?? 0) + 2
        let cellWidth = max(9, columns.map(\.count).max() ?? 0) + 1
        let showsShare = table.rows.contains { $0.share != nil }
        let showsBaseline = table.rows.contains { $0.baseline != nil }
        func pad(_ s: String, _ w: Int, right: Bool = true) -> String {
            let fill = String(repeating: " ", count: max(0, w - s.count))
            return right ? fill + s : s + fill
        }
        var header = "  " + pad(title, labelWidth, right: false) + columns.map { pad($0, cellWidth) }.joined()
        if showsShare { header += pad(Message.coreReportShare.text(language), 7) }
        if showsBaseline { header += pad("2018-19", 9) + "  " + Message.coreReportSource.text(language) }
        var out = [header]
        for (row, label) in zip(table.rows, labels) {
            var line = "    " + pad(label, labelWidth - 2, right: false)
                + row.values.indices.map { pad(row.figure($0), cellWidth) }.joined()
            if showsShare { line += pad(ReportNumber.percent(row.share), 7) }
            if showsBaseline { line += pad(row.baseline?.text ?? "—", 9) + (row.baseline.map { "  " + $0.ref } ?? "") }
            out.append(line)
        }
        if table.rows.isEmpty { out.append("    " + Message.coreReportNone.text(language)) }
        return out
    }

    // MARK: CSV

    public static let csvHeader = ["panel", "table", "row", "column", "value", "share_percent", "baseline", "baseline_value", "baseline_ref"]

    /// One line per figure; the baseline on the line of the figure it stands beside (the first column).
    public static func csvRows(_ set: ReportSet) -> [[String]] {
        var rows: [[String]] = []
        for panel in set.panels {
            if let why = panel.unavailable {
                rows.append([panel.kind.rawValue, "", "not available", "", "", "", "", "", why])
            }
            for table in panel.tables {
                for row in table.rows {
                    for (i, column) in table.columns.enumerated() {
                        let value = row.suppressed?.contains(i) == true ? SmallNumbers.marker : i < row.values.count ? number(row.values[i]) : ""
                        let first = i == 0
                        rows.append([panel.kind.rawValue, table.title, VisibleText.line(row.label), column, value,
                                     first ? row.share.map { number(($0 * 10).rounded() / 10) } ?? "" : "",
                                     first ? row.baseline?.text ?? "" : "",
                                     first ? row.baseline?.value.map(number) ?? "" : "",
                                     first ? row.baseline?.ref ?? "" : ""])
                    }
                }
            }
        }
        return rows
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    // MARK: JSON

    public struct Document: Codable, Equatable {
        public var area: String
        public var areaLabel: String
        public var period: String
        public var periodStart: String
        public var periodEnd: String
        public var panels: [Panel]
    }

    public struct Panel: Codable, Equatable {
        public var name: String
        public var number: Int
        public var title: String
        public var unavailable: String?
        public var tables: [ReportTable]
        public var trend: ReportTrend?
        public var notes: [String]
    }

    public static func document(_ set: ReportSet) -> Document {
        Document(area: set.area.key, areaLabel: set.areaLabel, period: set.period.key, periodStart: set.period.start.iso,
                 periodEnd: set.period.end.iso, panels: set.panels.map {
                     Panel(name: $0.kind.rawValue, number: $0.kind.number, title: $0.kind.title, unavailable: $0.unavailable,
                           tables: $0.tables, trend: $0.trend, notes: $0.notes)
                 })
    }

    public static func json(_ set: ReportSet) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document(set))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
