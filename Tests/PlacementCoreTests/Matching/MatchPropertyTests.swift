import Foundation
import PropertyBased
import Testing
@testable import PlacementCore

/// Invariants of the engine over generated worlds (swift-property-based).
@Suite struct MatchPropertyTests {
    typealias W = MatchWorld

    /// A random world: vacancies scattered across south Wales, random capabilities, fees and freshness.
    struct World: CustomStringConvertible, Sendable {
        var providers: [Provider]
        var vacancies: [Vacancy]
        var child: Child
        var locations: [String: GeoLocation]
        var description: String { "\(vacancies.count) vacancies, child needs \(child.needs.map(\.code))" }
    }

    static let codes = NeedCatalogue.standard.definitions.map(\.code)
    static let authorities = ["W06000015", "W06000014", "W06000022", "W06000011", "E06000019", "S12000049"]

    /// Worlds come from a size and a seed, so shrinking works on two integers.
    static let size = Gen.int(in: 1...40)
    static let seed = Gen.int(in: 0...Int.max)

    static func makeWorld(count: Int, seed: Int) -> World {
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: seed))
        var providers: [Provider] = []
        var vacancies: [Vacancy] = []
        var locations: [String: GeoLocation] = ["HOME": GeoLocation(coordinate: Coordinate(latitude: 51.48, longitude: -3.18), authorityCode: "W06000015", precision: .postcode)]
        for i in 0..<count {
            let postcode = "PC\(i)"
            let authority = authorities[rng.int(authorities.count)]
            locations[postcode] = GeoLocation(coordinate: Coordinate(latitude: 51.2 + rng.unit() * 1.5, longitude: -4.5 + rng.unit() * 2.5),
                                              authorityCode: authority, precision: rng.int(4) == 0 ? .district : .postcode)
            let caps = codes.filter { _ in rng.int(3) == 0 }
            providers.append(Provider(id: "P\(i)", name: "P\(i)", sector: Sector.allCases[rng.int(3)], registrationNumber: "R\(i)",
                                      serviceType: .childrensHome, postcode: postcode, authorityCode: authority,
                                      welshLanguage: WelshCapability.allCases[rng.int(3)], capabilities: caps))
            vacancies.append(W.vacancy("V\(i)", provider: "P\(i)", setting: [.residential, .foster, .kinship][rng.int(3)],
                                       beds: rng.int(3), ages: 0...(10 + rng.int(8)), emergencies: rng.int(4) != 0,
                                       fee: 500 + rng.int(8_000), confirmedDaysAgo: Double(rng.int(40))))
        }
        let needs = codes.filter { _ in rng.int(5) == 0 }.map { NeedRequirement(code: $0, level: NeedLevel.allCases[rng.int(3)]) }
        let child = W.child(home: "HOME", needs: needs, welsh: [nil, .important, .desirable][rng.int(3)])
        return World(providers: providers, vacancies: vacancies, child: child, locations: locations)
    }

    static func engine(_ w: World) -> MatchEngine {
        let index = CandidateIndex(vacancies: w.vacancies, providers: w.providers, placements: [], today: W.today) { postcode, _ in w.locations[postcode] }
        return MatchEngine(index: index)
    }

    static func request(_ w: World) -> MatchRequest {
        MatchRequest(children: [w.child], home: w.locations["HOME"]!, today: W.today, now: W.now)
    }

    static func score(of id: String, in w: World) -> Double? {
        let engine = engine(w)
        return engine.rank(request(w)).ranked.first { engine.index.vacancies[$0.index].id == id }?.score
    }

    @Test func theOrderIsDeterministic() async {
        await propertyCheck(count: 100, input: Self.size, Self.seed) { count, seed in
            let w = Self.makeWorld(count: count, seed: seed)
            let a = Self.engine(w).rank(Self.request(w))
            var shuffled = w
            shuffled.vacancies.reverse()
            shuffled.providers.reverse()
            let b = Self.engine(shuffled).rank(Self.request(shuffled))
            let idsA = a.ranked.map { w.vacancies.count - 1 - $0.index }
            let idsB = b.ranked.map(\.index)
            #expect(idsA == idsB, "same inputs in another order must rank the same")
            #expect(a.ranked.map(\.score) == b.ranked.map(\.score))
        }
    }

    @Test func noExcludedVacancyIsEverRanked() async {
        await propertyCheck(count: 100, input: Self.size, Self.seed) { count, seed in
            let w = Self.makeWorld(count: count, seed: seed)
            let result = Self.engine(w).rank(Self.request(w))
            let ranked = Set(result.ranked.map(\.index))
            #expect(ranked.isDisjoint(with: result.excluded.map(\.index)))
            #expect(ranked.count + result.excluded.count == w.vacancies.count)
            #expect(result.excluded.allSatisfy { !$0.reasons.isEmpty })
        }
    }

    @Test func movingAVacancyNearerNeverLowersItsScore() async {
        await propertyCheck(count: 100, input: Self.size, Self.seed, Gen.double(in: 0.05...0.95)) { count, seed, fraction in
            let w = Self.makeWorld(count: count, seed: seed)
            let home = w.locations["HOME"]!.coordinate
            for (i, v) in w.vacancies.enumerated() {
                guard let before = Self.score(of: v.id, in: w) else { continue }
                var nearer = w
                let here = w.locations["PC\(i)"]!
                let moved = Coordinate(latitude: here.coordinate.latitude + (home.latitude - here.coordinate.latitude) * fraction,
                                       longitude: here.coordinate.longitude + (home.longitude - here.coordinate.longitude) * fraction)
                nearer.locations["PC\(i)"] = GeoLocation(coordinate: moved, authorityCode: here.authorityCode, precision: here.precision)
                if let after = Self.score(of: v.id, in: nearer) {
                    #expect(after >= before - 1e-9, "vacancy \(v.id) scored \(before) before and \(after) nearer")
                }
                break
            }
        }
    }

    /// Issue 15 §1: with no needs recorded the score never claims a perfect fit, every option says why, and
    /// the order is the one the other factors give (needs fit is the same 0 for every bed).
    @Test func aChildWithNoNeedsRecordedIsNeverAPerfectMatch() async {
        await propertyCheck(count: 100, input: Self.size, Self.seed) { count, seed in
            Self.checkNoNeedsRecorded(count: count, seed: seed)
        }
    }

    /// The world CI found: two beds the other factors score equally, whose sums differed in the last bit
    /// once the weights were rescaled, so rounding noise rather than distance put one first.
    @Test func rescaledWeightsDoNotLetRoundingNoiseReorderEqualBeds() {
        Self.checkNoNeedsRecorded(count: 28, seed: 8851310334366808170)
    }

    static func checkNoNeedsRecorded(count: Int, seed: Int) {
        var w = Self.makeWorld(count: count, seed: seed)
        w.child.needs = []
        let engine = Self.engine(w)
        let result = engine.rank(Self.request(w))
        #expect(result.ranked.allSatisfy { $0.score < 100 - 1e-9 })
        #expect(result.ranked.prefix(result.explained).allSatisfy { $0.explanation?.flags.contains(.noNeedsRecorded) == true })
        var unweighted = MatchPolicy.default
        unweighted.weights[.needsFit] = 0
        let without = MatchEngine(index: engine.index, policy: unweighted).rank(Self.request(w))
        #expect(result.ranked.map(\.index) == without.ranked.map(\.index), "needs fit at 0 for all changes no order")
    }

    @Test func meetingOneMoreNeedNeverLowersTheScore() async {
        await propertyCheck(count: 100, input: Self.size, Self.seed, Gen.int(in: 0...16)) { count, seed, extra in
            let w = Self.makeWorld(count: count, seed: seed)
            guard let v = w.vacancies.first, let before = Self.score(of: v.id, in: w) else { return }
            var better = w
            better.vacancies[0].extraCapabilities.append(Self.codes[extra])
            let after = Self.score(of: v.id, in: better)
            #expect(after != nil, "meeting a need cannot exclude")
            #expect((after ?? -1) >= before - 1e-9)
        }
    }
}

/// Worlds draw from the suite's seeded generator so each reproduces from its seed.
extension SplitMix64 {
    mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
