import Foundation

/// A part of a referral pack, in the order the pack gives them. The ring-round log keeps which sections
/// went (never their contents).
public enum ReferralSection: String, Sendable, Codable, CaseIterable {
    case child = "about-the-child"
    case neededBy = "date-needed"
    case needs
    case risks
    case education
    case language
    case cultureAndFaith = "culture-and-faith"
    case siblings = "sibling-group"
    case mustOffer = "placement-must-offer"

    /// The section's heading in English (`title(_:)` for either language).
    public var title: String { title(.en) }

    public func title(_ language: Language) -> String {
        let message: Message = switch self {
        case .child: .coreReferralSectionChild
        case .neededBy: .coreReferralSectionNeededBy
        case .needs: .coreReferralSectionNeeds
        case .risks: .coreReferralSectionRisks
        case .education: .coreReferralSectionEducation
        case .language: .coreReferralSectionLanguage
        case .cultureAndFaith: .coreReferralSectionCultureAndFaith
        case .siblings: .coreReferralSectionSiblings
        case .mustOffer: .coreReferralSectionMustOffer
        }
        return message.text(language)
    }
}

/// What a referral entry of the ring-round log records: the sections sent and when the provider should answer.
public struct ReferralSent: Sendable, Hashable, Codable {
    public var sections: [ReferralSection]
    public var responseDue: Date

    public init(sections: [ReferralSection], responseDue: Date) {
        self.sections = sections
        self.responseDue = responseDue
    }
}

/// A provider's offer in answer to a referral.
public struct ReferralOffer: Sendable, Hashable, Codable {
    public var weeklyFee: Int
    public var start: Day

    public init(weeklyFee: Int, start: Day) {
        self.weeklyFee = weeklyFee
        self.start = start
    }
}

/// How a provider answered a referral.
public enum ReferralResponse: Sendable, Hashable {
    case offer(ReferralOffer, note: String)
    case decline(reason: String)
    case question(String)

    /// The ring-round outcome the response is logged with (a question: the provider is still considering).
    public var outcome: Contact.Outcome {
        switch self {
        case .offer: .offered
        case .decline: .declined
        case .question: .considering
        }
    }
}

/// What the officer chose to send, before the store gives the entries ids.
public struct ReferralDraft: Sendable, Hashable {
    public var childID: String
    /// The vacancies marked, in the order chosen; one entry per provider (its first vacancy named).
    public var vacancyIDs: [String]
    public var responseDue: Date
    public var sections: [ReferralSection]

    public init(childID: String, vacancyIDs: [String], responseDue: Date, sections: [ReferralSection] = ReferralSection.allCases) {
        self.childID = childID
        self.vacancyIDs = vacancyIDs
        self.responseDue = responseDue
        self.sections = sections
    }

    /// The default time a provider has to answer: two hours in an emergency, else a day.
    public static func defaultResponseDue(now: Date, emergency: Bool) -> Date {
        now.addingTimeInterval(emergency ? 2 * 3600 : 24 * 3600)
    }

    /// The longest a provider can be given to answer.
    public static let longestResponseDays = 14
}
