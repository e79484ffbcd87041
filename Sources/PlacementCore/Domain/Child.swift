import Foundation

/// The child's legal status, which limits the settings that may be used (secure needs a secure order).
public enum LegalStatus: String, Sendable, Codable, CaseIterable {
    case section76 = "s76", interimCareOrder = "interim_care_order", careOrder = "care_order"
    case placementOrder = "placement_order", emergencyProtection = "emergency_protection"
    case remand, secureOrder = "secure_order"

    public var label: String { label(.en) }

}

public enum ChildStatus: String, Sendable, Codable, CaseIterable {
    case placed, needsPlacement = "needs_placement", noticeReceived = "notice_received"
}

/// When a placement is needed: today (emergency) or by a date.
public enum Urgency: Sendable, Hashable, Codable {
    case emergency
    case neededBy(Day)

    /// The day the placement must be available by, given today's date.
    public func neededDay(today: Day) -> Day {
        switch self {
        case .emergency: today
        case .neededBy(let day): max(day, today)
        }
    }

    public var isEmergency: Bool { if case .emergency = self { true } else { false } }

    /// One value in files: "emergency" or the date needed by ("2026-12-01").
    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        if raw == "emergency" {
            self = .emergency
        } else if let day = Day(iso: raw) {
            self = .neededBy(day)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "urgency must be emergency or a date (YYYY-MM-DD)"))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .emergency: try c.encode("emergency")
        case .neededBy(let day): try c.encode(day.iso)
        }
    }
}

public struct SiblingGroup: Sendable, Hashable, Codable {
    public var groupID: String
    public var mustBePlacedTogether: Bool
    public init(groupID: String, mustBePlacedTogether: Bool) {
        self.groupID = groupID
        self.mustBePlacedTogether = mustBePlacedTogether
    }
}

/// An area the child must not be placed in, for safeguarding.
public struct AvoidArea: Sendable, Hashable, Codable {
    public var postcode: String
    public var radiusMiles: Double
    public init(postcode: String, radiusMiles: Double) {
        self.postcode = postcode
        self.radiusMiles = radiusMiles
    }
}

/// Safeguarding limits on where a child may live (seed report 6.29, 7.14: county lines, abuse).
public struct SafeguardingConstraints: Sendable, Hashable, Codable {
    public var avoidAuthorities: [String]
    public var avoidAreas: [AvoidArea]
    /// When links must be broken, the placement must be at least this far (straight line) from home.
    public var minimumMilesFromHome: Double?

    public init(avoidAuthorities: [String] = [], avoidAreas: [AvoidArea] = [], minimumMilesFromHome: Double? = nil) {
        self.avoidAuthorities = avoidAuthorities
        self.avoidAreas = avoidAreas
        self.minimumMilesFromHome = minimumMilesFromHome
    }

    public var isEmpty: Bool { avoidAuthorities.isEmpty && avoidAreas.isEmpty && minimumMilesFromHome == nil }
}

