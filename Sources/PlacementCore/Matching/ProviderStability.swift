/// A provider's record over the stability window, from the placements in the store.
public struct ProviderStability: Sendable, Hashable {
    public var placements = 0
    public var breakdowns = 0
    public var shortNoticeEndings = 0
    /// Days placements ran within the window, summed as whole days so any store that aggregates them
    /// (SQL `SUM`) gets exactly the same figure in any order.
    public var placementDays = 0

    public var placementYears: Double { Double(placementDays) / 365 }

    public init() {}

    /// Breakdowns and short-notice endings (24 h or less) per placement-year; a provider with little history counts
    /// as half a placement-year so one ending does not look like a pattern of many.
    public var incidentRate: Double {
        Double(breakdowns + shortNoticeEndings) / max(placementYears, 0.5)
    }

    public var score: Double { 1 / (1 + incidentRate) }

    /// Counts each provider's placements that ran during the window ending `today`.
    public static func compute(_ placements: [Placement], today: Day, windowDays: Int) -> [String: ProviderStability] {
        let from = today.adding(days: -windowDays)
        var result: [String: ProviderStability] = [:]
        for p in placements where !p.isUndone && p.overlaps(from: from, to: today) {
            var s = result[p.providerID, default: .init()]
            s.placements += 1
            let start = max(p.start, from), end = min(p.actualEnd ?? today, today)
            s.placementDays += max(0, start.days(until: end))
            if let ended = p.actualEnd, ended >= from {
                if p.isBreakdown { s.breakdowns += 1 }
                if p.isShortNotice { s.shortNoticeEndings += 1 }
            }
            result[p.providerID] = s
        }
        return result
    }
}
