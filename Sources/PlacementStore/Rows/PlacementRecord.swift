import GRDB
import PlacementCore

/// `placements` row ⇄ `Placement`.
struct PlacementRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "placements"
    var value: Placement

    init(_ value: Placement) { self.value = value }

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

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = value.id
        container["child_id"] = value.childID
        container["provider_id"] = value.providerID
        container["vacancy_id"] = value.vacancyID
        container["start"] = value.start.iso
        container["planned_end"] = value.plannedEnd?.iso
        container["actual_end"] = value.actualEnd?.iso
        container["end_reason"] = value.endReason?.rawValue
        container["notice_hours"] = value.noticeHours
        container["ending"] = value.ending?.rawValue
        container["placement_type"] = value.placementType.rawValue
        container["locality_tier"] = value.localityTier
        container["miles_from_home"] = value.milesFromHome
    }
}
