import Foundation
import GRDB
import PlacementCore

/// `vacancies` row ⇄ `Vacancy`. The age range is two columns so ages can be filtered in SQL;
/// the hold is three columns, all null or all set (a CHECK in the schema).
struct VacancyRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "vacancies"
    var value: Vacancy

    init(_ value: Vacancy) { self.value = value }

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

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = value.id
        container["provider_id"] = value.providerID
        container["setting"] = value.setting.rawValue
        container["postcode"] = value.postcode
        container["beds"] = value.beds
        container["age_min"] = value.ageRange.lowerBound
        container["age_max"] = value.ageRange.upperBound
        // A set has no order: store it sorted so the same set always gives the same text.
        container["genders_accepted"] = try JSONColumn.text(value.gendersAccepted.map(\.rawValue).sorted())
        container["max_sibling_group"] = value.maxSiblingGroup
        container["extra_capabilities"] = try JSONColumn.text(value.extraCapabilities)
        container["available_from"] = value.availableFrom.iso
        container["takes_emergencies"] = value.takesEmergencies
        container["weekly_fee"] = value.weeklyFee
        container["last_confirmed_at"] = value.lastConfirmedAt
        container["status"] = value.status.rawValue
        container["hold_child_id"] = value.hold?.childID
        container["hold_officer"] = value.hold?.officer
        container["hold_expires_at"] = value.hold?.expiresAt
        container["connected_children"] = try JSONColumn.text(value.connectedChildIDs)
    }
}
