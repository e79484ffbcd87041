import Foundation
import GRDB
import PlacementCore

/// A pre-v4 `vacancies` row (lists as JSON, days as text), read once by the v4 migration to fill the new columns.
struct VacancyRecord: FetchableRecord {
    static let databaseTableName = "vacancies"
    var value: Vacancy

    init(row: Row) throws {
        let r = RowReader(row: row, table: Self.databaseTableName)
        let ageMin: Int = try r.value("age_min")
        let ageMax: Int = try r.value("age_max")
        guard ageMin <= ageMax else { throw StoreError.unreadableValue(table: Self.databaseTableName, column: "age_max") }
        var hold: Hold?
        if let childID: String = try r.optional("hold_child_id") {
            hold = Hold(childID: childID, officer: try r.value("hold_officer"), expiresAt: try r.value("hold_expires_at"))
        }
        let genders: [Gender] = try r.json("genders_accepted")
        value = Vacancy(
            id: try r.value("id"), providerID: try r.value("provider_id"), setting: try r.code("setting"),
            postcode: try r.optional("postcode"), beds: try r.value("beds"), ageRange: ageMin...ageMax,
            gendersAccepted: Set(genders), maxSiblingGroup: try r.value("max_sibling_group"),
            extraCapabilities: try r.json("extra_capabilities"), availableFrom: try r.day("available_from"),
            takesEmergencies: try r.value("takes_emergencies"), weeklyFee: try r.value("weekly_fee"),
            lastConfirmedAt: try r.value("last_confirmed_at"), status: try r.code("status"), hold: hold,
            connectedChildIDs: try r.json("connected_children"))
    }
}
