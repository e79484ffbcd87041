import Foundation

/// Everything about the request that the per-candidate loop reads, precomputed once per ranking.
/// Setup scales with the request (its needs, declines, history) and the few authorities, never with
/// the providers by id: providers are integer ordinals precomputed in the index.
/// A class, so the factor table's score functions receive a reference rather than a copy of every table.
final class Profile {
    /// An important need counts twice a desirable one in the needs-fit score.
    static let importantNeedWeight = 2.0

    let columns: CandidateIndex.Columns
    let home: UnitVector
    let school: UnitVector?
    let neededDay: Int32
    let emergency: Bool
    /// Youngest and oldest of the group on the needed day: every age lies in a range iff both do.
    let youngest: UInt8
    let oldest: UInt8
    let genderMask: UInt8
    let settingMask: UInt8
    /// Settings every child's plan lists, order or not: tells "not in the plan" from "no secure order".
    let planMask: UInt8
    /// Some child of the group has no secure accommodation order.
    let lacksSecureOrder: Bool
    let secureBit = CandidateIndex.bit(.secure)
    let groupSize: Int16
    /// A local copy: a static would be checked for initialisation on every read.
    let kinshipBit = CandidateIndex.kinshipBit
    let essential: NeedSet
    let important: NeedSet
    let desirable: NeedSet
    let needsPossible: Double
    /// No member of the group has any need recorded: the fit to needs is unknown, not perfect.
    let noNeedsRecorded: Bool
    let welshLevel: NeedLevel?
    let minimumMiles: Double?
    let avoidAreas: [(UnitVector, Double)]
    /// By authority ordinal (`CandidateIndex.authorityCodes`).
    let tiers: [LocalityTier]
    let avoidedAuthority: [Bool]
    /// By provider ordinal; empty when the request names none (the usual case).
    let declinedProvider: [Bool]
    let brokeDownWith: [Bool]
    // Short lists (a child's declines, holds and approved kinship carers are a handful): a scan beats hashing.
    let declinedVacancy: [Int]
    /// Candidates held for a member of this group: a hold for the same child does not exclude.
    let heldForGroup: [Int]
    /// Kinship vacancies whose carer is approved for a member of this group (s.81: connected persons).
    let kinshipForGroup: [Int]
    let now: Double
    let policy: MatchPolicy
    /// Weights of the factors that apply to this child, 0 for the others (they do not count at all).
    private(set) var weights: FactorWeights
    private(set) var weightTotal: Double
    /// The factors with a weight for this child, each with its scale (100 × weight / total): the whole sum.
    private(set) var active: ActiveFactors
    let localityScores: [Double]
    /// By rating grade, the unrated last.
    let inspectionScores: [Double]
    /// Providers rated this grade or worse are excluded; `CandidateIndex.unrated` when none is.
    let excludeGrade: UInt8
    let sectorScores: [Double]
    let welshScores: [Double]
    let fees: [Double]
    /// The checks against the children living in each home; read only for vacancies flagged `hasResidents`.
    let residents: ResidentChecks
    let residentsExclude: Bool

