import Foundation
import GRDB
import PlacementCore

/// Corrections of notices and calls (schema v6): each is a new row naming the row it replaces, written in
/// one IMMEDIATE transaction with the records it moves and one audit entry per record changed. The
/// reason is kept on the row, never in the audit detail (it may name people).
extension PlacementDatabase {
    /// Withdraws a notice logged in error (see `Workflow.withdrawNotice`).
    @discardableResult
    public func withdrawNotice(id noticeID: String, reason: String, officer: String, now: Date) throws -> NoticeEffects {
        try correctNotice(noticeID, officer: officer, now: now, action: "notice.withdraw") { id, records in
            try Workflow.withdrawNotice(id: id, reason: reason, officer: officer, records: records, now: now)
        }
    }

    /// Amends a notice (see `Workflow.amendNotice`).
    @discardableResult
    public func amendNotice(id noticeID: String, _ amendment: NoticeAmendment, reason: String, officer: String,
                            now: Date) throws -> NoticeEffects {
        try correctNotice(noticeID, officer: officer, now: now, action: "notice.amend",
                          fields: amendment.changedFields) { id, records in
            try Workflow.amendNotice(amendment, id: id, reason: reason, officer: officer, records: records, now: now)
        }
    }

    /// Amends a call (see `Workflow.amendContact`).
    @discardableResult
    public func amendContact(id contactID: String, _ amendment: ContactAmendment, reason: String, officer: String,
                             now: Date) throws -> Contact {
        try write { db in
            guard let original = try Self.all(db, ContactRow.select + " WHERE id = ?", [contactID], ContactRow.decode).first else {
                throw WorkflowError.unknownContact(contactID)
            }
            let correctedBy = try String.fetchOne(db, sql: "SELECT id FROM contacts WHERE corrects = ?", arguments: [contactID])
            let id = try Self.nextID(table: "contacts", width: 4, in: db)
            let amended = try Workflow.amendContact(original, correctedBy: correctedBy, amendment, id: id, reason: reason,
                                                    officer: officer, now: now)
            try Self.insertContact(amended, in: db)
            try Self.append(AuditEntry(user: officer, action: "contact.amend", recordType: "contact", recordID: id,
                                       detail: "corrects \(contactID); changed \(amendment.changedFields.joined(separator: ", ")); child \(amended.childID)"),
                            in: db)
            return amended
        }
    }

    private func correctNotice(_ noticeID: String, officer: String, now: Date, action: String, fields: [String] = [],
                               _ rule: (String, NoticeCorrectionRecords) throws -> NoticeEffects) throws -> NoticeEffects {
        try write { db in
            guard let original = try Self.all(db, NoticeRow.select + " WHERE id = ?", [noticeID], NoticeRow.decode).first else {
                throw WorkflowError.unknownNotice(noticeID)
            }
            let correctedBy = try String.fetchOne(db, sql: "SELECT id FROM notices WHERE corrects = ?", arguments: [noticeID])
            let child = try original.childID.flatMap { try Self.child($0, in: db) }
            let records = NoticeCorrectionRecords(
                original: original, correctedBy: correctedBy, provider: try Self.provider(original.providerID, in: db), child: child,
                placements: try original.childID.map { try Self.placements(childID: $0, in: db) } ?? [],
                childNotices: try original.childID.map {
                    try Self.all(db, NoticeRow.select + " WHERE child_id = ?", [$0], NoticeRow.decode)
                } ?? [])
            let id = try Self.nextID(table: "notices", width: 4, in: db)
            let effects = try rule(id, records)
            try Self.insertNotice(effects.notice, in: db)
            var audit = [AuditEntry(user: officer, action: action, recordType: "notice", recordID: id,
                                    detail: "corrects \(noticeID)" + (fields.isEmpty ? "" : "; changed \(fields.joined(separator: ", "))")
                                        + (original.childID.map { "; child \($0)" } ?? ""))]
            if let placement = effects.placement {
                try Self.updatePlacement(placement, in: db)
                try Self.touch(.placements, id: placement.id, by: officer, at: now, in: db)
                audit.append(AuditEntry(user: officer, action: "placement.notice", recordType: "placement", recordID: placement.id,
                                        detail: (placement.plannedEnd == nil ? "planned end cleared" : "planned end set") + "; notice \(id)"))
            }
            if let updated = effects.child, let before = child {
                try Self.saveChild(updated, in: db)
                try Self.touch(.children, id: updated.id, by: officer, at: now, in: db)
                audit.append(AuditEntry(user: officer, action: "child.notice", recordType: "child", recordID: updated.id,
                                        detail: "status \(before.status.rawValue)→\(updated.status.rawValue); notice \(id)"))
            }
            for entry in audit { try Self.append(entry, in: db) }
            return effects
        }
    }
}
