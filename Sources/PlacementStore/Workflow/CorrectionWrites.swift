import Foundation
import GRDB
import PlacementCore

/// Corrections of notices and calls (schema v6): each is a new row naming the row it replaces, written in
/// one IMMEDIATE transaction with the records it moves and one audit entry per record changed. The
/// reason is kept on the row, never in the audit detail (it may name people).
extension WorkflowWrites {
    /// Withdraws a notice logged in error (see `Workflow.withdrawNotice`).
    static func withdrawNotice(id noticeID: String, reason: String, officer: String, now: Date,
                               in tx: some WorkflowTransaction) throws -> NoticeEffects {
        try correctNotice(noticeID, officer: officer, now: now, action: "notice.withdraw", in: tx) { id, records in
            try Workflow.withdrawNotice(id: id, reason: reason, officer: officer, records: records, now: now)
        }
    }

    /// Amends a notice (see `Workflow.amendNotice`).
    static func amendNotice(id noticeID: String, _ amendment: NoticeAmendment, reason: String, officer: String,
                            now: Date, in tx: some WorkflowTransaction) throws -> NoticeEffects {
        try correctNotice(noticeID, officer: officer, now: now, action: "notice.amend",
                          fields: amendment.changedFields, in: tx) { id, records in
            try Workflow.amendNotice(amendment, id: id, reason: reason, officer: officer, records: records, now: now)
        }
    }

    /// Amends a call (see `Workflow.amendContact`).
    static func amendContact(id contactID: String, _ amendment: ContactAmendment, reason: String, officer: String,
                             now: Date, in tx: some WorkflowTransaction) throws -> Contact {
        guard let original = try tx.contact(contactID) else {
            throw WorkflowError.unknownContact(contactID)
        }
        let correctedBy = try tx.correction(of: contactID, in: "contacts")
        let id = try tx.nextID(table: "contacts", width: 4)
        let amended = try Workflow.amendContact(original, correctedBy: correctedBy, amendment, id: id, reason: reason,
                                                officer: officer, now: now)
        try tx.insertContact(amended)
        try tx.append(AuditEntry(user: officer, action: "contact.amend", recordType: "contact", recordID: id,
                                   detail: "corrects \(contactID); changed \(amendment.changedFields.joined(separator: ", ")); child \(amended.childID)"))
        return amended
    }

    private static func correctNotice(_ noticeID: String, officer: String, now: Date, action: String, fields: [String] = [],
                                      in tx: some WorkflowTransaction,
                                      _ rule: (String, NoticeCorrectionRecords) throws -> NoticeEffects) throws -> NoticeEffects {
        guard let original = try tx.notice(noticeID) else {
            throw WorkflowError.unknownNotice(noticeID)
        }
        let correctedBy = try tx.correction(of: noticeID, in: "notices")
        let child = try original.childID.flatMap { try tx.child($0) }
        let records = NoticeCorrectionRecords(
            original: original, correctedBy: correctedBy, provider: try tx.provider(original.providerID), child: child,
            placements: try original.childID.map { try tx.placements(childID: $0) } ?? [],
            childNotices: try original.childID.map {
                try tx.notices(childID: $0)
            } ?? [])
        let id = try tx.nextID(table: "notices", width: 4)
        let effects = try rule(id, records)
        try tx.insertNotice(effects.notice)
        var audit = [AuditEntry(user: officer, action: action, recordType: "notice", recordID: id,
                                detail: "corrects \(noticeID)" + (fields.isEmpty ? "" : "; changed \(fields.joined(separator: ", "))")
                                    + (original.childID.map { "; child \($0)" } ?? ""))]
        if let placement = effects.placement {
            try tx.updatePlacement(placement)
            try tx.touch(.placements, id: placement.id, by: officer, at: now)
            audit.append(AuditEntry(user: officer, action: "placement.notice", recordType: "placement", recordID: placement.id,
                                    detail: (placement.plannedEnd == nil ? "planned end cleared" : "planned end set") + "; notice \(id)"))
        }
        if let updated = effects.child, let before = child {
            try tx.saveChild(updated)
            try tx.touch(.children, id: updated.id, by: officer, at: now)
            audit.append(AuditEntry(user: officer, action: "child.notice", recordType: "child", recordID: updated.id,
                                    detail: "status \(before.status.rawValue)→\(updated.status.rawValue); notice \(id)"))
        }
        for entry in audit { try tx.append(entry) }
        return effects
    }
}
