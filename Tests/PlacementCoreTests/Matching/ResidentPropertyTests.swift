import Foundation
import PropertyBased
import Testing
@testable import PlacementCore

/// Invariants of the checks against a home's current residents over generated worlds.
@Suite struct ResidentPropertyTests {
    typealias W = MatchWorld
    typealias Rules = ResidentRuleTests

    /// Homes with children living in them, drawn from a seed: ages 8-18, any gender, some posing or at risk.
    static func residents(count: Int, seed: Int) -> [Resident] {
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: seed))
        return (0..<count).map { n in
            let risks = RiskToOthers.allCases.filter { _ in rng.int(4) == 0 }
            return Resident(childID: "R\(n)", providerID: rng.int(3) == 0 ? "EMPTY" : "HOME",
                            birthDay: W.today.adding(days: -(8 * 365 + rng.int(10 * 365))), gender: Gender.allCases[rng.int(3)],
                            riskToOthers: rng.int(2) == 0 ? Set(risks) : [], atRisk: rng.int(3) == 0 ? [RiskToOthers.allCases[rng.int(2)]] : [])
        }
    }

    static func child(seed: Int) -> Child {
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: seed ^ 0x5EED))
        return Rules.child(needs: rng.int(2) == 0 ? [.init(code: ["CSE", "CCE"][rng.int(2)], level: .important)] : [],
                           risks: rng.int(4) == 0 ? [RiskToOthers.allCases[rng.int(2)]] : [],
                           companions: [nil, .solo, .olderOnly, .youngerOnly][rng.int(4)],
                           associates: rng.int(3) == 0 ? ["R\(rng.int(6))"] : [])
    }

    /// A random policy: each rule hard, soft or off.
    static func policy(seed: Int) -> MatchPolicy {
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: seed ^ 0xA11))
        var p = MatchPolicy.default
        for rule in ResidentRule.allCases { p.residentRules[rule] = ResidentRuleMode.allCases[rng.int(3)] }
        return p
    }

    /// By vacancy id: its residents' fit (1 when the factor does not apply), or nil when excluded.
    static func fits(_ residents: [Resident], child: Child, policy: MatchPolicy, genders: Set<Gender>) -> [String: Double?] {
        let engine = Rules.engine(residents, vacancies: Rules.vacancies(genders: genders), policy: policy)
        let result = engine.rank(W.request([child]))
        var out: [String: Double?] = [:]
        for r in result.ranked { out[engine.index.vacancies[r.index].id] = Rules.fit(r) ?? 1 }
        for e in result.excluded { out[engine.index.vacancies[e.index].id] = .some(nil) }
        return out
    }

    @Test func addingAResidentNeverRaisesAVacancysFitNorLetsAnExcludedOneBack() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...6), Gen.int(in: 0...Int.max)) { count, seed in
            let residents = Self.residents(count: count + 1, seed: seed)
            let child = Self.child(seed: seed), policy = Self.policy(seed: seed)
            let genders: Set<Gender> = seed % 2 == 0 ? Set(Gender.allCases) : [.female]
            let before = Self.fits(Array(residents.dropLast()), child: child, policy: policy, genders: genders)
            let after = Self.fits(residents, child: child, policy: policy, genders: genders)
            for (id, fit) in before {
                guard let was = fit else {
                    #expect(after[id] == .some(nil), "\(id) was excluded, and is ranked once someone moves in")
                    continue
                }
                if let now = after[id] ?? nil { #expect(now <= was + 1e-12, "\(id): fit \(was) rose to \(now)") }
            }
        }
    }

    @Test func aVacancyBreakingAHardRuleNeverRanks_andOnlyHardRulesExclude() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...6), Gen.int(in: 0...Int.max)) { count, seed in
            let policy = Self.policy(seed: seed)
            let engine = Rules.engine(Self.residents(count: count, seed: seed), vacancies: Rules.vacancies(genders: [.female]), policy: policy)
            let request = W.request([Self.child(seed: seed)])
            let profile = Profile(request: request, engine: engine)
            let result = engine.rank(request)
            for r in result.ranked {
                let broken = profile.residentRules(engine.index.columns.gates[r.index], at: r.index)
                #expect(broken & profile.residents.hard == 0, "a ranked vacancy breaks a hard rule")
            }
            for e in result.excluded {
                let rules = ResidentRule.allCases.filter { e.reasons.contains($0.exclusion) }
                #expect(rules.allSatisfy { policy.residentRules[$0] == .hard }, "excluded by a rule that is not hard")
                let broken = profile.residentRules(engine.index.columns.gates[e.index], at: e.index)
                #expect(rules.allSatisfy { broken & $0.bit != 0 }, "an exclusion names a rule the home does not break")
            }
        }
    }
}
