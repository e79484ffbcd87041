/// Counts by authority, as a regional server's aggregate views give them to managers and commissioners
/// (`report_children`, `report_placements`, `report_vacancies`): no record, no child's id. A store file gives
/// the same counts from its records (`PlacementStoring.aggregateFigures`), so the two can be compared.
public struct AggregateFigures: Sendable, Hashable {
    public struct Children: Sendable, Hashable {
        public var authority: String
        public var status: ChildStatus
        public var emergency: Bool
        public var children: Int
        public init(authority: String, status: ChildStatus, emergency: Bool, children: Int) {
            self.authority = authority
            self.status = status
            self.emergency = emergency
            self.children = children
        }
    }

    /// Placements (undone ones left out) by the child's placing authority now, type, reg 12 tier and whether
    /// still running (no actual end).
    public struct Placements: Sendable, Hashable {
        public var authority: String
        public var placementType: PlacementType
        public var localityTier: Int
        public var current: Bool
        public var placements: Int
        public var averageMiles: Double?
        public init(authority: String, placementType: PlacementType, localityTier: Int, current: Bool, placements: Int, averageMiles: Double?) {
            self.authority = authority
            self.placementType = placementType
            self.localityTier = localityTier
            self.current = current
            self.placements = placements
            self.averageMiles = averageMiles
        }
    }

    /// Vacancies by the authority their bed is in (the provider's when the bed was not located).
    public struct Vacancies: Sendable, Hashable {
        public var authority: String
        public var setting: Setting
        public var status: VacancyStatus
        public var vacancies: Int
        public init(authority: String, setting: Setting, status: VacancyStatus, vacancies: Int) {
            self.authority = authority
            self.setting = setting
            self.status = status
            self.vacancies = vacancies
        }
    }

    public var children: [Children]
    public var placements: [Placements]
    public var vacancies: [Vacancies]

    public init(children: [Children] = [], placements: [Placements] = [], vacancies: [Vacancies] = []) {
        self.children = children
        self.placements = placements
        self.vacancies = vacancies
    }

    /// The counts of the records given, grouped as the server's views group them.
    public init(children: [Child], placements: [Placement], bedAuthority: [String: String], vacancies: [Vacancy]) {
        var childCounts: [Children: Int] = [:]
        var authorityOf: [String: String] = [:]
        for child in children {
            authorityOf[child.id] = child.placingAuthority
            let key = Children(authority: child.placingAuthority, status: child.status, emergency: child.urgency == .emergency, children: 0)
            childCounts[key, default: 0] += 1
        }
        var placementCounts: [Placements: (count: Int, miles: Double)] = [:]
        let none: (count: Int, miles: Double) = (0, 0)
        for p in placements where !p.isUndone {
            guard let authority = authorityOf[p.childID] else { continue }
            let key = Placements(authority: authority, placementType: p.placementType, localityTier: p.localityTier,
                                 current: p.actualEnd == nil, placements: 0, averageMiles: nil)
            placementCounts[key, default: none].count += 1
            placementCounts[key, default: none].miles += p.milesFromHome
        }
        var vacancyCounts: [Vacancies: Int] = [:]
        for v in vacancies {
            guard let authority = bedAuthority[v.id] else { continue }
            vacancyCounts[Vacancies(authority: authority, setting: v.setting, status: v.status, vacancies: 0), default: 0] += 1
        }
        self.children = childCounts.map { var row = $0.key; row.children = $0.value; return row }
        self.placements = placementCounts.map { key, value in
            var row = key
            row.placements = value.count
            // As the server rounds: AVG to one decimal.
            row.averageMiles = (value.miles / Double(value.count) * 10).rounded() / 10
            return row
        }
        self.vacancies = vacancyCounts.map { var row = $0.key; row.vacancies = $0.value; return row }
        sort()
    }

    /// One order for either source, so figures from a file and from a server compare equal.
    public mutating func sort() {
        children.sort { ($0.authority, $0.status.rawValue, $0.emergency ? 0 : 1) < ($1.authority, $1.status.rawValue, $1.emergency ? 0 : 1) }
        placements.sort {
            ($0.authority, $0.placementType.rawValue, $0.localityTier, $0.current ? 1 : 0)
                < ($1.authority, $1.placementType.rawValue, $1.localityTier, $1.current ? 1 : 0)
        }
        vacancies.sort { ($0.authority, $0.setting.rawValue, $0.status.rawValue) < ($1.authority, $1.setting.rawValue, $1.status.rawValue) }
    }
}

extension ReportArea {
    /// The ONS code for Wales: what a commissioner for all Wales is added with.
    public static let walesCode = "W92000004"

    /// Whether every authority of `other` is inside this area (a commissioner's cover and the area asked for).
    public func covers(_ other: ReportArea) -> Bool {
        switch (self, other) {
        case (.wales, _): true
        case (.board(let mine), .board(let asked)): mine == asked
        case (.board, .authority(let code)): contains(code)
        case (.authority(let mine), .authority(let asked)): mine == asked
        default: false
        }
    }
}

