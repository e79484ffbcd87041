/// Panel 10: what the area's placements cost in the period, from the weekly cost agreed on each placement
/// (and its changes): each night costs the weekly cost in force that night ÷ 7.
enum SpendPanel {
    static func compute(_ data: ReportData, area: ReportArea, period: ReportPeriod) -> ReportPanel {
        let sectors = ReportSector.allCases, settings = ReportSetting.allCases
        var bySectorSetting = [[Double]](repeating: [Double](repeating: 0, count: sectors.count), count: settings.count)
        var byRoute = [Double](repeating: 0, count: PurchaseRoute.allCases.count + 1)
        var byPurpose = [Double](repeating: 0, count: PlacementPurpose.allCases.count + 1)
        var costedNights = 0.0, uncostedNights = 0.0
        for (p, nights) in Nights.spans(data.countedPlacements(in: area), in: period) {
            guard let cost = p.cost else {
                uncostedNights += Double(nights.count)
                continue
            }
            let pounds = Self.pounds(cost, nights: nights)
            costedNights += Double(nights.count)
            if let sector = data.sector(of: p) {
                bySectorSetting[ReportSetting(p.placementType).rawValue][sector.rawValue] += pounds
            }
            byRoute[p.purchase.map { PurchaseRoute.allCases.firstIndex(of: $0)! } ?? PurchaseRoute.allCases.count] += pounds
            byPurpose[p.purpose.map { PlacementPurpose.allCases.firstIndex(of: $0)! } ?? PlacementPurpose.allCases.count] += pounds
        }
        let bySector = sectors.indices.map { s in settings.indices.reduce(0) { $0 + bySectorSetting[$1][s] } }
        let total = bySector.reduce(0, +)
        let allNights = costedNights + uncostedNights
        return ReportPanel(kind: .spend, tables: [
            .shares("Spend by sector", unit: "£", sectors.map { ($0.label, bySector[$0.rawValue]) }),
            ReportTable(title: "Spend by setting and sector", columns: sectors.map(\.label),
                        rows: settings.map { ReportRow(label: $0.label, values: bySectorSetting[$0.rawValue]) }),
            .shares("Framework or spot", unit: "£", PurchaseRoute.allCases.enumerated().map { ($1.rawValue, byRoute[$0]) }
                + [("not recorded", byRoute[PurchaseRoute.allCases.count])]),
            .shares("By purpose", unit: "£", PlacementPurpose.allCases.enumerated().map { ($1.label, byPurpose[$0]) }
                + [("not recorded", byPurpose[PlacementPurpose.allCases.count])]),
            ReportTable(title: "All spend", columns: ["£", "nights"], rows: [
                ReportRow(label: "total", values: [total, costedNights]),
                ReportRow(label: "nights with no agreed cost", values: [0, uncostedNights],
                          share: allNights > 0 ? 100 * uncostedNights / allNights : nil),
            ]),
        ], notes: [
            "A night costs the weekly cost agreed for it ÷ 7 (a change from its day).",
            "No spend in the report; nights with no agreed cost are not priced.",
        ])
    }

    /// The cost of `nights` (days since the epoch) at the weekly cost in force each night, in pounds.
    static func pounds(_ cost: AgreedCost, nights: Range<Int>) -> Double {
        var sum = 0.0, night = nights.lowerBound
        // Whole runs between changes, not night by night: a placement may run for years.
        let bounds = cost.changes.map(\.from.daysSinceEpoch).filter { $0 > nights.lowerBound && $0 < nights.upperBound }
        for next in bounds + [nights.upperBound] {
            sum += Double(next - night) * Double(cost.weekly(on: Day(daysSinceEpoch: night))) / 7
            night = next
        }
        return (sum * 100).rounded() / 100
    }
}
