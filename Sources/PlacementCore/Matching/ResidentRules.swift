/// The compatibility checks between a child and the children already living in a home (issue 15 §2).
/// Each rule is set in the policy as hard (the vacancy is excluded with the rule's reason), soft (it lowers
/// the "fit with current residents" factor and shows as a reason and the R flag) or off. Every rule asks
/// "is there a child living there such that …", so a resident added can only break more rules, never fewer.
public enum ResidentRule: String, Sendable, Codable, CaseIterable {
    /// The child's age differs from a resident's by more than the home's purpose allows.
    case ageGap = "age_gap"
    /// A child at risk of sexual or criminal exploitation with a child who poses that risk (either way round).
    case exploitation
    /// The child's own "who can they live alongside" (solo, older only, younger only) is not met.
    case livingCompanions = "living_companions"
    /// A known associate the child must not be placed with lives there.
    case associate
    /// The children there and this child make a gender mix the home is not registered for.
    case genderMix = "gender_mix"

    /// The exclusion reason when the rule is hard.
    public var exclusion: ExclusionReasons {
        ExclusionReasons(rawValue: ExclusionReasons.firstResidentBit << UInt32(ordinal))
    }

    var ordinal: Int { Self.allCases.firstIndex(of: self)! }
    var bit: UInt8 { 1 << UInt8(ordinal) }
}

public enum ResidentRuleMode: String, Sendable, Codable, CaseIterable {
    case hard, soft, off
}

/// The children living in each home that has a vacancy, summarised once when the index is built: the
/// engine reads a few integers per home, never a child's record, and the reasons say nothing that would
/// identify a child (no name, no initials, no id).
struct ResidentHomes: Sendable {
    struct Home: Sendable {
        var count = 0
        /// Birth days (days since 1970) of the oldest and the youngest child there.
        var earliestBirth = Int32.max
        var latestBirth = Int32.min
        var genderMask: UInt8 = 0
        /// `RiskToOthers` bits: risks the children there pose to others, and risks they are at.
        var poses: UInt8 = 0
        var atRisk: UInt8 = 0
    }

    var homes: [Home] = []
    /// Which home each resident child lives in, so a request's associates are looked up by id.
    var homeOfChild: [String: Int32] = [:]

    /// Groups `residents` by home (`Resident.homeKey`) over `count` homes; `homeOf` gives a key's ordinal,
    /// nil for a home with no vacancy (whose children no ranking reads).
    init(residents: [Resident], count: Int, providers: [String: Provider], homeOf: (String) -> Int32?) {
        homes = Array(repeating: Home(), count: count)
        for r in residents {
            guard let provider = providers[r.providerID], let key = Resident.homeKey(provider: provider, bedPostcode: r.bedPostcode),
                  let ordinal = homeOf(key) else { continue }
            let h = Int(ordinal)
            let birth = Int32(r.birthDay.daysSinceEpoch)
            homes[h].count += 1
            homes[h].earliestBirth = min(homes[h].earliestBirth, birth)
            homes[h].latestBirth = max(homes[h].latestBirth, birth)
            homes[h].genderMask |= CandidateIndex.bit(r.gender)
            homes[h].poses |= Self.mask(r.riskToOthers)
            homes[h].atRisk |= Self.mask(r.atRisk)
            if let id = r.childID { homeOfChild[id] = Int32(h) }
        }
    }

    init() {}

    static func mask(_ risks: some Sequence<RiskToOthers>) -> UInt8 {
        risks.reduce(0) { $0 | 1 << UInt8(RiskToOthers.allCases.firstIndex(of: $1)!) }
    }
}

/// The request's side of the checks, worked out once per ranking for every home with children living there.
struct ResidentChecks {
    /// Rules broken in each home that do not depend on the vacancy (exploitation, companions, associate).
    let broken: [UInt8]
    /// Each home's largest age gap, in years, between a child of the group and a child living there.
    let gap: [UInt8]
    let maxAgeGap: Int
    let hard: UInt8
    let soft: UInt8
    let penalty: Double

