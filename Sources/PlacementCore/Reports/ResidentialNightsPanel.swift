/// Panel 1: nights of residential care by who provides it (Tables 4.1, 4.2, 4.3).
enum ResidentialNightsPanel {
    static func compute(_ data: ReportData, area: ReportArea, period: ReportPeriod) -> ReportPanel {
        let residential = data.countedPlacements(in: area).filter { ReportSetting($0.placementType).isResidential }
        var bySector = [Double](repeating: 0, count: ReportSector.allCases.count)
        for (p, n) in Nights.perPlacement(residential, in: period) {
            if let s = data.sector(of: p) { bySector[s.rawValue] += Double(n) }
        }
        let scope = BaselineScope(area)
        // For one authority, its row of Table 4.2 (all children); otherwise Table 4.3's looked-after row for Wales.
        let shares: (inHouse: Int, privateSector: Int, thirdSector: Int)
        let source: String
        if let code = scope.authority, let row = Baseline.residentialSectorShares[code] {
            (shares, source) = (row, "Table 4.2")
        } else {
            (shares, source) = (Baseline.lookedAfterSectorSharesWales, "Table 4.3")
        }
        let baselines: [String: BaselineFigure] = [
            ReportSector.inHouse.label: .percent(shares.inHouse, scope.ref(source)),
            ReportSector.notForProfit.label: .percent(shares.thirdSector, scope.ref(source)),
            ReportSector.privateSector.label: .percent(shares.privateSector, scope.ref(source)),
        ]
        let total = bySector.reduce(0, +)
        let totalBaseline = scope.authority != nil
            ? scope.count(Baseline.residentialNights, wales: Baseline.residentialNightsWales, "Table 4.1")
            : scope.count([:], wales: Baseline.lookedAfterNightsWales, "Table 4.3")
        return ReportPanel(
            kind: .residentialNights,
            tables: [
                ReportTable.shares("Nights by sector", unit: "nights",
                                   ReportSector.allCases.map { ($0.label, bySector[$0.rawValue]) }, baselines: baselines),
                ReportTable(title: "All residential nights", columns: ["nights"],
                            rows: [ReportRow(label: "total", values: [total], baseline: totalBaseline)]),
            ],
            trend: ReportTrend(label: "nights per month", values: Nights.perMonth(residential, in: period)),
            notes: ["Residential: children's homes (K1, K2) and other residential settings (R1, R3, S1).",
                    "The report does not separate other councils' homes from in-house provision."])
    }
}
