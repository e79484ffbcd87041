import GRDB
import PlacementCore

/// A pre-v4 `children` row (lists as JSON, days as text), read once by the v4 migration to fill the new columns.
struct ChildRecord: FetchableRecord {
    static let databaseTableName = "children"
    var value: Child

    init(row: Row) throws {
        let r = RowReader(row: row, table: Self.databaseTableName)
        let urgency: Urgency
        switch try r.value("urgency", as: String.self) {
        case "emergency": urgency = .emergency
        case "needed_by": urgency = .neededBy(try r.day("needed_by"))
        default: throw StoreError.unreadableValue(table: Self.databaseTableName, column: "urgency")
        }
        var siblings: SiblingGroup?
        if let groupID: String = try r.optional("sibling_group_id") {
            siblings = SiblingGroup(groupID: groupID, mustBePlacedTogether: try r.value("sibling_must_be_together"))
        }
        value = Child(
            id: try r.value("id"), givenName: try r.value("given_name"), familyName: try r.value("family_name"),
            dateOfBirth: try r.day("date_of_birth"), gender: try r.code("gender"),
            homePostcode: try r.value("home_postcode"), placingAuthority: try r.value("placing_authority"),
            schoolPostcode: try r.optional("school_postcode"), firstLanguage: try r.code("first_language"),
            welshPlacement: try r.optionalCode("welsh_placement"), legalStatus: try r.code("legal_status"),
            needs: try r.json("needs"), siblingGroup: siblings,
            safeguarding: SafeguardingConstraints(
                avoidAuthorities: try r.json("avoid_authorities"), avoidAreas: try r.json("avoid_areas"),
                minimumMilesFromHome: try r.optional("minimum_miles_from_home")),
            acceptableSettings: try r.json("acceptable_settings"), urgency: urgency, status: try r.code("status"))
    }
}
