import Foundation

/// Everything about the request that the per-candidate loop reads, precomputed once per ranking.
struct Profile {
    let home: UnitVector
    let school: UnitVector?
    let neededDay: Int32
    let emergency: Bool
    let ages: [UInt8]
    let genderMask: UInt8
    let settingMask: UInt8
    let groupSize: Int16
    let essential: NeedSet
    let important: NeedSet
    let desirable: NeedSet
    let welshLevel: NeedLevel?
    let minimumMiles: Double?
    let avoidAreas: [(UnitVector, Double)]
    let tiers: [LocalityTier]
    let avoidedAuthority: [Bool]
    let declinedProvider: [Bool]
    let declinedVacancy: Set<Int>
    let brokeDownWith: [Bool]
    let stability: [Double]
    /// Candidates held for a member of this group: a hold for the same child does not exclude.
    let heldForGroup: Set<Int>
    /// Kinship vacancies whose carer is approved for a member of this group (s.81: connected persons).
    let kinshipForGroup: Set<Int>
    let now: Double
    let policy: MatchPolicy
    /// Weights of the factors that apply to this child; the others do not count at all.
    let weights: [Factor: Double]
    let weightTotal: Double
    // Hot-loop copies of the weights (0 when a factor does not apply).
    let w: FactorScores
    let localityScores: [Double]
    let sectorScores: (Double, Double, Double)
    let welshScores: (Double, Double, Double)
    let fees: [Double]

    init(request: MatchRequest, index: CandidateIndex, policy: MatchPolicy, geography: Geography) {
        let children = request.children
        let lead = children[0]
        self.policy = policy
        home = UnitVector(request.home.coordinate)
        school = request.schools[lead.id].map { UnitVector($0.coordinate) }
        neededDay = Int32(lead.urgency.neededDay(today: request.today).daysSinceEpoch)
        emergency = children.contains { $0.urgency.isEmergency }
        let needed = Day(daysSinceEpoch: Int(neededDay))
        ages = children.map { UInt8(clamping: max(0, $0.age(on: needed))) }
        genderMask = children.reduce(0) { $0 | CandidateIndex.bit($1.gender) }
        settingMask = Setting.allCases.reduce(0) { mask, s in
            children.allSatisfy { $0.accepts(s) } ? mask | CandidateIndex.bit(s) : mask
        }
        groupSize = Int16(children.count)

        // A need's level for the group is the strongest any member has.
        var level: [String: NeedLevel] = [:]
        for child in children { for n in child.needs { level[n.code] = min(level[n.code] ?? n.level, n.level) } }
        let cat = index.catalogue
        essential = cat.set(level.filter { $0.value == .essential }.keys)
        important = cat.set(level.filter { $0.value == .important }.keys)
        desirable = cat.set(level.filter { $0.value == .desirable }.keys)
        welshLevel = children.compactMap(\.welshPlacement).min()
        minimumMiles = children.compactMap(\.safeguarding.minimumMilesFromHome).max()
        avoidAreas = request.avoidAreas.map { (UnitVector($0.location.coordinate), $0.radiusMiles) }

        let avoided = Set(children.flatMap(\.safeguarding.avoidAuthorities))
        tiers = index.authorityCodes.map { geography.localityTier(home: lead.placingAuthority, placement: $0) }
        avoidedAuthority = index.authorityCodes.map { avoided.contains($0) }
        declinedProvider = index.providers.map { request.declinedProviderIDs.contains($0.id) }
        declinedVacancy = Set(request.declinedVacancyIDs.compactMap { index.position[$0] })
        let brokeDown = Set(request.history.filter(\.isBreakdown).map(\.providerID))
        brokeDownWith = index.providers.map { brokeDown.contains($0.id) }
        stability = index.stability.map(\.score)
        let ids = Set(children.map(\.id))
        heldForGroup = Set(index.holds.filter { ids.contains($0.value) }.keys)
        kinshipForGroup = Set(index.kinship.filter { !$0.value.isDisjoint(with: ids) }.keys)
        now = request.now.timeIntervalSince1970

        var weights: [Factor: Double] = [:]
        for factor in Factor.allCases {
            let applies: Bool = switch factor {
            case .needsFit: !important.isEmpty || !desirable.isEmpty
            case .distanceFromSchool: school != nil
            case .welshLanguage: welshLevel != nil && welshLevel != .essential
            case .previousBreakdown: !brokeDown.isEmpty
            case .kinship: settingMask & CandidateIndex.bit(.kinship) != 0
            default: true
            }
            if applies, policy.weight(factor) > 0 { weights[factor] = policy.weight(factor) }
        }
        self.weights = weights
        // Summed in factor order: a dictionary's order varies, and float addition is not associative.
        weightTotal = max(Factor.allCases.reduce(0) { $0 + (weights[$1] ?? 0) }, .leastNonzeroMagnitude)
        var w = FactorScores()
        w.needsFit = weights[.needsFit] ?? 0
        w.distanceFromHome = weights[.distanceFromHome] ?? 0
        w.distanceFromSchool = weights[.distanceFromSchool] ?? 0
        w.locality = weights[.locality] ?? 0
        w.welshLanguage = weights[.welshLanguage] ?? 0
        w.providerStability = weights[.providerStability] ?? 0
        w.previousBreakdown = weights[.previousBreakdown] ?? 0
        w.sector = weights[.sector] ?? 0
        w.kinship = weights[.kinship] ?? 0
        w.freshness = weights[.freshness] ?? 0
        w.cost = weights[.cost] ?? 0
        self.w = w
        localityScores = LocalityTier.allCases.map { policy.localityScores.indices.contains($0.rawValue) ? policy.localityScores[$0.rawValue] : 0 }
        sectorScores = (policy.sectorScores[.localAuthority] ?? 0, policy.sectorScores[.thirdSector] ?? 0, policy.sectorScores[.private] ?? 0)
        welshScores = (policy.welshScores[.none] ?? 0, policy.welshScores[.some] ?? 0, policy.welshScores[.fluent] ?? 0)
        fees = Setting.allCases.map { Double(policy.usualWeeklyFee[$0] ?? 0) }
    }

