/// A regulator's published rating of a provider's service: CIW's four ratings (published since April 2025)
/// for Welsh services, Ofsted's four judgements for English ones. "Good" is on both scales.
public enum InspectionRating: String, Sendable, Codable, CaseIterable {
    case excellent, good, requiresImprovement = "requires_improvement"
    case requiresSignificantImprovement = "requires_significant_improvement"
    case outstanding, requiresImprovementToBeGood = "requires_improvement_to_be_good", inadequate

    public var label: String { label(.en) }


    /// Place on the regulator's four-point scale, 0 the best: the policy's scores and threshold read this.
    public var grade: Int {
        switch self {
        case .excellent, .outstanding: 0
        case .good: 1
        case .requiresImprovement, .requiresImprovementToBeGood: 2
        case .requiresSignificantImprovement, .inadequate: 3
        }
    }

    /// Whether `regulator` publishes this rating.
    public func isPublished(by regulator: Regulator) -> Bool {
        switch self {
        case .good: true
        case .excellent, .requiresImprovement, .requiresSignificantImprovement: regulator == .ciw
        case .outstanding, .requiresImprovementToBeGood, .inadequate: regulator == .ofsted
        }
    }
}

/// The regulator's latest inspection of a provider: when, and the rating it gave.
public struct Inspection: Sendable, Hashable, Codable {
    public var date: Day
    public var rating: InspectionRating
    public init(date: Day, rating: InspectionRating) {
        self.date = date
        self.rating = rating
    }
}

/// How a vacancy is bought: through the all-Wales framework (the Children's Commissioning Consortium Cymru,
/// 4Cs), under a block contract the authority already holds, or spot-purchased on its own.
public enum PurchaseMode: String, Sendable, Codable, CaseIterable {
    case allWalesFramework = "all_wales_framework", blockContract = "block_contract", spot

    /// How it was bought, in full, in English (`label(_:)` for either language).
    public var label: String { label(.en) }


    /// A few words for narrow columns, in English (`shortLabel(_:)` for either language).
    public var shortLabel: String { shortLabel(.en) }

    public func shortLabel(_ language: Language) -> String {
        Catalogue.text(key: "core.purchase.short." + rawValue.replacingOccurrences(of: "_", with: "."), language) ?? rawValue
    }
}

extension InspectionRating: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.rating" }
}

extension PurchaseMode: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.purchase" }
}
