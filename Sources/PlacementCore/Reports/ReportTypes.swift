/// One line of a report table: live figures (one per column), its share of the table, and the seed
/// report's figure for the same measure.
public struct ReportRow: Sendable, Hashable, Codable {
    public var label: String
    public var values: [Double]
    /// Percentage of the table's total (first column), for tables that show shares.
    public var share: Double?
    public var baseline: BaselineFigure?
    /// Columns whose figure is hidden as a small number (`SmallNumbers`): their value is 0 and reads `*`.
    public var suppressed: [Int]?

    public init(label: String, values: [Double], share: Double? = nil, baseline: BaselineFigure? = nil, suppressed: [Int]? = nil) {
        self.label = label
        self.values = values
        self.share = share
        self.baseline = baseline
        self.suppressed = suppressed
    }
}

public struct ReportTable: Sendable, Hashable, Codable {
    public var title: String
    public var columns: [String]
    public var rows: [ReportRow]
    /// Whether each row's share is its part of the table's total (`shares`), so a table filled from the
    /// server's counts gets its shares back. Not written out: the shares themselves are.
    public var showsShares = false

    enum CodingKeys: String, CodingKey { case title, columns, rows }

    public init(title: String, columns: [String], rows: [ReportRow]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }

    /// Each row's share of the first column's total again, after its figures changed.
    mutating func reshare() {
        guard showsShares else { return }
        let total = rows.reduce(0) { $0 + ($1.values.first ?? 0) }
        for i in rows.indices { rows[i].share = total > 0 ? 100 * (rows[i].values.first ?? 0) / total : nil }
    }

    /// A one-column table whose rows get their share of the total; `baselines` by row label.
    static func shares(_ title: String, unit: String, _ items: [(String, Double)],
                       baselines: [String: BaselineFigure] = [:]) -> ReportTable {
        let total = items.reduce(0) { $0 + $1.1 }
        let rows = items.map { label, value in
            ReportRow(label: label, values: [value], share: total > 0 ? 100 * value / total : nil, baseline: baselines[label])
        }
        var table = ReportTable(title: title, columns: [unit], rows: rows)
        table.showsShares = true
        return table
    }
}

/// The ten panels of the Reports tab and `placefinder report`, in order.
public enum ReportPanelKind: String, Sendable, Hashable, Codable, CaseIterable {
    case residentialNights = "residential-nights"
    case residentialLocality = "residential-locality"
    case residentialSettings = "residential-settings"
    case fosterWeeks = "foster-weeks"
    case stability
    case whereChildrenLive = "where-children-live"
    case freeBeds = "free-beds"
    case unmetNeed = "unmet-need"
    case ringRound = "ring-round"
    case spend

    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }

    /// The panel's title in English (`title(_:)` for either language).
    public var title: String { title(.en) }

    public func title(_ language: Language) -> String {
        let message: Message = switch self {
        case .residentialNights: .coreReportPanelResidentialNights
        case .residentialLocality: .coreReportPanelResidentialLocality
        case .residentialSettings: .coreReportPanelResidentialSettings
        case .fosterWeeks: .coreReportPanelFosterWeeks
        case .stability: .coreReportPanelStability
        case .whereChildrenLive: .coreReportPanelWhereChildrenLive
        case .freeBeds: .coreReportPanelFreeBeds
        case .unmetNeed: .coreReportPanelUnmetNeed
        case .ringRound: .coreReportPanelRingRound
        case .spend: .coreReportPanelSpend
        }
        return message.text(language)
    }
}

public struct ReportPanel: Sendable, Hashable, Codable {
    public var kind: ReportPanelKind
    public var tables: [ReportTable]
    /// A series drawn as a sparkline (nights per month), with what it counts.
    public var trend: ReportTrend?
    public var notes: [String]
    /// Why the panel cannot be shown yet (spend needs the placement cost data).
    public var unavailable: String?

    public init(kind: ReportPanelKind, tables: [ReportTable] = [], trend: ReportTrend? = nil, notes: [String] = [],
                unavailable: String? = nil) {
        self.kind = kind
        self.tables = tables
        self.trend = trend
        self.notes = notes
        self.unavailable = unavailable
    }
}

extension ReportTable {
    /// The table in `language`: its title, columns, row labels and baselines' sources that are catalogued
    /// phrases (`core.phrase.report.*`) said in it; names, codes and figures as they are.
    public func said(_ language: Language) -> ReportTable {
        guard language != .en else { return self }
        var table = self
        table.title = Catalogue.phrase(title, language)
        table.columns = columns.map { Catalogue.phrase($0, language) }
        for i in table.rows.indices {
            table.rows[i].label = Catalogue.phrase(table.rows[i].label, language)
            if let ref = table.rows[i].baseline?.ref {
                table.rows[i].baseline?.ref = Catalogue.phrase(BaselineScope.naming(ref, in: language), language)
            }
        }
        return table
    }
}

public struct ReportTrend: Sendable, Hashable, Codable {
    public var label: String
    public var values: [Double]
    public init(label: String, values: [Double]) {
        self.label = label
        self.values = values
    }
}

/// Every panel for one area and period.
public struct ReportSet: Sendable, Hashable, Codable {
    public var area: ReportArea
    public var areaLabel: String
    public var period: ReportPeriod
    public var panels: [ReportPanel]

    public init(area: ReportArea, areaLabel: String, period: ReportPeriod, panels: [ReportPanel]) {
        self.area = area
        self.areaLabel = areaLabel
        self.period = period
        self.panels = panels
    }

    public func panel(_ kind: ReportPanelKind) -> ReportPanel? { panels.first { $0.kind == kind } }
}

/// How report figures are written: whole numbers with thousands separators, one decimal otherwise.
public enum ReportNumber {
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    public static func text(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return grouped(Int(rounded)) }
        let whole = Int(rounded.rounded(.towardZero))
        let tenth = Int((abs(rounded - Double(whole)) * 10).rounded())
        return (rounded < 0 && whole == 0 ? "-" : "") + grouped(whole) + "." + String(tenth)
    }

    /// A share as a whole percentage: "31%".
    public static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "—" }
        return "\(Int(share.rounded()))%"
    }
}
