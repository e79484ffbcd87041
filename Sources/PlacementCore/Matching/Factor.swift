import Foundation

/// The soft factors the engine weighs. Each scores 0…1 for a candidate. Everything else about a
/// factor — label, default weight, source, when it applies, how it scores — is in `definition`,
/// the only switch over factors: adding a case is one entry there, and the compiler refuses a gap.
public enum Factor: String, Sendable, Codable, CaseIterable {
    case needsFit, distanceFromHome, distanceFromSchool, locality, welshLanguage, providerStability
    case previousBreakdown, sector, kinship, freshness, cost, providerQuality, residentsFit

    public var label: String { definition.label }

    /// The factor's name in `language` (`core.factor.*`; English is the definition's label).
    public func label(_ language: Language) -> String { language == .en ? label : catalogueWords(language) }
    public var defaultWeight: Double { definition.defaultWeight }
    public var source: String { definition.source }

    /// The factor table (docs/matching.md, section 2, describes the same rows in words).
    public var definition: FactorDefinition {
        switch self {
        case .needsFit:
            FactorDefinition(
                label: "needs fit", defaultWeight: 4,
                source: "seed report 6.9, 6.13, 9.5 (quality care and good outcomes first)",
                // With no needs recorded at all it still counts, at 0 for every bed: the order is unchanged, but
                // no score claims a fit to needs nobody has written down (issue 15 §1).
                applies: { p in !p.important.isEmpty || !p.desirable.isEmpty || p.noNeedsRecorded },
                score: { p, i, _ in
                    guard p.needsPossible > 0 else { return p.noNeedsRecorded ? 0 : 1 }
                    let caps = p.columns.gates[i].capabilities
                    let met = Profile.importantNeedWeight * Double(caps.intersection(p.important).count)
                        + Double(caps.intersection(p.desirable).count)
                    return met / p.needsPossible
                })
        case .distanceFromHome:
            FactorDefinition(
                label: "distance from home", defaultWeight: 2,
                source: "seed report 3.8 (a placement close to home); England's 20-mile approval line",
                applies: { _ in true },
                score: { p, _, straight in p.decay(straight * Distance.roadFactor, full: p.policy.fullScoreWithinMiles) })
        case .distanceFromSchool:
            FactorDefinition(
                label: "distance from school", defaultWeight: 1,
                source: "2014 Act s.81 (not disrupting education); reg 11 for Key Stage 4",
                applies: { p in p.school != nil },
                score: { p, i, _ in
                    guard let school = p.school else { return 1 }
                    return p.decay(school.greatCircleMiles(to: p.columns.units[i]) * Distance.roadFactor,
                                   full: p.policy.schoolFullScoreWithinMiles)
                })
        case .locality:
            FactorDefinition(
                label: "locality (reg 12)", defaultWeight: 2,
                source: "reg 12, Care Planning, Placement and Case Review (Wales) Regulations 2015; 2014 Act s.75",
                applies: { _ in true },
                score: { p, i, _ in p.localityScores[p.tiers[Int(p.columns.gates[i].authority)].rawValue] })
        case .welshLanguage:
            FactorDefinition(
                label: "Welsh language", defaultWeight: 1,
                source: "2014 Act s.78(3)(b); seed report 5.62, 9.26",
                applies: { p in p.welshLevel != nil && p.welshLevel != .essential },
                score: { p, i, _ in p.welshScores[Int(p.columns.gates[i].welsh)] })
        case .providerStability:
            FactorDefinition(
                label: "provider stability", defaultWeight: 1,
                source: "seed report 6.9, 6.11 (same-day notice), 11.42 (fewer breakdowns)",
                applies: { _ in true },
                score: { p, i, _ in p.columns.stabilityScore[Int(p.columns.gates[i].provider)] })
        case .previousBreakdown:
            FactorDefinition(
                label: "no earlier breakdown here", defaultWeight: 3,
                source: "seed report 3.21-3.24 (instability harms children)",
                applies: { p in !p.brokeDownWith.isEmpty },
                score: { p, i, _ in p.brokeDown(provider: p.columns.gates[i].provider) ? 0 : 1 })
        case .sector:
            FactorDefinition(
                label: "sector preference", defaultWeight: 1,
                source: "seed report 7.18, 11.37, 5.48 (in-house, then not-for-profit, then private)",
                applies: { _ in true },
                score: { p, i, _ in p.sectorScores[Int(p.columns.sector[i])] })
        case .kinship:
            FactorDefinition(
                label: "kinship carer", defaultWeight: 2,
                source: "2014 Act s.81 (a relative, friend or other connected person)",
                applies: { p in p.settingMask & p.kinshipBit != 0 },
                score: { p, i, _ in p.columns.gates[i].settingBit == p.kinshipBit ? 1 : 0 })
        case .freshness:
            FactorDefinition(
                label: "vacancy freshness", defaultWeight: 0.3,
                source: "seed report 6.9 (a bed confirmed weeks ago may be gone)",
                applies: { _ in true },
                score: { p, i, _ in max(0, 1 - max(0, (p.now - p.columns.confirmedAt[i]) / 86_400) / 30) })
        case .cost:
            FactorDefinition(
                label: "cost", defaultWeight: 0.3,
                source: "seed report 9.5, 11.48, 5.64 (cheapest must never be the prime objective)",
                applies: { _ in true },
                score: { p, i, _ in
                    let usual = p.fees[Int(p.columns.gates[i].settingBit.trailingZeroBitCount)]
                    let fee = Double(p.columns.fee[i])
                    return usual <= 0 || fee <= usual ? 1 : max(0, 2 - fee / usual)
                })
        case .providerQuality:
            FactorDefinition(
                label: "provider quality", defaultWeight: 1,
                source: "seed report 6.9 (quality care first); CIW ratings (published since April 2025), Ofsted judgements",
                applies: { p in p.columns.anyRated },
                score: { p, i, _ in p.inspectionScores[Int(p.columns.ratingGrade[Int(p.columns.gates[i].provider)])] })
        case .residentsFit:
            FactorDefinition(
                label: "fit with current residents", defaultWeight: 2,
                source: "seed report 6.13 (breakdowns); providers' impact risk assessment against the statement of purpose (issue 15 §2)",
                // Only when some home here has children living in it and a rule is soft: else it tells no bed apart.
                applies: { p in p.columns.anyResidents && p.residents.soft != 0 },
                score: { p, i, _ in p.residents.score(p.residentRules(p.columns.gates[i], at: i)) })
        }
    }

