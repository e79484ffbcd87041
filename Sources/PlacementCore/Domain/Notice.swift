import Foundation

/// What a provider rang or wrote to say.
public enum NoticeKind: String, Sendable, Codable, CaseIterable {
    case placementEnding = "placement_ending", vacancyOpened = "vacancy_opened", vacancyChanged = "vacancy_changed"
    case vacancyFilled = "vacancy_filled", vacancyWithdrawn = "vacancy_withdrawn"

    public var label: String {
        switch self {
        case .placementEnding: "placement ending"
        case .vacancyOpened: "vacancy opened"
        case .vacancyChanged: "vacancy changed"
        case .vacancyFilled: "vacancy filled"
        case .vacancyWithdrawn: "vacancy withdrawn"
        }
    }
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

    public init(id: String, receivedAt: Date, loggedBy: String, providerID: String, kind: NoticeKind,
                childID: String? = nil, effectiveAt: Date? = nil, reason: EndReason? = nil,
                vacancyID: String? = nil, text: String = "") {
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
    }

    /// Hours of notice from the call to the ending, rounded down; nil unless an ending.
    public var noticeHours: Int? {
        guard let effectiveAt else { return nil }
        return max(0, Int(effectiveAt.timeIntervalSince(receivedAt) / 3600))
    }
}

/// One call of the ring-round.
public struct Contact: Sendable, Hashable, Codable, Identifiable {
    public enum Outcome: String, Sendable, Codable, CaseIterable {
        case noAnswer = "no_answer", declined, considering, offered, accepted
    }

    public var id: String
    public var childID: String
    public var providerID: String
    public var vacancyID: String?
    public var at: Date
    public var outcome: Outcome
    public var declineReason: String?
    public var by: String

    public init(id: String, childID: String, providerID: String, vacancyID: String? = nil, at: Date,
                outcome: Outcome, declineReason: String? = nil, by: String) {
        self.id = id
        self.childID = childID
        self.providerID = providerID
        self.vacancyID = vacancyID
        self.at = at
        self.outcome = outcome
        self.declineReason = declineReason
        self.by = by
    }
}
