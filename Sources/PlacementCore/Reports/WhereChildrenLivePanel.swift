/// Panel 6: where the area's looked-after children live today: in-county, elsewhere in Wales or outside
/// Wales, by setting, and how far from home.
enum WhereChildrenLivePanel {
    static let distanceBands: [(label: String, below: Double)] = [
        ("under 10 miles", 10), ("10 to 20 miles", 20), ("20 to 50 miles", 50), ("50 miles or more", .infinity),
    ]

    static func compute(_ data: ReportData, area: ReportArea) -> ReportPanel {
        // Each child's placement tonight: the latest started of those running today.
        var current: [String: Placement] = [:]
        for p in data.countedPlacements(in: area) where p.start <= data.today && (p.actualEnd.map { $0 > data.today } ?? true) {
            if let seen = current[p.childID], (seen.start, seen.id) > (p.start, p.id) { continue }
            current[p.childID] = p
        }
        let bands = LocalityBand.allCases
        var grid = [[Double]](repeating: [Double](repeating: 0, count: bands.count), count: ReportSetting.allCases.count)
        var distance = [Double](repeating: 0, count: distanceBands.count)
        for p in current.values {
            grid[ReportSetting(p.placementType).rawValue][LocalityBand(p.locality).rawValue] += 1
            distance[distanceBands.firstIndex { p.milesFromHome < $0.below }!] += 1
        }
        let byBand = bands.map { band in (band.label, grid.reduce(0) { $0 + $1[band.rawValue] }) }
        return ReportPanel(kind: .whereChildrenLive, tables: [
            .shares("Children by locality", unit: "children", byBand),
            ReportTable(title: "By setting", columns: bands.map(\.label),
                        rows: ReportSetting.allCases.map { ReportRow(label: $0.label, values: grid[$0.rawValue]) }),
            .shares("Distance from home", unit: "children", distanceBands.indices.map { (distanceBands[$0].label, distance[$0]) }),
        ], notes: ["As at \(data.today.iso), whatever the period. Distances are estimated road miles at the start.",
                   "The report gives nights by locality (panel 2), not children on a day."])
    }
}