    /// The table in case order, built once.
    static let table: [FactorDefinition] = allCases.map(\.definition)
}

/// One row of the factor table.
public struct FactorDefinition: Sendable {
    typealias Score = @Sendable (_ profile: Profile, _ candidate: Int, _ straightMiles: Double) -> Double
    public let label: String
    public let defaultWeight: Double
    /// Where the factor comes from, for the policy screen and docs/matching.md.
    public let source: String
    /// Whether the factor can tell candidates apart for this request; if not it counts for nothing
    /// rather than scoring 1 for everyone (the explanation would claim credit that means nothing).
    let applies: @Sendable (Profile) -> Bool
    /// The candidate's score, 0…1, from the request's tables and the index's columns.
    let score: Score
    /// `score` over a whole batch of candidates, adding `scale × score` to each one's sum: one call per
    /// factor per ranking, the loop inside (column by column, as numpy would).
    let addScores: @Sendable (Profile, ScoreBatch) -> Void

    @inline(__always)
    init(label: String, defaultWeight: Double, source: String, applies: @escaping @Sendable (Profile) -> Bool,
         score: @escaping Score) {
        self.label = label
        self.defaultWeight = defaultWeight
        self.source = source
        self.applies = applies
        self.score = score
        addScores = { p, batch in
            for k in 0..<batch.sums.count {
                batch.sums[k] += batch.scale * score(p, Int(batch.candidates[k]), batch.miles[k])
            }
        }
    }
}

/// The candidates that passed the hard constraints, with their distances and running totals.
struct ScoreBatch {
    let candidates: UnsafeBufferPointer<Int32>
    let miles: UnsafeBufferPointer<Double>
    let sums: UnsafeMutableBufferPointer<Double>
    /// 100 × weight / total weight.
    let scale: Double
}

/// One value per factor, complete by construction: the only initialiser asks for every factor,
/// so a weight can never be missing (and never silently 1 or 0).
public struct FactorWeights: Sendable, Hashable {
    private var values: [Double]

    public init(_ value: (Factor) -> Double) { values = Factor.allCases.map(value) }

    public subscript(factor: Factor) -> Double {
        get { values[factor.ordinal] }
        set { values[factor.ordinal] = newValue }
    }

    /// The weights in factor order (summing in a fixed order keeps float totals deterministic).
    var inOrder: [Double] { values }
}

extension Factor {
    /// Position in `allCases` (and in `FactorWeights`).
    var ordinal: Int { Factor.allCases.firstIndex(of: self)! }
}

extension Factor: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.factor" }
}
