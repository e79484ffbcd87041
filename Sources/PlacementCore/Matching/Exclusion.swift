/// Every hard constraint a vacancy can fail; kept as bits so 50,000 checks cost nothing extra.
public struct ExclusionReasons: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let notOpen = Self(rawValue: 1 << 0)
    public static let heldByAnother = Self(rawValue: 1 << 1)
    public static let notAvailableInTime = Self(rawValue: 1 << 2)
    public static let noSameDayEmergencies = Self(rawValue: 1 << 3)
    public static let settingNotInPlan = Self(rawValue: 1 << 4)
    public static let ageOutsideRange = Self(rawValue: 1 << 5)
    public static let genderNotAccepted = Self(rawValue: 1 << 6)
    public static let tooFewBeds = Self(rawValue: 1 << 7)
    public static let siblingCapacity = Self(rawValue: 1 << 8)
    public static let essentialNeedUnmet = Self(rawValue: 1 << 9)
    public static let insideAvoidArea = Self(rawValue: 1 << 10)
    public static let avoidedAuthority = Self(rawValue: 1 << 11)
    public static let tooNearHome = Self(rawValue: 1 << 12)
    public static let welshEssential = Self(rawValue: 1 << 13)
    public static let declined = Self(rawValue: 1 << 14)
    public static let kinshipForOthers = Self(rawValue: 1 << 15)
    /// A secure home for a child without a secure accommodation order: named apart from the plan, since the
    /// plan may list secure while the order is what is missing.
    public static let noSecureOrder = Self(rawValue: 1 << 16)
    /// The provider's latest regulator rating is at or below the policy's threshold.
    public static let poorlyRated = Self(rawValue: 1 << 17)
    /// The hard rules of the checks against the children already living there (`ResidentRule`), one bit
    /// each from here, in the rules' order.
    static let firstResidentBit: UInt32 = 1 << 18
    public static let residentAgeGap = ResidentRule.ageGap.exclusion
    public static let residentExploitation = ResidentRule.exploitation.exclusion
    public static let residentCompanions = ResidentRule.livingCompanions.exclusion
    public static let residentAssociate = ResidentRule.associate.exclusion
    public static let residentGenderMix = ResidentRule.genderMix.exclusion

    /// In the order an officer reads them: availability first, then fit, then safeguarding.
    static let ordered: [(ExclusionReasons, Message)] = [
        (.notOpen, .coreExcludedNotOpen),
        (.heldByAnother, .coreExcludedHeldByAnother),
        (.notAvailableInTime, .coreExcludedNotAvailableInTime),
        (.noSameDayEmergencies, .coreExcludedNoSameDayEmergencies),
        (.settingNotInPlan, .coreExcludedSettingNotInPlan),
        (.noSecureOrder, .coreExcludedNoSecureOrder),
        (.kinshipForOthers, .coreExcludedKinshipForOthers),
        (.ageOutsideRange, .coreExcludedAgeOutsideRange),
        (.genderNotAccepted, .coreExcludedGenderNotAccepted),
        (.tooFewBeds, .coreExcludedTooFewBeds),
        (.siblingCapacity, .coreExcludedSiblingCapacity),
        (.essentialNeedUnmet, .coreExcludedEssentialNeedUnmet),
        (.poorlyRated, .coreExcludedPoorlyRated),
        (.insideAvoidArea, .coreExcludedInsideAvoidArea),
        (.avoidedAuthority, .coreExcludedAvoidedAuthority),
        (.tooNearHome, .coreExcludedTooNearHome),
        (.welshEssential, .coreExcludedWelshEssential),
        (.residentExploitation, .coreExcludedResidentExploitation),
        (.residentAssociate, .coreExcludedResidentAssociate),
        (.residentCompanions, .coreExcludedResidentCompanions),
        (.residentAgeGap, .coreExcludedResidentAgeGap),
        (.residentGenderMix, .coreExcludedResidentGenderMix),
        (.declined, .coreExcludedDeclined),
    ]

    /// Plain words for each reason, in reading order, in English.
    public var descriptions: [String] { descriptions(.en) }

    /// Plain words for each reason, in reading order, in `language`.
    public func descriptions(_ language: Language) -> [String] {
        Self.ordered.filter { contains($0.0) }.map { $0.1.text(language) }
    }

    /// Each reason's words in both languages, in reading order: for refusals that outlive a switch of language.
    public var bilingual: [Bilingual] { Self.ordered.filter { contains($0.0) }.map { Bilingual($0.1) } }
}
