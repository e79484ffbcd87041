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

    /// Children whose earlier ring-round is logged: the demo's size does not change it (search logs are long).
    static let searchedBefore = 12

    mutating func make(children: [DemoChild], vacancies: [Vacancy], placements: [Placement] = []) -> [Contact] {
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
        var anyBySetting: [Setting: [Int]] = [:]
        for (i, v) in vacancies.enumerated() { anyBySetting[v.setting, default: []].append(i) }
        // Searches that ended in a placement this year: 100-150 calls over the days before it (para 6.9),
        // declines only about beds no longer open, so they exclude nothing a child could be offered now.
        let year = now.addingTimeInterval(-365 * 86_400)
        let searched = placements.filter { p in DemoHistoryMaker.date(p.start, hour: 12) > year && DemoHistoryMaker.date(p.start, hour: 12) < now }
        let childByID = Dictionary(children.map { ($0.child.id, $0.child) }) { a, _ in a }
        var seen: Set<String> = []
        for p in searched where seen.count < Self.searchedBefore {
            guard let child = childByID[p.childID], child.siblingGroup == nil, seen.insert(child.id).inserted else { continue }
            let setting = vacancies.first { $0.providerID == p.providerID }?.setting ?? child.acceptableSettings.first ?? .foster
            let pool = anyBySetting[setting] ?? []
            guard !pool.isEmpty else { continue }
            drafts += search(child: child.id, pool: pool, vacancies: vacancies, calls: rng.int(100...150),
                             ending: DemoHistoryMaker.date(p.start, hour: 10), declinesAllowed: true)
        }
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
        // The days before today for the children being searched for now (a bed held, or rung today): calls
        // that found nothing yet (no answers), so nothing is excluded and no call-back is pending.
        var current: [String] = [], listed: Set<String> = []
        for c in drafts where listed.insert(c.childID).inserted { current.append(c.childID) }
        let waitingByID = Dictionary(waiting.map { ($0.id, $0) }) { a, _ in a }
        for id in current.prefix(30) {
            guard let child = waitingByID[id] else { continue }
            let earlier = child.acceptableSettings.flatMap { anyBySetting[$0] ?? [] }.sorted()
            guard !earlier.isEmpty else { continue }
            drafts += search(child: id, pool: earlier, vacancies: vacancies, calls: rng.int(90...130),
                             ending: now.addingTimeInterval(-6 * 3_600), declinesAllowed: false)
        }
        return DemoIDs.numbered(drafts, prefix: "K", width: 4, time: \.at) { $0.id = $1 }
    }

    /// A ring-round of `calls` calls ending at `ending`, a few minutes apart in working hours over the days
    /// before; providers are rung more than once. Declines (when allowed) name a bed no longer open.
    private mutating func search(child: String, pool: [Int], vacancies: [Vacancy], calls: Int, ending: Date,
                                 declinesAllowed: Bool) -> [Contact] {
        let officer = rng.pick(DemoNames.officers)
        var out: [Contact] = []
        var at = ending
        for _ in 0..<calls {
            at = at.addingTimeInterval(-Double(rng.int(3...9) * 60))
            // Outside 09:00-17:00 the search resumes the working day before.
            let secondsOfDay = Int(at.timeIntervalSince1970) % 86_400
            if secondsOfDay < 9 * 3_600 { at = at.addingTimeInterval(-Double(secondsOfDay - 17 * 3_600 + 86_400)) }
            let v = vacancies[rng.pick(pool)]
            var outcome = rng.weighted([(Contact.Outcome.noAnswer, 45), (.declined, 30), (.considering, 25)])
            if !declinesAllowed { outcome = .noAnswer }
            if outcome == .declined && (v.status == .open || v.status == .held) { outcome = .noAnswer }
            out.append(Contact(id: "", childID: child, providerID: v.providerID, vacancyID: outcome == .declined ? v.id : nil,
                               at: at, outcome: outcome, declineReason: outcome == .declined ? rng.pick(Self.declineReasons) : nil,
                               by: officer))
        }
        return out
    }
}
