import Foundation
import Testing
@testable import PlacementCore

/// Issue 15 §2: each check against the children already living in a home, on hand-made homes.
@Suite struct ResidentRuleTests {
    typealias W = MatchWorld

    /// A children's home in north Cardiff with one vacancy, and an empty one in Newport (the control).
    static let providers = [W.provider("HOME", at: "CF14 4XW"), W.provider("EMPTY", at: "NP20 1AA")]

    static func vacancies(ages: ClosedRange<Int> = 5...17, genders: Set<Gender> = Set(Gender.allCases)) -> [Vacancy] {
        [W.vacancy("V-HOME", provider: "HOME", ages: ages, genders: genders), W.vacancy("V-EMPTY", provider: "EMPTY")]
    }

    static func resident(_ id: String = "R1", dob: String = "2013-06-01", gender: Gender = .female,
                         poses: Set<RiskToOthers> = [], atRisk: Set<RiskToOthers> = [], at provider: String = "HOME") -> Resident {
        Resident(childID: id, providerID: provider, birthDay: Day(iso: dob)!, gender: gender, riskToOthers: poses, atRisk: atRisk)
    }

    static func engine(_ residents: [Resident], vacancies: [Vacancy] = vacancies(), policy: MatchPolicy = .default) -> MatchEngine {
        let index = CandidateIndex(vacancies: vacancies, providers: providers, placements: [], today: W.today, policy: policy,
                                   residents: residents, locate: W.locate)
        return MatchEngine(index: index, policy: policy)
    }

    /// The child (12 on the day) with a residential plan.
    static func child(needs: [NeedRequirement] = [], risks: [RiskToOthers] = [], companions: LivingCompanions? = nil,
                      associates: [String] = [], gender: Gender = .female) -> Child {
        var c = W.child(needs: needs, settings: [.residential], gender: gender)
        c.riskToOthers = risks
        c.livingCompanions = companions
        c.associatesToAvoid = associates
        return c
    }

    static func excluded(_ engine: MatchEngine, _ child: Child) -> [String: ExclusionReasons] {
        let result = engine.rank(W.request([child]))
        return Dictionary(uniqueKeysWithValues: result.excluded.map { (engine.index.vacancies[$0.index].id, $0.reasons) })
    }

    static func home(_ engine: MatchEngine, _ child: Child) -> RankedCandidate? {
        engine.rank(W.request([child])).ranked.first { engine.index.vacancies[$0.index].id == "V-HOME" }
    }

    static func fit(_ c: RankedCandidate?) -> Double? {
        c?.explanation?.contributions.first { $0.factor == .residentsFit }?.score
    }

    // MARK: - Hard checks

    @Test func aChildAtRiskOfCriminalExploitationIsKeptFromAHomeWithAChildWhoPosesIt() {
        let atRisk = Self.child(needs: [.init(code: "CCE", level: .important)])
        let engine = Self.engine([Self.resident(poses: [.criminal])])
        #expect(Self.excluded(engine, atRisk) == ["V-HOME": .residentExploitation])
        #expect(ExclusionReasons.residentExploitation.descriptions == ["exploitation risk between this child and a child living there"])
        // The risk the resident poses is not the one this child is at: no exclusion.
        let other = Self.engine([Self.resident(poses: [.sexual])])
        #expect(Self.excluded(other, atRisk).isEmpty)
    }

    @Test func theCheckRunsBothWays_aChildWhoPosesSexualHarmIsKeptFromAChildAtRiskOfIt() {
        let engine = Self.engine([Self.resident(atRisk: [.sexual])])
        #expect(Self.excluded(engine, Self.child(risks: [.sexual])) == ["V-HOME": .residentExploitation])
        #expect(Self.excluded(engine, Self.child(risks: [.criminal])).isEmpty)
    }

    @Test func aKnownAssociateLivingThereExcludesTheHome() {
        let engine = Self.engine([Self.resident("R1"), Self.resident("R2", at: "EMPTY")])
        #expect(Self.excluded(engine, Self.child(associates: ["R1"])) == ["V-HOME": .residentAssociate])
        #expect(Self.excluded(engine, Self.child(associates: ["R2"])) == ["V-EMPTY": .residentAssociate])
        #expect(Self.excluded(engine, Self.child(associates: ["R9"])).isEmpty, "an associate placed nowhere excludes nothing")
    }

