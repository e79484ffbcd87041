import Foundation

/// Resolving correction chains. The store keeps every record; a correcting record names the one it
/// replaces (`Correction.corrects`). The current view keeps the last record of each chain and drops
/// chains that end in a withdrawal.
public enum Corrections {
    /// Notices as they now stand: replaced records and withdrawals left out.
    public static func current(_ notices: [ProviderNotice]) -> [ProviderNotice] {
        let replaced = Set(notices.compactMap { $0.correction?.corrects })
        return notices.filter { !replaced.contains($0.id) && $0.correction?.kind != .withdrawn }
    }

    /// Calls as they now stand: each amended call replaced by its latest amendment.
    public static func current(_ contacts: [Contact]) -> [Contact] {
        let replaced = Set(contacts.compactMap { $0.correction?.corrects })
        return contacts.filter { !replaced.contains($0.id) }
    }

    /// Original id → the record that replaced it, for showing history entries as corrected.
    public static func replacements(_ notices: [ProviderNotice]) -> [String: ProviderNotice] {
        Dictionary(notices.compactMap { n in n.correction.map { ($0.corrects, n) } }) { first, _ in first }
    }

    public static func replacements(_ contacts: [Contact]) -> [String: Contact] {
        Dictionary(contacts.compactMap { c in c.correction.map { ($0.corrects, c) } }) { first, _ in first }
    }
}

/// The records a notice correction may touch, as they stand before it.
public struct NoticeCorrectionRecords: Sendable, Hashable {
    public var original: ProviderNotice
    /// The id of a record that already corrects `original`, if any (only the current record can be corrected).
    public var correctedBy: String?
    public var provider: Provider?
    public var child: Child?
    public var placements: [Placement]
    /// The child's other placement-ending notices (any state), to fall back on when one is withdrawn.
    public var childNotices: [ProviderNotice]

    public init(original: ProviderNotice, correctedBy: String? = nil, provider: Provider? = nil, child: Child? = nil,
                placements: [Placement] = [], childNotices: [ProviderNotice] = []) {
        self.original = original
        self.correctedBy = correctedBy
        self.provider = provider
        self.child = child
        self.placements = placements
        self.childNotices = childNotices
    }
}

extension Workflow {
    /// Withdraws a notice logged in error: a new record (same fields, `correction` withdrawn) that leaves
    /// the original in place. A withdrawn placement ending no longer counts: when its placement is still
    /// open with the end it set and the child is still `noticeReceived`, the end falls back to the child's
    /// latest other current ending notice for that placement, or, with none, the planned end is cleared and
    /// the child is `placed` again (out of the urgent queue; the stored urgency is left as it was, since a
    /// placed child's urgency is not used until a new notice sets it). A vacancy notice's changes to the
    /// vacancy are not undone: log a vacancy notice to put the vacancy right.
    public static func withdrawNotice(id: String, reason: String, officer: String, records: NoticeCorrectionRecords,
                                      now: Date) throws(WorkflowError) -> NoticeEffects {
        let original = try correctable(records)
        let why = try requiredReason(reason)
        var record = original
        record.id = id
        record.correction = Correction(corrects: original.id, kind: .withdrawn, reason: why, at: now, by: officer)
        guard original.kind == .placementEnding, let childID = original.childID, var child = records.child, child.id == childID,
              let effective = original.effectiveAt else { return NoticeEffects(notice: record) }
        let endDay = WorkflowTime.day(of: effective)
        guard child.status == .noticeReceived,
              var placement = records.placements.first(where: { $0.providerID == original.providerID && $0.isOpen && $0.plannedEnd == endDay })
        else { return NoticeEffects(notice: record) }
        // Resolve chains over every record first: the one withdrawn may itself be an amendment.
        let others = Corrections.current(records.childNotices).filter { $0.id != original.id }
            .filter { $0.kind == .placementEnding && $0.childID == childID && $0.providerID == placement.providerID && $0.effectiveAt != nil }
        if let latest = others.max(by: { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }) {
            let day = WorkflowTime.day(of: latest.effectiveAt!)
            placement.plannedEnd = day
            child.urgency = day <= WorkflowTime.day(of: now) ? .emergency : .neededBy(day)
        } else {
            placement.plannedEnd = nil
            child.status = .placed
        }
        return NoticeEffects(notice: record, placement: placement, child: child)
    }

