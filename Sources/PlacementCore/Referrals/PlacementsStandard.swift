import Foundation

/// One value of a Placements Data Standard field.
public enum StandardValue: Sendable, Hashable {
    case text(String)
    case integer(Int)
    case boolean(Bool)
    /// A field of cardinality 1..* (several options).
    case list([String])
}

/// The referral-stage entities of the Placements Data Standard v2 (SocialCareData, MIT;
/// fixtures/placements-data-standard/placements.json): PlacementAvailability, PlacementRequirements,
/// PlacementRecommendation and Risks, filled from the child's record. ActualPlacement and QualityAssurance
/// belong to the placement (their required fields are the placing officer's and the agreed cost) and are
/// not part of a referral. Where the store holds nothing, the standard's "not known" option is used and the
/// pack lists the gap (`MissingInformation`).
public struct PlacementsStandardRecord: Sendable, Hashable {
    public struct Entity: Sendable, Hashable {
        public let name: String
        public let fields: [(name: String, value: StandardValue)]

        public static func == (a: Entity, b: Entity) -> Bool {
            a.name == b.name && a.fields.map(\.name) == b.fields.map(\.name) && a.fields.map(\.value) == b.fields.map(\.value)
        }
        public func hash(into h: inout Hasher) { h.combine(name); for f in fields { h.combine(f.name); h.combine(f.value) } }
    }

    public static let title = "Placements Data Standard"
    public static let version = "v2"

    /// The standard's `livingCompanions` option for the child's recorded preference.
    static func livingCompanions(_ companions: LivingCompanions?) -> String {
        switch companions {
        case .solo: "Solo placement recommended"
        case .olderOnly: "Only with other older children"
        case .youngerOnly: "Only with other younger children"
        case nil: "No preference"
        }
    }

    public let entities: [Entity]

    init(child: Child, childNumber: Int, siblingCount: Int, preferredLocation: String, neededBy: Day, today: Day) {
        let codes = Set(child.needs.map(\.code))
        let recorded = !child.needs.isEmpty
        func present(_ code: String) -> StandardValue { .text(codes.contains(code) ? "Risk Present" : "No known risk") }

        let days = today.days(until: neededBy)
        let needed = child.urgency.isEmergency || days <= 0 ? "Today" : days < 5 ? "in less than 5 days" : "in more than 5 days"
        var availability: [(String, StandardValue)] = [("childId", .integer(childNumber)), ("neededBy", .text(needed))]
        if child.siblingGroup != nil { availability.append(("siblingCount", .integer(siblingCount))) }
        availability.append(("preferredLocation", .text(preferredLocation)))

        var specific: [String] = []
        if codes.contains("UAS") || child.firstLanguage == .other { specific.append("ESOL") }
        if codes.contains("WEL") || child.welshPlacement != nil { specific.append("Other") }
        let communication = ["AUT", "LD", "WEL", "UAS"].contains(where: codes.contains) || child.firstLanguage == .other
            || child.welshPlacement != nil
        var requirements: [(String, StandardValue)] = [
            ("communicationNeeds", .text(communication ? "Y" : recorded ? "N" : "Not Specified")),
            ("specificCommunicationRequirements", .list(specific.isEmpty ? ["None"] : specific)),
            ("homeAdaptation", .boolean(codes.contains("PHYS"))),
            ("culturalNeeds", .text(codes.contains("FTH") ? "Required" : "Not Known")),
            // Not recorded: the standard's neutral option, and the pack lists the gap.
            ("livingCompanions", .text(Self.livingCompanions(child.livingCompanions))),
            ("pets", .text("Not Known")),
        ]
        if codes.contains("MH") { requirements.append(("additionalSupport", .text("therapeutic support"))) }
        requirements.append(("deprivationOfLiberty", .boolean(child.legalStatus == .secureOrder)))

        func suitability(_ settings: [Setting]) -> StandardValue {
            guard let first = child.acceptableSettings.first else { return .text("Not specified") }
            if settings.contains(first) { return .text("Preferred") }
            return .text(settings.contains(where: child.acceptableSettings.contains) ? "Suitable but not preferred" : "Unsuitable")
        }
        let recommendation: [(String, StandardValue)] = [
            ("fosterCareSuitability", suitability([.foster, .kinship, .parentAndChild])),
            ("residentialCareSuitability", suitability([.residential, .secure])),
            ("supportedAccommodationSuitability", suitability([.supportedLodgings])),
        ]

        var risks: [(String, StandardValue)] = ReferralPack.riskCodes.map { ($0.field, present($0.code)) }
        risks.insert(("riskEatingDisorder", .text("No known risk")), at: 4)
        let toOthers: [(String, RiskToOthers?)] = [("riskToOthersPhysical", nil), ("riskToOthersSexual", .sexual),
                                                   ("riskToOthersFire", nil), ("riskToOthersAnimals", nil),
                                                   ("riskToOthersCriminal", .criminal)]
        for (field, risk) in toOthers {
            risks.append((field, .text(risk.map(child.riskToOthers.contains) == true ? "Risk Present" : "No known risk")))
        }

        entities = [
            Entity(name: "PlacementAvailability", fields: availability.map { (name: $0.0, value: $0.1) }),
            Entity(name: "PlacementRequirements", fields: requirements.map { (name: $0.0, value: $0.1) }),
            Entity(name: "PlacementRecommendation", fields: recommendation.map { (name: $0.0, value: $0.1) }),
            Entity(name: "Risks", fields: risks.map { (name: $0.0, value: $0.1) }),
        ]
    }
}
