/// A flag an officer must act on before the placement starts.
public enum MatchFlag: String, Sendable, Codable, CaseIterable {
    case outOfArea = "out_of_area", keyStage4SchoolMove = "key_stage_4_school_move", forProfit = "for_profit"
    case staleVacancy = "stale_vacancy", approximateLocation = "approximate_location", separatesSiblings = "separates_siblings"
    case oldInspection = "old_inspection", noNeedsRecorded = "no_needs_recorded"
    case residentsConcern = "residents_concern"

    /// What the flag asks of the officer, in English (`label(_:)` for either language).
    public var label: String { label(.en) }


    /// The flag's badge in lists, in English (`short(_:)` for either language).
    public var short: String { short(.en) }

    public func short(_ language: Language) -> String {
        Catalogue.text(key: "core.flag.short." + rawValue.replacingOccurrences(of: "_", with: "."), language) ?? rawValue
    }
}

extension MatchFlag: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.flag" }
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
    /// The reasons in both languages, written once when the candidate is explained.
    public let lines: [Bilingual]
    public let flags: [MatchFlag]

    public init(contributions: [FactorContribution], lines: [Bilingual], flags: [MatchFlag]) {
        self.contributions = contributions
        self.lines = lines
        self.flags = flags
    }

    /// The reasons in English (`reasons(_:)` for either language).
    public var reasons: [String] { reasons(.en) }

    public func reasons(_ language: Language) -> [String] { lines.map { $0.text(language) } }
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
    public static func splitWarning(siblings count: Int, language: Language = .en) -> String {
        count == 2 ? Message.coreSplitWarningTwo.text(language) : Message.coreSplitWarningMany.text(language, ["count": String(count)])
    }
}
