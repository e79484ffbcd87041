/// Panel 8: for each child waiting in the area, how many vacancies the matching engine finds suitable
/// (passing every hard constraint), by reg 12 tier; children with none anywhere first. Ids and initials only.
enum UnmetNeedPanel {
    static func compute(_ data: ReportData, area: ReportArea) -> ReportPanel {
        guard let suitable = data.suitable else {
            return ReportPanel(kind: .unmetNeed, unavailable: "the matching engine was not run for this report")
        }
        let waiting = data.children.filter { $0.status != .placed && area.contains($0.placingAuthority) }
        let rows = waiting.compactMap { child -> (Child, SuitableVacancies)? in suitable[child.id].map { (child, $0) } }
            .sorted { ($0.1.total, $0.0.id) < ($1.1.total, $1.0.id) }
        let tiers = LocalityTier.allCases
        let none = rows.filter { $0.1.total == 0 && $0.1.unmatchedReason == nil }.count
        let noneInCounty = rows.filter { $0.1.unmatchedReason == nil && $0.1.byTier.first == 0 }.count
        let unmatched = rows.filter { $0.1.unmatchedReason != nil }
        return ReportPanel(kind: .unmetNeed, tables: [
            ReportTable(title: "Waiting children", columns: ["children"], rows: [
                ReportRow(label: "waiting", values: [Double(waiting.count)]),
                ReportRow(label: "none suitable anywhere", values: [Double(none)]),
                ReportRow(label: "none in-county", values: [Double(noneInCounty)]),
            ]),
            ReportTable(title: "Suitable vacancies by tier", columns: tiers.map(\.label) + ["all"],
                        rows: rows.filter { $0.1.unmatchedReason == nil }.map { child, found in
                            ReportRow(label: "\(child.id) (\(child.initials))", values: found.byTier.map(Double.init) + [Double(found.total)])
                        }),
        ], notes: unmatched.map { "\($0.0.id) (\($0.0.initials)): \($0.1.unmatchedReason!)" }
            + ["Counted by the matching engine with the default policy; declined providers are excluded."])
    }
}
