import Foundation
import GRDB
import PlacementCore

/// A referral pack as the store describes the child now, with the child's version (the send names it, so a
/// colleague's change between the preview and the send is refused rather than sent unseen).
public struct ReferralPreview: Sendable {
    public let pack: ReferralPack
    public let childVersion: Int?
}

/// What `sendReferral` wrote: one ring-round entry per provider, and the pack they describe.
public struct ReferralSending: Sendable {
    public let entries: [Contact]
    public let pack: ReferralPack
}

/// Referrals, written once for both backends (see `WorkflowWrites`).
extension WorkflowWrites {
    static func referralPreview(childID: String, officer: String, now: Date, responseDue: Date,
                                in tx: some WorkflowTransaction) throws -> ReferralPreview {
        guard let child = try tx.child(childID) else { throw WorkflowError.unknownChild(childID) }
        let siblings = try child.siblingGroup.map { try tx.siblings(of: child.id, group: $0.groupID) } ?? []
        let pack = ReferralPack(child: child, siblings: siblings, today: WorkflowTime.day(of: now), sentAt: now, sentBy: officer,
                                responseDue: responseDue)
        return ReferralPreview(pack: pack, childVersion: try tx.stamp(of: .children, id: childID)?.version)
    }

    /// Records a referral: one `referred` entry per provider, and one audit entry each naming the child, the
    /// provider and the sections sent (never their contents).
    static func sendReferral(_ draft: ReferralDraft, officer: String, now: Date, expectedChildVersion: Int?,
                             in tx: some WorkflowTransaction) throws -> ReferralSending {
        let child = try tx.child(draft.childID)
        if child != nil { try tx.check(.children, id: draft.childID, expected: expectedChildVersion) }
        let preview = try referralPreview(childID: draft.childID, officer: officer, now: now, responseDue: draft.responseDue, in: tx)
        let vacancies = try draft.vacancyIDs.map { try tx.vacancy($0) }
        var entries = try Workflow.sendReferral(draft, child: child, vacancies: vacancies, calls: try tx.contacts(childID: draft.childID),
                                                sections: preview.pack.sectionKeys, officer: officer, now: now)
        for i in entries.indices {
            // Each id after the last one inserted (the counter moves on insert).
            entries[i].id = try tx.nextID(table: "contacts", width: 4)
            let entry = entries[i]
            try tx.insertContact(entry)
            try tx.append(AuditEntry(user: officer, action: "referral.send", recordType: "contact", recordID: entry.id,
                                     detail: "child \(entry.childID); provider \(entry.providerID)"
                                         + (entry.vacancyID.map { "; vacancy \($0)" } ?? "")
                                         + "; sections \(preview.pack.sectionKeys.map(\.rawValue).joined(separator: ","))"
                                         + "; missing \(preview.pack.missing.count)"
                                         + "; due \(WorkflowTime.day(of: draft.responseDue).iso) \(WorkflowTime.clock(draft.responseDue))"))
        }
        return ReferralSending(entries: entries, pack: preview.pack)
    }

    /// Logs a provider's answer to a referral (see `Workflow.respondToReferral`).
    static func respondToReferral(id referralID: String, _ response: ReferralResponse, officer: String, at: Date, now: Date,
                                  in tx: some WorkflowTransaction) throws -> Contact {
        let referral = try tx.contact(referralID)
        let calls = try referral.map { try tx.contacts(childID: $0.childID) } ?? []
        if let childID = referral?.childID { _ = try tx.child(childID) }  // locks the child: one answer at a time
        let id = try tx.nextID(table: "contacts", width: 4)
        let answer = try Workflow.respondToReferral(referral, referralID: referralID, response, calls: calls, id: id,
                                                    officer: officer, at: at, now: now)
        try tx.insertContact(answer)
        try tx.append(AuditEntry(user: officer, action: "referral.respond", recordType: "contact", recordID: id,
                                 detail: "outcome \(answer.outcome.rawValue); referral \(referralID); child \(answer.childID); provider \(answer.providerID)"
                                     + (answer.vacancyID.map { "; vacancy \($0)" } ?? "")))
        return answer
    }
}

extension PlacementDatabase {
    public func referralPreview(childID: String, officer: String, now: Date, responseDue: Date) throws -> ReferralPreview {
        try read { db in try WorkflowWrites.referralPreview(childID: childID, officer: officer, now: now, responseDue: responseDue, in: SQLiteWorkflow(db: db)) }
    }

    @discardableResult
    public func sendReferral(_ draft: ReferralDraft, officer: String, now: Date, expectedChildVersion: Int?) throws -> ReferralSending {
        try write { db in try WorkflowWrites.sendReferral(draft, officer: officer, now: now, expectedChildVersion: expectedChildVersion, in: SQLiteWorkflow(db: db)) }
    }

    @discardableResult
    public func respondToReferral(id: String, _ response: ReferralResponse, officer: String, at: Date, now: Date) throws -> Contact {
        try write { db in try WorkflowWrites.respondToReferral(id: id, response, officer: officer, at: at, now: now, in: SQLiteWorkflow(db: db)) }
    }

    /// Where the dashboard writes referral packs: `PLACEFINDER_REFERRALS`, else a `referrals` folder beside the
    /// default store (the officer's own data folder, never a shared one).
    public static func defaultReferralFolder(environment: [String: String]) -> String {
        if let explicit = environment["PLACEFINDER_REFERRALS"], !explicit.isEmpty { return explicit }
        return defaultFolder(environment: environment) + "/referrals"
    }
}

extension PostgresStore {
    public func referralPreview(childID: String, officer: String, now: Date, responseDue: Date) throws -> ReferralPreview {
        try read { tx in try WorkflowWrites.referralPreview(childID: childID, officer: officer, now: now, responseDue: responseDue, in: PostgresWorkflow(tx: tx, locking: false)) }
    }

    @discardableResult
    public func sendReferral(_ draft: ReferralDraft, officer: String, now: Date, expectedChildVersion: Int?) throws -> ReferralSending {
        try write { tx in try WorkflowWrites.sendReferral(draft, officer: officer, now: now, expectedChildVersion: expectedChildVersion, in: PostgresWorkflow(tx: tx)) }
    }

    @discardableResult
    public func respondToReferral(id: String, _ response: ReferralResponse, officer: String, at: Date, now: Date) throws -> Contact {
        try write { tx in try WorkflowWrites.respondToReferral(id: id, response, officer: officer, at: at, now: now, in: PostgresWorkflow(tx: tx)) }
    }
}
