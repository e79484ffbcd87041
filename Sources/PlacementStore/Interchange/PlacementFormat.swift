import Foundation
import PlacementCore

/// placements.csv: a child's placement history, one row per placement episode.
enum PlacementFormat {
    static let schema = FileLayout(columns: [
        ColumnSpec("id", required: true),
        ColumnSpec("child_id", required: true),
        ColumnSpec("provider_id", required: true),
        ColumnSpec("vacancy_id"),
        ColumnSpec("start", required: true),
        ColumnSpec("planned_end"),
        ColumnSpec("actual_end"),
        ColumnSpec("end_reason"),
        ColumnSpec("notice_hours"),
        ColumnSpec("ending"),
        ColumnSpec("placement_type", required: true),
        ColumnSpec("locality_tier", required: true),
        ColumnSpec("miles_from_home", required: true),
        // Placefinder's own (v7): approvals recorded when placing, who placed, and the undo marker.
        ColumnSpec("panel_approval"),
        ColumnSpec("ks4_approval"),
        ColumnSpec("exceptional_reason"),
        ColumnSpec("placed_by"),
        ColumnSpec("placed_at"),
        ColumnSpec("ended_by"),
        ColumnSpec("child_status_before"),
        ColumnSpec("undone_by"),
        ColumnSpec("undone_at"),
        ColumnSpec("undo_reason"),
        // v9 (issue 13 §2): what was agreed, and the authorities fixed at the start (filled from the child
        // and the bed when absent).
        ColumnSpec("weekly_cost"),
        ColumnSpec("cost_changes"),
        ColumnSpec("purpose"),
        ColumnSpec("purchase"),
        ColumnSpec("placing_authority"),
        ColumnSpec("bed_authority"),
    ], personal: false)

    static func parse(_ r: CSVRecord) throws(ImportError) -> Placement {
        let id = try r.required("id")
        let child = try r.required("child_id")
        let provider = try r.required("provider_id")
        let vacancy = r.optional("vacancy_id")
        let start = try r.day("start")
        let plannedEnd = try r.optionalDay("planned_end")
        let actualEnd = try r.optionalDay("actual_end")
        let reason = try r.optionalEnum("end_reason", EndReason.self)
        let notice = try r.optionalInt("notice_hours")
        let ending = try r.optionalEnum("ending", Placement.Ending.self)
        let type = try r.enumValue("placement_type", PlacementType.self)
        let tier = try r.int("locality_tier")
        let miles = try r.double("miles_from_home")
        let approvals = PlacementApprovals(panel: r.optional("panel_approval"), keyStage4: r.optional("ks4_approval"),
                                           exceptionalReason: r.optional("exceptional_reason"))
        let weekly = try r.optionalInt("weekly_cost")
        if let weekly, weekly < 0 { throw r.fail("weekly_cost", "\(weekly) must not be negative") }
        var cost: AgreedCost?
        if let text = r.optional("cost_changes") {
            guard let changes = AgreedCost.changes(text) else {
                throw r.fail("cost_changes", "must be YYYY-MM-DD:cost items separated by ; (e.g. 2025-06-01:4100)")
            }
            guard let weekly else { throw r.fail("weekly_cost", "is required when cost_changes are given") }
            cost = AgreedCost(weekly: weekly, changes: changes)
        } else if let weekly {
            cost = AgreedCost(weekly: weekly)
        }
        let placing = try r.optional("placing_authority").map { raw throws(ImportError) in try r.parseAuthority("placing_authority", raw) }
        let bed = try r.optional("bed_authority").map { raw throws(ImportError) in try r.parseAuthority("bed_authority", raw) }
        var undone: PlacementUndo?
        if let by = r.optional("undone_by") {
            undone = PlacementUndo(by: by, at: try r.timestamp("undone_at"), reason: try r.required("undo_reason"))
        }
        return Placement(id: id, childID: child, providerID: provider, vacancyID: vacancy, start: start,
                         plannedEnd: plannedEnd, actualEnd: actualEnd, endReason: reason, noticeHours: notice,
                         ending: ending, placementType: type, localityTier: tier, milesFromHome: miles,
                         approvals: approvals == .none ? nil : approvals, placedBy: r.optional("placed_by"),
                         placedAt: try r.optionalTimestamp("placed_at"), endedBy: r.optional("ended_by"),
                         childStatusBefore: try r.optionalEnum("child_status_before", ChildStatus.self), undone: undone,
                         cost: cost, purpose: try r.optionalEnum("purpose", PlacementPurpose.self),
                         purchase: try r.optionalEnum("purchase", PurchaseRoute.self), placingAuthority: placing, bedAuthority: bed)
    }

    static func row(_ p: Placement) -> [String] {
        [p.id, p.childID, p.providerID, Cell.optional(p.vacancyID), p.start.iso, p.plannedEnd?.iso ?? "",
         p.actualEnd?.iso ?? "", p.endReason?.rawValue ?? "", p.noticeHours.map(String.init) ?? "",
         p.ending?.rawValue ?? "", p.placementType.rawValue, String(p.localityTier), Cell.number(p.milesFromHome),
         Cell.optional(p.approvals?.panel), Cell.optional(p.approvals?.keyStage4), Cell.optional(p.approvals?.exceptionalReason),
         Cell.optional(p.placedBy), p.placedAt.map(formattedTimestamp) ?? "", Cell.optional(p.endedBy),
         p.childStatusBefore?.rawValue ?? "", Cell.optional(p.undone?.by), p.undone.map { formattedTimestamp($0.at) } ?? "",
         Cell.optional(p.undone?.reason), p.cost.map { String($0.weekly) } ?? "", p.cost?.changesText ?? "",
         p.purpose?.rawValue ?? "", p.purchase?.rawValue ?? "", Cell.optional(p.placingAuthority), Cell.optional(p.bedAuthority)]
    }
}
