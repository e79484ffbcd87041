import GRDB
import PlacementCore

/// `children` row ⇄ `Child`. Urgency is two columns ('emergency' | 'needed_by' plus the day)
/// so "who needs a placement by when" can be asked in SQL; lists are JSON.
struct ChildRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "children"
    var value: Child

    init(_ value: Child) { self.value = value }

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

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = value.id
        container["given_name"] = value.givenName
        container["family_name"] = value.familyName
        container["date_of_birth"] = value.dateOfBirth.iso
        container["gender"] = value.gender.rawValue
        container["home_postcode"] = value.homePostcode
        container["placing_authority"] = value.placingAuthority
        container["school_postcode"] = value.schoolPostcode
        container["first_language"] = value.firstLanguage.rawValue
        container["welsh_placement"] = value.welshPlacement?.rawValue
        container["legal_status"] = value.legalStatus.rawValue
        container["needs"] = try JSONColumn.text(value.needs)
        container["sibling_group_id"] = value.siblingGroup?.groupID
        container["sibling_must_be_together"] = value.siblingGroup?.mustBePlacedTogether
        container["avoid_authorities"] = try JSONColumn.text(value.safeguarding.avoidAuthorities)
        container["avoid_areas"] = try JSONColumn.text(value.safeguarding.avoidAreas)
        container["minimum_miles_from_home"] = value.safeguarding.minimumMilesFromHome
        container["acceptable_settings"] = try JSONColumn.text(value.acceptableSettings)
        switch value.urgency {
        case .emergency:
            container["urgency"] = "emergency"
            container["needed_by"] = nil as String?
        case .neededBy(let day):
            container["urgency"] = "needed_by"
            container["needed_by"] = day.iso
        }
        container["status"] = value.status.rawValue
    }
}
