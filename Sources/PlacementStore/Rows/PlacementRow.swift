import GRDB
import PlacementCore

/// The `placements` row: days as integers beside the ISO text (v4); approvals, who placed it and the
/// undo marker (v7).
enum PlacementRow {
    static let table = "placements"

    /// The columns up to v4 (the v4 migration's backfill writes only these: later ones do not exist yet).
    static let v4Written = [
        "id", "child_id", "provider_id", "vacancy_id", "start", "planned_end", "actual_end", "end_reason",
        "notice_hours", "ending", "placement_type", "locality_tier", "miles_from_home",
        "start_day", "planned_end_day", "actual_end_day",
    ]
    static let v7Columns = [
        "panel_approval", "ks4_approval", "exceptional_reason", "placed_by", "placed_at", "ended_by",
        "child_status_before", "undone_by", "undone_at", "undo_reason",
    ]
    /// v9: agreed weekly cost and its changes ("YYYY-MM-DD:cost;…", read whole), purpose, framework or spot,
    /// and the placing and bed authorities fixed at the start.
    static let v9Columns = ["weekly_cost", "cost_changes", "purpose", "purchase", "placing_authority", "bed_authority"]
    static let written = v4Written + v7Columns + v9Columns

    static func v4Arguments(_ p: Placement) -> [(any DatabaseValueConvertible)?] {
        [p.id, p.childID, p.providerID, p.vacancyID, p.start.iso, p.plannedEnd?.iso, p.actualEnd?.iso,
         p.endReason?.rawValue, p.noticeHours, p.ending?.rawValue, p.placementType.rawValue, p.localityTier,
         p.milesFromHome, p.start.daysSinceEpoch, p.plannedEnd?.daysSinceEpoch, p.actualEnd?.daysSinceEpoch]
    }

    static func arguments(_ p: Placement) -> [(any DatabaseValueConvertible)?] {
        v4Arguments(p) + [
            p.approvals?.panel, p.approvals?.keyStage4, p.approvals?.exceptionalReason, p.placedBy, p.placedAt, p.endedBy,
            p.childStatusBefore?.rawValue, p.undone?.by, p.undone?.at, p.undone?.reason,
            p.cost?.weekly, p.cost.flatMap { $0.changes.isEmpty ? nil : $0.changesText }, p.purpose?.rawValue,
            p.purchase?.rawValue, p.placingAuthority, p.bedAuthority,
        ]
    }

    static let read = [
        "id", "child_id", "provider_id", "vacancy_id", "start_day", "planned_end_day", "actual_end_day", "end_reason",
        "notice_hours", "ending", "placement_type", "locality_tier", "miles_from_home", "version",
    ] + v7Columns + v9Columns
    static let select = "SELECT \(read.joined(separator: ", ")) FROM placements"

    static func decode(_ row: Row) throws -> (placement: Placement, version: Int) {
        let r = ColumnReader(row: row, table: table, columns: read)
        let approvals = PlacementApprovals(panel: try r.optional(14), keyStage4: try r.optional(15),
                                           exceptionalReason: try r.optional(16))
        let undone: PlacementUndo? = if let by: String = try r.optional(21) {
            PlacementUndo(by: by, at: try r.timestamp(22), reason: try r.optional(23) ?? "")
        } else { nil }
        var cost: AgreedCost?
        if let weekly: Int = try r.optional(24) {
            let text: String = try r.optional(25) ?? ""
            guard let changes = AgreedCost.changes(text) else { throw r.unreadable(25) }
            cost = AgreedCost(weekly: weekly, changes: changes)
        }
        let placement = Placement(
            id: try r.value(0), childID: try r.value(1), providerID: try r.value(2), vacancyID: try r.optional(3),
            start: try r.day(4), plannedEnd: try r.optionalDay(5), actualEnd: try r.optionalDay(6),
            endReason: try r.optionalCode(7), noticeHours: try r.optional(8), ending: try r.optionalCode(9),
            placementType: try r.code(10), localityTier: try r.value(11), milesFromHome: try r.value(12),
            approvals: approvals == .none ? nil : approvals, placedBy: try r.optional(17),
            placedAt: try r.optionalTimestamp(18), endedBy: try r.optional(19), childStatusBefore: try r.optionalCode(20),
            undone: undone, cost: cost, purpose: try r.optionalCode(26), purchase: try r.optionalCode(27),
            placingAuthority: try r.optional(28), bedAuthority: try r.optional(29))
        return (placement, try r.value(13))
    }
}

