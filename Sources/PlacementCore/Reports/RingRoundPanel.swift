/// Panel 9: the work of finding placements: calls per child searched (para 6.9), declines by reason, and
/// how long from a provider's notice to the child's next placement.
enum RingRoundPanel {
    static func compute(_ data: ReportData, area: ReportArea, period: ReportPeriod) -> ReportPanel {
        let inArea = { (id: String) in data.child(id).map { area.contains($0.placingAuthority) } ?? false }
        let calls = data.contacts.filter { period.contains(WorkflowTime.day(of: $0.at)) && inArea($0.childID) }
        let perChild = Dictionary(grouping: calls, by: \.childID).mapValues(\.count)
        let searched = Double(perChild.count)
        var reasons: [String: Double] = [:]
        for call in calls where call.outcome == .declined {
            let reason = VisibleText.line(call.declineReason ?? "").lowercased().trimmingASCIIWhitespace()
            reasons[reason.isEmpty ? "no reason given" : reason, default: 0] += 1
        }
        let topReasons = reasons.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        var shown = Array(topReasons.prefix(8))
        let rest = topReasons.dropFirst(8).reduce(0) { $0 + $1.value }
        if rest > 0 { shown.append((key: "other reasons", value: rest)) }

        // From each placement-ending notice to the start of the child's next placement.
        let bands = ["same day", "1 to 7 days", "over 7 days", "not placed yet"]
        var waits = [Double](repeating: 0, count: bands.count)
        let placementsByChild = Dictionary(grouping: data.placements.filter(\.countsInReports), by: \.childID)
        for notice in data.notices where notice.kind == .placementEnding {
            guard let childID = notice.childID, inArea(childID) else { continue }
            let received = WorkflowTime.day(of: notice.receivedAt)
            guard period.contains(received) else { continue }
            let next = placementsByChild[childID]?.filter { $0.start >= received }.map(\.start).min()
            guard let next else { waits[3] += 1; continue }
            let days = received.days(until: next)
            waits[days == 0 ? 0 : days <= 7 ? 1 : 2] += 1
        }
        return ReportPanel(kind: .ringRound, tables: [
            ReportTable(title: "Calls", columns: ["count"], rows: [
                ReportRow(label: "children searched", values: [searched]),
                ReportRow(label: "calls", values: [Double(calls.count)]),
                ReportRow(label: "calls per child", values: [searched > 0 ? (Double(calls.count) / searched * 10).rounded() / 10 : 0],
                          baseline: BaselineFigure(value: nil, text: Baseline.callsToFindPlacement, ref: "para 6.9, calls to find a placement")),
                ReportRow(label: "most for one child", values: [Double(perChild.values.max() ?? 0)]),
            ]),
            .shares("Declines by reason", unit: "declines", shown.map { ($0.key, $0.value) }),
            .shares("From notice to placed", unit: "notices", zip(bands, waits).map { ($0, $1) }),
        ], notes: ["Calls recorded in the period for the area's children; a notice's wait ends at the next placement's start."])
    }
}
