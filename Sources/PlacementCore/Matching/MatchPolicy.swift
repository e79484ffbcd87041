/// Weights and curves for ranking; an authority can tune them in a JSON policy file.
/// Every field is optional in the file: what is missing keeps its default. See docs/matching.md.
public struct MatchPolicy: Sendable, Hashable, Codable {
    public var name: String
    /// Every factor's weight; the defaults are in the factor table (`Factor.definition`).
    public var weights: FactorWeights
    /// Road miles within which distance from home scores fully (England's 20-mile approval line).
    public var fullScoreWithinMiles: Double
    /// Beyond that, the score halves every this many road miles (about 0.1 left at 100 miles).
    public var halfLifeMiles: Double
    public var schoolFullScoreWithinMiles: Double
    /// A placement this many road miles or more from school probably means a change of school.
    public var schoolMoveMiles: Double
    /// Score for each reg 12 tier, in-county first.
    public var localityScores: [Double]
    public var sectorScores: [Sector: Double]
    public var welshScores: [WelshCapability: Double]
    /// The authority's usual weekly fee for each setting; above it the cost score falls to 0 at double.
    public var usualWeeklyFee: [Setting: Int]
    public var staleAfterDays: Int
    /// How far back provider stability is counted.
    public var stabilityWindowDays: Int
    /// The provider-quality score of each grade of the regulator's rating, best first (Excellent or
    /// Outstanding, Good, Requires improvement, the worst), and of a provider with no rating recorded.
    public var inspectionScores: [Double] = [1.0, 0.8, 0.3, 0.0]
    public var unratedInspectionScore = 0.5
    /// Ratings of this grade or worse exclude (3: Requires significant improvement / Inadequate); nil only lowers.
    public var excludeInspectionGrade: Int? = 3
    /// An inspection older than this is flagged: ring or read the regulator's latest report.
    public var inspectionMaxAgeDays = 548
    /// How each check against the children already living in a home counts (docs/matching.md, "Fit with
    /// current residents"): hard excludes the vacancy, soft lowers the factor, off ignores it.
    public var residentRules: [ResidentRule: ResidentRuleMode] = [
        .ageGap: .soft, .exploitation: .hard, .livingCompanions: .soft, .associate: .hard, .genderMix: .hard,
    ]
    /// The largest age gap, in years, between the child and a child living there (narrowed further by the
    /// span of ages the home's purpose states, the vacancy's age range).
    public var maxAgeGapYears = 5
    /// What each soft rule broken takes off the residents' factor (0…1).
    public var residentSoftPenalty = 0.5

    /// A policy's name as an officer reads it: the built-in policy's in their language ("rhagosodiad
    /// Placefinder 2026-11"), a local policy's as its file names it.
    public static func said(name: String, _ language: Language) -> String {
        name == MatchPolicy.default.name ? Message.coreMatchPolicyDefault.text(language, ["edition": defaultEdition]) : name
    }

    /// The built-in weights' edition: a ranking's recorded policy name says which weights made it.
    static let defaultEdition = "2026-11"

    public static let `default` = MatchPolicy(
        name: "Placefinder default \(defaultEdition)",
        weights: FactorWeights(\.defaultWeight),
        fullScoreWithinMiles: 20, halfLifeMiles: 25,
        schoolFullScoreWithinMiles: 10, schoolMoveMiles: 15,
        localityScores: [1.0, 0.8, 0.6, 0.45, 0.25, 0.0],
        sectorScores: [.localAuthority: 1.0, .thirdSector: 0.7, .private: 0.4],
        welshScores: [.fluent: 1.0, .some: 0.5, .none: 0.0],
        usualWeeklyFee: [.residential: 5_000, .foster: 900, .kinship: 400, .parentAndChild: 3_500,
                         .supportedLodgings: 700, .secure: 8_000, .shortBreak: 1_500],
        staleAfterDays: 7, stabilityWindowDays: 365
    )

