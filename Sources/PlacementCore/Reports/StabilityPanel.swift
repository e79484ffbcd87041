/// Panel 5: how often children move (para 3.19), how much notice endings gave (para 6.11), by sector, and
/// which providers end placements at short notice.
enum StabilityPanel {
    enum NoticeBand: Int, CaseIterable {
        case sameDay, underAWeek, longer, unrecorded

        init(hours: Int?) {
            guard let hours else { self = .unrecorded; return }
            self = hours <= Workflow.shortNoticeHours ? .sameDay : hours < 7 * 24 ? .underAWeek : .longer
        }

        var label: String {
            switch self {
            case .sameDay: "same day (24 h or less)"
            case .underAWeek: "under 7 days"
            case .longer: "7 days or more"
            case .unrecorded: "notice not recorded"
            }
        }
    }

    static func compute(_ data: ReportData, area: ReportArea, period: ReportPeriod) -> ReportPanel {
        let placements = data.countedPlacements(in: area)
        guard period.days > 0 else { return ReportPanel(kind: .stability, notes: ["The period has not begun."]) }

        var perChild: [String: Int] = [:]
        for p in placements where p.overlaps(from: period.start, to: period.end) { perChild[p.childID, default: 0] += 1 }
        var moves = [Double](repeating: 0, count: 3)
        for count in perChild.values { moves[min(count, 3) - 1] += 1 }
        let labels = ["1 placement", "2 placements", "3 or more"]
        let ref = "para 3.19, Wales (31 March 2019)"
        let movesTable = ReportTable.shares("Children by placements in the period", unit: "children",
                                            zip(labels, moves).map { ($0, $1) },
                                            baselines: Dictionary(uniqueKeysWithValues: zip(labels, Baseline.placementsInYearShares.map {
                                                BaselineFigure.percent($0, ref)
                                            })))

        let endings = placements.filter { p in p.actualEnd.map(period.contains) ?? false }
        var byNotice = [Double](repeating: 0, count: NoticeBand.allCases.count)
        var bySector = [[Double]](repeating: [0, 0], count: ReportSector.allCases.count)
        var byProvider: [String: (short: Int, all: Int)] = [:]
        for p in endings {
            let band = NoticeBand(hours: p.noticeHours)
            byNotice[band.rawValue] += 1
            let short = band == .sameDay ? 1 : 0
            if let s = data.sector(of: p) {
                bySector[s.rawValue][0] += 1
                bySector[s.rawValue][1] += Double(short)
            }
            byProvider[p.providerID, default: (0, 0)].short += short
            byProvider[p.providerID, default: (0, 0)].all += 1
        }
        let ranked = byProvider.filter { $0.value.short > 0 }
            .sorted { ($1.value.short, $0.key) < ($0.value.short, $1.key) }
            .prefix(5)
            .map { id, counts in
                ReportRow(label: data.provider(id)?.name ?? id, values: [Double(counts.short), Double(counts.all)])
            }
        return ReportPanel(kind: .stability, tables: [
            movesTable,
            .shares("Endings by notice given", unit: "endings", NoticeBand.allCases.map { ($0.label, byNotice[$0.rawValue]) }),
            ReportTable(title: "Endings by sector", columns: ["endings", "same day"],
                        rows: ReportSector.allCases.map { ReportRow(label: $0.label, values: bySector[$0.rawValue]) }),
            ReportTable(title: "Providers by same-day endings", columns: ["same day", "endings"], rows: ranked),
        ], notes: ["Children with any placement running in the period; endings are placements ended in it.",
                   "Para 3.19 counts each child's placements over the year to 31 March 2019."])
    }
}
