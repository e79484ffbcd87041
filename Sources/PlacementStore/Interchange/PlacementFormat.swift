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
        return Placement(id: id, childID: child, providerID: provider, vacancyID: vacancy, start: start,
                         plannedEnd: plannedEnd, actualEnd: actualEnd, endReason: reason, noticeHours: notice,
                         ending: ending, placementType: type, localityTier: tier, milesFromHome: miles)
    }

    static func row(_ p: Placement) -> [String] {
        [p.id, p.childID, p.providerID, Cell.optional(p.vacancyID), p.start.iso, p.plannedEnd?.iso ?? "",
         p.actualEnd?.iso ?? "", p.endReason?.rawValue ?? "", p.noticeHours.map(String.init) ?? "",
         p.ending?.rawValue ?? "", p.placementType.rawValue, String(p.localityTier), Cell.number(p.milesFromHome)]
    }
}