    @inline(__always) func tier(_ c: CandidateIndex.Compact) -> LocalityTier { tiers[Int(c.authority)] }

    /// Every hard constraint the candidate fails (empty: it may be ranked).
    @inline(__always)
    func exclusions(_ c: CandidateIndex.Compact, at i: Int, straightMiles: Double) -> ExclusionReasons {
        var r: ExclusionReasons = []
        if !c.isOpen { r.insert(.notOpen) }
        if c.holdExpiresAt > now, !heldForGroup.contains(i) { r.insert(.heldByAnother) }
        if c.availableFrom > neededDay { r.insert(.notAvailableInTime) }
        if emergency && !c.takesEmergencies { r.insert(.noSameDayEmergencies) }
        if settingMask & c.settingBit == 0 { r.insert(.settingNotInPlan) }
        if c.setting == .kinship, !kinshipForGroup.contains(i) { r.insert(.kinshipForOthers) }
        for age in ages where age < c.ageMin || age > c.ageMax { r.insert(.ageOutsideRange) }
        if genderMask & ~c.genderMask != 0 { r.insert(.genderNotAccepted) }
        if c.beds < groupSize { r.insert(.tooFewBeds) }
        if groupSize > 1 && c.maxSiblingGroup < groupSize { r.insert(.siblingCapacity) }
        if !c.capabilities.isSuperset(of: essential) { r.insert(.essentialNeedUnmet) }
        for (centre, radius) in avoidAreas where centre.greatCircleMiles(to: c.unit) < radius { r.insert(.insideAvoidArea) }
        if avoidedAuthority[Int(c.authority)] { r.insert(.avoidedAuthority) }
        if let minimumMiles, straightMiles < minimumMiles { r.insert(.tooNearHome) }
        if welshLevel == .essential && c.welsh != .fluent { r.insert(.welshEssential) }
        if declinedProvider[Int(c.provider)] || (!declinedVacancy.isEmpty && declinedVacancy.contains(i)) { r.insert(.declined) }
        return r
    }

    /// The 0…1 score on every factor; shared by the ranking loop and the explanations.
    @inline(__always)
    func scores(_ c: CandidateIndex.Compact, straightMiles: Double) -> FactorScores {
        var s = FactorScores()
        let importantWeight = 2.0
        let possible = importantWeight * Double(important.count) + Double(desirable.count)
        if possible > 0 {
            let met = importantWeight * Double(c.capabilities.intersection(important).count)
                + Double(c.capabilities.intersection(desirable).count)
            s.needsFit = met / possible
        }
        s.distanceFromHome = decay(straightMiles * Distance.roadFactor, full: policy.fullScoreWithinMiles)
        if let school {
            s.distanceFromSchool = decay(school.greatCircleMiles(to: c.unit) * Distance.roadFactor,
                                         full: policy.schoolFullScoreWithinMiles)
        }
        s.locality = localityScores[tier(c).rawValue]
        switch c.welsh {
        case .none: s.welshLanguage = welshScores.0
        case .some: s.welshLanguage = welshScores.1
        case .fluent: s.welshLanguage = welshScores.2
        }
        s.providerStability = stability[Int(c.provider)]
        s.previousBreakdown = brokeDownWith[Int(c.provider)] ? 0 : 1
        switch c.sector {
        case .localAuthority: s.sector = sectorScores.0
        case .thirdSector: s.sector = sectorScores.1
        case .private: s.sector = sectorScores.2
        }
        s.kinship = c.setting == .kinship ? 1 : 0
        let days = max(0, (now - c.confirmedAt) / 86_400)
        s.freshness = max(0, 1 - days / 30)
        let usual = fees[Int(c.settingBit.trailingZeroBitCount)]
        s.cost = usual <= 0 || Double(c.fee) <= usual ? 1 : max(0, 2 - Double(c.fee) / usual)
        return s
    }

    /// Full score within `full` road miles, then halving every `halfLifeMiles`.
    @inline(__always) func decay(_ miles: Double, full: Double) -> Double {
        miles <= full ? 1 : exp2(-(miles - full) / policy.halfLifeMiles)
    }

    @inline(__always) func total(_ s: FactorScores) -> Double {
        let sum = w.needsFit * s.needsFit + w.distanceFromHome * s.distanceFromHome
            + w.distanceFromSchool * s.distanceFromSchool + w.locality * s.locality
            + w.welshLanguage * s.welshLanguage + w.providerStability * s.providerStability
            + w.previousBreakdown * s.previousBreakdown + w.sector * s.sector + w.kinship * s.kinship
            + w.freshness * s.freshness + w.cost * s.cost
        return 100 * sum / weightTotal
    }
}