    init(request: MatchRequest, engine: MatchEngine) {
        let index = engine.index, policy = engine.policy
        let children = request.children
        let lead = children[0]
        self.policy = policy
        columns = index.columns
        home = UnitVector(request.home.coordinate)
        school = request.schools[lead.id].map { UnitVector($0.coordinate) }
        neededDay = Int32(lead.urgency.neededDay(today: request.today).daysSinceEpoch)
        emergency = children.contains { $0.urgency.isEmergency }
        let needed = Day(daysSinceEpoch: Int(neededDay))
        let ages = children.map { UInt8(clamping: max(0, $0.age(on: needed))) }
        youngest = ages.min()!
        oldest = ages.max()!
        genderMask = children.reduce(0) { $0 | CandidateIndex.bit($1.gender) }
        settingMask = Setting.allCases.reduce(0) { mask, s in
            children.allSatisfy { $0.accepts(s) } ? mask | CandidateIndex.bit(s) : mask
        }
        planMask = Setting.allCases.reduce(0) { mask, s in
            children.allSatisfy { $0.acceptableSettings.contains(s) } ? mask | CandidateIndex.bit(s) : mask
        }
        lacksSecureOrder = children.contains { $0.legalStatus != .secureOrder }
        groupSize = Int16(children.count)

        // A need's level for the group is the strongest any member has.
        var level: [String: NeedLevel] = [:]
        for child in children { for n in child.needs { level[n.code] = min(level[n.code] ?? n.level, n.level) } }
        let cat = index.catalogue
        essential = cat.set(level.filter { $0.value == .essential }.keys)
        important = cat.set(level.filter { $0.value == .important }.keys)
        desirable = cat.set(level.filter { $0.value == .desirable }.keys)
        needsPossible = Self.importantNeedWeight * Double(important.count) + Double(desirable.count)
        noNeedsRecorded = essential.isEmpty && important.isEmpty && desirable.isEmpty
        welshLevel = children.compactMap(\.welshPlacement).min()
        // Safeguarding fails closed: a distance that is not a number (a row stored before range checks)
        // counts as unbounded, so it excludes every bed instead of none (every comparison with NaN is false).
        func failClosed(_ miles: Double) -> Double { miles.isFinite ? miles : .infinity }
        minimumMiles = children.compactMap(\.safeguarding.minimumMilesFromHome).map(failClosed).max()
        avoidAreas = request.avoidAreas.map { (UnitVector($0.location.coordinate), failClosed($0.radiusMiles)) }

        let avoided = Set(children.flatMap(\.safeguarding.avoidAuthorities))
        tiers = engine.tiers(home: lead.placingAuthority)
        avoidedAuthority = index.authorityCodes.map { avoided.contains($0) }
        declinedProvider = Self.flags(request.declinedProviderIDs, in: index)
        declinedVacancy = Set(request.declinedVacancyIDs.compactMap { index.position[$0] }).sorted()
        brokeDownWith = Self.flags(request.history.filter(\.isBreakdown).map(\.providerID), in: index)
        let ids = Set(children.map(\.id))
        heldForGroup = ids.flatMap { index.holdsByChild[$0] ?? [] }.sorted()
        kinshipForGroup = Set(ids.flatMap { index.kinshipByChild[$0] ?? [] }).sorted()
        now = request.now.timeIntervalSince1970
        localityScores = LocalityTier.allCases.map { policy.localityScores.indices.contains($0.rawValue) ? policy.localityScores[$0.rawValue] : 0 }
        sectorScores = Sector.allCases.map { policy.sectorScores[$0] ?? 0 }
        welshScores = WelshCapability.allCases.map { policy.welshScores[$0] ?? 0 }
        inspectionScores = (0..<CandidateIndex.unrated).map { policy.inspectionScores.indices.contains($0) ? policy.inspectionScores[$0] : 0 }
            + [policy.unratedInspectionScore]
        // Only read per candidate when some provider here is rated that badly.
        excludeGrade = policy.excludeInspectionGrade.map { UInt8(clamping: $0) }
            .flatMap { $0 <= index.columns.worstGrade && index.columns.anyRated ? $0 : nil } ?? UInt8(CandidateIndex.unrated)
        fees = Setting.allCases.map { Double(policy.usualWeeklyFee[$0] ?? 0) }
        residents = ResidentChecks(homes: index.columns.residents, children: children, neededDay: needed, policy: policy)
        residentsExclude = index.columns.anyResidents && residents.hard != 0

        // `applies` reads the tables above, so the weights come last (self is complete but for these).
        let table = Factor.table
        var weights = FactorWeights { _ in 0 }
        self.weights = weights
        self.weightTotal = 1
        self.active = []
        for (n, factor) in Factor.allCases.enumerated() where table[n].applies(self) && policy.weight(factor) > 0 {
            weights[factor] = policy.weight(factor)
        }
        // Summed in factor order: float addition is not associative.
        let total = max(weights.inOrder.reduce(0, +), .leastNonzeroMagnitude)
        self.weights = weights
        self.weightTotal = total
        self.active = Factor.allCases.indices.compactMap { n in
            weights.inOrder[n] > 0 ? (scale: 100 * weights.inOrder[n] / total, definition: table[n]) : nil
        }
    }

    /// A flag per provider ordinal for the few ids named; empty when none is named.
    private static func flags(_ ids: some Collection<String>, in index: CandidateIndex) -> [Bool] {
        let ordinals = ids.compactMap { index.providerOrdinal[$0] }
        guard !ordinals.isEmpty else { return [] }
        var flags = [Bool](repeating: false, count: index.providers.count)
        for p in ordinals { flags[Int(p)] = true }
        return flags
    }

    @inline(__always) func tier(_ i: Int) -> LocalityTier { tiers[Int(columns.gates[i].authority)] }

    @inline(__always) func brokeDown(provider: Int32) -> Bool { !brokeDownWith.isEmpty && brokeDownWith[Int(provider)] }

    /// Whether any hard constraint needs the distance from home (rare: safeguarding cases).
    var distanceExcludes: Bool { minimumMiles != nil || !avoidAreas.isEmpty }