    /// Amends a notice: a new record with the changed fields that replaces the original in every current
    /// view. A placement ending whose effective time changes moves the planned end and the urgency as
    /// logging it did; a vacancy notice may only have its text or received time amended (its effect on the
    /// vacancy stands; log another notice to change the vacancy).
    public static func amendNotice(_ amendment: NoticeAmendment, id: String, reason: String, officer: String,
                                   records: NoticeCorrectionRecords, now: Date) throws(WorkflowError) -> NoticeEffects {
        let original = try correctable(records)
        let why = try requiredReason(reason)
        if amendment.isEmpty { throw .nothingToAmend(original.id) }
        let correction = Correction(corrects: original.id, kind: .amended, reason: why, at: now, by: officer)
        var record = original
        record.id = id
        record.correction = correction
        if let text = amendment.text { record.text = text }
        if let received = amendment.receivedAt { record.receivedAt = received }
        guard original.kind == .placementEnding else {
            let what = WorkflowPhrase.noticeOfKind.english(["kind": original.kind.label])
            if amendment.effectiveAt != nil { throw .notApplicable(field: WorkflowPhrase.effectiveTime.english(), for: what) }
            if amendment.reason != nil { throw .notApplicable(field: WorkflowPhrase.endReason.english(), for: what) }
            return NoticeEffects(notice: record)
        }
        if let effective = amendment.effectiveAt { record.effectiveAt = effective }
        if let reason = amendment.reason { record.reason = reason }
        if let effective = record.effectiveAt, effective < record.receivedAt { throw .effectiveBeforeReceived }
        // Only a changed effective time moves the placement and the urgency; text and reason are the record's.
        guard amendment.effectiveAt != nil, amendment.effectiveAt != original.effectiveAt else { return NoticeEffects(notice: record) }
        let draft = NoticeDraft(providerID: record.providerID, kind: record.kind, receivedAt: record.receivedAt, childID: record.childID,
                                effectiveAt: record.effectiveAt, reason: record.reason, vacancyID: record.vacancyID, text: record.text)
        let relogged = try logNotice(draft, id: id, officer: original.loggedBy,
                                     records: NoticeRecords(provider: records.provider, child: records.child,
                                                            placements: records.placements),
                                     now: now)
        return NoticeEffects(notice: record, placement: relogged.placement, child: relogged.child)
    }

    /// Amends a call: a new record with the changed fields (the call's time and caller stay), checked by the
    /// same rules as recording one. Changing the outcome away from a decline drops its reason and scope.
    public static func amendContact(_ original: Contact, correctedBy: String?, _ amendment: ContactAmendment, id: String,
                                    reason: String, officer: String, now: Date) throws(WorkflowError) -> Contact {
        if let correctedBy { throw .alreadyCorrected(id: original.id, by: correctedBy) }
        let why = try requiredReason(reason)
        if amendment.isEmpty { throw .nothingToAmend(original.id) }
        let outcome = amendment.outcome ?? original.outcome
        let declined = outcome == .declined
        return try checkedContact(
            id: id, childID: original.childID, providerID: original.providerID, vacancyID: original.vacancyID, at: original.at,
            outcome: outcome, declineReason: amendment.declineReason ?? (declined ? original.declineReason : nil),
            note: amendment.note ?? original.note,
            callBackAt: amendment.clearCallBack ? nil : (amendment.callBackAt ?? original.callBackAt),
            declineScope: amendment.declineScope ?? (declined ? original.effectiveDeclineScope : nil), by: original.by,
            correction: Correction(corrects: original.id, kind: .amended, reason: why, at: now, by: officer),
            referral: original.referral, respondsTo: original.respondsTo, offer: outcome == .offered ? original.offer : nil)
    }

    private static func correctable(_ records: NoticeCorrectionRecords) throws(WorkflowError) -> ProviderNotice {
        let original = records.original
        if let by = records.correctedBy { throw .alreadyCorrected(id: original.id, by: by) }
        if original.correction?.kind == .withdrawn { throw .noticeWithdrawn(original.id) }
        return original
    }

    private static func requiredReason(_ reason: String) throws(WorkflowError) -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw .missing(field: WorkflowPhrase.reason.english(), for: WorkflowPhrase.correction.english()) }
        return trimmed
    }
}
