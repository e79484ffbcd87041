import GRDB
import PlacementCore

/// A pre-v4 `placements` row (lists as JSON, days as text), read once by the v4 migration to fill the new columns.
struct PlacementRecord: FetchableRecord {
    static let databaseTableName = "placements"
    var value: Placement

    init(row: Row) throws {
        let r = RowReader(row: row, table: Self.databaseTableName)
        value = Placement(
            id: try r.value("id"), childID: try r.value("child_id"), providerID: try r.value("provider_id"),
            vacancyID: try r.optional("vacancy_id"), start: try r.day("start"),
            plannedEnd: try r.optionalDay("planned_end"), actualEnd: try r.optionalDay("actual_end"),
            endReason: try r.optionalCode("end_reason"), noticeHours: try r.optional("notice_hours"),
            ending: try r.optionalCode("ending"), placementType: try r.code("placement_type"),
            localityTier: try r.value("locality_tier"), milesFromHome: try r.value("miles_from_home"))
    }
}