    public init(name: String, weights: FactorWeights, fullScoreWithinMiles: Double, halfLifeMiles: Double,
                schoolFullScoreWithinMiles: Double, schoolMoveMiles: Double, localityScores: [Double],
                sectorScores: [Sector: Double], welshScores: [WelshCapability: Double],
                usualWeeklyFee: [Setting: Int], staleAfterDays: Int, stabilityWindowDays: Int) {
        self.name = name
        self.weights = weights
        self.fullScoreWithinMiles = fullScoreWithinMiles
        self.halfLifeMiles = halfLifeMiles
        self.schoolFullScoreWithinMiles = schoolFullScoreWithinMiles
        self.schoolMoveMiles = schoolMoveMiles
        self.localityScores = localityScores
        self.sectorScores = sectorScores
        self.welshScores = welshScores
        self.usualWeeklyFee = usualWeeklyFee
        self.staleAfterDays = staleAfterDays
        self.stabilityWindowDays = stabilityWindowDays
    }

    public func weight(_ factor: Factor) -> Double { weights[factor] }

    /// Problems with a tuned policy, one line each.
    public var issues: [String] {
        var found: [String] = []
        for factor in Factor.allCases where !(weights[factor] >= 0 && weights[factor].isFinite) { found.append("weight \(factor.rawValue) must be 0 or more") }
        if localityScores.count != LocalityTier.allCases.count { found.append("localityScores needs \(LocalityTier.allCases.count) values, in-county first") }
        if !(localityScores.allSatisfy { (0...1).contains($0) }) { found.append("localityScores must lie within 0-1") }
        if halfLifeMiles <= 0 { found.append("halfLifeMiles must be positive") }
        if weight(.cost) >= weight(.needsFit) { found.append("cost must weigh less than needs fit") }
        if inspectionScores.count != 4 || !(inspectionScores + [unratedInspectionScore]).allSatisfy({ (0...1).contains($0) }) {
            found.append("inspectionScores needs 4 values within 0-1, best rating first")
        }
        if let grade = excludeInspectionGrade, !(0...3).contains(grade) { found.append("excludeInspectionGrade must be 0-3 or null") }
        if inspectionMaxAgeDays <= 0 { found.append("inspectionMaxAgeDays must be positive") }
        if !(0...18).contains(maxAgeGapYears) { found.append("maxAgeGapYears must be 0-18") }
        if !(0...1).contains(residentSoftPenalty) { found.append("residentSoftPenalty must lie within 0-1") }
        return found
    }

    private enum CodingKeys: String, CodingKey {
        case name, weights, fullScoreWithinMiles, halfLifeMiles, schoolFullScoreWithinMiles, schoolMoveMiles
        case localityScores, sectorScores, welshScores, usualWeeklyFee, staleAfterDays, stabilityWindowDays
        case inspectionScores, unratedInspectionScore, excludeInspectionGrade, inspectionMaxAgeDays
        case residentRules, maxAgeGapYears, residentSoftPenalty
    }

