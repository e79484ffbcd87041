/// Panel 2: nights of residential care by where the home is: in-county, elsewhere in Wales, outside Wales,
/// for each sector (Table 4.5), and by every step of the reg 12 ladder.
enum ResidentialLocalityPanel {
    static func compute(_ data: ReportData, area: ReportArea, period: ReportPeriod) -> ReportPanel {
        let residential = data.countedPlacements(in: area).filter { ReportSetting($0.placementType).isResidential }
        let bands = LocalityBand.allCases.count
        var bySector = [[Double]](repeating: [Double](repeating: 0, count: bands), count: ReportSector.allCases.count)
        var byTier = [Double](repeating: 0, count: LocalityTier.allCases.count)
        for (p, n) in Nights.perPlacement(residential, in: period) {
            byTier[p.locality.rawValue] += Double(n)
            if let s = data.sector(of: p) { bySector[s.rawValue][LocalityBand(p.locality).rawValue] += Double(n) }
        }
        // Table 4.5 is for Wales only.
        let ref = "Table 4.5, Wales"
        func baselines(_ pick: (Int, Int, Int, Int) -> Int) -> [String: BaselineFigure] {
            Dictionary(uniqueKeysWithValues: Baseline.localityShares.map {
                ($0.band.label, BaselineFigure.percent(pick($0.inHouse, $0.privateSector, $0.thirdSector, $0.total), ref))
            })
        }
        let all = LocalityBand.allCases.map { band in (band.label, bySector.reduce(0) { $0 + $1[band.rawValue] }) }
        var tables = [ReportTable.shares("All sectors", unit: "nights", all, baselines: baselines { _, _, _, t in t })]
        for sector in ReportSector.allCases {
            let pick: ((Int, Int, Int, Int) -> Int)? = switch sector {
            case .inHouse: { h, _, _, _ in h }
            case .notForProfit: { _, _, t, _ in t }
            case .privateSector: { _, p, _, _ in p }
            case .otherCouncil: nil
            }
            tables.append(.shares(sector.label, unit: "nights",
                                  LocalityBand.allCases.map { ($0.label, bySector[sector.rawValue][$0.rawValue]) },
                                  baselines: pick.map(baselines) ?? [:]))
        }
        tables.append(.shares("Reg 12 ladder", unit: "nights", LocalityTier.allCases.map { ($0.label, byTier[$0.rawValue]) }))
        return ReportPanel(kind: .residentialLocality, tables: tables,
                           notes: ["Locality is the reg 12 tier recorded when each placement started, from the placing authority."])
    }

}