    /// Every hard constraint the candidate fails (empty: it may be ranked). `straightMiles` is read
    /// only when `distanceExcludes`.
    @inline(__always)
    func exclusions(_ g: CandidateIndex.Gate, at i: Int, straightMiles: Double) -> ExclusionReasons {
        var r: UInt32 = 0
        if g.flags & CandidateIndex.Gate.open == 0 { r |= ExclusionReasons.notOpen.rawValue }
        if g.flags & CandidateIndex.Gate.hasHold != 0, columns.holdExpiresAt[i] > now, !heldForGroup.contains(i) {
            r |= ExclusionReasons.heldByAnother.rawValue
        }
        if g.availableFrom > neededDay { r |= ExclusionReasons.notAvailableInTime.rawValue }
        if emergency && g.flags & CandidateIndex.Gate.takesEmergencies == 0 { r |= ExclusionReasons.noSameDayEmergencies.rawValue }
        if settingMask & g.settingBit == 0 {
            if planMask & g.settingBit == 0 { r |= ExclusionReasons.settingNotInPlan.rawValue }
            if g.settingBit == secureBit && lacksSecureOrder { r |= ExclusionReasons.noSecureOrder.rawValue }
        }
        if g.settingBit == kinshipBit, !kinshipForGroup.contains(i) { r |= ExclusionReasons.kinshipForOthers.rawValue }
        if youngest < g.ageMin || oldest > g.ageMax { r |= ExclusionReasons.ageOutsideRange.rawValue }
        if genderMask & ~g.genderMask != 0 { r |= ExclusionReasons.genderNotAccepted.rawValue }
        if g.beds < groupSize { r |= ExclusionReasons.tooFewBeds.rawValue }
        if groupSize > 1 && g.maxSiblingGroup < groupSize { r |= ExclusionReasons.siblingCapacity.rawValue }
        if !g.capabilities.isSuperset(of: essential) { r |= ExclusionReasons.essentialNeedUnmet.rawValue }
        if excludeGrade < CandidateIndex.unrated {
            let grade = columns.ratingGrade[Int(g.provider)]
            if grade >= excludeGrade && grade < CandidateIndex.unrated { r |= ExclusionReasons.poorlyRated.rawValue }
        }
        if avoidedAuthority[Int(g.authority)] { r |= ExclusionReasons.avoidedAuthority.rawValue }
        if welshLevel == .essential && g.welsh != 2 { r |= ExclusionReasons.welshEssential.rawValue }
        if (!declinedProvider.isEmpty && declinedProvider[Int(g.provider)]) || (!declinedVacancy.isEmpty && declinedVacancy.contains(i)) {
            r |= ExclusionReasons.declined.rawValue
        }
        if residentsExclude && g.flags & CandidateIndex.Gate.hasResidents != 0 {
            r |= residents.exclusions(residentRules(g, at: i))
        }
        if distanceExcludes {
            for (centre, radius) in avoidAreas where centre.greatCircleMiles(to: columns.units[i]) < radius {
                r |= ExclusionReasons.insideAvoidArea.rawValue
            }
            if let minimumMiles, straightMiles < minimumMiles { r |= ExclusionReasons.tooNearHome.rawValue }
        }
        return ExclusionReasons(rawValue: r)
    }

    /// The residents' rules broken by placing the group in candidate `i` (0 where no one lives).
    @inline(__always)
    func residentRules(_ g: CandidateIndex.Gate, at i: Int) -> UInt8 {
        guard g.flags & CandidateIndex.Gate.hasResidents != 0 else { return 0 }
        return residents.rules(home: Int(columns.home[i]), gate: g, homes: columns.residents)
    }

    typealias ActiveFactors = [(scale: Double, definition: FactorDefinition)]

    /// Each candidate's 0…100 total, Σ weight × score / Σ weight over the factors that apply, into `sums`
    /// (zeroed): factor by factor, so each candidate's sum is added up in factor order.
    func addTotals(candidates: UnsafeBufferPointer<Int32>, miles: UnsafeBufferPointer<Double>,
                   into sums: UnsafeMutableBufferPointer<Double>) {
        for f in active {
            f.definition.addScores(self, ScoreBatch(candidates: candidates, miles: miles, sums: sums, scale: f.scale))
        }
    }

    /// Full score within `full` road miles, then halving every `halfLifeMiles`.
    @inline(__always) func decay(_ miles: Double, full: Double) -> Double {
        miles <= full ? 1 : exp2(-(miles - full) / policy.halfLifeMiles)
    }
}
