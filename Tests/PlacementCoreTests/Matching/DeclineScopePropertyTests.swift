import Foundation
import PropertyBased
import Testing
@testable import PlacementCore

/// A decline reaches exactly as far as its scope, over generated worlds where every provider has two or three
/// vacancies and the child has been declined at random (swift-property-based).
@Suite struct DeclineScopePropertyTests {
    static let size = Gen.int(in: 1...12)
    static let seed = Gen.int(in: 0...Int.max)

    struct World {
        var providers: [Provider]
        var vacancies: [Vacancy]
        var contacts: [Contact]
    }

    static func world(providers count: Int, seed: Int) -> World {
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: seed))
        var providers: [Provider] = [], vacancies: [Vacancy] = [], contacts: [Contact] = []
        for p in 0..<count {
            providers.append(MatchWorld.provider("P\(p)", at: "CF10 1AA"))
            let ids = (0..<(2 + rng.int(2))).map { "V\(p)_\($0)" }
            for id in ids { vacancies.append(MatchWorld.vacancy(id, provider: "P\(p)")) }
            // Each provider: no call, a decline of one vacancy (scope said or left to the default), a
            // provider-wide decline, or a decline naming no vacancy; sometimes amended to a non-decline afterwards.
            let choice = rng.int(4)
            guard choice > 0 else { continue }
            let vacancy = choice == 3 ? nil : ids[rng.int(ids.count)]
            let scope: DeclineScope? = choice == 1 ? (rng.int(2) == 0 ? nil : .vacancy) : .provider
            let call = Contact(id: "K\(p)", childID: "C1", providerID: "P\(p)", vacancyID: vacancy, at: MatchWorld.now,
                               outcome: .declined, declineReason: "full", by: "alun", declineScope: scope)
            contacts.append(call)
            if rng.int(4) == 0 {
                contacts.append(try! Workflow.amendContact(call, correctedBy: nil, ContactAmendment(outcome: .considering),
                                                           id: "K\(p)a", reason: "misheard", officer: "alun", now: MatchWorld.now))
            }
        }
        return World(providers: providers, vacancies: vacancies, contacts: contacts)
    }

    /// What the scope rule says should be excluded as declined, computed from the calls directly.
    static func expectedDeclined(_ w: World) -> Set<String> {
        let amended = Set(w.contacts.compactMap { $0.correction?.corrects })
        var out = Set<String>()
        for c in w.contacts where c.outcome == .declined && !amended.contains(c.id) {
            // The rule: a decline naming a vacancy covers only it unless said to cover the provider.
            if let v = c.vacancyID, c.declineScope != .provider { out.insert(v) }
            else { out.formUnion(w.vacancies.filter { $0.providerID == c.providerID }.map(\.id)) }
        }
        return out
    }

    @Test func aDeclineExcludesExactlyWhatItsScopeCovers() async {
        await propertyCheck(count: 150, input: Self.size, Self.seed) { count, seed in
            let w = Self.world(providers: count, seed: seed)
            let engine = MatchWorld.engine(providers: w.providers, vacancies: w.vacancies)
            let result = engine.rank(MatchWorld.request([MatchWorld.child()], contacts: w.contacts))
            let declined = Set(result.excluded.filter { $0.reasons.contains(.declined) }.map { engine.index.vacancies[$0.index].id })
            #expect(declined == Self.expectedDeclined(w))
            let ranked = Set(result.ranked.map { engine.index.vacancies[$0.index].id })
            #expect(ranked.isDisjoint(with: declined))
        }
    }
}
