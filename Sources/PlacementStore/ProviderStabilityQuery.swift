import GRDB
import PlacementCore

/// Provider stability aggregated by SQLite over the placements in the window: the same definition as
/// `ProviderStability.compute` (a test holds them together), without reading every placement into Swift.
extension PlacementDatabase {
    public func providerStability(today: Day, windowDays: Int) throws -> [String: ProviderStability] {
        try read { db in try Self.providerStability(today: today, windowDays: windowDays, in: db) }
    }

    /// A placement counts when it ran during [today − window, today]; its days are those within the window;
    /// a breakdown or same-day notice counts when it ended within the window.
    static let stabilitySQL = """
        SELECT provider_id,
               COUNT(*),
               SUM(actual_end_day >= :from AND ending = 'breakdown'),
               SUM(actual_end_day >= :from AND notice_hours <= 24),
               SUM(MAX(0, MIN(COALESCE(actual_end_day, :today), :today) - MAX(start_day, :from)))
        FROM placements
        WHERE start_day <= :today AND COALESCE(actual_end_day, :today) >= :from AND undone_at IS NULL
        GROUP BY provider_id
        """

    static func providerStability(today: Day, windowDays: Int, in db: Database) throws -> [String: ProviderStability] {
        let arguments: StatementArguments = ["today": today.daysSinceEpoch, "from": today.adding(days: -windowDays).daysSinceEpoch]
        return try stability(from: { each in
            let rows = try Row.fetchCursor(db, sql: stabilitySQL, arguments: arguments)
            while let row = try rows.next() { try each(row) }
        })
    }

    /// Rows of (provider_id, placements, breakdowns, short-notice endings, placement days), either backend.
    static func stability(from rows: RowSource) throws -> [String: ProviderStability] {
        var result: [String: ProviderStability] = [:]
        try rows { row in
            var s = ProviderStability()
            s.placements = row[1]
            s.breakdowns = row[2] ?? 0
            s.shortNoticeEndings = row[3] ?? 0
            s.placementDays = row[4] ?? 0
            result[row[0]] = s
        }
        return result
    }
}
