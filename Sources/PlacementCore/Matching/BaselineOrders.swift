/// The orders officers fall back on without Placefinder, for comparison (docs/matching.md):
/// the first bed free ("whoever happens to have a bed", seed report 6.1) and the nearest bed.
/// Both check only what a ring-round checks at once: open, free, setting, age and a bed.
public struct BaselineOrders: Sendable {
    public let firstAvailable: [Int]
    public let nearest: [Int]

    public init(engine: MatchEngine, request: MatchRequest, top: Int) {
        let index = engine.index
        let home = UnitVector(request.home.coordinate)
        let needed = request.children[0].urgency.neededDay(today: request.today)
        let ages = request.children.map { $0.age(on: needed) }
        let basic = index.vacancies.indices.filter { i in
            let v = index.vacancies[i]
            return (v.status == .open || (v.status == .held && !v.isHeld(at: request.now)))
                && request.children.allSatisfy { $0.accepts(v.setting) }
                && ages.allSatisfy { v.ageRange.contains($0) }
                && v.beds >= request.children.count
        }
        let miles = { (i: Int) in home.greatCircleMiles(to: UnitVector(index.locations[i].coordinate)) }
        firstAvailable = Array(basic.sorted {
            (index.vacancies[$0].availableFrom, index.vacancies[$0].id) < (index.vacancies[$1].availableFrom, index.vacancies[$1].id)
        }.prefix(top))
        nearest = Array(basic.map { ($0, miles($0)) }.sorted { ($0.1, index.vacancies[$0.0].id) < ($1.1, index.vacancies[$1.0].id) }.prefix(top).map(\.0))
    }

    /// The engine's top five beside both baseline orders, each baseline pick with the engine's verdict
    /// (docs/matching.md, "Not just a bed").
    public func comparison(with result: MatchResult, engine: MatchEngine, request: MatchRequest, language: Language = .en) -> String {
        let index = engine.index
        let home = UnitVector(request.home.coordinate)
        func line(_ n: Int, _ i: Int, _ verdict: String) -> String {
            let v = index.vacancies[i], location = index.locations[i]
            let miles = Distance.formatMiles(home.greatCircleMiles(to: UnitVector(location.coordinate)) * Distance.roadFactor,
                                             approximate: location.isApproximate)
            return "  \(n). \(index.provider(of: i).name) — " + Message.cliCompareLine.text(language, [
                "setting": v.setting.label(language), "miles": miles, "from": v.availableFrom.iso, "verdict": verdict])
        }
        var lines = [Message.cliCompareEngineTop.text(language)]
        for (n, r) in result.ranked.prefix(5).enumerated() {
            lines.append(line(n + 1, r.index, Message.cliCompareScore.text(language, ["score": String(Int(r.score.rounded()))])))
        }
        lines.append(Message.cliCompareFirstAvailable.text(language))
        for (n, i) in firstAvailable.enumerated() { lines.append(line(n + 1, i, Self.verdict(for: i, in: result, language: language))) }
        lines.append(Message.cliCompareNearest.text(language))
        for (n, i) in nearest.enumerated() { lines.append(line(n + 1, i, Self.verdict(for: i, in: result, language: language))) }
        return lines.joined(separator: "\n")
    }

    /// What the engine made of a baseline pick: its rank, or why it was excluded.
    public static func verdict(for candidate: Int, in result: MatchResult, language: Language = .en) -> String {
        if let rank = result.ranked.firstIndex(where: { $0.index == candidate }) {
            return Message.cliCompareEngineRank.text(language, ["rank": String(rank + 1), "score": String(Int(result.ranked[rank].score.rounded()))])
        }
        if let excluded = result.excluded.first(where: { $0.index == candidate }) {
            return Message.cliCompareExcluded.text(language, ["reasons": excluded.reasons.descriptions(language).joined(separator: "; ")])
        }
        return Message.cliCompareNotCandidate.text(language)
    }
}