    @Test func aGenderMixTheHomeIsNotRegisteredForExcludesIt() {
        // The home takes girls only now, but a boy still lives there.
        let engine = Self.engine([Self.resident(gender: .male)], vacancies: Self.vacancies(genders: [.female]))
        #expect(Self.excluded(engine, Self.child()) == ["V-HOME": .residentGenderMix])
        let fine = Self.engine([Self.resident(gender: .female)], vacancies: Self.vacancies(genders: [.female]))
        #expect(Self.excluded(fine, Self.child()).isEmpty)
    }

    // MARK: - Soft checks

    @Test func aSoloPlacementRecommendedLowersTheFitOfAHomeWithAnyoneInIt() {
        let engine = Self.engine([Self.resident()])
        let solo = Self.home(engine, Self.child(companions: .solo))
        #expect(Self.fit(solo) == 0.5)
        #expect(solo?.explanation?.flags.contains(.residentsConcern) == true)
        #expect(solo?.explanation?.reasons.contains("not who this child can live alongside (solo placement recommended)") == true)
        let anyone = Self.home(engine, Self.child())
        #expect(Self.fit(anyone) == 1)
        #expect(anyone?.explanation?.flags.contains(.residentsConcern) == false)
        #expect(anyone!.score > solo!.score)
    }

    @Test func onlyWithOlderOrYoungerChildrenReadsTheResidentsBirthDays() {
        // The child was born 2014-03-01; one resident is older (2013), one younger (2015).
        let older = Self.engine([Self.resident(dob: "2013-01-01")])
        let younger = Self.engine([Self.resident(dob: "2015-01-01")])
        #expect(Self.fit(Self.home(older, Self.child(companions: .olderOnly))) == 1)
        #expect(Self.fit(Self.home(younger, Self.child(companions: .olderOnly))) == 0.5)
        #expect(Self.fit(Self.home(younger, Self.child(companions: .youngerOnly))) == 1)
        #expect(Self.fit(Self.home(older, Self.child(companions: .youngerOnly))) == 0.5)
    }

    @Test func anAgeGapBeyondThePolicyOrTheHomesPurposeLowersTheFit() {
        // The child is 12 on the day: a 17-year-old is 5 years older (allowed), an 18-year-old 6 (not).
        #expect(Self.fit(Self.home(Self.engine([Self.resident(dob: "2009-01-01")]), Self.child())) == 1)
        let wide = Self.home(Self.engine([Self.resident(dob: "2008-01-01")]), Self.child())
        #expect(Self.fit(wide) == 0.5)
        #expect(wide?.explanation?.reasons.contains("age gap of 6 years with a child living here (the home's purpose and the policy allow 5)") == true)
        // A home whose purpose spans 12-15 allows a gap of 3 at most: a 16-year-old is too far.
        let narrow = Self.engine([Self.resident(dob: "2010-06-01")], vacancies: Self.vacancies(ages: 12...15))
        #expect(Self.fit(Self.home(narrow, Self.child())) == 0.5)
    }

    @Test func twoSoftChecksBrokenLowerTheFitTwice() {
        let engine = Self.engine([Self.resident(dob: "2008-01-01")])
        #expect(Self.fit(Self.home(engine, Self.child(companions: .solo))) == 0)
    }

    @Test func thePolicyMakesAnyCheckHardSoftOrOff() {
        let atRisk = Self.child(needs: [.init(code: "CSE", level: .important)])
        let residents = [Self.resident(poses: [.sexual])]
        var soft = MatchPolicy.default
        soft.residentRules[.exploitation] = .soft
        let lowered = Self.home(Self.engine(residents, policy: soft), atRisk)
        #expect(Self.fit(lowered) == 0.5)
        #expect(lowered?.explanation?.reasons.contains("exploitation risk between this child and a child living here") == true)
        var off = MatchPolicy.default
        off.residentRules[.exploitation] = .off
        let ignored = Self.home(Self.engine(residents, policy: off), atRisk)
        #expect(Self.fit(ignored) == 1 && ignored?.explanation?.flags.contains(.residentsConcern) == false)
        var noneSoft = off
        noneSoft.residentRules[.ageGap] = .hard
        noneSoft.residentRules[.livingCompanions] = .off
        #expect(Self.fit(Self.home(Self.engine(residents, policy: noneSoft), atRisk)) == nil, "no soft check: the factor does not apply")
        var hardGap = MatchPolicy.default
        hardGap.residentRules[.ageGap] = .hard
        #expect(Self.excluded(Self.engine([Self.resident(dob: "2008-01-01")], policy: hardGap), Self.child()) == ["V-HOME": .residentAgeGap])
    }