/// The report a commissioner gets, never from a child's record: panels 1-5, 9 and 10 from the figures the
/// server computes for the area and period (`AggregateCell`, migration pg16), panels 6-8 from its count views
/// as at today. Figures resting on fewer than 5 children are hidden (`SmallNumbers`), except panel 7's open
/// vacancies: they are the shared market, which a commissioner reads one by one on the Vacancies tab.
public enum AggregateReports {
    public static func compute(_ figures: AggregateFigures, cells: [AggregateCell] = [], area: ReportArea, period: ReportPeriod,
                               panels: [ReportPanelKind] = ReportPanelKind.allCases, geography: Geography = .wales) -> ReportSet {
        let note = "Counted by the server as at today, whatever the period; no child's record is read."
        return ReportSet(area: area, areaLabel: area.label(geography), period: period, panels: panels.map { kind in
            switch kind {
            case .whereChildrenLive: whereChildrenLive(figures, area: area, note: note)
            case .freeBeds: openVacancies(figures, area: area, note: note)
            case .unmetNeed: waiting(figures, area: area, note: note)
            default: ServerPanels.panel(kind, cells: cells, area: area, period: period)
            }
        })
    }

    /// The kinds of panel the server computes for a period (the rest come from its count views).
    public static let computedByServer = ServerPanels.kinds

    static func whereChildrenLive(_ figures: AggregateFigures, area: ReportArea, note: String) -> ReportPanel {
        let bands = LocalityBand.allCases
        var grid = [[Double]](repeating: [Double](repeating: 0, count: bands.count), count: ReportSetting.allCases.count)
        var miles = (total: 0.0, placements: 0.0)
        for row in figures.placements where row.current && area.contains(row.authority) {
            let band = LocalityTier(rawValue: row.localityTier).map { LocalityBand($0) } ?? .outsideWales
            grid[ReportSetting(row.placementType).rawValue][band.rawValue] += Double(row.placements)
            if let average = row.averageMiles {
                miles.total += average * Double(row.placements)
                miles.placements += Double(row.placements)
            }
        }
        let byBand = bands.map { band in (band.label, grid.reduce(0) { $0 + $1[band.rawValue] }) }
        let average = miles.placements > 0 ? (miles.total / miles.placements * 10).rounded() / 10 : Double.nan
        // A child has one placement running today: the placements are the children they rest on.
        let tables = [
            SmallNumbers.apply(.shares("Placements by locality", unit: "count", byBand), children: byBand.map { [Int($0.1)] }),
            SmallNumbers.apply(ReportTable(title: "By setting", columns: bands.map(\.label),
                                           rows: ReportSetting.allCases.map { ReportRow(label: $0.label, values: grid[$0.rawValue]) }),
                               children: grid.map { $0.map { Int($0) } }),
            SmallNumbers.apply(ReportTable(title: "Average miles from home", columns: ["miles"],
                                           rows: [ReportRow(label: "total", values: [average])]),
                               children: [[Int(miles.placements)]]),
        ]
        return ReportPanel(kind: .whereChildrenLive, tables: tables, notes: [note] + hiddenNote(tables))
    }

    static func openVacancies(_ figures: AggregateFigures, area: ReportArea, note: String) -> ReportPanel {
        var bySetting = [Double](repeating: 0, count: Setting.allCases.count)
        for row in figures.vacancies where row.status == .open && area.contains(row.authority) {
            bySetting[Setting.allCases.firstIndex(of: row.setting)!] += Double(row.vacancies)
        }
        return ReportPanel(kind: .freeBeds, tables: [
            .shares("Open vacancies", unit: "vacancies", Setting.allCases.indices.map { (Setting.allCases[$0].label, bySetting[$0]) }),
        ], notes: [note, "Vacancies are counted, not beds; each in the authority its bed is in."])
    }

    static func waiting(_ figures: AggregateFigures, area: ReportArea, note: String) -> ReportPanel {
        var emergency = 0.0, byDate = 0.0
        for row in figures.children where row.status != .placed && area.contains(row.authority) {
            if row.emergency { emergency += Double(row.children) } else { byDate += Double(row.children) }
        }
        let table = SmallNumbers.apply(.shares("Waiting, by urgency", unit: "children", [("emergency", emergency), ("needed by a date", byDate)]),
                                       children: [[Int(emergency)], [Int(byDate)]])
        return ReportPanel(kind: .unmetNeed, tables: [table], notes: [note, perChildNote] + hiddenNote([table]))
    }

    static let perChildNote = "A commissioner gets counts by urgency, not the list of waiting children."

    static func hiddenNote(_ tables: [ReportTable]) -> [String] {
        tables.contains { $0.rows.contains { $0.suppressed != nil } } ? [ServerPanels.hiddenNote] : []
    }
}
