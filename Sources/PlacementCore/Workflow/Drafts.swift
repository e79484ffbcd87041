import Foundation

/// What the officer typed for a provider's notice, before the store gives it an id.
public struct NoticeDraft: Sendable, Hashable {
    public var providerID: String
    public var kind: NoticeKind
    public var receivedAt: Date
    public var childID: String?
    public var effectiveAt: Date?
    public var reason: EndReason?
    public var vacancyID: String?
    public var text: String
    /// For `vacancyOpened` and `vacancyChanged`: what the provider said changed.
    public var changes: VacancyChanges
    /// For `vacancyOpened` with no `vacancyID`: the new vacancy's details.
    public var newVacancy: VacancyDraft?
    /// For `vacancyFilled`: the ONS code of another authority (Welsh or English) that filled the bed,
    /// recorded on the vacancy without naming the child (seed report 6.6).
    public var filledBy: String?

    public init(providerID: String, kind: NoticeKind, receivedAt: Date, childID: String? = nil, effectiveAt: Date? = nil,
                reason: EndReason? = nil, vacancyID: String? = nil, text: String = "",
                changes: VacancyChanges = .init(), newVacancy: VacancyDraft? = nil, filledBy: String? = nil) {
        self.providerID = providerID
        self.kind = kind
        self.receivedAt = receivedAt
        self.childID = childID
        self.effectiveAt = effectiveAt
        self.reason = reason
        self.vacancyID = vacancyID
        self.text = text
        self.changes = changes
        self.newVacancy = newVacancy
        self.filledBy = filledBy
    }
}

/// The parts of a vacancy a provider's call can change; nil leaves a field as it is.
public struct VacancyChanges: Sendable, Hashable {
    public var beds: Int?
    public var weeklyFee: Int?
    public var availableFrom: Day?
    public var ageRange: ClosedRange<Int>?
    public var takesEmergencies: Bool?

    public init(beds: Int? = nil, weeklyFee: Int? = nil, availableFrom: Day? = nil, ageRange: ClosedRange<Int>? = nil,
                takesEmergencies: Bool? = nil) {
        self.beds = beds
        self.weeklyFee = weeklyFee
        self.availableFrom = availableFrom
        self.ageRange = ageRange
        self.takesEmergencies = takesEmergencies
    }

    public var isEmpty: Bool { self == VacancyChanges() }

    /// Field names that change, for the audit trail ("beds, weekly_fee"): names only, never values.
    public var changedFields: [String] {
        [beds.map { _ in "beds" }, weeklyFee.map { _ in "weekly_fee" }, availableFrom.map { _ in "available_from" },
         ageRange.map { _ in "ages" }, takesEmergencies.map { _ in "takes_emergencies" }].compactMap { $0 }
    }

    func apply(to vacancy: inout Vacancy) {
        if let beds { vacancy.beds = beds }
        if let weeklyFee { vacancy.weeklyFee = weeklyFee }
        if let availableFrom { vacancy.availableFrom = availableFrom }
        if let ageRange { vacancy.ageRange = ageRange }
        if let takesEmergencies { vacancy.takesEmergencies = takesEmergencies }
    }
}

/// A vacancy a provider rang to offer that Placefinder has not seen before.
public struct VacancyDraft: Sendable, Hashable {
    public var setting: Setting
    public var postcode: String?
    public var beds: Int
    public var ageRange: ClosedRange<Int>
    public var gendersAccepted: Set<Gender>
    public var maxSiblingGroup: Int
    public var extraCapabilities: [String]
    public var availableFrom: Day
    public var takesEmergencies: Bool
    public var weeklyFee: Int

