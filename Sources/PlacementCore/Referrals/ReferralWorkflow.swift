import Foundation

extension Workflow {
    /// One referral entry of the ring-round log for each provider referred (its first vacancy marked named):
    /// the sections sent, when and by whom, and the response deadline. Refused for an unknown or placed
    /// child, a vacancy no longer open, a deadline past or too far, or a provider still to answer an earlier
    /// referral for this child.
    /// - Parameters:
    ///   - vacancies: the marked vacancies as stored (nil where none has that id), in the draft's order.
    ///   - calls: the child's ring-round log, to find referrals still awaiting an answer.
    /// - Returns: the entries with empty ids; the store gives each its id as it writes it.
    public static func sendReferral(_ draft: ReferralDraft, child: Child?, vacancies: [Vacancy?], calls: [Contact],
                                    sections: [ReferralSection], officer: String, now: Date) throws(WorkflowError) -> [Contact] {
        guard let child, child.id == draft.childID else { throw .unknownChild(draft.childID) }
        if child.status == .placed { throw .referral(WorkflowPhrase.childIsPlaced.english(["child": child.id])) }
        let targets = try referralTargets(draft, vacancies: vacancies)
        guard draft.responseDue > now else { throw .referral(WorkflowPhrase.deadlinePast.english()) }
        guard draft.responseDue <= now.addingTimeInterval(Double(ReferralDraft.longestResponseDays) * 86_400) else {
            throw .referral(WorkflowPhrase.deadlineTooFar.english(["days": String(ReferralDraft.longestResponseDays)]))
        }
        let open = ReferralQueue.awaiting(calls, now: now)
        for v in targets {
            if let earlier = open.first(where: { $0.referral.providerID == v.providerID && $0.referral.childID == child.id }) {
                throw .referral(WorkflowPhrase.notYetAnswered.english(["provider": v.providerID, "referral": earlier.referral.id, "child": child.id]))
            }
        }
        let sent = ReferralSent(sections: sections, responseDue: draft.responseDue)
        return targets.map { v in
            Contact(id: "", childID: child.id, providerID: v.providerID, vacancyID: v.id, at: now, outcome: .referred,
                    by: officer, referral: sent)
        }
    }

    /// The vacancies a draft refers to, one a provider (the first marked), each open or held.
    public static func referralTargets(_ draft: ReferralDraft, vacancies: [Vacancy?]) throws(WorkflowError) -> [Vacancy] {
        guard !draft.vacancyIDs.isEmpty else { throw .missing(field: WorkflowPhrase.atLeastOneVacancy.english(), for: WorkflowPhrase.referral.english()) }
        var seen = Set<String>()
        var targets: [Vacancy] = []
        for (id, found) in zip(draft.vacancyIDs, vacancies) {
            guard let v = found, v.id == id else { throw .unknownVacancy(id) }
            guard v.status == .open || v.status == .held else { throw .vacancyNotOpen(vacancyID: v.id, status: v.status) }
            if seen.insert(v.providerID).inserted { targets.append(v) }
        }
        return targets
    }

