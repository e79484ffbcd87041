/// Counting nights of care. A placement gives the nights from its start up to, not including, its end day
/// (the child sleeps in the next placement that night), clipped to the period; a placement still open runs
/// to the period's last day. A child is in one place a night: when a child's placements overlap (placed
/// twice in a day, or a record left open), each night goes to the placement that started last.
public enum Nights {
    /// Nights each placement gives in `period` (only placements giving at least one), in input order.
    public static func perPlacement(_ placements: [Placement], in period: ReportPeriod) -> [(placement: Placement, nights: Int)] {
        perPlacement(placements, from: period.start, through: period.end)
    }

    /// Nights each placement gives from the night of `first` to the night of `last`, both included.
    public static func perPlacement(_ placements: [Placement], from first: Day, through last: Day) -> [(placement: Placement, nights: Int)] {
        spans(placements, from: first, through: last).map { ($0.placement, $0.nights.count) }
    }

    /// The nights each placement gives in `period` as days since the epoch (first night, up to not including
    /// the end), only placements giving at least one, in input order: for sums that vary night by night (cost).
    public static func spans(_ placements: [Placement], in period: ReportPeriod) -> [(placement: Placement, nights: Range<Int>)] {
        spans(placements, from: period.start, through: period.end)
    }

    static func spans(_ placements: [Placement], from first: Day, through last: Day) -> [(placement: Placement, nights: Range<Int>)] {
        guard first <= last else { return [] }
        let periodStart = first.daysSinceEpoch, periodEnd = last.daysSinceEpoch + 1
        let byChild = Dictionary(grouping: placements.indices) { placements[$0].childID }
        var nights = [Range<Int>](repeating: 0..<0, count: placements.count)
        for (_, indices) in byChild {
            let ordered = indices.sorted { (placements[$0].start, placements[$0].id) < (placements[$1].start, placements[$1].id) }
            for (k, i) in ordered.enumerated() {
                let p = placements[i]
                var end = p.actualEnd?.daysSinceEpoch ?? periodEnd
                if k + 1 < ordered.count { end = min(end, placements[ordered[k + 1]].start.daysSinceEpoch) }
                let lo = max(p.start.daysSinceEpoch, periodStart), hi = min(end, periodEnd)
                nights[i] = lo < hi ? lo..<hi : 0..<0
            }
        }
        return placements.indices.compactMap { nights[$0].isEmpty ? nil : (placements[$0], nights[$0]) }
    }

    /// Nights per calendar month of the period (a sparkline's values), first month first.
    public static func perMonth(_ placements: [Placement], in period: ReportPeriod) -> [Double] {
        guard period.days > 0 else { return [] }
        var values: [Double] = []
        var cursor = period.start
        while cursor <= period.end {
            let next = Day(year: cursor.month == 12 ? cursor.year + 1 : cursor.year, month: cursor.month % 12 + 1, day: 1)!
            let nights = perPlacement(placements, from: cursor, through: min(next.adding(days: -1), period.end))
            values.append(Double(nights.reduce(0) { $0 + $1.nights }))
            cursor = next
        }
        return values
    }
}