    public init(setting: Setting, postcode: String? = nil, beds: Int = 1, ageRange: ClosedRange<Int>,
                gendersAccepted: Set<Gender> = Set(Gender.allCases), maxSiblingGroup: Int = 1,
                extraCapabilities: [String] = [], availableFrom: Day, takesEmergencies: Bool = false, weeklyFee: Int) {
        self.setting = setting
        self.postcode = postcode
        self.beds = beds
        self.ageRange = ageRange
        self.gendersAccepted = gendersAccepted
        self.maxSiblingGroup = maxSiblingGroup
        self.extraCapabilities = extraCapabilities
        self.availableFrom = availableFrom
        self.takesEmergencies = takesEmergencies
        self.weeklyFee = weeklyFee
    }

    public func vacancy(id: String, providerID: String, confirmedAt: Date) -> Vacancy {
        Vacancy(id: id, providerID: providerID, setting: setting, postcode: postcode, beds: beds, ageRange: ageRange,
                gendersAccepted: gendersAccepted, maxSiblingGroup: maxSiblingGroup, extraCapabilities: extraCapabilities,
                availableFrom: availableFrom, takesEmergencies: takesEmergencies, weeklyFee: weeklyFee,
                lastConfirmedAt: confirmedAt, status: .open)
    }
}

/// One ring-round call as the officer records it, before the store gives it an id.
public struct ContactDraft: Sendable, Hashable {
    public var childID: String
    public var providerID: String
    public var vacancyID: String?
    public var at: Date
    public var outcome: Contact.Outcome
    public var declineReason: String?
    public var note: String
    public var callBackAt: Date?
    /// A decline's reach; nil means the vacancy discussed, or the whole provider when none was named.
    public var declineScope: DeclineScope?

    public init(childID: String, providerID: String, vacancyID: String? = nil, at: Date, outcome: Contact.Outcome,
                declineReason: String? = nil, note: String = "", callBackAt: Date? = nil, declineScope: DeclineScope? = nil) {
        self.childID = childID
        self.providerID = providerID
        self.vacancyID = vacancyID
        self.at = at
        self.outcome = outcome
        self.declineReason = declineReason
        self.note = note
        self.callBackAt = callBackAt
        self.declineScope = declineScope
    }
}

/// What an officer changes when amending a notice; nil leaves a field as it was.
public struct NoticeAmendment: Sendable, Hashable {
    public var text: String?
    public var effectiveAt: Date?
    public var reason: EndReason?
    public var receivedAt: Date?

    public init(text: String? = nil, effectiveAt: Date? = nil, reason: EndReason? = nil, receivedAt: Date? = nil) {
        self.text = text
        self.effectiveAt = effectiveAt
        self.reason = reason
        self.receivedAt = receivedAt
    }

    public var isEmpty: Bool { self == NoticeAmendment() }

    /// Field names that change, for the audit trail: names only, never values.
    public var changedFields: [String] {
        [text.map { _ in "text" }, effectiveAt.map { _ in "effective_at" }, reason.map { _ in "reason" },
         receivedAt.map { _ in "received_at" }].compactMap { $0 }
    }
}

/// What an officer changes when amending a call; nil leaves a field as it was. `clearCallBack` removes
/// an agreed call-back time.
public struct ContactAmendment: Sendable, Hashable {
    public var outcome: Contact.Outcome?
    public var note: String?
    public var declineReason: String?
    public var callBackAt: Date?
    public var clearCallBack: Bool
    public var declineScope: DeclineScope?

    public init(outcome: Contact.Outcome? = nil, note: String? = nil, declineReason: String? = nil, callBackAt: Date? = nil,
                clearCallBack: Bool = false, declineScope: DeclineScope? = nil) {
        self.outcome = outcome
        self.note = note
        self.declineReason = declineReason
        self.callBackAt = callBackAt
        self.clearCallBack = clearCallBack
        self.declineScope = declineScope
    }

    public var isEmpty: Bool { self == ContactAmendment() }

    public var changedFields: [String] {
        [outcome.map { _ in "outcome" }, note.map { _ in "note" }, declineReason.map { _ in "decline_reason" },
         (callBackAt != nil || clearCallBack) ? "call_back_at" : nil, declineScope.map { _ in "decline_scope" }].compactMap { $0 }
    }
}
