import Foundation
import PropertyBased
import Testing
@testable import PlacementCore

/// Invariants of the two-home arrangements offered when no vacancy takes a whole sibling group (s.81).
@Suite struct SiblingArrangementPropertyTests {
    typealias W = MatchWorld

    struct World: CustomStringConvertible, Sendable {
        var engine: MatchEngine
        var siblings: [Child]
        var description: String { "\(siblings.count) siblings, \(engine.index.count) vacancies" }
    }

    static let welsh = ["CF10 1AA", "CF14 4XW", "CF62 4AA", "NP20 1AA", "SA1 1AA", "LL57 2DG"]

    /// A group of two to four siblings of mixed ages and genders, and up to ten small vacancies.
    static func makeWorld(siblings: Int, vacancies: Int, seed: Int) -> World {
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: seed))
        let group = SiblingGroup(groupID: "G", mustBePlacedTogether: true)
        let children = (0..<siblings).map { k in
            W.child("C\(k)", dob: "20\(10 + rng.int(12))-0\(1 + rng.int(9))-01", siblings: group,
                    gender: rng.int(2) == 0 ? .female : .male)
        }
        let providers = welsh.map { W.provider("P-\($0)", at: $0) }
        let beds = (0..<vacancies).map { i in
            W.vacancy("V\(i)", provider: providers[rng.int(providers.count)].id, beds: rng.int(4),
                      ages: rng.int(9)...(12 + rng.int(6)), siblings: 1 + rng.int(3),
                      genders: [[.female], [.male], [.female, .male]][rng.int(3)])
        }
        return World(engine: W.engine(providers: providers, vacancies: beds), siblings: children)
    }

    static let siblings = Gen.int(in: 2...4)
    static let vacancies = Gen.int(in: 1...10)
    static let seed = Gen.int(in: 0...Int.max)

    @Test func everyArrangementFitsItsBedsAndPlacesEachSiblingOnce() async {
        await propertyCheck(count: 150, input: Self.siblings, Self.vacancies, Self.seed) { n, count, seed in
            let w = Self.makeWorld(siblings: n, vacancies: count, seed: seed)
            guard case .split(_, let arrangements, _) = w.engine.rankGroup(W.request(w.siblings)) else { return }
            for a in arrangements {
                let placed = a.parts.flatMap(\.childIDs)
                #expect(placed.sorted() == w.siblings.map(\.id).sorted(), "each sibling in exactly one home")
                #expect(a.parts.count == 2 && a.parts[0].candidate.index != a.parts[1].candidate.index, "two different homes")
                for part in a.parts {
                    let v = w.engine.index.vacancies[part.candidate.index]
                    #expect(part.childIDs.count <= v.beds, "\(v.id) has \(v.beds) beds for \(part.childIDs.count)")
                    if part.childIDs.count > 1 { #expect(part.childIDs.count <= v.maxSiblingGroup) }
                }
                #expect(a.pairsTogether == a.parts.reduce(0) { $0 + $1.childIDs.count * ($1.childIDs.count - 1) / 2 })
            }
            #expect(zip(arrangements, arrangements.dropFirst()).allSatisfy { $0.pairsTogether >= $1.pairsTogether },
                    "more siblings together always ranks first")
        }
    }

    /// Brute force over every way of splitting the group in two and every pair of beds each part passes
    /// the hard constraints for: the first arrangement keeps as many together as the best of them.
    @Test func theFirstArrangementSplitsTheGroupNoMoreThanTheBestAvailable() async {
        await propertyCheck(count: 150, input: Self.siblings, Self.vacancies, Self.seed) { n, count, seed in
            let w = Self.makeWorld(siblings: n, vacancies: count, seed: seed)
            guard case .split(_, let arrangements, _) = w.engine.rankGroup(W.request(w.siblings)) else { return }
            func fits(_ mask: Int) -> Set<Int> {
                let part = w.siblings.indices.filter { mask & (1 << $0) != 0 }.map { w.siblings[$0] }
                return Set(w.engine.rank(W.request(part)).ranked.map(\.index))
            }
            var best: Int?
            let all = (1 << n) - 1
            for mask in stride(from: 1, to: all, by: 2) {
                let (a, b) = (fits(mask), fits(all ^ mask))
                guard a.contains(where: { x in b.contains { $0 != x } }) else { continue }
                let k = mask.nonzeroBitCount, m = n - k
                best = max(best ?? 0, k * (k - 1) / 2 + m * (m - 1) / 2)
            }
            #expect(arrangements.first?.pairsTogether == best)
        }
    }
}
