import Foundation
import GRDB
import PlacementCore

/// The placement workflow's writes. Each is one IMMEDIATE transaction: read the current rows, ask the pure
/// `Workflow` rules for the changes (or a `WorkflowError`), write them, stamp versions, append one audit
/// entry per record changed (stamped with the wall clock). Any failure rolls everything back.
extension PlacementDatabase {
    /// Logs a provider's notice and applies it (see `Workflow.logNotice`).
    /// - Parameter expectedVacancyVersion: the vacancy version the officer saw; a different one throws
    ///   `WorkflowError.changedBy`.
    @discardableResult
    public func logNotice(_ draft: NoticeDraft, officer: String, now: Date,
                          expectedVacancyVersion: Int? = nil) throws -> NoticeEffects {
        try write { db in
            let provider = try Self.provider(draft.providerID, in: db)
            let child = try draft.childID.flatMap { try Self.child($0, in: db) }
            let placements = try draft.childID.map { try Self.placements(childID: $0, in: db) } ?? []
            let vacancy = try draft.vacancyID.flatMap { try Self.vacancy($0, in: db) }
            if let vacancyID = draft.vacancyID, vacancy != nil {
                try Self.check(.vacancies, id: vacancyID, expected: expectedVacancyVersion, in: db)
            }
            let id = try Self.nextID(table: "notices", width: 4, in: db)
            let newVacancyID = draft.newVacancy == nil ? nil : try Self.nextID(table: "vacancies", width: 5, in: db)
            let effects = try Workflow.logNotice(draft, id: id, newVacancyID: newVacancyID, officer: officer,
                                                 records: NoticeRecords(provider: provider, child: child, placements: placements,
                                                                        vacancy: vacancy),
                                                 now: now)
            var audit: [AuditEntry] = []
            func log(_ action: String, _ type: String, _ recordID: String, _ detail: String) {
                audit.append(AuditEntry(user: officer, action: action, recordType: type, recordID: recordID, detail: detail))
            }
            // A created vacancy must exist before the notice refers to it.
            if let changed = effects.vacancy {
                if effects.vacancyCreated {
                    try Self.saveVacancy(changed, isNew: true, in: db)
                    try Self.stampNew(.vacancies, id: changed.id, by: officer, at: now, in: db)
                    log("vacancy.create", "vacancy", changed.id, "status open; notice \(id)")
                } else if let before = vacancy {
                    try Self.saveVacancy(changed, isNew: false, in: db)
                    try Self.touch(.vacancies, id: changed.id, by: officer, at: now, in: db)
                    let action = switch draft.kind {
                    case .vacancyOpened: "vacancy.open"
                    case .vacancyFilled: "vacancy.fill"
                    case .vacancyWithdrawn: "vacancy.withdraw"
                    case .vacancyChanged, .placementEnding: "vacancy.change"
                    }
                    var detail = "status \(before.status.rawValue)→\(changed.status.rawValue)"
                    if !draft.changes.changedFields.isEmpty { detail += "; changed \(draft.changes.changedFields.joined(separator: ", "))" }
                    log(action, "vacancy", changed.id, detail + "; notice \(id)")
                }
            }
            try Self.insertNotice(effects.notice, in: db)
            log("notice.log", "notice", id, "kind \(draft.kind.rawValue); provider \(draft.providerID)"
                + (effects.notice.childID.map { "; child \($0)" } ?? "") + (effects.notice.vacancyID.map { "; vacancy \($0)" } ?? ""))
            if let placement = effects.placement {
                try Self.updatePlacement(placement, in: db)
                try Self.touch(.placements, id: placement.id, by: officer, at: now, in: db)
                log("placement.notice", "placement", placement.id, "planned end set; notice \(id)")
            }
            if let updated = effects.child, let before = child {
                try Self.saveChild(updated, in: db)
                try Self.touch(.children, id: updated.id, by: officer, at: now, in: db)
                log("child.notice", "child", updated.id,
                    "status \(before.status.rawValue)→\(updated.status.rawValue); \(updated.urgency.isEmergency ? "emergency" : "needed by set"); notice \(id)")
            }
            for entry in audit { try Self.append(entry, in: db) }
            return effects
        }
    }