    /// Logs a provider's answer to a referral as a ring-round entry pointing at it: an offer (weekly fee
    /// and start day), a decline (with its reason; it rules the vacancy out, as a declined call does), or a
    /// question (logged as "considering", the question as its note; the referral still awaits an answer).
    /// Refused once the referral has an offer or a decline: amend that entry instead.
    public static func respondToReferral(_ referral: Contact?, referralID: String, _ response: ReferralResponse, calls: [Contact],
                                         id: String, officer: String, at: Date, now: Date) throws(WorkflowError) -> Contact {
        guard let referral, referral.id == referralID else { throw .unknownContact(referralID) }
        guard referral.outcome == .referred, referral.referral != nil else { throw .referral(WorkflowPhrase.notAReferral.english(["id": referralID])) }
        if let replaced = Corrections.replacements(calls)[referral.id] {
            throw .alreadyCorrected(id: referral.id, by: replaced.id)
        }
        if let answer = ReferralQueue.answer(to: referral, in: calls) {
            throw .referral(WorkflowPhrase.alreadyAnswered.english(["referral": referral.id, "outcome": answer.outcome.rawValue, "answer": answer.id]))
        }
        if at < referral.at { throw .referral(WorkflowPhrase.responseBeforeReferral.english()) }
        if at > now.addingTimeInterval(60) { throw .referral(WorkflowPhrase.responseInFuture.english()) }
        var draftNote = ""
        var reason: String?
        var offer: ReferralOffer?
        switch response {
        case .offer(let o, let note):
            guard Limits.weeklyFee.contains(o.weeklyFee), o.weeklyFee > 0 else {
                throw .referral(WorkflowPhrase.offeredFeeRange.english(["max": String(Limits.weeklyFee.upperBound)]))
            }
            guard o.start >= WorkflowTime.day(of: referral.at) else { throw .referral(WorkflowPhrase.offeredStartBeforeReferral.english()) }
            offer = o
            draftNote = note
        case .decline(let why):
            reason = why
        case .question(let text):
            let asked = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if asked.isEmpty { throw .missing(field: WorkflowPhrase.question.english(), for: WorkflowPhrase.providersQuestion.english()) }
            draftNote = asked
        }
        if containsNUL(draftNote) || containsNUL(reason ?? "") { throw .referral(WorkflowPhrase.textHoldsNUL.english()) }
        return try checkedContact(id: id, childID: referral.childID, providerID: referral.providerID, vacancyID: referral.vacancyID,
                                  at: at, outcome: response.outcome, declineReason: reason, note: draftNote, callBackAt: nil,
                                  declineScope: response.outcome == .declined ? (referral.vacancyID == nil ? .provider : .vacancy) : nil,
                                  by: officer, respondsTo: referral.id, offer: offer)
    }
}

/// Referrals in the ring-round log: which still await an answer (overdue first) and which were answered
/// with an offer. Pure, over the calls as recorded (amendments applied).
public enum ReferralQueue {
    public struct Waiting: Sendable, Hashable {
        public let referral: Contact
        /// The provider's latest question, if they asked one.
        public let question: Contact?
        public let isOverdue: Bool
    }

    /// Referrals with neither an offer nor a decline: overdue first (the longest overdue at the top), then
    /// the soonest due; ties by id.
    public static func awaiting(_ calls: [Contact], now: Date) -> [Waiting] {
        let current = Corrections.current(calls)
        let chains = Chains(calls)
        let answers = responses(current, chains)
        var waiting: [Waiting] = []
        for c in current where c.outcome == .referred {
            guard let sent = c.referral else { continue }
            let replies = answers[chains.root(c.id)] ?? []
            if replies.contains(where: { $0.outcome == .offered || $0.outcome == .declined }) { continue }
            let question = replies.filter { $0.outcome == .considering }.max { ($0.at, $0.id) < ($1.at, $1.id) }
            waiting.append(Waiting(referral: c, question: question, isOverdue: sent.responseDue < now))
        }
        return waiting.sorted { a, b in
            let da = a.referral.referral!.responseDue, db = b.referral.referral!.responseDue
            return da != db ? da < db : a.referral.id < b.referral.id
        }
    }

    /// The offer or decline that answered a referral, if any.
    public static func answer(to referral: Contact, in calls: [Contact]) -> Contact? {
        let chains = Chains(calls)
        return (responses(Corrections.current(calls), chains)[chains.root(referral.id)] ?? []).first { $0.outcome == .offered || $0.outcome == .declined }
    }

    /// Offers answering referrals for these children, as they now stand (an offer amended away is gone).
    public static func offers(_ calls: [Contact], childIDs: Set<String>) -> [Contact] {
        Corrections.current(calls).filter { $0.outcome == .offered && $0.offer != nil && childIDs.contains($0.childID) }
            .sorted { ($0.at, $0.id) < ($1.at, $1.id) }
    }

    /// Responses by the original id of the referral they answer (a referral amended keeps its answers).
    static func responses(_ current: [Contact], _ chains: Chains) -> [String: [Contact]] {
        var byReferral: [String: [Contact]] = [:]
        for c in current { if let r = c.respondsTo { byReferral[chains.root(r), default: []].append(c) } }
        return byReferral
    }

    /// Correction chains of the calls: each amended call back to the first record of its chain.
    struct Chains {
        let corrects: [String: String]
        init(_ calls: [Contact]) {
            corrects = Dictionary(calls.compactMap { c in c.correction.map { (c.id, $0.corrects) } }) { first, _ in first }
        }
        func root(_ id: String) -> String {
            var current = id
            var steps = 0
            while let earlier = corrects[current], steps <= corrects.count { current = earlier; steps += 1 }
            return current
        }
    }
}
