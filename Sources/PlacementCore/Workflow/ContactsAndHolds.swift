import Foundation

extension Workflow {
    /// Records one ring-round call. Any outcome may carry a note and a call-back time. A decline needs a
    /// reason and has a scope: this vacancy only, or every vacancy of the provider for this child (when not
    /// given: the vacancy discussed, or the provider when none was); the matching engine excludes accordingly. A reason or scope on any other outcome is refused
    /// rather than silently dropped.
    public static func recordContact(_ draft: ContactDraft, id: String, officer: String, child: Child?,
                                     provider: Provider?, vacancy: Vacancy?) throws(WorkflowError) -> Contact {
        guard let child, child.id == draft.childID else { throw .unknownChild(draft.childID) }
        guard let provider, provider.id == draft.providerID else { throw .unknownProvider(draft.providerID) }
        if let vacancyID = draft.vacancyID {
            guard let vacancy, vacancy.id == vacancyID else { throw .unknownVacancy(vacancyID) }
            guard vacancy.providerID == provider.id else {
                throw .vacancyOfAnotherProvider(vacancyID: vacancyID, providerID: provider.id)
            }
        }
        return try checkedContact(id: id, childID: child.id, providerID: provider.id, vacancyID: draft.vacancyID, at: draft.at,
                                  outcome: draft.outcome, declineReason: draft.declineReason, note: draft.note,
                                  callBackAt: draft.callBackAt, declineScope: draft.declineScope, by: officer)
    }

    /// The outcome-dependent rules shared by recording and amending a call.
    static func checkedContact(id: String, childID: String, providerID: String, vacancyID: String?, at: Date,
                               outcome: Contact.Outcome, declineReason: String?, note: String, callBackAt: Date?,
                               declineScope: DeclineScope?, by: String,
                               correction: Correction? = nil, referral: ReferralSent? = nil, respondsTo: String? = nil,
                               offer: ReferralOffer? = nil) throws(WorkflowError) -> Contact {
        let reason = declineReason?.trimmingCharacters(in: .whitespacesAndNewlines)
        let reasonGiven = !(reason ?? "").isEmpty
        let what = WorkflowPhrase.callWithOutcome.english(["outcome": outcome.rawValue])
        if outcome == .declined && !reasonGiven { throw .missing(field: WorkflowPhrase.reason.english(), for: WorkflowPhrase.declinedCall.english()) }
        if outcome != .declined && reasonGiven { throw .notApplicable(field: WorkflowPhrase.declineReason.english(), for: what) }
        if outcome != .declined && declineScope != nil { throw .notApplicable(field: WorkflowPhrase.declineScope.english(), for: what) }
        if outcome == .declined && declineScope == .vacancy && vacancyID == nil {
            throw .missing(field: WorkflowPhrase.vacancy.english(), for: WorkflowPhrase.declineOfThisVacancyOnly.english())
        }
        if let callBackAt, callBackAt < at { throw .callBackBeforeCall }
        // A referral is only ever what `sendReferral` wrote; its outcome never changes (the response is a record of its own).
        if outcome == .referred && referral == nil { throw .referral(WorkflowPhrase.referralIsSentNotCalled.english()) }
        if outcome != .referred && referral != nil { throw .referral(WorkflowPhrase.referralStaysAReferral.english()) }
        if offer != nil && outcome != .offered { throw .notApplicable(field: WorkflowPhrase.offeredFeeAndStart.english(), for: what) }
        return Contact(id: id, childID: childID, providerID: providerID, vacancyID: vacancyID, at: at, outcome: outcome,
                       declineReason: reasonGiven ? reason : nil, by: by,
                       note: note.trimmingCharacters(in: .whitespacesAndNewlines), callBackAt: callBackAt,
                       declineScope: outcome == .declined ? declineScope : nil, correction: correction, referral: referral,
                       respondsTo: respondsTo, offer: offer)
    }

    /// Holds a vacancy for a child so colleagues do not offer the bed elsewhere (seed report 6.9: the bed
    /// goes while the decision is made). The same officer re-holding for the same child extends the hold;
    /// a live hold by anyone else is refused. An expired hold is simply replaced.
    /// - Parameter until: when the hold lapses; default 23:59 Welsh time today.
    public static func hold(_ vacancy: Vacancy, for child: Child, officer: String, now: Date,
                            until: Date? = nil) throws(WorkflowError) -> Vacancy {
        guard vacancy.status == .open || vacancy.status == .held else {
            throw .vacancyNotOpen(vacancyID: vacancy.id, status: vacancy.status)
        }
        guard vacancy.beds > 0 else { throw .noBedsLeft(vacancyID: vacancy.id) }
        if let current = vacancy.hold, vacancy.isHeld(at: now) {
            if current.childID != child.id {
                throw .heldByAnother(vacancyID: vacancy.id, officer: current.officer, until: current.expiresAt)
            }
            if current.officer != officer {
                throw .heldByColleague(vacancyID: vacancy.id, officer: current.officer, until: current.expiresAt)
            }
        }
        let expiry = until ?? WorkflowTime.endOfDay(now)
        guard expiry > now else { throw .holdMustEndInFuture }
        guard expiry <= now.addingTimeInterval(Double(Limits.holdDays) * 86_400) else { throw .holdTooLong(days: Limits.holdDays) }
        var held = vacancy
        held.status = .held
        held.hold = Hold(childID: child.id, officer: officer, expiresAt: expiry)
        return held
    }

    /// Releases a hold: the holder may at any time; anyone may once it has expired.
    public static func releaseHold(_ vacancy: Vacancy, officer: String, now: Date) throws(WorkflowError) -> Vacancy {
        guard let current = vacancy.hold else { throw .notHeld(vacancyID: vacancy.id) }
        if vacancy.isHeld(at: now) && current.officer != officer {
            throw .notHolder(vacancyID: vacancy.id, officer: current.officer, until: current.expiresAt)
        }
        var released = vacancy
        released.hold = nil
        if released.status == .held { released.status = .open }
        return released
    }
}
