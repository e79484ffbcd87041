/// Every report panel for an area and period, from domain values (see `ReportData`).
public enum Reports {
    public static func compute(_ data: ReportData, area: ReportArea, period: ReportPeriod,
                               panels: [ReportPanelKind] = ReportPanelKind.allCases,
                               geography: Geography = .wales) -> ReportSet {
        ReportSet(area: area, areaLabel: area.label(geography), period: period, panels: panels.map { kind in
            switch kind {
            case .residentialNights: ResidentialNightsPanel.compute(data, area: area, period: period)
            case .residentialLocality: ResidentialLocalityPanel.compute(data, area: area, period: period)
            case .residentialSettings: ResidentialSettingsPanel.compute(data, area: area, period: period)
            case .fosterWeeks: FosterWeeksPanel.compute(data, area: area, period: period)
            case .stability: StabilityPanel.compute(data, area: area, period: period)
            case .whereChildrenLive: WhereChildrenLivePanel.compute(data, area: area)
            case .freeBeds: FreeBedsPanel.compute(data, area: area, geography: geography)
            case .unmetNeed: UnmetNeedPanel.compute(data, area: area)
            case .ringRound: RingRoundPanel.compute(data, area: area, period: period)
            case .spend: SpendPanel.compute(data, area: area, period: period)
            }
        })
    }
}