    /// Records one ring-round call (see `Workflow.recordContact`).
    @discardableResult
    public func recordContact(_ draft: ContactDraft, officer: String, now: Date) throws -> Contact {
        try write { db in
            let child = try Self.child(draft.childID, in: db)
            let provider = try Self.provider(draft.providerID, in: db)
            let vacancy = try draft.vacancyID.flatMap { try Self.vacancy($0, in: db) }
            let id = try Self.nextID(table: "contacts", width: 4, in: db)
            let contact = try Workflow.recordContact(draft, id: id, officer: officer, child: child, provider: provider, vacancy: vacancy)
            try Self.insertContact(contact, in: db)
            try Self.append(AuditEntry(user: officer, action: "contact.record", recordType: "contact", recordID: id,
                                       detail: "outcome \(contact.outcome.rawValue); child \(contact.childID); provider \(contact.providerID)"
                                           + (contact.vacancyID.map { "; vacancy \($0)" } ?? "")
                                           + (contact.declineScope.map { "; scope \($0.rawValue)" } ?? "")
                                           + (contact.callBackAt == nil ? "" : "; call-back set")), in: db)
            return contact
        }
    }

    /// Holds a vacancy for a child until `until` (default 23:59 Welsh time today); see `Workflow.hold`.
    @discardableResult
    public func hold(vacancyID: String, childID: String, officer: String, now: Date, until: Date? = nil,
                     expectedVersion: Int? = nil) throws -> Vacancy {
        try write { db in
            guard let vacancy = try Self.vacancy(vacancyID, in: db) else { throw WorkflowError.unknownVacancy(vacancyID) }
            guard let child = try Self.child(childID, in: db) else { throw WorkflowError.unknownChild(childID) }
            try Self.check(.vacancies, id: vacancyID, expected: expectedVersion, in: db)
            let held = try Workflow.hold(vacancy, for: child, officer: officer, now: now, until: until)
            try Self.saveVacancy(held, isNew: false, in: db)
            try Self.touch(.vacancies, id: vacancyID, by: officer, at: now, in: db)
            let extended = vacancy.hold?.childID == childID && vacancy.isHeld(at: now)
            try Self.append(AuditEntry(user: officer, action: extended ? "vacancy.hold.extend" : "vacancy.hold",
                                       recordType: "vacancy", recordID: vacancyID,
                                       detail: "status \(vacancy.status.rawValue)→held; child \(childID); until \(WorkflowTime.clock(held.hold!.expiresAt))"),
                           in: db)
            return held
        }
    }

    /// Releases a hold: the holder at any time, anyone once it has expired; see `Workflow.releaseHold`.
    @discardableResult
    public func releaseHold(vacancyID: String, officer: String, now: Date, expectedVersion: Int? = nil) throws -> Vacancy {
        try write { db in
            guard let vacancy = try Self.vacancy(vacancyID, in: db) else { throw WorkflowError.unknownVacancy(vacancyID) }
            try Self.check(.vacancies, id: vacancyID, expected: expectedVersion, in: db)
            let released = try Workflow.releaseHold(vacancy, officer: officer, now: now)
            try Self.saveVacancy(released, isNew: false, in: db)
            try Self.touch(.vacancies, id: vacancyID, by: officer, at: now, in: db)
            try Self.append(AuditEntry(user: officer, action: "vacancy.release", recordType: "vacancy", recordID: vacancyID,
                                       detail: "status \(vacancy.status.rawValue)→\(released.status.rawValue)"
                                           + (vacancy.isHeld(at: now) ? "" : "; hold had expired")), in: db)
            return released
        }
    }
}
