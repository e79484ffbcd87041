/// Panel 7's occupancy tables: the registered places of the children's homes in the area, how many are in use
/// today and by whom (the area's children, other Welsh authorities', English authorities'), from each home's
/// registered places, the store's open placements and beds recorded as filled by another authority.
enum Occupancy {
    /// Who placed the child in a bed, seen from the area the home is in.
    enum Placer: Int, CaseIterable {
        case area, otherWelsh, england, unknown

        init(_ authority: String?, area: ReportArea) {
            guard let authority else { self = .unknown; return }
            if area.contains(authority) { self = .area }
            else if PartnershipBoard.of(authority) != nil { self = .otherWelsh }
            else if authority.hasPrefix("E") { self = .england }
            else { self = .unknown }
        }

        var label: String {
            switch self {
            case .area: "placed by the area's authorities"
            case .otherWelsh: "placed by other Welsh authorities"
            case .england: "placed by English authorities"
            case .unknown: "placing authority not recorded"
            }
        }
    }

    static func tables(_ data: ReportData, area: ReportArea) -> [ReportTable] {
        let homeTypes: Set<ServiceType> = [.childrensHome, .secureHome]
        let homes = data.providers.filter { homeTypes.contains($0.serviceType) && area.contains($0.authorityCode) }
        let counted = Set(homes.filter { $0.registeredPlaces != nil }.map(\.id))
        let places = homes.reduce(0) { $0 + ($1.registeredPlaces ?? 0) }
        var inUse = [Double](repeating: 0, count: Placer.allCases.count)
        for p in data.placements where counted.contains(p.providerID) && p.countsInReports && p.start <= data.today
            && (p.actualEnd.map { $0 > data.today } ?? true) && ReportSetting(p.placementType).isResidential {
            inUse[Placer(data.placingAuthority(of: p), area: area).rawValue] += 1
        }
        var free = 0.0
        for v in data.vacancies where counted.contains(v.providerID) {
            if v.status == .filled, let by = v.filledBy { inUse[Placer(by, area: area).rawValue] += Double(v.beds > 0 ? v.beds : 1) }
            if v.status == .open && v.availableFrom <= data.today { free += Double(v.beds) }
        }
        let used = inUse.reduce(0, +)
        let wales = area == .wales
        func baseline(_ value: Int, _ text: String? = nil) -> BaselineFigure? {
            wales ? BaselineFigure(value: Double(value), text: text ?? ReportNumber.grouped(value), ref: "para 6.4, Wales, 31 July 2018") : nil
        }
        let occupancy = ReportTable(title: "Occupancy of children's homes", columns: ["places"], rows: [
            ReportRow(label: "registered places", values: [Double(places)], baseline: baseline(Baseline.childrensHomePlacesWales)),
            ReportRow(label: "in use today", values: [used], share: places > 0 ? 100 * used / Double(places) : nil,
                      baseline: baseline(Baseline.childrensHomePlacesInUseWales)),
            ReportRow(label: "not in use (spare)", values: [Double(places) - used],
                      baseline: baseline(Baseline.childrensHomePlacesWales - Baseline.childrensHomePlacesInUseWales)),
            ReportRow(label: "offered as open vacancies", values: [free]),
        ])
        let england = BaselineFigure.percent(Baseline.childrenInWelshHomesFromEnglandShare, "para 6.6, Wales, 31 March 2018")
        let byPlacer = ReportTable.shares("Beds in use by who placed", unit: "beds",
                                          Placer.allCases.map { ($0.label, inUse[$0.rawValue]) },
                                          baselines: wales ? [Placer.england.label: england] : [:])
        return [occupancy, byPlacer]
    }
}
