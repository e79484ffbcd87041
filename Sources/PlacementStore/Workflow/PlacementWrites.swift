import Foundation
import GRDB
import PlacementCore

/// Placing a child, the plan a dialog shows before it, and undoing a placement made today. The plan and
/// the write read the same records (`placeRecords`) and ask the same pure rules (`Workflow.placePreflight`).
extension WorkflowWrites {
    /// What placing would do, read in one transaction and written nowhere (see `Workflow.placePreflight`).
    static func placePreflight(childID: String, vacancyID: String, start: Day, move: MoveKind?, officer: String,
                               now: Date, geography: Geography = .wales, in tx: some WorkflowTransaction) throws -> PlacePlan {
        let records = try placeRecords(childID: childID, vacancyID: vacancyID, geography: geography, in: tx)
        let id = try tx.nextID(table: "placements", width: 5)
        var plan = Workflow.placePreflight(records, id: id, start: start, move: move, officer: officer,
                                           geography: geography, now: now)
        plan.vacancyVersion = try tx.stamp(of: .vacancies, id: vacancyID)?.version
        plan.childVersion = try tx.stamp(of: .children, id: childID)?.version
        return plan
    }

    /// Places a child into a vacancy in one transaction (see `Workflow.place`): new placement with its
    /// approvals, previous one ended (breakdown or planned from the provider's notice, else the officer's
    /// `move`), a bed taken, the hold released, child placed.
    /// - Parameters:
    ///   - move: how a placed child's current placement ends when no notice says.
    ///   - approvals: the reference texts for what the placement needs approved (refused if one is missing).
    ///   - expectedVacancyVersion, expectedChildVersion: the versions the officer saw.
    static func place(childID: String, vacancyID: String, start: Day, officer: String, now: Date, move: MoveKind? = nil,
                      approvals: PlacementApprovals = .none, terms: PlacementTerms = .none, expectedVacancyVersion: Int? = nil,
                      expectedChildVersion: Int? = nil, geography: Geography = .wales, in tx: some WorkflowTransaction) throws -> PlaceEffects {
        let records = try placeRecords(childID: childID, vacancyID: vacancyID, geography: geography, in: tx)
        try tx.check(.vacancies, id: vacancyID, expected: expectedVacancyVersion)
        try tx.check(.children, id: childID, expected: expectedChildVersion)
        let id = try tx.nextID(table: "placements", width: 5)
        let effects = try Workflow.place(records, id: id, start: start, move: move, approvals: approvals, terms: terms,
                                         officer: officer, geography: geography, now: now)
        let (child, vacancy) = (records.child, records.vacancy)
        var audit: [AuditEntry] = []
        func log(_ action: String, _ type: String, _ recordID: String, _ detail: String) {
            audit.append(AuditEntry(user: officer, action: action, recordType: type, recordID: recordID, detail: detail))
        }
        for ended in effects.ended {
            try tx.updatePlacement(ended)
            try tx.touch(.placements, id: ended.id, by: officer, at: now)
            log("placement.end", "placement", ended.id, "ending \(ended.ending!.rawValue) (\(ended.endReason!.rawValue))"
                + (ended.noticeHours.map { "; notice \($0) h" } ?? "") + "; next \(id)")
        }
        try tx.insertPlacement(effects.placement)
        try tx.stampNew(.placements, id: id, by: officer, at: now)
        // Approval texts may name people: the trail records which were given, not what they say.
        let kinds = effects.placement.approvals?.kinds.map(\.rawValue) ?? []
        log("placement.start", "placement", id, "child \(childID); vacancy \(vacancyID); tier \(effects.placement.localityTier)"
            + (kinds.isEmpty ? "" : "; approvals \(kinds.joined(separator: ", "))"))
        try tx.saveVacancy(effects.vacancy, isNew: false)
        try tx.touch(.vacancies, id: vacancyID, by: officer, at: now)
        log("vacancy.take_bed", "vacancy", vacancyID, "beds \(vacancy.beds)→\(effects.vacancy.beds); status \(vacancy.status.rawValue)→\(effects.vacancy.status.rawValue)"
            + (vacancy.hold == nil ? "" : "; hold released"))
        try tx.saveChild(effects.child)
        try tx.touch(.children, id: childID, by: officer, at: now)
        log("child.place", "child", childID, "status \(child.status.rawValue)→placed; placement \(id)")
        for entry in audit { try tx.append(entry) }
        return effects
    }

