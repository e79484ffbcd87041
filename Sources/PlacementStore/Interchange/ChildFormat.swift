import Foundation
import PlacementCore

/// children.csv: one row per looked-after child. Personal: errors never echo a value.
enum ChildFormat {
    static let schema = FileLayout(columns: [
        ColumnSpec("id", required: true),
        ColumnSpec("given_name", required: true),
        ColumnSpec("family_name", required: true),
        ColumnSpec("date_of_birth", required: true),
        ColumnSpec("gender", required: true),
        ColumnSpec("home_postcode", required: true),
        ColumnSpec("placing_authority", required: true),
        ColumnSpec("placing_authority_name", exportOnly: true),
        ColumnSpec("school_postcode"),
        ColumnSpec("first_language"),
        ColumnSpec("welsh_placement"),
        ColumnSpec("legal_status", required: true),
        ColumnSpec("needs"),
        ColumnSpec("sibling_group"),
        ColumnSpec("siblings_together"),
        ColumnSpec("avoid_authorities"),
        ColumnSpec("avoid_areas"),
        ColumnSpec("min_miles_from_home"),
        ColumnSpec("settings", required: true),
        ColumnSpec("needed_by", required: true),
        ColumnSpec("status", required: true),
        ColumnSpec("risk_to_others"),
        ColumnSpec("living_companions"),
        ColumnSpec("associates_to_avoid"),
    ], personal: true)

    static func parse(_ r: CSVRecord) throws(ImportError) -> Child {
        let id = try r.required("id")
        let given = r.text("given_name"), family = r.text("family_name")
        if given.isEmpty && family.isEmpty { throw r.fail("given_name", "a given or family name is required") }
        let dateOfBirth = try r.day("date_of_birth")
        let gender = try r.enumValue("gender", Gender.self)
        let home = try r.postcode("home_postcode")
        let authority = try r.authority("placing_authority")
        let school = try r.optionalPostcode("school_postcode")
        let language = try r.optionalEnum("first_language", FirstLanguage.self) ?? .english
        let welsh = try r.optionalEnum("welsh_placement", NeedLevel.self)
        let legal = try r.enumValue("legal_status", LegalStatus.self)
        let needs = try parseNeeds(r)
        let siblingGroup = r.optional("sibling_group")
        let together = try r.bool("siblings_together", default: false)
        if siblingGroup == nil && r.optional("siblings_together") != nil {
            throw r.fail("siblings_together", "is set but sibling_group is empty")
        }
        var avoidAuthorities: [String] = []
        for (i, raw) in r.list("avoid_authorities").enumerated() {
            avoidAuthorities.append(try r.parseAuthority("avoid_authorities", raw, item: i + 1))
        }
        let avoidAreas = try parseAvoidAreas(r)
        let minimumMiles = try r.optionalDouble("min_miles_from_home")
        var settings: [Setting] = []
        for (i, raw) in r.list("settings").enumerated() {
            let setting = try r.parseEnum("settings", raw, Setting.self, item: i + 1)
            if !settings.contains(setting) { settings.append(setting) }
        }
        if settings.isEmpty { throw r.fail("settings", "is required but empty (e.g. foster;kinship)") }
        let urgency: Urgency
        let neededBy = try r.required("needed_by")
        if neededBy.lowercased() == "emergency" {
            urgency = .emergency
        } else if let day = Day(iso: neededBy) {
            urgency = .neededBy(day)
        } else {
            throw r.fail("needed_by", "must be \"emergency\" or a valid date (YYYY-MM-DD)")
        }
        let status = try r.enumValue("status", ChildStatus.self)
        var risks: [RiskToOthers] = []
        for (i, raw) in r.list("risk_to_others").enumerated() {
            let risk = try r.parseEnum("risk_to_others", raw, RiskToOthers.self, item: i + 1)
            if !risks.contains(risk) { risks.append(risk) }
        }
        let companions = try r.optionalEnum("living_companions", LivingCompanions.self)
        var associates: [String] = []
        for raw in r.list("associates_to_avoid") where !associates.contains(raw) { associates.append(raw) }
        return Child(id: id, givenName: given, familyName: family, dateOfBirth: dateOfBirth, gender: gender,
                     homePostcode: home, placingAuthority: authority, schoolPostcode: school,
                     firstLanguage: language, welshPlacement: welsh, legalStatus: legal, needs: needs,
                     siblingGroup: siblingGroup.map { SiblingGroup(groupID: $0, mustBePlacedTogether: together) },
                     safeguarding: SafeguardingConstraints(avoidAuthorities: avoidAuthorities, avoidAreas: avoidAreas,
                                                           minimumMilesFromHome: minimumMiles),
                     acceptableSettings: settings, urgency: urgency, status: status,
                     riskToOthers: risks, livingCompanions: companions, associatesToAvoid: associates)
    }

