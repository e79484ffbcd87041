import Foundation
import GRDB
import PlacementCore

/// The placement workflow's writes. Each is one IMMEDIATE transaction: read the current rows, ask the pure
/// `Workflow` rules for the changes (or a `WorkflowError`), write them, stamp versions, append one audit
/// entry per record changed (stamped with the wall clock). Any failure rolls everything back.
extension WorkflowWrites {
    /// Logs a provider's notice and applies it (see `Workflow.logNotice`).
    /// - Parameter expectedVacancyVersion: the vacancy version the officer saw; a different one throws
    ///   `WorkflowError.changedBy`.
    static func logNotice(_ draft: NoticeDraft, officer: String, now: Date,
                          expectedVacancyVersion: Int? = nil, in tx: some WorkflowTransaction) throws -> NoticeEffects {
        let provider = try tx.provider(draft.providerID)
        let child = try draft.childID.flatMap { try tx.child($0) }
        let placements = try draft.childID.map { try tx.placements(childID: $0) } ?? []
        let vacancy = try draft.vacancyID.flatMap { try tx.vacancy($0) }
        if let vacancyID = draft.vacancyID, vacancy != nil {
            try tx.check(.vacancies, id: vacancyID, expected: expectedVacancyVersion)
        }
        let id = try tx.nextID(table: "notices", width: 4)
        let newVacancyID = draft.newVacancy == nil ? nil : try tx.nextID(table: "vacancies", width: 5)
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
                try tx.saveVacancy(changed, isNew: true)
                try tx.stampNew(.vacancies, id: changed.id, by: officer, at: now)
                log("vacancy.create", "vacancy", changed.id, "status open; notice \(id)")
            } else if let before = vacancy {
                try tx.saveVacancy(changed, isNew: false)
                try tx.touch(.vacancies, id: changed.id, by: officer, at: now)
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
        try tx.insertNotice(effects.notice)
        log("notice.log", "notice", id, "kind \(draft.kind.rawValue); provider \(draft.providerID)"
            + (effects.notice.childID.map { "; child \($0)" } ?? "") + (effects.notice.vacancyID.map { "; vacancy \($0)" } ?? ""))
        if let placement = effects.placement {
            try tx.updatePlacement(placement)
            try tx.touch(.placements, id: placement.id, by: officer, at: now)
            log("placement.notice", "placement", placement.id, "planned end set; notice \(id)")
        }
        if let updated = effects.child, let before = child {
            try tx.saveChild(updated)
            try tx.touch(.children, id: updated.id, by: officer, at: now)
            log("child.notice", "child", updated.id,
                "status \(before.status.rawValue)→\(updated.status.rawValue); \(updated.urgency.isEmergency ? "emergency" : "needed by set"); notice \(id)")
        }
        for entry in audit { try tx.append(entry) }
        return effects
    }

    /// Records one ring-round call (see `Workflow.recordContact`).
    static func recordContact(_ draft: ContactDraft, officer: String, now: Date, in tx: some WorkflowTransaction) throws -> Contact {
        let child = try tx.child(draft.childID)
        let provider = try tx.provider(draft.providerID)
        let vacancy = try draft.vacancyID.flatMap { try tx.vacancy($0) }
        let id = try tx.nextID(table: "contacts", width: 4)
        let contact = try Workflow.recordContact(draft, id: id, officer: officer, child: child, provider: provider, vacancy: vacancy)
        try tx.insertContact(contact)
        try tx.append(AuditEntry(user: officer, action: "contact.record", recordType: "contact", recordID: id,
                                   detail: "outcome \(contact.outcome.rawValue); child \(contact.childID); provider \(contact.providerID)"
                                       + (contact.vacancyID.map { "; vacancy \($0)" } ?? "")
                                       + (contact.declineScope.map { "; scope \($0.rawValue)" } ?? "")
                                       + (contact.callBackAt == nil ? "" : "; call-back set")))
        return contact
    }

    /// Holds a vacancy for a child until `until` (default 23:59 Welsh time today); see `Workflow.hold`.
    static func hold(vacancyID: String, childID: String, officer: String, now: Date, until: Date? = nil,
                     expectedVersion: Int? = nil, in tx: some WorkflowTransaction) throws -> Vacancy {
        guard let vacancy = try tx.vacancy(vacancyID) else { throw WorkflowError.unknownVacancy(vacancyID) }
        guard let child = try tx.child(childID) else { throw WorkflowError.unknownChild(childID) }
        try tx.check(.vacancies, id: vacancyID, expected: expectedVersion)
        let held = try Workflow.hold(vacancy, for: child, officer: officer, now: now, until: until)
        try tx.saveVacancy(held, isNew: false)
        try tx.touch(.vacancies, id: vacancyID, by: officer, at: now)
        let extended = vacancy.hold?.childID == childID && vacancy.isHeld(at: now)
        try tx.append(AuditEntry(user: officer, action: extended ? "vacancy.hold.extend" : "vacancy.hold",
                                   recordType: "vacancy", recordID: vacancyID,
                                   detail: "status \(vacancy.status.rawValue)→held; child \(childID); until \(WorkflowTime.clock(held.hold!.expiresAt))"))
        return held
    }

    /// Releases a hold: the holder at any time, anyone once it has expired; see `Workflow.releaseHold`.
    static func releaseHold(vacancyID: String, officer: String, now: Date, expectedVersion: Int? = nil, in tx: some WorkflowTransaction) throws -> Vacancy {
        guard let vacancy = try tx.vacancy(vacancyID) else { throw WorkflowError.unknownVacancy(vacancyID) }
        try tx.check(.vacancies, id: vacancyID, expected: expectedVersion)
        let released = try Workflow.releaseHold(vacancy, officer: officer, now: now)
        try tx.saveVacancy(released, isNew: false)
        try tx.touch(.vacancies, id: vacancyID, by: officer, at: now)
        try tx.append(AuditEntry(user: officer, action: "vacancy.release", recordType: "vacancy", recordID: vacancyID,
                                   detail: "status \(vacancy.status.rawValue)→\(released.status.rawValue)"
                                       + (vacancy.isHeld(at: now) ? "" : "; hold had expired")))
        return released
    }
}
