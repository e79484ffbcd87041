import Foundation

/// A risk a child poses to other children they live with (issue 15 §2): what a provider's impact risk
/// assessment asks about the children already there.
public enum RiskToOthers: String, Sendable, Codable, CaseIterable {
    /// Harmful sexual behaviour, or drawing other children into sexual exploitation.
    case sexual = "sexual_harm"
    /// Drawing other children into criminal exploitation (county lines, recruitment).
    case criminal = "criminal_exploitation"

    public var label: String { label(.en) }


    /// The need code of a child at risk of this harm (the catalogue's CSE and CCE).
    public var atRiskNeed: String {
        switch self {
        case .sexual: "CSE"
        case .criminal: "CCE"
        }
    }
}

/// Who a child can live alongside, after the Placements Data Standard's `livingCompanions`; nil on the
/// child means no restriction is recorded.
public enum LivingCompanions: String, Sendable, Codable, CaseIterable {
    case solo, olderOnly = "older_only", youngerOnly = "younger_only"

    public var label: String { label(.en) }

}

/// A child living in a home now, as the matching engine may know them: no name, no initials; only what the
/// compatibility checks read. `childID` is kept only to match a child's associates to avoid, never shown;
/// nil for a child of another authority on a regional store, known only by age, gender and risks.
public struct Resident: Sendable, Hashable {
    public var childID: String?
    public var providerID: String
    /// The postcode of the bed the child was placed in (a foster household's), when recorded.
    public var bedPostcode: String?
    public var birthDay: Day
    public var gender: Gender
    public var riskToOthers: Set<RiskToOthers>
    /// The exploitation this child is at risk of (from their CSE and CCE needs).
    public var atRisk: Set<RiskToOthers>

    public init(childID: String?, providerID: String, bedPostcode: String? = nil, birthDay: Day, gender: Gender,
                riskToOthers: Set<RiskToOthers> = [], atRisk: Set<RiskToOthers> = []) {
        self.childID = childID
        self.providerID = providerID
        self.bedPostcode = bedPostcode
        self.birthDay = birthDay
        self.gender = gender
        self.riskToOthers = riskToOthers
        self.atRisk = atRisk
    }

    /// The home a bed belongs to: a children's home (secure, short-break, parent-and-child unit) is one home
    /// wherever its beds are listed; a fostering service's or lodgings provider's beds are households, known
    /// only by the bed's own postcode (nil: which household is not recorded, so no residents are known).
    public static func homeKey(provider: Provider, bedPostcode: String?) -> String? {
        switch provider.serviceType {
        case .childrensHome, .secureHome, .shortBreaks, .parentAndChild: provider.id
        case .fosteringAgency, .localAuthorityFostering, .supportedLodgings:
            bedPostcode.map { provider.id + "|" + $0 }
        }
    }
}

extension Child {
    /// The exploitation the child is at risk of, from their recorded needs (any level).
    public var atRiskOfExploitation: Set<RiskToOthers> {
        Set(RiskToOthers.allCases.filter { risk in needs.contains { $0.code == risk.atRiskNeed } })
    }
}

extension RiskToOthers: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.risk" }
}

extension LivingCompanions: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.companions" }
}
