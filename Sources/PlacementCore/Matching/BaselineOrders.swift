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

    /// What the engine made of a baseline pick: its rank, or why it was excluded.
    public static func verdict(for candidate: Int, in result: MatchResult) -> String {
        if let rank = result.ranked.firstIndex(where: { $0.index == candidate }) {
            return "engine rank \(rank + 1) (score \(Int(result.ranked[rank].score.rounded())))"
        }
        if let excluded = result.excluded.first(where: { $0.index == candidate }) {
            return "excluded: " + excluded.reasons.descriptions.joined(separator: "; ")
        }
        return "not a candidate"
    }
}
