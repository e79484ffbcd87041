/// Panel 7: beds free today, by setting, sector and reg 12 tier from the area, and those not confirmed lately.
enum FreeBedsPanel {
    static func compute(_ data: ReportData, area: ReportArea, geography: Geography = .wales) -> ReportPanel {
        let free = data.vacancies.filter { $0.status == .open && $0.availableFrom <= data.today && $0.beds > 0 }
        let homes = area.authorityCodes(geography)
        var tierOf: [String: LocalityTier] = [:]
        func tier(_ bed: String) -> LocalityTier {
            if let known = tierOf[bed] { return known }
            // From a board or Wales, a bed's tier is the best any of its authorities would give it.
            let found = homes.map { geography.localityTier(home: $0, placement: bed) }.min() ?? .outsideEnglandAndWales
            tierOf[bed] = found
            return found
        }
        let settings = Setting.allCases, sectors = Sector.allCases, bands = LocalityBand.allCases
        var bySector = [[Double]](repeating: [Double](repeating: 0, count: sectors.count), count: settings.count)
        var byBand = [[Double]](repeating: [Double](repeating: 0, count: bands.count), count: settings.count)
        var byTier = [Double](repeating: 0, count: LocalityTier.allCases.count)
        var stale = 0.0, total = 0.0, welshHomes = 0.0
        for v in free {
            guard let provider = data.provider(v.providerID) else { continue }
            let bedAuthority = data.bedAuthority[v.id] ?? provider.authorityCode
            let t = tier(bedAuthority), beds = Double(v.beds)
            let s = settings.firstIndex(of: v.setting)!
            bySector[s][sectors.firstIndex(of: provider.sector)!] += beds
            byBand[s][LocalityBand(t).rawValue] += beds
            byTier[t.rawValue] += beds
            total += beds
            if v.daysSinceConfirmed(now: data.now) > data.staleAfterDays { stale += beds }
            if v.setting == .residential, PartnershipBoard.of(bedAuthority) != nil { welshHomes += beds }
        }
        var tables = [
            ReportTable(title: "By setting and sector", columns: sectors.map(\.label),
                        rows: settings.indices.map { ReportRow(label: settings[$0].label, values: bySector[$0]) }),
            ReportTable(title: "By setting and locality", columns: bands.map(\.label),
                        rows: settings.indices.map { ReportRow(label: settings[$0].label, values: byBand[$0]) }),
            .shares("By reg 12 tier", unit: "beds", LocalityTier.allCases.map { ($0.label, byTier[$0.rawValue]) }),
            ReportTable(title: "Stale", columns: ["beds"], rows: [
                ReportRow(label: "not confirmed for over \(data.staleAfterDays) days", values: [stale],
                          share: total > 0 ? 100 * stale / total : nil),
            ]),
        ]
        if area == .wales {
            tables.append(ReportTable(title: "Children's homes in Wales", columns: ["beds"], rows: [
                ReportRow(label: "free beds in Welsh children's homes", values: [welshHomes], baseline: BaselineFigure(
                    value: Double(Baseline.childrensHomePlacesWales - Baseline.childrensHomePlacesInUseWales), text: "138",
                    ref: "para 6.4, Wales: 603 places, 465 in use, 31 July 2018")),
            ]))
        }
        tables += Occupancy.tables(data, area: area)
        return ReportPanel(kind: .freeBeds, tables: tables, notes: [
            "Open vacancies available today, every bed in the store, by tier from the area (in-county: inside it).",
            "Occupancy: homes with registered places; in use counts beds others filled.",
        ])
    }
}