    public init(from decoder: Decoder) throws {
        let d = MatchPolicy.default
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? "custom policy"
        weights = d.weights
        for (factor, w) in try Self.keyed(c, .weights, Factor.init(rawValue:)) as [Factor: Double]? ?? [:] { weights[factor] = w }
        fullScoreWithinMiles = try c.decodeIfPresent(Double.self, forKey: .fullScoreWithinMiles) ?? d.fullScoreWithinMiles
        halfLifeMiles = try c.decodeIfPresent(Double.self, forKey: .halfLifeMiles) ?? d.halfLifeMiles
        schoolFullScoreWithinMiles = try c.decodeIfPresent(Double.self, forKey: .schoolFullScoreWithinMiles) ?? d.schoolFullScoreWithinMiles
        schoolMoveMiles = try c.decodeIfPresent(Double.self, forKey: .schoolMoveMiles) ?? d.schoolMoveMiles
        localityScores = try c.decodeIfPresent([Double].self, forKey: .localityScores) ?? d.localityScores
        sectorScores = try d.sectorScores.merging(Self.keyed(c, .sectorScores, Sector.init(rawValue:)) ?? [:]) { $1 }
        welshScores = try d.welshScores.merging(Self.keyed(c, .welshScores, WelshCapability.init(rawValue:)) ?? [:]) { $1 }
        usualWeeklyFee = try d.usualWeeklyFee.merging(Self.keyed(c, .usualWeeklyFee, Setting.init(rawValue:)) ?? [:]) { $1 }
        staleAfterDays = try c.decodeIfPresent(Int.self, forKey: .staleAfterDays) ?? d.staleAfterDays
        stabilityWindowDays = try c.decodeIfPresent(Int.self, forKey: .stabilityWindowDays) ?? d.stabilityWindowDays
        inspectionScores = try c.decodeIfPresent([Double].self, forKey: .inspectionScores) ?? d.inspectionScores
        unratedInspectionScore = try c.decodeIfPresent(Double.self, forKey: .unratedInspectionScore) ?? d.unratedInspectionScore
        // Present as null: never exclude; absent: the default.
        excludeInspectionGrade = c.contains(.excludeInspectionGrade)
            ? try c.decodeIfPresent(Int.self, forKey: .excludeInspectionGrade) : d.excludeInspectionGrade
        inspectionMaxAgeDays = try c.decodeIfPresent(Int.self, forKey: .inspectionMaxAgeDays) ?? d.inspectionMaxAgeDays
        residentRules = try d.residentRules.merging(Self.keyed(c, .residentRules, ResidentRule.init(rawValue:)) ?? [:]) { $1 }
        maxAgeGapYears = try c.decodeIfPresent(Int.self, forKey: .maxAgeGapYears) ?? d.maxAgeGapYears
        residentSoftPenalty = try c.decodeIfPresent(Double.self, forKey: .residentSoftPenalty) ?? d.residentSoftPenalty
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(Dictionary(uniqueKeysWithValues: Factor.allCases.map { ($0.rawValue, weights[$0]) }), forKey: .weights)
        try c.encode(fullScoreWithinMiles, forKey: .fullScoreWithinMiles)
        try c.encode(halfLifeMiles, forKey: .halfLifeMiles)
        try c.encode(schoolFullScoreWithinMiles, forKey: .schoolFullScoreWithinMiles)
        try c.encode(schoolMoveMiles, forKey: .schoolMoveMiles)
        try c.encode(localityScores, forKey: .localityScores)
        try c.encode(Dictionary(uniqueKeysWithValues: sectorScores.map { ($0.rawValue, $1) }), forKey: .sectorScores)
        try c.encode(Dictionary(uniqueKeysWithValues: welshScores.map { ($0.rawValue, $1) }), forKey: .welshScores)
        try c.encode(Dictionary(uniqueKeysWithValues: usualWeeklyFee.map { ($0.rawValue, $1) }), forKey: .usualWeeklyFee)
        try c.encode(staleAfterDays, forKey: .staleAfterDays)
        try c.encode(stabilityWindowDays, forKey: .stabilityWindowDays)
        try c.encode(inspectionScores, forKey: .inspectionScores)
        try c.encode(unratedInspectionScore, forKey: .unratedInspectionScore)
        try c.encode(excludeInspectionGrade, forKey: .excludeInspectionGrade)
        try c.encode(inspectionMaxAgeDays, forKey: .inspectionMaxAgeDays)
        try c.encode(Dictionary(uniqueKeysWithValues: residentRules.map { ($0.rawValue, $1) }), forKey: .residentRules)
        try c.encode(maxAgeGapYears, forKey: .maxAgeGapYears)
        try c.encode(residentSoftPenalty, forKey: .residentSoftPenalty)
    }

    /// Decodes a JSON object keyed by an enum's raw values, naming an unknown key.
    private static func keyed<K: Hashable, V: Decodable>(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys,
                                                          _ make: (String) -> K?) throws -> [K: V]? {
        guard let raw = try c.decodeIfPresent([String: V].self, forKey: key) else { return nil }
        var result: [K: V] = [:]
        for (name, value) in raw {
            guard let k = make(name) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "unknown key \(name) in \(key.stringValue)")
            }
            result[k] = value
        }
        return result
    }
}
