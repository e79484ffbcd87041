/// Panel 3: nights in children's homes against other residential settings, and who provides each (Table 4.4).
enum ResidentialSettingsPanel {
    static func compute(_ data: ReportData, area: ReportArea, period: ReportPeriod) -> ReportPanel {
        let residential = data.countedPlacements(in: area).filter { ReportSetting($0.placementType).isResidential }
        var nights: [ReportSetting: [Double]] = [
            .childrensHome: [Double](repeating: 0, count: ReportSector.allCases.count),
            .otherResidential: [Double](repeating: 0, count: ReportSector.allCases.count),
        ]
        for (p, n) in Nights.perPlacement(residential, in: period) {
            if let s = data.sector(of: p) { nights[ReportSetting(p.placementType)]?[s.rawValue] += Double(n) }
        }
        let homes = nights[.childrensHome]!, other = nights[.otherResidential]!
        let split: [String: BaselineFigure] = [
            ReportSetting.childrensHome.label: .percent(84, "para 4.14 and Table 4.4, Wales"),
            ReportSetting.otherResidential.label: BaselineFigure(
                value: 16, text: "16%", ref: "Table 4.4, Wales (31,197 of 193,898 nights)"),
        ]
        func bySector(_ title: String, _ values: [Double], _ shares: (inHouse: Int, privateSector: Int, thirdSector: Int)) -> ReportTable {
            let ref = "Table 4.4, Wales"
            return .shares(title, unit: "nights", ReportSector.allCases.map { ($0.label, values[$0.rawValue]) }, baselines: [
                ReportSector.inHouse.label: .percent(shares.inHouse, ref),
                ReportSector.notForProfit.label: .percent(shares.thirdSector, ref),
                ReportSector.privateSector.label: .percent(shares.privateSector, ref),
            ])
        }
        return ReportPanel(kind: .residentialSettings, tables: [
            .shares("Setting", unit: "nights", [(ReportSetting.childrensHome.label, homes.reduce(0, +)),
                                                 (ReportSetting.otherResidential.label, other.reduce(0, +))], baselines: split),
            bySector("Children's homes by sector", homes, Baseline.childrensHomeSectorShares),
            bySector("Other residential by sector", other, Baseline.otherResidentialSectorShares),
        ], notes: ["Children's homes: placement types K1 and K2; other residential: R1, R3, S1."])
    }
}