    @Test func aPolicyFileReadsTheRulesAndRefusesAnUnknownOne() throws {
        let json = #"{"residentRules": {"age_gap": "hard", "living_companions": "off"}, "maxAgeGapYears": 3}"#
        let policy = try JSONDecoder().decode(MatchPolicy.self, from: Data(json.utf8))
        #expect(policy.residentRules[.ageGap] == .hard)
        #expect(policy.residentRules[.livingCompanions] == .off)
        #expect(policy.residentRules[.exploitation] == .hard, "a rule the file leaves out keeps its default")
        #expect(policy.maxAgeGapYears == 3)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MatchPolicy.self, from: Data(#"{"residentRules": {"pets": "hard"}}"#.utf8)) }
        let back = try JSONDecoder().decode(MatchPolicy.self, from: JSONEncoder().encode(policy))
        #expect(back == policy)
    }

    @Test func anEmptyHomeSaysSoAndAHouseholdWithoutAPostcodeHasNoKnownResidents() {
        let engine = Self.engine([Self.resident(at: "HOME")])
        let result = engine.rank(W.request([Self.child()]))
        let empty = result.ranked.first { engine.index.vacancies[$0.index].id == "V-EMPTY" }
        #expect(empty?.explanation?.reasons.contains("no other children living here now") == true)
        let home = result.ranked.first { engine.index.vacancies[$0.index].id == "V-HOME" }
        #expect(home?.explanation?.reasons.contains("1 other child living here now, aged 13") == true)
        var agency = W.provider("AGENCY", at: "CF14 4XW")
        agency.serviceType = .fosteringAgency
        #expect(Resident.homeKey(provider: agency, bedPostcode: nil) == nil)
        #expect(Resident.homeKey(provider: agency, bedPostcode: "CF5 1AA") != Resident.homeKey(provider: agency, bedPostcode: "CF5 2BB"))
        #expect(Resident.homeKey(provider: Self.providers[0], bedPostcode: "CF5 1AA") == Resident.homeKey(provider: Self.providers[0], bedPostcode: nil))
    }

    /// Residents are shown without identity: however they are named, nothing an officer reads about a match
    /// (reasons, flags, exclusions, the text table and the JSON) carries another child's name, initials or id.
    @Test func matchReasonsNeverNameOrInitialAnotherChild() {
        let residentChild = Child(id: "C-ZQX-77", givenName: "Zephyrine", familyName: "Quillfeather", dateOfBirth: Day(iso: "2008-01-01")!,
                                  gender: .male, homePostcode: "CF10 1AA", placingAuthority: "W06000015", urgency: .emergency, status: .placed,
                                  riskToOthers: [.criminal])
        let residents = [Resident(childID: residentChild.id, providerID: "HOME", birthDay: residentChild.dateOfBirth,
                                  gender: residentChild.gender, riskToOthers: Set(residentChild.riskToOthers))]
        var soft = MatchPolicy.default
        for rule in ResidentRule.allCases { soft.residentRules[rule] = .soft }
        for policy in [MatchPolicy.default, soft] {
            let engine = Self.engine(residents, vacancies: Self.vacancies(genders: [.female]), policy: policy)
            let child = Self.child(needs: [.init(code: "CCE", level: .important)], companions: .solo, associates: [residentChild.id])
            let match = engine.rankGroup(W.request([child]))
            let report = MatchReport(match, engine: engine, top: 10, includeExcluded: true)
            let text = report.text(heading: "C1") + report.json()
            #expect(text.contains("living here") || text.contains("living there"), "the residents' checks are in the report")
            for identity in [residentChild.id, residentChild.givenName, residentChild.familyName, residentChild.initials] {
                #expect(!text.contains(identity), "the report shows \(identity)")
            }
        }
    }
}