    init(homes: ResidentHomes, children: [Child], neededDay: Day, policy: MatchPolicy) {
        var hard: UInt8 = 0, soft: UInt8 = 0
        for rule in ResidentRule.allCases {
            switch policy.residentRules[rule] ?? .off {
            case .hard: hard |= rule.bit
            case .soft: soft |= rule.bit
            case .off: break
            }
        }
        self.hard = hard
        self.soft = soft
        maxAgeGap = policy.maxAgeGapYears
        penalty = policy.residentSoftPenalty
        let poses = ResidentHomes.mask(children.flatMap(\.riskToOthers))
        let atRisk = ResidentHomes.mask(children.flatMap(\.atRiskOfExploitation))
        let ages = children.map { $0.age(on: neededDay) }
        let youngest = ages.min() ?? 0, oldest = ages.max() ?? 0
        let births = children.map { Int32($0.dateOfBirth.daysSinceEpoch) }
        // The latest birth of a member who may live only with older children, the earliest of one who may
        // live only with younger ones; a member wanting a solo placement rules out any child there.
        let olderOnly = zip(children, births).filter { $0.0.livingCompanions == .olderOnly }.map(\.1).max()
        let youngerOnly = zip(children, births).filter { $0.0.livingCompanions == .youngerOnly }.map(\.1).min()
        let solo = children.contains { $0.livingCompanions == .solo }
        var broken = [UInt8](repeating: 0, count: homes.homes.count)
        var gap = [UInt8](repeating: 0, count: homes.homes.count)
        for (h, home) in homes.homes.enumerated() where home.count > 0 {
            var b: UInt8 = 0
            if poses & home.atRisk != 0 || atRisk & home.poses != 0 { b |= ResidentRule.exploitation.bit }
            // Born after the member: younger; born before: older (a twin of the same day is neither).
            if solo || olderOnly.map({ home.latestBirth > $0 }) == true || youngerOnly.map({ home.earliestBirth < $0 }) == true {
                b |= ResidentRule.livingCompanions.bit
            }
            broken[h] = b
            let oldestThere = Day(daysSinceEpoch: Int(home.earliestBirth)).age(on: neededDay)
            let youngestThere = Day(daysSinceEpoch: Int(home.latestBirth)).age(on: neededDay)
            gap[h] = UInt8(clamping: max(oldestThere - youngest, oldest - youngestThere, 0))
        }
        for id in Set(children.flatMap(\.associatesToAvoid)) {
            if let h = homes.homeOfChild[id] { broken[Int(h)] |= ResidentRule.associate.bit }
        }
        self.broken = broken
        self.gap = gap
    }

    /// Every rule broken by placing the group in vacancy `g`, in home `h`: the home's own, then the two that
    /// read the vacancy (its age range and genders stand for the home's statement of purpose).
    @inline(__always)
    func rules(home h: Int, gate g: CandidateIndex.Gate, homes: ResidentHomes) -> UInt8 {
        var b = broken[h]
        let purposeSpan = Int(g.ageMax) - Int(g.ageMin)
        if Int(gap[h]) > min(maxAgeGap, purposeSpan) { b |= ResidentRule.ageGap.bit }
        if homes.homes[h].genderMask & ~g.genderMask != 0 { b |= ResidentRule.genderMix.bit }
        return b
    }

    /// The factor's score for the rules broken: 1 with none, less `penalty` for each soft one, never below 0.
    @inline(__always)
    func score(_ rules: UInt8) -> Double {
        max(0, 1 - penalty * Double((rules & soft).nonzeroBitCount))
    }

    /// The hard rules broken, as exclusion reasons.
    @inline(__always)
    func exclusions(_ rules: UInt8) -> UInt32 {
        UInt32(rules & hard) << ExclusionReasons.firstResidentBit.trailingZeroBitCount
    }
}