/// `notices` rows (few: timestamps stay GRDB text, read from bytes), corrections included (v6).
enum NoticeRow {
    static let table = "notices"
    static let written = ["id", "received_at", "logged_by", "provider_id", "kind", "child_id", "effective_at", "reason", "vacancy_id", "text"]
        + CorrectionColumns.names
    static let read = written
    static let select = "SELECT \(read.joined(separator: ", ")) FROM notices"

    static func arguments(_ n: ProviderNotice) -> [(any DatabaseValueConvertible)?] {
        [n.id, n.receivedAt, n.loggedBy, n.providerID, n.kind.rawValue, n.childID, n.effectiveAt, n.reason?.rawValue, n.vacancyID, n.text]
            + CorrectionColumns.arguments(n.correction)
    }

    static func decode(_ row: Row) throws -> ProviderNotice {
        let r = ColumnReader(row: row, table: table, columns: read)
        return ProviderNotice(
            id: try r.value(0), receivedAt: try r.timestamp(1), loggedBy: try r.value(2), providerID: try r.value(3),
            kind: try r.code(4), childID: try r.optional(5), effectiveAt: try r.optionalTimestamp(6),
            reason: try r.optionalCode(7), vacancyID: try r.optional(8), text: try r.value(9),
            correction: try CorrectionColumns.decode(r, from: 10))
    }
}

/// `contacts` rows: one call of the ring-round, or an amendment of one (v6).
enum ContactRow {
    static let table = "contacts"
    static let written = ["id", "child_id", "provider_id", "vacancy_id", "at", "outcome", "decline_reason", "by",
                          "note", "call_back_at", "decline_scope"] + CorrectionColumns.names
        + ["referral_sections", "response_due", "responds_to", "offered_fee", "offered_start"]
    static let read = written
    static let select = "SELECT \(read.joined(separator: ", ")) FROM contacts"

    static func arguments(_ c: Contact) -> [(any DatabaseValueConvertible)?] {
        [c.id, c.childID, c.providerID, c.vacancyID, c.at, c.outcome.rawValue, c.declineReason, c.by,
         c.note, c.callBackAt, c.declineScope?.rawValue] + CorrectionColumns.arguments(c.correction)
            + [c.referral.map { $0.sections.map(\.rawValue).joined(separator: ",") }, c.referral?.responseDue, c.respondsTo,
               c.offer?.weeklyFee, c.offer?.start.daysSinceEpoch]
    }

    static func decode(_ row: Row) throws -> Contact {
        let r = ColumnReader(row: row, table: table, columns: read)
        return Contact(id: try r.value(0), childID: try r.value(1), providerID: try r.value(2), vacancyID: try r.optional(3),
                       at: try r.timestamp(4), outcome: try r.code(5), declineReason: try r.optional(6), by: try r.value(7),
                       note: try r.value(8), callBackAt: try r.optionalTimestamp(9), declineScope: try r.optionalCode(10),
                       correction: try CorrectionColumns.decode(r, from: 11), referral: try referral(r, from: 16),
                       respondsTo: try r.optional(18), offer: try offer(r, from: 19))
    }

    /// The sections and deadline of a referral (both or neither).
    static func referral(_ r: ColumnReader, from first: Int) throws -> ReferralSent? {
        guard let keys: String = try r.optional(first) else { return nil }
        var sections: [ReferralSection] = []
        for key in keys.split(separator: ",") {
            guard let section = ReferralSection(rawValue: String(key)) else { throw r.unreadable(first) }
            sections.append(section)
        }
        guard let due = try r.optionalTimestamp(first + 1) else { throw r.unreadable(first + 1) }
        return ReferralSent(sections: sections, responseDue: due)
    }

    static func offer(_ r: ColumnReader, from first: Int) throws -> ReferralOffer? {
        guard let fee: Int = try r.optional(first) else { return nil }
        guard let start = try r.optionalDay(first + 1) else { throw r.unreadable(first + 1) }
        return ReferralOffer(weeklyFee: fee, start: start)
    }
}

/// The five v6 columns a correcting row carries (all NULL on an original).
enum CorrectionColumns {
    static let names = ["corrects", "correction_kind", "correction_reason", "corrected_at", "corrected_by"]

    static func arguments(_ c: Correction?) -> [(any DatabaseValueConvertible)?] {
        [c?.corrects, c?.kind.rawValue, c?.reason, c?.at, c?.by]
    }

    static func decode(_ r: ColumnReader, from first: Int) throws -> Correction? {
        guard let corrects: String = try r.optional(first) else { return nil }
        return Correction(corrects: corrects, kind: try r.code(first + 1), reason: try r.value(first + 2),
                          at: try r.timestamp(first + 3), by: try r.value(first + 4))
    }
}
