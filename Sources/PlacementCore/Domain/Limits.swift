import Foundation

/// The range every number in Placefinder's records must lie in, checked on import (CSV and JSON)
/// and on entry (the workflow), and listed in docs/data-format.md. The ranges are generous for
/// real data and exist so that a typing slip or a hostile file (1e308 miles) is refused at the door
/// instead of reaching arithmetic that traps. Whole-number fields also keep to `Int32`-sized values.
public enum Limits {
    /// Beds in one vacancy: the largest Welsh children's homes register fewer than 20.
    public static let beds = 0...50
    /// A vacancy's weekly fee in whole pounds: the costliest specialist placements cost about £20,000.
    public static let weeklyFee = 0...50_000
    /// Children in the largest sibling group a vacancy can take.
    public static let siblingGroup = 1...12
    /// Hours of notice a provider gave before a placement ended: up to a year.
    public static let noticeHours = 0...8_760
    /// Miles from the child's home to a placement: Great Britain is under 900 miles end to end.
    public static let milesFromHome = 0.0...1_000.0
    /// A child's minimum distance from home (safeguarding), in miles.
    public static let minimumMilesFromHome = 0.0...500.0
    /// Radius of a safeguarding avoid-area, in miles (must be more than zero).
    public static let avoidRadiusMiles = 0.0...100.0
    /// Locality tiers of the reg 12 ladder.
    public static let localityTier = 0...5
    /// A hold lapses at most this many days after it is made (or, on import, after today).
    public static let holdDays = 14

    /// "0–50", as the messages and the documentation write a range.
    public static func text(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)–\(range.upperBound)" }
    public static func text(_ range: ClosedRange<Double>) -> String {
        "\(Int(range.lowerBound))–\(Int(range.upperBound))"
    }
}

/// Free text refused on import and entry: a NUL byte would be cut off by C-string readers
/// (SQLite's own shell, other tools), so the stored value and the shown value would differ.
public func containsNUL(_ text: String) -> Bool {
    text.utf8.contains(0)
}