/// A looked-after child (or one about to be) with the profile the matching engine reads.
public struct Child: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: Day
    public var gender: Gender
    public var homePostcode: String
    /// ONS code of the responsible (placing) authority.
    public var placingAuthority: String
    public var schoolPostcode: String?
    public var firstLanguage: FirstLanguage
    /// How much a Welsh-speaking placement matters; nil when it does not.
    public var welshPlacement: NeedLevel?
    public var legalStatus: LegalStatus
    public var needs: [NeedRequirement]
    public var siblingGroup: SiblingGroup?
    public var safeguarding: SafeguardingConstraints
    public var acceptableSettings: [Setting]
    public var urgency: Urgency
    public var status: ChildStatus
    /// What other children are at risk of from this child (for the homes' current residents' checks).
    public var riskToOthers: [RiskToOthers]
    /// Who the child can live alongside (nil: no restriction recorded).
    public var livingCompanions: LivingCompanions?
    /// Ids of children this child must not be placed with (known associates).
    public var associatesToAvoid: [String]

    public init(id: String, givenName: String, familyName: String, dateOfBirth: Day, gender: Gender,
                homePostcode: String, placingAuthority: String, schoolPostcode: String? = nil,
                firstLanguage: FirstLanguage = .english, welshPlacement: NeedLevel? = nil,
                legalStatus: LegalStatus = .careOrder, needs: [NeedRequirement] = [],
                siblingGroup: SiblingGroup? = nil, safeguarding: SafeguardingConstraints = .init(),
                acceptableSettings: [Setting] = [.foster, .kinship], urgency: Urgency,
                status: ChildStatus, riskToOthers: [RiskToOthers] = [], livingCompanions: LivingCompanions? = nil,
                associatesToAvoid: [String] = []) {
        self.id = id
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.homePostcode = homePostcode
        self.placingAuthority = placingAuthority
        self.schoolPostcode = schoolPostcode
        self.firstLanguage = firstLanguage
        self.welshPlacement = welshPlacement
        self.legalStatus = legalStatus
        self.needs = needs
        self.siblingGroup = siblingGroup
        self.safeguarding = safeguarding
        self.acceptableSettings = acceptableSettings
        self.urgency = urgency
        self.status = status
        self.riskToOthers = riskToOthers
        self.livingCompanions = livingCompanions
        self.associatesToAvoid = associatesToAvoid
    }

    private enum CodingKeys: String, CodingKey {
        case id, givenName, familyName, dateOfBirth, gender, homePostcode, placingAuthority, schoolPostcode
        case firstLanguage, welshPlacement, legalStatus, needs, siblingGroup, safeguarding, acceptableSettings
        case urgency, status, riskToOthers, livingCompanions, associatesToAvoid
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), givenName: try c.decode(String.self, forKey: .givenName),
                  familyName: try c.decode(String.self, forKey: .familyName), dateOfBirth: try c.decode(Day.self, forKey: .dateOfBirth),
                  gender: try c.decode(Gender.self, forKey: .gender), homePostcode: try c.decode(String.self, forKey: .homePostcode),
                  placingAuthority: try c.decode(String.self, forKey: .placingAuthority),
                  schoolPostcode: try c.decodeIfPresent(String.self, forKey: .schoolPostcode),
                  firstLanguage: try c.decode(FirstLanguage.self, forKey: .firstLanguage),
                  welshPlacement: try c.decodeIfPresent(NeedLevel.self, forKey: .welshPlacement),
                  legalStatus: try c.decode(LegalStatus.self, forKey: .legalStatus),
                  needs: try c.decode([NeedRequirement].self, forKey: .needs),
                  siblingGroup: try c.decodeIfPresent(SiblingGroup.self, forKey: .siblingGroup),
                  safeguarding: try c.decode(SafeguardingConstraints.self, forKey: .safeguarding),
                  acceptableSettings: try c.decode([Setting].self, forKey: .acceptableSettings),
                  urgency: try c.decode(Urgency.self, forKey: .urgency), status: try c.decode(ChildStatus.self, forKey: .status),
                  // Exports from before the residents' checks have none of these: read them as none recorded.
                  riskToOthers: try c.decodeIfPresent([RiskToOthers].self, forKey: .riskToOthers) ?? [],
                  livingCompanions: try c.decodeIfPresent(LivingCompanions.self, forKey: .livingCompanions),
                  associatesToAvoid: try c.decodeIfPresent([String].self, forKey: .associatesToAvoid) ?? [])
    }

    /// Lists show initials only; full names appear on the child's own page.
    public var initials: String {
        let letters = [givenName, familyName].compactMap { $0.first.map { String($0).uppercased() } }
        return letters.joined()
    }

    public var fullName: String { "\(givenName) \(familyName)" }

    public func age(on day: Day) -> Int { dateOfBirth.age(on: day) }

    /// In the fourth key stage on `day` — school years 10 and 11 (Education Act 2002 s.103) — where a school move
    /// needs a nominated officer's approval (reg 11, SI 2015/1818). A year group is the children whose age on
    /// the 31 August before the school year began is the same: 14 in year 10, 15 in year 11. (An age range
    /// such as 14–16 took in year 9's older children and year 12's younger ones.)
    public func isKeyStage4(on day: Day) -> Bool {
        let schoolYearBegan = day.month >= 9 ? day.year : day.year - 1
        guard let cutOff = Day(year: schoolYearBegan, month: 8, day: 31) else { return false }
        return (14...15).contains(dateOfBirth.age(on: cutOff))
    }

    public func needs(at level: NeedLevel) -> [String] { needs.filter { $0.level == level }.map(\.code) }

    /// Secure accommodation may only be used with a secure order.
    public func accepts(_ setting: Setting) -> Bool {
        if setting == .secure { return legalStatus == .secureOrder && acceptableSettings.contains(.secure) }
        return acceptableSettings.contains(setting)
    }
}

extension LegalStatus: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.legal" }
}
