/// A flag an officer must act on before the placement starts.
public enum MatchFlag: String, Sendable, Codable, CaseIterable {
    case outOfArea = "out_of_area", keyStage4SchoolMove = "key_stage_4_school_move", forProfit = "for_profit"
    case staleVacancy = "stale_vacancy", approximateLocation = "approximate_location", separatesSiblings = "separates_siblings"
    case oldInspection = "old_inspection", noNeedsRecorded = "no_needs_recorded"
    case residentsConcern = "residents_concern"

    public var label: String {
        switch self {
        case .outOfArea: "out of area: panel approval needed before it starts (reg 12)"
        case .keyStage4SchoolMove: "Key Stage 4 school move: nominated officer's approval needed (reg 11)"
        case .forProfit: "for-profit: needs an exceptional-circumstances reason (Health and Social Care (Wales) Act 2025)"
        case .staleVacancy: "vacancy not confirmed for over 7 days: ring to check"
        case .approximateLocation: "location approximate (postcode not in the directory)"
        case .separatesSiblings: "separates the siblings"
        case .oldInspection: "regulator's last inspection is older than the policy allows: check the latest report"
        case .noNeedsRecorded: "no needs recorded for this child: the score cannot say how well this home meets them"
        case .residentsConcern: "the children living there: a compatibility concern (see the reasons); ask for the impact risk assessment"
        }
    }

    public var short: String {
        switch self {
        case .outOfArea: "OOA"
        case .keyStage4SchoolMove: "KS4"
        case .forProfit: "£"
        case .staleVacancy: "STALE"
        case .approximateLocation: "≈"
        case .separatesSiblings: "SPLIT"
        case .oldInspection: "INSP"
        case .noNeedsRecorded: "NEEDS?"
        case .residentsConcern: "RES"
        }
    }
}

public struct FactorContribution: Sendable, Hashable, Codable {
    public let factor: Factor
    /// The factor's own score, 0…1.
    public let score: Double
    public let weight: Double
    /// Points this factor adds to the 0…100 total.
    public let points: Double
}

public struct Explanation: Sendable, Hashable {
    public let contributions: [FactorContribution]
    public let reasons: [String]
    public let flags: [MatchFlag]
}

public struct RankedCandidate: Sendable {
    /// Position in the `CandidateIndex`.
    public let index: Int
    /// 0…100.
    public let score: Double
    public let straightMiles: Double
    public let tier: LocalityTier
    public internal(set) var explanation: Explanation?

    public var roadMiles: Double { straightMiles * Distance.roadFactor }
}

public struct ExcludedCandidate: Sendable {
    public let index: Int
    public let reasons: ExclusionReasons
}

public struct MatchResult: Sendable {
    public let policyName: String
    public let childIDs: [String]
    /// Every candidate that passed the hard constraints, best first; the first `explained` carry explanations.
    public let ranked: [RankedCandidate]
    public let excluded: [ExcludedCandidate]
    public let explained: Int
}

/// A sibling group's outcome: together if any vacancy can take them all, otherwise a labelled split.
public enum GroupMatch: Sendable {
    case together(MatchResult)
    /// No single vacancy can take the whole group: the ways to place them in two homes that keep the most
    /// together, best first (empty when there is none), and each child ranked on their own.
    case split(together: MatchResult, arrangements: [SiblingArrangement], perChild: [MatchResult])
}

extension GroupMatch {
    /// The one wording of the warning wherever a sibling group would be split (text, JSON, dashboard);
    /// with the "!! " marker it fits 80 columns, so no screen needs a shorter variant.
    public static func splitWarning(siblings count: Int) -> String {
        "No single vacancy takes \(count == 2 ? "both siblings" : "all \(count) siblings"): every option below SEPARATES them."
    }
}
