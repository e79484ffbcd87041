import Foundation

/// What a provider rang or wrote to say.
public enum NoticeKind: String, Sendable, Codable, CaseIterable {
    case placementEnding = "placement_ending", vacancyOpened = "vacancy_opened", vacancyChanged = "vacancy_changed"
    case vacancyFilled = "vacancy_filled", vacancyWithdrawn = "vacancy_withdrawn"

    public var label: String { label(.en) }

}

public struct ProviderNotice: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var receivedAt: Date
    public var loggedBy: String
    public var providerID: String
    public var kind: NoticeKind
    /// For an ending: the child, when it takes effect and why.
    public var childID: String?
    public var effectiveAt: Date?
    public var reason: EndReason?
    /// For vacancy notices: the vacancy concerned.
    public var vacancyID: String?
    public var text: String
    /// Set on a correcting record: which notice it replaces, how and why (nil on an original).
    public var correction: Correction?

    public init(id: String, receivedAt: Date, loggedBy: String, providerID: String, kind: NoticeKind,
                childID: String? = nil, effectiveAt: Date? = nil, reason: EndReason? = nil,
                vacancyID: String? = nil, text: String = "", correction: Correction? = nil) {
        self.id = id
        self.receivedAt = receivedAt
        self.loggedBy = loggedBy
        self.providerID = providerID
        self.kind = kind
        self.childID = childID
        self.effectiveAt = effectiveAt
        self.reason = reason
        self.vacancyID = vacancyID
        self.text = text
        self.correction = correction
    }

    /// Hours of notice from the call to the ending, rounded down; nil unless an ending.
    public var noticeHours: Int? {
        guard let effectiveAt else { return nil }
        return max(0, Int(effectiveAt.timeIntervalSince(receivedAt) / 3600))
    }
}

/// A correcting record: the store keeps the original row and adds this one, which replaces it in every
/// "current" view (`Corrections`). Chains are linear: only the current record of a chain can be corrected.
public struct Correction: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The record stands no more (a notice logged in error); it shows as withdrawn in the history.
        case withdrawn
        /// The record's fields are replaced by the correcting record's.
        case amended
    }

    /// The id of the record this one replaces (the current record of its chain when corrected).
    public var corrects: String
    public var kind: Kind
    public var reason: String
    public var at: Date
    public var by: String

    public init(corrects: String, kind: Kind, reason: String, at: Date, by: String) {
        self.corrects = corrects
        self.kind = kind
        self.reason = reason
        self.at = at
        self.by = by
    }
}

/// Whether a decline rules out only the vacancy discussed or every vacancy of that provider for the child.
public enum DeclineScope: String, Sendable, Codable, CaseIterable {
    case vacancy, provider
}

/// One call of the ring-round.
public struct Contact: Sendable, Hashable, Codable, Identifiable {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case noAnswer = "no_answer", declined, considering, offered, accepted
        /// A referral pack went to the provider (`placefinder referral send`, `s` on the match screen); never typed as a call.
        case referred

        /// The outcomes of a telephone call, as the call forms and `call add` offer them.
        public static let calls: [Outcome] = [.noAnswer, .declined, .considering, .offered, .accepted]
    }

    public var id: String
    public var childID: String
    public var providerID: String
    public var vacancyID: String?
    public var at: Date
    public var outcome: Outcome
    /// The decline's reason (declines only; required for one).
    public var declineReason: String?
    public var by: String
    /// What was said, on any outcome ("ring back after the panel"); empty when none.
    public var note: String
    /// When the officer should ring back, if agreed.
    public var callBackAt: Date?
    /// A decline's reach; nil on other outcomes. When not given, a decline about a vacancy covers that
    /// vacancy and one naming none covers the provider (the engine's rule before scopes were recorded).
    public var declineScope: DeclineScope?
    /// Set on a correcting record (an amended call).
    public var correction: Correction?
    /// On a referral (outcome `referred`): the pack's sections and when a response is due.
    public var referral: ReferralSent?
    /// On a provider's response to a referral (offered, declined, or a question as considering): the referral's id.
    public var respondsTo: String?
    /// On an offer answering a referral: the weekly fee and start day offered.
    public var offer: ReferralOffer?

    public init(id: String, childID: String, providerID: String, vacancyID: String? = nil, at: Date,
                outcome: Outcome, declineReason: String? = nil, by: String, note: String = "", callBackAt: Date? = nil,
                declineScope: DeclineScope? = nil, correction: Correction? = nil, referral: ReferralSent? = nil,
                respondsTo: String? = nil, offer: ReferralOffer? = nil) {
        self.id = id
        self.childID = childID
        self.providerID = providerID
        self.vacancyID = vacancyID
        self.at = at
        self.outcome = outcome
        self.declineReason = declineReason
        self.by = by
        self.note = note
        self.callBackAt = callBackAt
        self.declineScope = declineScope ?? (outcome == .declined ? (vacancyID == nil ? .provider : .vacancy) : nil)
        self.correction = correction
        self.referral = referral
        self.respondsTo = respondsTo
        self.offer = offer
    }

    /// The decline's reach (always `.provider` for a decline naming no vacancy); nil unless declined.
    public var effectiveDeclineScope: DeclineScope? {
        guard outcome == .declined else { return nil }
        return vacancyID == nil ? .provider : (declineScope ?? .vacancy)
    }
}

extension NoticeKind: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.notice.kind" }
}
