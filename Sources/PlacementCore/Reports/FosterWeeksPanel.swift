/// Panel 4: weeks of foster care by who provides it: the authority's carers, kinship carers, not-for-profit
/// agencies, commercial agencies (Tables 4.7, 4.8).
enum FosterWeeksPanel {
    enum Provision: Int, CaseIterable {
        case inHouse, kinship, notForProfitAgency, commercialAgency

        var label: String {
            switch self {
            case .inHouse: "in-house carers"
            case .kinship: "kinship carers"
            case .notForProfitAgency: "not-for-profit agency"
            case .commercialAgency: "commercial agency"
            }
        }

        init?(_ setting: ReportSetting, _ provider: Provider) {
            switch setting {
            case .kinship: self = .kinship
            case .foster:
                switch provider.sector {
                case .localAuthority: self = .inHouse
                case .thirdSector: self = .notForProfitAgency
                case .private: self = .commercialAgency
                }
            default: return nil
            }
        }
    }

    static func compute(_ data: ReportData, area: ReportArea, period: ReportPeriod) -> ReportPanel {
        let family = data.countedPlacements(in: area).filter {
            let s = ReportSetting($0.placementType)
            return s == .foster || s == .kinship
        }
        var nights = [Double](repeating: 0, count: Provision.allCases.count)
        for (p, n) in Nights.perPlacement(family, in: period) {
            guard let provider = data.provider(p.providerID),
                  let kind = Provision(ReportSetting(p.placementType), provider) else { continue }
            nights[kind.rawValue] += Double(n)
        }
        let weeks = nights.map { ($0 / 7 * 10).rounded() / 10 }
        let scope = BaselineScope(area)
        let shares = scope.authority.flatMap { Baseline.fosterShares[$0] } ?? Baseline.fosterSharesWales
        let baselines = Dictionary(uniqueKeysWithValues: Provision.allCases.map {
            ($0.label, BaselineFigure.percent(shares[$0.rawValue], scope.ref("Table 4.8")))
        })
        return ReportPanel(kind: .fosterWeeks, tables: [
            .shares("Weeks by provider", unit: "weeks", Provision.allCases.map { ($0.label, weeks[$0.rawValue]) }, baselines: baselines),
            ReportTable(title: "All foster care", columns: ["weeks"], rows: [
                ReportRow(label: "total", values: [(nights.reduce(0, +) / 7 * 10).rounded() / 10],
                          baseline: scope.count(Baseline.fosterWeeks, wales: Baseline.fosterWeeksWales, "Table 4.7")),
            ]),
        ], notes: ["Weeks are nights of foster care (U1-U6) divided by 7; kinship is U1-U3 whoever supports the carer."])
    }
}
