/// The days a report covers, both ends included. A period never runs past the day the report is made:
/// nights not yet slept are not counted.
public struct ReportPeriod: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable {
        /// The financial year starting 1 April of the year given (FY2025 = 1 Apr 2025 – 31 Mar 2026).
        case financialYear(Int)
        /// The 12 months up to and including the report's day.
        case last12Months
        /// The report's day alone: who is where tonight.
        case today
    }

    public let kind: Kind
    public let start: Day
    /// The last day counted (the night starting on it is counted).
    public let end: Day

    public init(_ kind: Kind, today: Day) {
        self.kind = kind
        switch kind {
        case .financialYear(let year):
            start = Day(year: year, month: 4, day: 1)!
            end = min(Day(year: year + 1, month: 3, day: 31)!, today)
        case .last12Months:
            // 12 months back to the day after: 1 Dec 2025 – 30 Nov 2026 for 30 Nov 2026 (29 Feb: from 1 March).
            let yearAgo = Day(year: today.year - 1, month: today.month, day: today.day)
                ?? Day(year: today.year - 1, month: 2, day: 28)!
            start = yearAgo.adding(days: 1)
            end = today
        case .today:
            start = today
            end = today
        }
    }

    /// The financial year a day falls in (April to March): 2025 for 16 June 2025 and for 1 March 2026.
    public static func financialYear(of day: Day) -> Int { day.month >= 4 ? day.year : day.year - 1 }

    /// Days (so nights) in the period; 0 when a financial year has not begun by the report's day.
    public var days: Int { max(0, start.days(until: end) + 1) }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// What the command line takes: `FY2025`, `12m`, `today`.
    public var key: String {
        switch kind {
        case .financialYear(let year): "FY\(year)"
        case .last12Months: "12m"
        case .today: "today"
        }
    }

    public var label: String {
        switch kind {
        case .financialYear(let year):
            "financial year \(year)-\(String((year + 1) % 100).leftPadded(to: 2)) (\(start.iso) to \(end.iso))"
        case .last12Months: "last 12 months (\(start.iso) to \(end.iso))"
        case .today: "today (\(end.iso))"
        }
    }

    /// Parses `FY2025`, `12m` or `today` (any case); nil for anything else.
    public static func parse(_ text: String, today: Day) -> ReportPeriod? {
        let t = text.lowercased()
        if t == "today" { return ReportPeriod(.today, today: today) }
        if t == "12m" { return ReportPeriod(.last12Months, today: today) }
        if t.hasPrefix("fy"), t.count == 6, let year = Int(t.dropFirst(2)), (2000...2100).contains(year) {
            return ReportPeriod(.financialYear(year), today: today)
        }
        return nil
    }
}

extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