    /// Undoes a placement made today (see `Workflow.undoPlacement`), in one transaction: the placement is
    /// kept and marked undone with the reason, the placements it ended re-open, the bed comes back and the
    /// child's status is restored; one audit entry per record changed.
    static func undoPlacement(id: String, reason: String, officer: String, now: Date, in tx: some WorkflowTransaction) throws -> UndoEffects {
        guard let placement = try tx.placement(id) else {
            throw WorkflowError.unknownPlacement(id)
        }
        guard let child = try tx.child(placement.childID) else { throw WorkflowError.unknownChild(placement.childID) }
        let vacancy = try placement.vacancyID.flatMap { try tx.vacancy($0) }
        let effects = try Workflow.undoPlacement(
            UndoRecords(placement: placement, placements: try tx.placements(childID: child.id), child: child, vacancy: vacancy),
            officer: officer, reason: reason, now: now)
        var audit: [AuditEntry] = []
        func log(_ action: String, _ type: String, _ recordID: String, _ detail: String) {
            audit.append(AuditEntry(user: officer, action: action, recordType: type, recordID: recordID, detail: detail))
        }
        try tx.updatePlacement(effects.undone)
        try tx.touch(.placements, id: id, by: officer, at: now)
        // The reason is free text and may name people: the trail says an undo happened, not why.
        log("placement.undo", "placement", id, "undone (made by \(placement.placedBy ?? "unknown")); child \(child.id)"
            + (effects.reopened.isEmpty ? "" : "; reopened \(effects.reopened.map(\.id).joined(separator: ", "))"))
        for open in effects.reopened {
            try tx.updatePlacement(open)
            try tx.touch(.placements, id: open.id, by: officer, at: now)
            log("placement.reopen", "placement", open.id, "end cleared; \(id) undone")
        }
        if let returned = effects.vacancy, let before = vacancy {
            try tx.saveVacancy(returned, isNew: false)
            try tx.touch(.vacancies, id: returned.id, by: officer, at: now)
            log("vacancy.return_bed", "vacancy", returned.id,
                "beds \(before.beds)→\(returned.beds); status \(before.status.rawValue)→\(returned.status.rawValue); \(id) undone")
        }
        try tx.saveChild(effects.child)
        try tx.touch(.children, id: child.id, by: officer, at: now)
        log("child.unplace", "child", child.id, "status \(child.status.rawValue)→\(effects.child.status.rawValue); \(id) undone")
        for entry in audit { try tx.append(entry) }
        return effects
    }

    /// Everything `Workflow.place` reads, located as the matching engine locates it.
    static func placeRecords(childID: String, vacancyID: String, geography: Geography, in tx: some WorkflowTransaction) throws -> PlaceRecords {
        guard let child = try tx.child(childID) else { throw WorkflowError.unknownChild(childID) }
        guard let vacancy = try tx.vacancy(vacancyID) else { throw WorkflowError.unknownVacancy(vacancyID) }
        guard let provider = try tx.provider(vacancy.providerID) else { throw WorkflowError.unknownProvider(vacancy.providerID) }
        let placements = try tx.placements(childID: childID)
        // Withdrawn and superseded notices no longer count (v6 corrections).
        let notices = Corrections.current(try tx.notices(childID: childID, kind: .placementEnding))
        let bedPostcode = vacancy.postcode ?? provider.postcode
        let known = try tx.directoryRows([child.homePostcode, bedPostcode] + [child.schoolPostcode].compactMap { $0 }
                                                        + child.safeguarding.avoidAreas.map(\.postcode))
        let resolver = PostcodeResolver(geography: geography) { known[$0.value] }
        guard let home = resolver.locate(raw: child.homePostcode, fallbackAuthority: child.placingAuthority) else {
            throw WorkflowError.cannotLocate(recordID: childID)
        }
        guard let bed = resolver.locate(raw: bedPostcode, fallbackAuthority: provider.authorityCode) else {
            throw WorkflowError.cannotLocate(recordID: vacancyID)
        }
        // Safeguarding: an avoid-area that cannot be located refuses the placement rather than skip the check.
        let avoidAreas = try child.safeguarding.avoidAreas.map { area -> ResolvedAvoidArea in
            guard let centre = resolver.locate(raw: area.postcode, fallbackAuthority: nil) else {
                throw WorkflowError.cannotLocate(recordID: childID)
            }
            return ResolvedAvoidArea(childID: childID, location: centre, radiusMiles: area.radiusMiles)
        }
        // As the match request locates it (MatchRequest): the school's authority falls back to the child's.
        let school = child.schoolPostcode.flatMap { resolver.locate(raw: $0, fallbackAuthority: child.placingAuthority) }
        return PlaceRecords(child: child, vacancy: vacancy, provider: provider, placements: placements, notices: notices,
                            home: home, bed: bed, avoidAreas: avoidAreas, school: school)
    }
}
