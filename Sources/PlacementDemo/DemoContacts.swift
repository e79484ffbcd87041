import PlacementCore
import Foundation

/// Today's ring-round for a few children needing placement (seed report 6.9: 100-150 calls is usual),
/// plus an offer call behind every hold.
struct DemoContactMaker {
    let now: Date
    var rng: DemoRandom

    static let declineReasons = [
        "no bed that fits the age range", "cannot meet the self-harm risk", "matching concerns with current residents",
        "location not suitable for the child's plan", "needs the full referral before deciding",
        "bed already offered to another authority", "staffing: cannot take an emergency today",
        "statement of purpose does not cover these needs",
    ]

    mutating func make(children: [DemoChild], vacancies: [Vacancy]) -> [Contact] {
        var drafts: [Contact] = []
        var openBySetting: [Setting: [Int]] = [:]
        for (i, v) in vacancies.enumerated() {
            if v.status == .open { openBySetting[v.setting, default: []].append(i) }
            if let hold = v.hold {
                drafts.append(Contact(id: "", childID: hold.childID, providerID: v.providerID, vacancyID: v.id,
                                      at: now.addingTimeInterval(-Double(rng.int(20...120) * 60)), outcome: .offered,
                                      by: hold.officer))
            }
        }
        let waiting = children.map(\.child).enumerated()
            .filter { $0.element.status == .needsPlacement }
            .sorted { ($0.element.urgency.isEmergency ? 0 : 1, $0.offset) < ($1.element.urgency.isEmergency ? 0 : 1, $1.offset) }
            .map(\.element)
        for child in waiting.prefix(6) {
            let pool = child.acceptableSettings.flatMap { openBySetting[$0] ?? [] }.sorted()
            guard !pool.isEmpty else { continue }
            let officer = rng.pick(DemoNames.officers)
            let calls = rng.int(6...12)
            var at = now.addingTimeInterval(-Double(calls * 15 * 60 + rng.int(0...3_600)))
            var called: Set<String> = []
            for _ in 0..<calls {
                let v = vacancies[rng.pick(pool)]
                guard called.insert(v.providerID).inserted else { continue }
                let outcome = rng.weighted([(Contact.Outcome.noAnswer, 35), (.declined, 40), (.considering, 25)])
                let providerWide = outcome == .declined && rng.chance(0.3)
                drafts.append(Contact(id: "", childID: child.id, providerID: v.providerID,
                                      vacancyID: providerWide ? nil : v.id, at: at, outcome: outcome,
                                      declineReason: outcome == .declined ? rng.pick(Self.declineReasons) : nil, by: officer))
                at = at.addingTimeInterval(Double(rng.int(5...15) * 60))
            }
        }
        return DemoIDs.numbered(drafts, prefix: "K", width: 4, time: \.at) { $0.id = $1 }
    }
}