    /// `AUT:essential;MH:important`
    private static func parseNeeds(_ r: CSVRecord) throws(ImportError) -> [NeedRequirement] {
        var needs: [NeedRequirement] = []
        var seen = Set<String>()
        for (i, item) in r.list("needs").enumerated() {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                throw r.fail("needs", "item \(i + 1) must be CODE:level, e.g. AUT:essential")
            }
            let code = parts[0].uppercased()
            guard NeedCatalogue.standard.contains(code) else {
                throw r.fail("needs", "item \(i + 1) is not a need code in the catalogue")
            }
            guard seen.insert(code).inserted else { throw r.fail("needs", "item \(i + 1) repeats a need code") }
            let level = try r.parseEnum("needs", parts[1], NeedLevel.self, item: i + 1)
            needs.append(NeedRequirement(code: code, level: level))
        }
        return needs
    }

    /// `CF10 1AA:5;SA1 1AA:3` (postcode and radius in miles).
    private static func parseAvoidAreas(_ r: CSVRecord) throws(ImportError) -> [AvoidArea] {
        var areas: [AvoidArea] = []
        for (i, item) in r.list("avoid_areas").enumerated() {
            guard let colon = item.lastIndex(of: ":") else {
                throw r.fail("avoid_areas", "item \(i + 1) must be POSTCODE:miles, e.g. CF10 1AA:5")
            }
            let postcode = try r.parsePostcode("avoid_areas", String(item[..<colon]), item: i + 1)
            let milesText = item[item.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard let miles = parsedNumber(milesText), miles > 0 else {
                throw r.fail("avoid_areas", "item \(i + 1) radius must be a positive number of miles")
            }
            areas.append(AvoidArea(postcode: postcode, radiusMiles: miles))
        }
        return areas
    }

    static func row(_ c: Child, authorityName: AuthorityNaming) -> [String] {
        let neededBy: String = switch c.urgency {
        case .emergency: "emergency"
        case .neededBy(let day): day.iso
        }
        return [c.id, c.givenName, c.familyName, c.dateOfBirth.iso, c.gender.rawValue, c.homePostcode,
                c.placingAuthority, authorityName(c.placingAuthority) ?? "", Cell.optional(c.schoolPostcode),
                c.firstLanguage.rawValue, c.welshPlacement?.rawValue ?? "", c.legalStatus.rawValue,
                Cell.list(c.needs.map { "\($0.code):\($0.level.rawValue)" }),
                c.siblingGroup?.groupID ?? "", c.siblingGroup.map { Cell.bool($0.mustBePlacedTogether) } ?? "",
                Cell.list(c.safeguarding.avoidAuthorities),
                Cell.list(c.safeguarding.avoidAreas.map { "\($0.postcode):\(Cell.number($0.radiusMiles))" }),
                c.safeguarding.minimumMilesFromHome.map(Cell.number) ?? "",
                Cell.list(c.acceptableSettings.map(\.rawValue)), neededBy, c.status.rawValue,
                Cell.list(c.riskToOthers.map(\.rawValue)), c.livingCompanions?.rawValue ?? "", Cell.list(c.associatesToAvoid)]
    }
}
