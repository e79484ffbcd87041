/// A regulator's published rating of a provider's service: CIW's four ratings (published since April 2025)
/// for Welsh services, Ofsted's four judgements for English ones. "Good" is on both scales.
public enum InspectionRating: String, Sendable, Codable, CaseIterable {
    case excellent, good, requiresImprovement = "requires_improvement"
    case requiresSignificantImprovement = "requires_significant_improvement"
    case outstanding, requiresImprovementToBeGood = "requires_improvement_to_be_good", inadequate

    public var label: String {
        switch self {
        case .excellent: "Excellent"
        case .good: "Good"
        case .requiresImprovement: "Requires improvement"
        case .requiresSignificantImprovement: "Requires significant improvement"
        case .outstanding: "Outstanding"
        case .requiresImprovementToBeGood: "Requires improvement to be good"
        case .inadequate: "Inadequate"
        }
    }

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

    public var label: String {
        switch self {
        case .allWalesFramework: "bought through the all-Wales framework (Children's Commissioning Consortium Cymru)"
        case .blockContract: "bought under a block contract"
        case .spot: "spot purchase (no framework or block contract)"
        }
    }

    public var shortLabel: String {
        switch self {
        case .allWalesFramework: "all-Wales framework (4Cs)"
        case .blockContract: "block contract"
        case .spot: "spot purchase"
        }
    }
}
